/**
 * Statistics over a batch of runs: the immutable comparison input ({@link
 * org.gridplan.results.stats.ComparisonData}, filled from {@code RunResult}s by its builder or read
 * from a results store), compact response-time histograms ({@link
 * org.gridplan.results.stats.ResponseHistogram}), per
 * layout and sweep point summaries with Student t confidence intervals, pooled response-time
 * percentiles, paired comparisons of layouts under common random numbers, and rankings.
 *
 * <p>Times are minutes and shares are fractions in [0, 1] throughout; {@link
 * org.gridplan.results.stats.Unit} converts them for display. A quantity that cannot be computed
 * (an interval from one replication, a percentile of no incidents) is an empty {@code Optional},
 * never NaN.
 */
package org.gridplan.results.stats;
