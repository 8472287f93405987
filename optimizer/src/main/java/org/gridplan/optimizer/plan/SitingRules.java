package org.gridplan.optimizer.plan;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The hard rules of branch siting, and whether branches are sited at all.
 *
 * @param maxBranches           p, the most branches to open; empty for one per community, at most
 *                              the number of candidate sites (and at least 1)
 * @param branchCapacity        households one branch may serve, if branches have a capacity
 * @param communitySharesBranch all grids of a community must use the same branch
 * @param siteBranches          whether to solve the siting; without it the plan keeps the
 *                              nearest-site baseline, which the capacity and community rules do
 *                              not bind, so they must then be off
 */
public record SitingRules(OptionalInt maxBranches, OptionalLong branchCapacity, boolean communitySharesBranch,
        boolean siteBranches) {

    /** Siting with p one per community, no capacity, and grids free to use any branch. */
    public static final SitingRules DEFAULT = new SitingRules(OptionalInt.empty(), OptionalLong.empty(), false, true);

    /** No siting solve: the plan keeps the nearest-site baseline. */
    public static final SitingRules BASELINE_ONLY = new SitingRules(OptionalInt.empty(), OptionalLong.empty(), false,
            false);

    /** Validates, naming the rule. */
    public SitingRules {
        Objects.requireNonNull(maxBranches, "maxBranches");
        Objects.requireNonNull(branchCapacity, "branchCapacity");
        if (maxBranches.isPresent() && maxBranches.getAsInt() < 1) {
            throw new IllegalArgumentException("siting rules: p = " + maxBranches.getAsInt() + " opens no branch; give"
                    + " 1 or more");
        }
        if (branchCapacity.isPresent() && branchCapacity.getAsLong() < 0) {
            throw new IllegalArgumentException("siting rules: branch capacity " + branchCapacity.getAsLong()
                    + " is negative");
        }
        if (!siteBranches && (branchCapacity.isPresent() || communitySharesBranch)) {
            throw new IllegalArgumentException("siting rules: a branch capacity or one branch per community binds"
                    + " only a siting solve; site the branches or leave the rules off");
        }
    }

    /** These rules with p = {@code p}. */
    public SitingRules withMaxBranches(int p) {
        return new SitingRules(OptionalInt.of(p), branchCapacity, communitySharesBranch, siteBranches);
    }

    /** These rules with a branch capacity of {@code households}. */
    public SitingRules withBranchCapacity(long households) {
        return new SitingRules(maxBranches, OptionalLong.of(households), communitySharesBranch, siteBranches);
    }

    /** These rules with all grids of a community at one branch, or not. */
    public SitingRules withCommunitySharesBranch(boolean shares) {
        return new SitingRules(maxBranches, branchCapacity, shares, siteBranches);
    }
}
