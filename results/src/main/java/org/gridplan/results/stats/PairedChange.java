package org.gridplan.results.stats;

import java.util.Objects;

/**
 * A paired comparison with the means it compares: the KPI's mean over the paired replications
 * (those with a finite value in both layouts) in the baseline and in the candidate, so that
 * {@code candidateMean − baselineMean} is the comparison's mean difference. For a sentence such
 * as "raises on-time closure from 91.2% to 95.8%".
 *
 * @param comparison    the paired comparison
 * @param baselineMean  the baseline's mean over the paired replications, stored unit; NaN without a pair
 * @param candidateMean the candidate's mean over the same replications; NaN without a pair
 */
public record PairedChange(PairedComparison comparison, double baselineMean, double candidateMean) {

    public PairedChange {
        Objects.requireNonNull(comparison, "comparison");
    }
}
