package org.gridplan.sim.engine;

import java.util.Arrays;

/** A growable FIFO ring of ints (incident numbers), allocation-free once grown. */
final class IntQueue {
    private int[] data = new int[4];
    private int head;
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    int peek() {
        return data[head];
    }

    void add(int v) {
        if (size == data.length) {
            int[] grown = new int[data.length * 2];
            for (int k = 0; k < size; k++) {
                grown[k] = data[(head + k) % data.length];
            }
            data = grown;
            head = 0;
        }
        data[(head + size) % data.length] = v;
        size++;
    }

    int poll() {
        int v = data[head];
        head = (head + 1) % data.length;
        size--;
        return v;
    }

    /** Removes the first occurrence of {@code v}; whether it was there. */
    boolean remove(int v) {
        for (int k = 0; k < size; k++) {
            if (data[(head + k) % data.length] == v) {
                for (int j = k; j > 0; j--) {
                    data[(head + j) % data.length] = data[(head + j - 1) % data.length];
                }
                head = (head + 1) % data.length;
                size--;
                return true;
            }
        }
        return false;
    }

    void clear() {
        Arrays.fill(data, 0);
        head = 0;
        size = 0;
    }
}
