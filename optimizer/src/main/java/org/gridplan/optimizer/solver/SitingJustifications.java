package org.gridplan.optimizer.solver;

import org.optaplanner.core.api.score.stream.ConstraintJustification;

/**
 * Why a branch-siting constraint penalises a plan, one record per constraint, for reports.
 */
public final class SitingJustifications {

    private SitingJustifications() {
    }

    /** More branches are open than p allows. */
    public record TooManyBranches(int open, int maxBranches) implements ConstraintJustification {
    }

    /** A branch serves more households than its capacity. */
    public record OverCapacity(String siteId, long households, long capacity) implements ConstraintJustification {
    }

    /** A community is split: {@code householdsElsewhere} are not at its main branch. */
    public record CommunitySplit(String community, long households, long householdsElsewhere)
            implements ConstraintJustification {
    }

    /** A demand point's travel to its branch, in the matrix unit. */
    public record Travel(String demandId, String siteId, long travelWeight, double distance)
            implements ConstraintJustification {
    }

    /** A demand point lies outside a service circle of its branch. */
    public record OutsideCircle(String demandId, String siteId, double distance, double circle, long households)
            implements ConstraintJustification {
    }

    /** A branch's load differs from the even load. */
    public record Imbalance(String siteId, long households, long evenLoad) implements ConstraintJustification {
    }
}
