package org.gridplan.results.stats;

import java.util.List;

/**
 * The layouts ordered from best to worst on one KPI at one sweep point, with ties where the
 * paired comparison cannot tell layouts apart.
 *
 * <p>Layouts are sorted by mean (lower first for times and for a neutral KPI, higher first for
 * shares). Going down the list, a layout shares the rank of the layout that opened the current
 * group when their paired comparison is not distinguishable, and opens a new group (rank = its
 * position, 1-based, as in sport) when it is significantly different. Without intervals (one
 * replication) every layout gets its own rank by point estimate and {@code intervalsAvailable}
 * is false.
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
