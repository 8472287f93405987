package org.gridplan.sim.engine;

import java.util.Arrays;

/**
 * Summary of a sample of durations in minutes: count, mean, nearest-rank percentiles (the
 * smallest value with at least p of the sample at or below it) and maximum. An empty sample has
 * count 0 and NaN elsewhere.
 */
public record Stats(long count, double mean, double p50, double p90, double p95, double max) {

    /** The empty sample. */
    public static final Stats EMPTY = new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Summarises {@code values[0..n)}; sorts that range in place. */
    public static Stats of(double[] values, int n) {
        if (n == 0) {
            return EMPTY;
        }
        Arrays.sort(values, 0, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
        }
        return new Stats(n, sum / n, nearestRank(values, n, 0.5), nearestRank(values, n, 0.9),
                nearestRank(values, n, 0.95), values[n - 1]);
    }

    /**
     * The nearest-rank {@code p} percentile of {@code sorted[0..n)}, ascending, {@code n ≥ 1}:
     * the smallest value with at least a share {@code p} of the sample at or below it, the
     * {@code ⌈p·n⌉}-th smallest (the first for {@code p = 0}). The one percentile definition of
     * gridplan's summaries and reports.
     */
    public static double nearestRank(double[] sorted, int n, double p) {
        int k = (int) Math.ceil(p * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, k))];
    }
}
