package org.gridplan.optimizer.domain;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * A demand point (a grid) and the branch site it is assigned to, the planning variable.
 *
 * <p>It holds its row of the distance matrix and of the travel-cost matrix, so the constraints
 * read a distance with one array access.
 */
@PlanningEntity
public class DemandAssignment {

    /** Travel costs are distances in 1/100 of the matrix unit, rounded: a household-minute costs 100. */
    public static final long COST_RESOLUTION = 100;

    @PlanningId
    private String id;
    private int index;
    private long households;
    private long travelWeight;
    private String community;
    private double[] distances;
    private long[] costs;

    @PlanningVariable
    private BranchSite site;

    /** For OptaPlanner's cloning. */
    public DemandAssignment() {
    }

    /**
     * An unassigned demand point.
     *
     * @param id the demand point's id
     * @param index its row in the distance matrix
     * @param households households there
     * @param travelWeight its weight in the travel objective (households or 1)
     * @param community its community, {@code null} when none
     * @param distances its distance to every site, in the matrix unit (not copied: shared, read-only)
     */
    public DemandAssignment(String id, int index, long households, long travelWeight, String community,
            double[] distances) {
        this.id = id;
        this.index = index;
        this.households = households;
        this.travelWeight = travelWeight;
        this.community = community;
        this.distances = distances;
        this.costs = new long[distances.length];
        for (int j = 0; j < distances.length; j++) {
            costs[j] = Math.round(distances[j] * COST_RESOLUTION);
        }
    }

    /** The demand point's id. */
    public String getId() {
        return id;
    }

    /** Its row in the distance matrix. */
    public int getIndex() {
        return index;
    }

    /** Households there. */
    public long getHouseholds() {
        return households;
    }

    /** Its weight in the travel objective. */
    public long getTravelWeight() {
        return travelWeight;
    }

    /** Its community, {@code null} when none. */
    public String getCommunity() {
        return community;
    }

    /** The assigned site, {@code null} while unassigned. */
    public BranchSite getSite() {
        return site;
    }

    /** Assigns a site; only the solver and the mapping call this. */
    public void setSite(BranchSite site) {
        this.site = site;
    }

    /** The distance to a site, in the matrix unit. */
    public double distanceTo(BranchSite s) {
        return distances[s.getIndex()];
    }

    /** The distance to the site with the given index, in the matrix unit. */
    public double distanceTo(int siteIndex) {
        return distances[siteIndex];
    }

    /** The rounded distance to a site in 1/{@value #COST_RESOLUTION} of the unit. */
    public long costTo(BranchSite s) {
        return costs[s.getIndex()];
    }

    /** The rounded distance to the site with the given index in 1/{@value #COST_RESOLUTION} of the unit. */
    public long costTo(int siteIndex) {
        return costs[siteIndex];
    }

    /** The number of candidate sites. */
    public int siteCount() {
        return costs.length;
    }

    /** Travel weight × rounded distance to the assigned site (0 when unassigned). */
    public long weightedCost() {
        return site == null ? 0 : travelWeight * costs[site.getIndex()];
    }

    @Override
    public String toString() {
        return id + "->" + site;
    }
}
