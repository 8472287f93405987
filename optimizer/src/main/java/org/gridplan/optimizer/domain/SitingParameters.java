package org.gridplan.optimizer.domain;

/**
 * The problem-wide parameters the constraints read, as one problem fact.
 *
 * @param maxBranches p, the most branches that may open
 * @param communitySharesBranch whether the points of one community must share a branch
 * @param innerCircle the inner service circle, in the matrix unit (5 minutes by default)
 * @param outerCircle the outer service circle, in the matrix unit (15 minutes by default)
 * @param evenLoad households per branch if the demand were spread evenly over p branches
 */
public record SitingParameters(int maxBranches, boolean communitySharesBranch, double innerCircle,
        double outerCircle, long evenLoad) {
}
