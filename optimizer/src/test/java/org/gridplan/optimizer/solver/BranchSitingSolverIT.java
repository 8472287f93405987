package org.gridplan.optimizer.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gridplan.optimizer.model.CandidateSite;
import org.gridplan.optimizer.model.DemandPoint;
import org.gridplan.optimizer.model.SitingPlan;
import org.gridplan.optimizer.model.SitingProblem;
import org.gridplan.optimizer.model.SitingWeights;
import org.junit.jupiter.api.Test;

/**
 * Whole solves on small generated districts, with move-evaluation limits so they are deterministic (the
 * time limits are caps that these solves never reach).
 */
class BranchSitingSolverIT {

    private static final Duration CAP = Duration.ofSeconds(30);

    /** A district of grids on a 6 km square, minutes at 250 m/min, every 3rd grid centre a site. */
    private static SitingProblem.Builder district(int grids, int communities, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[grids];
        double[] y = new double[grids];
        List<DemandPoint> points = new ArrayList<>();
        for (int i = 0; i < grids; i++) {
            x[i] = random.nextDouble(6000);
            y[i] = random.nextDouble(6000);
            int community = (int) (x[i] / 6000 * communities);
            points.add(DemandPoint.of("g" + i, 300 + random.nextInt(201), "c" + community));
        }
        List<CandidateSite> sites = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < grids; i += 3) {
            sites.add(new CandidateSite("s" + i));
            at.add(i);
        }
        double[][] minutes = new double[grids][sites.size()];
        for (int i = 0; i < grids; i++) {
            for (int j = 0; j < sites.size(); j++) {
                minutes[i][j] = Math.hypot(x[i] - x[at.get(j)], y[i] - y[at.get(j)]) / 250.0;
            }
        }
        return SitingProblem.builder("district-" + seed).demandPoints(points).sites(sites)
                .distances(minutes, SitingProblem.DistanceUnit.MINUTES);
    }

    private static double bruteForceOptimum(SitingProblem problem) {
        int m = problem.siteCount();
        double best = Double.MAX_VALUE;
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                for (int c = b + 1; c < m; c++) {
                    double total = 0;
                    for (int i = 0; i < problem.demandCount(); i++) {
                        double d = Math.min(problem.distance(i, a),
                                Math.min(problem.distance(i, b), problem.distance(i, c)));
                        total += problem.travelWeight(i) * d;
                    }
                    best = Math.min(best, total);
                }
            }
        }
        return best;
    }

    @Test
    void finds_the_brute_force_optimum_of_a_small_p_median() {
        SitingProblem problem = district(45, 3, 7).maxBranches(3).weights(SitingWeights.P_MEDIAN).build();
        SitingPlan plan = BranchSitingSolver.solve(problem, SolveOptions.ofTime(CAP).withEvaluationLimit(20_000));
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.openSites()).hasSize(3);
        assertThat(plan.travelObjective()).isCloseTo(bruteForceOptimum(problem),
                offset(0.05 * 45)); // costs are rounded to 1/100 minute
    }

    @Test
    void same_problem_seed_and_evaluation_limit_give_the_same_plan() {
        SitingProblem problem = district(60, 4, 11).maxBranches(5).branchCapacity(6000).build();
        SolveOptions options = SolveOptions.ofTime(CAP).withSeed(42).withEvaluationLimit(10_000);
        SitingPlan first = BranchSitingSolver.solve(problem, options);
        SitingPlan second = BranchSitingSolver.solve(problem, options);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void capacitated_district_with_shared_community_branches_is_feasible() {
        SitingProblem problem = district(60, 6, 3).maxBranches(6).branchCapacity(6000).communitySharesBranch(true)
                .build();
        SitingPlan plan = BranchSitingSolver.solve(problem, SolveOptions.ofTime(CAP).withEvaluationLimit(20_000));
        assertThat(plan.hardViolations()).isEmpty();
        assertThat(plan.openSites()).hasSizeLessThanOrEqualTo(6);
        assertThat(plan.householdsPerSite().values()).allSatisfy(h -> assertThat(h).isLessThanOrEqualTo(6000));
        assertThat(plan.householdsPerSite().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(problem.totalHouseholds());
        assertThat(plan.siteOfDemand()).hasSize(60);
        assertThat(plan.shareOutsideOuterCircle()).isBetween(0.0, plan.shareOutsideInnerCircle());
    }
}
