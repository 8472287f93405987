package org.gridplan.sim.engine;

/** Searches over running totals, for draws in proportion to weights (households of buildings). */
public final class Cumulative {

    private Cumulative() {
    }

    /**
     * The first index whose running total exceeds {@code r}: with {@code cum} the running totals of
     * the weights and {@code r} uniform in [0, total), index i is drawn with probability weight i /
     * total.
     */
    public static int upperBound(long[] cum, long r) {
        int lo = 0;
        int hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
