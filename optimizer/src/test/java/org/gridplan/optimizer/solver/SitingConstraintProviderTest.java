package org.gridplan.optimizer.solver;

import org.gridplan.optimizer.domain.BranchSite;
import org.gridplan.optimizer.domain.DemandAssignment;
import org.gridplan.optimizer.domain.SitingParameters;
import org.gridplan.optimizer.domain.SitingSolution;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/**
 * One group of tests per constraint, each named after the constraint method it verifies:
 * penalised by the exact amount, not penalised, and unassigned demand (ignored).
 */
class SitingConstraintProviderTest {

    private static final ConstraintVerifier<SitingConstraintProvider, SitingSolution> VERIFIER =
            ConstraintVerifier.build(new SitingConstraintProvider(), SitingSolution.class,
                    DemandAssignment.class, BranchSite.class);

    // Two sites, capacity 100 households each. Distances (minutes) from each grid to s0 and s1.
    private final BranchSite s0 = new BranchSite("s0", 0, 100);
    private final BranchSite s1 = new BranchSite("s1", 1, 100);
    private final SitingParameters p1Shared = new SitingParameters(1, true, 5.0, 15.0, 50);

    private static DemandAssignment grid(String id, int index, long households, String community,
            double toS0, double toS1, BranchSite site) {
        DemandAssignment a = new DemandAssignment(id, index, households, households, community,
                new double[] {toS0, toS1});
        a.setSite(site);
        return a;
    }

    // maxBranches

    @Test
    void maxBranches_penalizes_each_branch_beyond_p() {
        VERIFIER.verifyThat(SitingConstraintProvider::maxBranches)
                .given(p1Shared, grid("g1", 0, 10, null, 1, 2, s0), grid("g2", 1, 10, null, 1, 2, s1))
                .penalizesBy(1);
    }

    @Test
    void maxBranches_accepts_p_branches() {
        VERIFIER.verifyThat(SitingConstraintProvider::maxBranches)
                .given(p1Shared, grid("g1", 0, 10, null, 1, 2, s0), grid("g2", 1, 10, null, 1, 2, s0))
                .penalizesBy(0);
    }

    @Test
    void maxBranches_ignores_unassigned_grid() {
        VERIFIER.verifyThat(SitingConstraintProvider::maxBranches)
                .given(p1Shared, grid("g1", 0, 10, null, 1, 2, s0), grid("g2", 1, 10, null, 1, 2, null))
                .penalizesBy(0);
    }

    // capacity

    @Test
    void capacity_penalizes_overloaded_branch_by_excess_households() {
        VERIFIER.verifyThat(SitingConstraintProvider::capacity)
                .given(p1Shared, grid("g1", 0, 60, null, 1, 2, s0), grid("g2", 1, 70, null, 1, 2, s0),
                        grid("g3", 2, 90, null, 1, 2, s1))
                .penalizesBy(30);
    }

    @Test
    void capacity_accepts_load_equal_to_capacity() {
        VERIFIER.verifyThat(SitingConstraintProvider::capacity)
                .given(p1Shared, grid("g1", 0, 60, null, 1, 2, s0), grid("g2", 1, 40, null, 1, 2, s0))
                .penalizesBy(0);
    }

    @Test
    void capacity_ignores_unassigned_grid() {
        VERIFIER.verifyThat(SitingConstraintProvider::capacity)
                .given(p1Shared, grid("g1", 0, 60, null, 1, 2, s0), grid("g2", 1, 70, null, 1, 2, null))
                .penalizesBy(0);
    }

    @Test
    void capacity_ignores_site_without_capacity() {
        BranchSite unlimited = new BranchSite("u", 0, BranchSite.UNLIMITED);
        VERIFIER.verifyThat(SitingConstraintProvider::capacity)
                .given(p1Shared, grid("g1", 0, 600, null, 1, 2, unlimited), grid("g2", 1, 700, null, 1, 2, unlimited))
                .penalizesBy(0);
    }

    // communitySharesBranch

    @Test
    void communitySharesBranch_penalizes_households_away_from_main_branch() {
        // c1: 60 at s0 (its main branch), 30 + 20 at s1 -> 50 households elsewhere
        VERIFIER.verifyThat(SitingConstraintProvider::communitySharesBranch)
                .given(p1Shared, grid("g1", 0, 60, "c1", 1, 2, s0), grid("g2", 1, 30, "c1", 1, 2, s1),
                        grid("g3", 2, 20, "c1", 1, 2, s1), grid("g4", 3, 99, "c2", 1, 2, s0))
                .penalizesBy(50);
    }

    @Test
    void communitySharesBranch_accepts_community_on_one_branch() {
        VERIFIER.verifyThat(SitingConstraintProvider::communitySharesBranch)
                .given(p1Shared, grid("g1", 0, 60, "c1", 1, 2, s1), grid("g2", 1, 30, "c1", 1, 2, s1),
                        grid("g3", 2, 20, "c2", 1, 2, s0))
                .penalizesBy(0);
    }

