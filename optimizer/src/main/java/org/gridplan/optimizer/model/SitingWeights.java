package org.gridplan.optimizer.model;

/**
 * The weight of each branch-siting constraint, so a scenario can tune the trade-offs.
 *
 * <p>Hard weights multiply the size of a hard violation; soft weights multiply soft penalties
 * that are measured as follows: travel in household × 1/100 distance unit (a household travelling
 * one more minute costs 100), households outside a service circle, and households by which a
 * branch's load differs from the even share. A weight of 0 switches the constraint off.
 *
 * <p>Defaults (judgement, to be calibrated against the simulator): a household outside the
 * 5-minute circle costs as much as 2 household-minutes of travel, outside the 15-minute circle
 * 10 household-minutes, and a household of imbalance 0.1 household-minute.
 *
 * @param maxBranchesHard per branch opened beyond p
 * @param capacityHard per household over a branch's capacity
 * @param communityHard per household not at its community's main branch
 * @param travelSoft per household × 1/100 distance unit of travel
 * @param outsideInnerCircleSoft per household outside the inner circle
 * @param outsideOuterCircleSoft per household outside the outer circle
 * @param balanceSoft per household of deviation from the even load
 */
public record SitingWeights(long maxBranchesHard, long capacityHard, long communityHard, long travelSoft,
        long outsideInnerCircleSoft, long outsideOuterCircleSoft, long balanceSoft) {

    /** The defaults described above. */
    public static final SitingWeights DEFAULT = new SitingWeights(1, 1, 1, 1, 200, 1000, 10);

    /**
     * The pure (capacitated) p-median objective: hard constraints on, travel weight 1, every other
     * soft weight 0. The soft score is then exactly minus 100 × the p-median sum.
     */
    public static final SitingWeights P_MEDIAN = new SitingWeights(1, 1, 1, 1, 0, 0, 0);

    /** Validates: every weight ≥ 0. */
    public SitingWeights {
        if (maxBranchesHard < 0 || capacityHard < 0 || communityHard < 0 || travelSoft < 0
                || outsideInnerCircleSoft < 0 || outsideOuterCircleSoft < 0 || balanceSoft < 0) {
            throw new IllegalArgumentException("constraint weights must be 0 or more: " + this);
        }
    }
}
