package org.gridplan.optimizer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SitingProblemTest {

    private static SitingProblem.Builder district(int grids, long householdsEach, int sites) {
        List<DemandPoint> points = new ArrayList<>();
        for (int i = 0; i < grids; i++) {
            points.add(DemandPoint.of("g" + i, householdsEach));
        }
        List<CandidateSite> candidates = new ArrayList<>();
        for (int j = 0; j < sites; j++) {
            candidates.add(new CandidateSite("s" + j));
        }
        double[][] d = new double[grids][sites];
        for (int i = 0; i < grids; i++) {
            for (int j = 0; j < sites; j++) {
                d[i][j] = Math.abs(i - j);
            }
        }
        return SitingProblem.builder("test").demandPoints(points).sites(candidates)
                .distances(d, SitingProblem.DistanceUnit.MINUTES);
    }

    @Test
    void rejects_problem_without_candidate_sites() {
        assertThatThrownBy(() -> district(3, 100, 0).maxBranches(1).build())
                .isInstanceOf(InfeasibleProblemException.class)
                .hasMessage("test: no candidate sites: at least 1 is needed to open a branch (short by 1 site)")
                .satisfies(e -> assertThat(((InfeasibleProblemException) e).constraint()).isEqualTo("candidate sites"));
    }

    @Test
    void rejects_p_larger_than_the_number_of_sites() {
        assertThatThrownBy(() -> district(10, 100, 5).maxBranches(7).build())
                .isInstanceOf(InfeasibleProblemException.class)
                .hasMessage("test: p = 7 branches but only 5 candidate sites (short by 2 sites)")
                .satisfies(e -> assertThat(((InfeasibleProblemException) e).shortfall()).isEqualTo(2));
    }

    @Test
    void rejects_capacities_that_cannot_hold_the_demand_and_says_by_how_much() {
        // 10 grids x 410 households = 4,100; 3 branches x 1,200 = 3,600
        assertThatThrownBy(() -> district(10, 410, 5).maxBranches(3).branchCapacity(1200).build())
                .isInstanceOf(InfeasibleProblemException.class)
                .hasMessage("test: capacity 3 x 1,200 = 3,600 households cannot hold 4,100 households (short by 500)")
                .satisfies(e -> {
                    InfeasibleProblemException ex = (InfeasibleProblemException) e;
                    assertThat(ex.constraint()).isEqualTo("capacity");
                    assertThat(ex.shortfall()).isEqualTo(500);
                });
    }

    @Test
    void rejects_a_grid_larger_than_one_branch() {
        assertThatThrownBy(() -> district(2, 1500, 5).maxBranches(3).branchCapacity(1200).build())
                .isInstanceOf(InfeasibleProblemException.class)
                .hasMessageContaining("cannot hold demand point g0 with 1,500 households (short by 300)");
    }

    @Test
    void rejects_a_community_larger_than_one_branch_when_it_must_share() {
        List<DemandPoint> points = List.of(DemandPoint.of("a", 700, "c1"), DemandPoint.of("b", 700, "c1"));
        assertThatThrownBy(() -> SitingProblem.builder("test").demandPoints(points)
                .sites(List.of(new CandidateSite("s0"), new CandidateSite("s1")))
                .distances(new double[][] {{1, 2}, {2, 1}}, SitingProblem.DistanceUnit.MINUTES)
                .maxBranches(2).branchCapacity(1000).communitySharesBranch(true).build())
                .isInstanceOf(InfeasibleProblemException.class)
                .hasMessage("test: community c1 must share one branch but its 1,400 households exceed the capacity"
                        + " 1,000 of one branch (short by 400)");
    }

    @Test
    void rejects_a_matrix_of_the_wrong_shape() {
        assertThatThrownBy(() -> SitingProblem.builder("test").demandPoints(List.of(DemandPoint.of("a", 1)))
                .sites(List.of(new CandidateSite("s0"))).distances(new double[][] {{1, 2}},
                        SitingProblem.DistanceUnit.MINUTES).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0 has 2 columns but there are 1 candidate sites");
    }

    @Test
    void keeps_its_own_copy_of_the_distances() {
        double[][] d = {{1, 2}};
        SitingProblem p = SitingProblem.builder("test").demandPoints(List.of(DemandPoint.of("a", 1)))
                .sites(List.of(new CandidateSite("s0"), new CandidateSite("s1")))
                .distances(d, SitingProblem.DistanceUnit.MINUTES).build();
        d[0][0] = 99;
        p.distances()[0][1] = 99;
        assertThat(p.distance(0, 0)).isEqualTo(1);
        assertThat(p.distance(0, 1)).isEqualTo(2);
    }
}