    @Test
    void communitySharesBranch_is_off_unless_required() {
        SitingParameters notRequired = new SitingParameters(1, false, 5.0, 15.0, 50);
        VERIFIER.verifyThat(SitingConstraintProvider::communitySharesBranch)
                .given(notRequired, grid("g1", 0, 60, "c1", 1, 2, s0), grid("g2", 1, 30, "c1", 1, 2, s1))
                .penalizesBy(0);
    }

    @Test
    void communitySharesBranch_ignores_unassigned_grid() {
        VERIFIER.verifyThat(SitingConstraintProvider::communitySharesBranch)
                .given(p1Shared, grid("g1", 0, 60, "c1", 1, 2, s0), grid("g2", 1, 30, "c1", 1, 2, null))
                .penalizesBy(0);
    }

    // travel

    @Test
    void travel_penalizes_households_times_distance_in_hundredths() {
        // 60 households x 2.5 min = 150 household-minutes = 15,000; 40 x 0.25 min = 10 -> 1,000
        VERIFIER.verifyThat(SitingConstraintProvider::travel)
                .given(p1Shared, grid("g1", 0, 60, null, 2.5, 9, s0), grid("g2", 1, 40, null, 9, 0.25, s1))
                .penalizesBy(16_000L);
    }

    @Test
    void travel_is_zero_for_grid_at_its_branch() {
        VERIFIER.verifyThat(SitingConstraintProvider::travel)
                .given(p1Shared, grid("g1", 0, 60, null, 0, 9, s0))
                .penalizesBy(0);
    }

    @Test
    void travel_ignores_unassigned_grid() {
        VERIFIER.verifyThat(SitingConstraintProvider::travel)
                .given(p1Shared, grid("g1", 0, 60, null, 2.5, 9, null))
                .penalizesBy(0);
    }

    // outsideInnerCircle

    @Test
    void outsideInnerCircle_penalizes_households_beyond_5_minutes() {
        VERIFIER.verifyThat(SitingConstraintProvider::outsideInnerCircle)
                .given(p1Shared, grid("g1", 0, 60, null, 7.5, 1, s0), grid("g2", 1, 40, null, 5.0, 1, s0),
                        grid("g3", 2, 25, null, 1, 5.01, s1))
                .penalizesBy(85);
    }

    @Test
    void outsideInnerCircle_accepts_grid_within_5_minutes() {
        VERIFIER.verifyThat(SitingConstraintProvider::outsideInnerCircle)
                .given(p1Shared, grid("g1", 0, 60, null, 4.9, 9, s0))
                .penalizesBy(0);
    }

    @Test
    void outsideInnerCircle_ignores_unassigned_grid() {
        VERIFIER.verifyThat(SitingConstraintProvider::outsideInnerCircle)
                .given(p1Shared, grid("g1", 0, 60, null, 7.5, 9, null))
                .penalizesBy(0);
    }

    // outsideOuterCircle

    @Test
    void outsideOuterCircle_penalizes_households_beyond_15_minutes() {
        VERIFIER.verifyThat(SitingConstraintProvider::outsideOuterCircle)
                .given(p1Shared, grid("g1", 0, 60, null, 20, 1, s0), grid("g2", 1, 40, null, 7.5, 1, s0))
                .penalizesBy(60);
    }

    @Test
    void outsideOuterCircle_accepts_grid_within_15_minutes() {
        VERIFIER.verifyThat(SitingConstraintProvider::outsideOuterCircle)
                .given(p1Shared, grid("g1", 0, 60, null, 15.0, 9, s0))
                .penalizesBy(0);
    }

    @Test
    void outsideOuterCircle_ignores_unassigned_grid() {
        VERIFIER.verifyThat(SitingConstraintProvider::outsideOuterCircle)
                .given(p1Shared, grid("g1", 0, 60, null, 20, 9, null))
                .penalizesBy(0);
    }

    // balance

    @Test
    void balance_penalizes_each_branch_by_its_deviation_from_the_even_load() {
        // even load 50: s0 carries 60 (+10), s1 carries 40 (-10)
        VERIFIER.verifyThat(SitingConstraintProvider::balance)
                .given(p1Shared, grid("g1", 0, 35, null, 1, 2, s0), grid("g2", 1, 25, null, 1, 2, s0),
                        grid("g3", 2, 40, null, 1, 2, s1))
                .penalizesBy(20);
    }

    @Test
    void balance_accepts_even_loads() {
        VERIFIER.verifyThat(SitingConstraintProvider::balance)
                .given(p1Shared, grid("g1", 0, 50, null, 1, 2, s0), grid("g2", 1, 50, null, 1, 2, s1))
                .penalizesBy(0);
    }

    @Test
    void balance_ignores_unassigned_grid() {
        VERIFIER.verifyThat(SitingConstraintProvider::balance)
                .given(p1Shared, grid("g1", 0, 50, null, 1, 2, s0), grid("g2", 1, 30, null, 1, 2, null))
                .penalizesBy(0);
    }
}
