package org.gridplan.results.stats;

import java.util.Arrays;
import java.util.Optional;
import org.gridplan.sim.engine.Stats;

/**
 * Percentiles of response time over the incidents of all replications pooled, minutes.
 *
 * <p>Nearest rank, computed by {@link Stats#nearestRank} as in the runs' own summaries: the p-th
 * percentile is the smallest value with at least a share p of the sample at or below it, i.e. the
 * {@code ⌈p·n⌉}-th smallest.
 *
 * @param count incidents pooled
 * @param p50   median, minutes
 * @param p90   90th percentile, minutes
 * @param p95   95th percentile, minutes
 */
public record PooledPercentiles(long count, double p50, double p90, double p95) {

    /** The percentiles of the finite values in {@code minutes}; empty when there are none. */
    public static Optional<PooledPercentiles> of(double[] minutes) {
        double[] sorted = Arrays.stream(minutes).filter(Double::isFinite).sorted().toArray();
        if (sorted.length == 0) {
            return Optional.empty();
        }
        return Optional.of(new PooledPercentiles(sorted.length, rank(sorted, 0.5), rank(sorted, 0.9),
                rank(sorted, 0.95)));
    }

    /** The percentiles of {@code sorted}, ascending and finite, without copying it; empty when it is empty. */
    static Optional<PooledPercentiles> ofSorted(double[] sorted) {
        if (sorted.length == 0) {
            return Optional.empty();
        }
        return Optional.of(new PooledPercentiles(sorted.length, rank(sorted, 0.5), rank(sorted, 0.9),
                rank(sorted, 0.95)));
    }

    /** The nearest-rank {@code p} percentile of an ascending, non-empty array, by {@link Stats#nearestRank}. */
    public static double rank(double[] sorted, double p) {
        return Stats.nearestRank(sorted, sorted.length, p);
    }
}
