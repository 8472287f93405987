package org.gridplan.sim.road;

import java.util.Arrays;

/**
 * A binary min-heap of (key, node) pairs in primitive arrays, for Dijkstra and A* with lazy
 * deletion: a node may be pushed several times and stale entries are skipped by the caller. Ties
 * on the key go to the lower node, so searches are deterministic. Reusable after {@link #clear}.
 */
final class NodeHeap {

    private double[] keys;
    private int[] nodes;
    private int size;

    NodeHeap(int capacity) {
        keys = new double[Math.max(16, capacity)];
        nodes = new int[keys.length];
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
    }

    /** The smallest key; the heap must not be empty. */
    double peekKey() {
        return keys[0];
    }

    /** The node of the smallest key; the heap must not be empty. */
    int peekNode() {
        return nodes[0];
    }

    void push(double key, int node) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            nodes = Arrays.copyOf(nodes, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (keys[p] > key || (keys[p] == key && nodes[p] > node)) {
                keys[i] = keys[p];
                nodes[i] = nodes[p];
                i = p;
            } else {
                break;
            }
        }
        keys[i] = key;
        nodes[i] = node;
    }

    /** Removes the smallest entry; the heap must not be empty. */
    void pop() {
        size--;
        if (size == 0) {
            return;
        }
        double key = keys[size];
        int node = nodes[size];
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && (keys[c + 1] < keys[c] || (keys[c + 1] == keys[c] && nodes[c + 1] < nodes[c]))) {
                c++;
            }
            if (keys[c] < key || (keys[c] == key && nodes[c] < node)) {
                keys[i] = keys[c];
                nodes[i] = nodes[c];
                i = c;
            } else {
                break;
            }
        }
        keys[i] = key;
        nodes[i] = node;
    }
}
