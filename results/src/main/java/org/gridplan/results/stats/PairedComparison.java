package org.gridplan.results.stats;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A KPI of a candidate layout against a baseline layout at one sweep point, paired by replication
 * under common random numbers: replication r of the candidate saw the same incidents as
 * replication r of the baseline, so the differences {@code d_r = candidate_r − baseline_r} cancel
 * most of the noise the two share.
 *
 * <p>The interval is the Student t interval of the mean difference, {@code mean(d) ± t(0.975, n −
 * 1) · sd(d) / √n}; the difference is significant at the 5% level exactly when the interval
 * excludes 0 (the two-sided paired t test). With one pair there is no interval and the outcome
 * is {@link Outcome#UNAVAILABLE}.
 *
 * @param kpi        the KPI compared
 * @param candidate  candidate layout name
 * @param baseline   baseline layout name
 * @param sweepPoint the sweep point
 * @param pairs      replications present, with a finite value, in both layouts
 * @param difference mean of candidate − baseline in the KPI's stored unit; empty with no pair
 * @param ci         95% interval of the mean difference; empty with fewer than two pairs
 * @param pValue     two-sided paired t test p-value; empty with fewer than two pairs
 * @param outcome    which way the difference goes, if it is significant
 */
public record PairedComparison(Kpi kpi, String candidate, String baseline, double sweepPoint, int pairs,
        OptionalDouble difference, Optional<Interval> ci, OptionalDouble pValue, Outcome outcome) {

    /** What the paired comparison says about the candidate's KPI relative to the baseline's. */
    public enum Outcome {
        /** Significantly lower than the baseline. */
        LOWER,
        /** Significantly higher than the baseline. */
        HIGHER,
        /** The 95% interval of the difference contains 0. */
        NOT_DISTINGUISHABLE,
        /** Fewer than two paired replications: no interval. */
        UNAVAILABLE
    }

    /** Whether the candidate is significantly better than the baseline on this KPI. */
    public boolean improves() {
        return switch (kpi.direction()) {
            case LOWER_IS_BETTER -> outcome == Outcome.LOWER;
            case HIGHER_IS_BETTER -> outcome == Outcome.HIGHER;
            case NEUTRAL -> false;
        };
    }

    /** Whether the candidate is significantly worse than the baseline on this KPI. */
    public boolean worsens() {
        return switch (kpi.direction()) {
            case LOWER_IS_BETTER -> outcome == Outcome.HIGHER;
            case HIGHER_IS_BETTER -> outcome == Outcome.LOWER;
            case NEUTRAL -> false;
        };
    }
}
