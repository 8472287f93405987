package org.gridplan.optimizer.domain;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfiguration;
import org.optaplanner.core.api.domain.constraintweight.ConstraintWeight;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/**
 * The weights of every branch-siting constraint, in one place a scenario can override (see
 * {@link org.gridplan.optimizer.model.SitingWeights} for the units and defaults). A zero weight
 * switches a constraint off.
 */
@ConstraintConfiguration(constraintPackage = SitingConstraintConfiguration.PACKAGE)
public class SitingConstraintConfiguration {

    /** The constraint package of every branch-siting constraint. */
    public static final String PACKAGE = "org.gridplan.optimizer.siting";

    /** Hard: at most p branches open. */
    public static final String MAX_BRANCHES = "At most p branches";
    /** Hard: households over a branch's capacity. */
    public static final String CAPACITY = "Branch capacity";
    /** Hard: a community's points share one branch. */
    public static final String COMMUNITY_SHARES_BRANCH = "Community shares a branch";
    /** Soft: household-weighted travel to the branch (the p-median objective). */
    public static final String TRAVEL = "Travel to branch";
    /** Soft: households outside the inner (5-minute) service circle. */
    public static final String OUTSIDE_INNER_CIRCLE = "Outside inner service circle";
    /** Soft: households outside the outer (15-minute) service circle. */
    public static final String OUTSIDE_OUTER_CIRCLE = "Outside outer service circle";
    /** Soft: households by which a branch's load differs from the even load. */
    public static final String BALANCE = "Branch load balance";

    @ConstraintWeight(MAX_BRANCHES)
    private HardSoftLongScore maxBranches = HardSoftLongScore.ofHard(1);
    @ConstraintWeight(CAPACITY)
    private HardSoftLongScore capacity = HardSoftLongScore.ofHard(1);
    @ConstraintWeight(COMMUNITY_SHARES_BRANCH)
    private HardSoftLongScore communitySharesBranch = HardSoftLongScore.ofHard(1);
    @ConstraintWeight(TRAVEL)
    private HardSoftLongScore travel = HardSoftLongScore.ofSoft(1);
    @ConstraintWeight(OUTSIDE_INNER_CIRCLE)
    private HardSoftLongScore outsideInnerCircle = HardSoftLongScore.ofSoft(200);
    @ConstraintWeight(OUTSIDE_OUTER_CIRCLE)
    private HardSoftLongScore outsideOuterCircle = HardSoftLongScore.ofSoft(1000);
    @ConstraintWeight(BALANCE)
    private HardSoftLongScore balance = HardSoftLongScore.ofSoft(10);

    /** The default weights. */
    public SitingConstraintConfiguration() {
    }

    /**
     * Explicit weights.
     *
     * @param hard hard weights: max branches, capacity, community shares a branch
     * @param soft soft weights: travel, outside inner circle, outside outer circle, balance
     */
    public SitingConstraintConfiguration(long[] hard, long[] soft) {
        if (hard.length != 3 || soft.length != 4) {
            throw new IllegalArgumentException("expected 3 hard and 4 soft weights");
        }
        maxBranches = HardSoftLongScore.ofHard(hard[0]);
        capacity = HardSoftLongScore.ofHard(hard[1]);
        communitySharesBranch = HardSoftLongScore.ofHard(hard[2]);
        travel = HardSoftLongScore.ofSoft(soft[0]);
        outsideInnerCircle = HardSoftLongScore.ofSoft(soft[1]);
        outsideOuterCircle = HardSoftLongScore.ofSoft(soft[2]);
        balance = HardSoftLongScore.ofSoft(soft[3]);
    }

    /** Weight of {@value #MAX_BRANCHES}. */
    public HardSoftLongScore getMaxBranches() {
        return maxBranches;
    }

    /** Weight of {@value #CAPACITY}. */
    public HardSoftLongScore getCapacity() {
        return capacity;
    }

    /** Weight of {@value #COMMUNITY_SHARES_BRANCH}. */
    public HardSoftLongScore getCommunitySharesBranch() {
        return communitySharesBranch;
    }

    /** Weight of {@value #TRAVEL}. */
    public HardSoftLongScore getTravel() {
        return travel;
    }

    /** Weight of {@value #OUTSIDE_INNER_CIRCLE}. */
    public HardSoftLongScore getOutsideInnerCircle() {
        return outsideInnerCircle;
    }

    /** Weight of {@value #OUTSIDE_OUTER_CIRCLE}. */
    public HardSoftLongScore getOutsideOuterCircle() {
        return outsideOuterCircle;
    }

    /** Weight of {@value #BALANCE}. */
    public HardSoftLongScore getBalance() {
        return balance;
    }
}
