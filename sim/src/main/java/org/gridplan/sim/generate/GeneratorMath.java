package org.gridplan.sim.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Small counting helpers that several stages of {@link CityGenerator} share: dividing a whole
 * number among parts in proportion to weights, drawing which slots of a sub-grid are used, and
 * the zero-padded numbers of ids. They hold no state.
 */
final class GeneratorMath {

    private GeneratorMath() {
    }

    /**
     * Splits {@code total} into integers proportional to {@code weights}, each at least
     * {@code min}: largest-remainder method, ties to the lower index.
     */
    static int[] apportion(double[] weights, int total, int min) {
        int n = weights.length;
        int[] out = new int[n];
        Arrays.fill(out, min);
        int rest = total - n * min;
        if (rest < 0) {
            throw new IllegalArgumentException("cannot give " + n + " parts at least " + min + " of " + total);
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] fraction = new double[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            double exact = rest * weights[i] / sum;
            int whole = (int) Math.floor(exact);
            out[i] += whole;
            given += whole;
            fraction[i] = exact - whole;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> fraction[a] != fraction[b] ? Double.compare(fraction[b], fraction[a])
                : Integer.compare(a, b));
        for (int t = 0; t < rest - given; t++) {
            out[order[t % n]]++;
        }
        return out;
    }

    /** Which {@code m} of {@code slots} sub-grid slots hold something, the empty ones drawn at random. */
    static boolean[] chooseSlots(int slots, int m, SplittableRandom random) {
        boolean[] used = new boolean[slots];
        Arrays.fill(used, true);
        for (int empty = slots - m; empty > 0; ) {
            int s = random.nextInt(slots);
            if (used[s]) {
                used[s] = false;
                empty--;
            }
        }
        return used;
    }

    /** {@code a / b} rounded up, for {@code a ≥ 0} and {@code b > 0}. */
    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** {@code value} in decimal, zero-padded on the left to at least {@code digits} digits. */
    static String pad(int value, int digits) {
        String s = Integer.toString(value);
        return s.length() >= digits ? s : "0".repeat(digits - s.length()) + s;
    }
}
