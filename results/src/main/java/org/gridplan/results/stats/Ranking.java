package org.gridplan.results.stats;

import java.util.List;

/**
 * The layouts ordered from best to worst on one KPI at one sweep point, with ties where the
 * paired comparison cannot tell layouts apart.
 *
 * <p>A layout's rank is 1 + the number of layouts significantly better than it on the paired
 * comparison (lower first for times and for a neutral KPI, higher first for shares), so layouts
 * that nothing is shown to beat share rank 1. "Not distinguishable" is not transitive: A may beat
 * B while neither is distinguishable from C, and then A and C share rank 1 and B is 2nd. Places
 * are ordered by rank, then by mean. Without intervals (one replication) every layout gets its own
 * rank by point estimate and {@code intervalsAvailable} is false.
 *
 * @param kpi                the KPI ranked on
 * @param sweepPoint         the sweep point
 * @param places             best first
 * @param intervalsAvailable whether the ties rest on confidence intervals
 */
public record Ranking(Kpi kpi, double sweepPoint, List<Place> places, boolean intervalsAvailable) {

    public Ranking {
        places = List.copyOf(places);
    }

    /**
     * One layout's place.
     *
     * @param layout layout name
     * @param rank   1 for the best group
     * @param mean   mean of the KPI across replications, stored unit
     * @param tied   whether another layout shares this rank (not distinguishable)
     */
    public record Place(String layout, int rank, double mean, boolean tied) {
    }
}
