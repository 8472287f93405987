package org.gridplan.results.stats;

/**
 * A closed interval {@code [lower, upper]}, in the stored unit of its KPI (minutes or a fraction).
 *
 * @param lower lower bound, finite
 * @param upper upper bound, finite, at least {@code lower}
 */
public record Interval(double lower, double upper) {

    public Interval {
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || upper < lower) {
            throw new IllegalArgumentException("bad interval [" + lower + ", " + upper + "]");
        }
    }

    /** Whether {@code x} lies in the interval. */
    public boolean contains(double x) {
        return lower <= x && x <= upper;
    }

    /** Half the width: the ± of a symmetric interval. */
    public double halfWidth() {
        return (upper - lower) / 2;
    }
}
