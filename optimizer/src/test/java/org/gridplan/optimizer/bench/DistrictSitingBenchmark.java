package org.gridplan.optimizer.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.gridplan.optimizer.domain.SitingSolution;
import org.gridplan.optimizer.mapping.SitingMapper;
import org.gridplan.optimizer.model.CandidateSite;
import org.gridplan.optimizer.model.DemandPoint;
import org.gridplan.optimizer.model.SitingPlan;
import org.gridplan.optimizer.model.SitingProblem;
import org.gridplan.optimizer.solver.BranchSitingSolver;
import org.gridplan.optimizer.solver.SolveOptions;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * A benchmark, not a test (surefire does not pick it up): branch siting on a generated district
 * of 1,240 grids (the Xiaodian district count) of 300–500 households and 150 candidate sites on a
 * 12 km square, travel at 250 m/min, p branches with capacity 1.15 × the even load. Prints the
 * time to the first feasible plan and the final plan's KPIs.
 *
 * <p>Run: {@code java -cp <test classpath> org.gridplan.optimizer.bench.DistrictSitingBenchmark 40 30}
 * (p, seconds).
 */
public final class DistrictSitingBenchmark {

    private DistrictSitingBenchmark() {
    }

    /** Entry point: {@code p seconds}. */
    public static void main(String[] args) {
        int p = Integer.parseInt(args[0]);
        long seconds = Long.parseLong(args[1]);
        SitingProblem problem = district(p, 5);
        Solver<SitingSolution> solver = SolverFactory.<SitingSolution>create(
                BranchSitingSolver.solverConfig(problem, SolveOptions.ofTime(Duration.ofSeconds(seconds))))
                        .buildSolver();
        long start = System.nanoTime();
        long[] firstFeasibleMillis = {-1};
        solver.addEventListener(e -> {
            if (firstFeasibleMillis[0] < 0 && e.getNewBestScore().isFeasible()) {
                firstFeasibleMillis[0] = (System.nanoTime() - start) / 1_000_000;
            }
        });
        SitingPlan plan = SitingMapper.toPlan(problem, solver.solve(SitingMapper.toSolution(problem)));
        System.out.printf(Locale.ROOT, "grids %d, sites %d, p %d, capacity %d: first feasible after %d ms; final %s,"
                + " travel %.0f household-minutes, outside 5 min %.3f, outside 15 min %.3f, %d ms%n",
                problem.demandCount(), problem.siteCount(), p, problem.branchCapacity().getAsLong(),
                firstFeasibleMillis[0], plan.score(), plan.travelObjective(), plan.shareOutsideInnerCircle(),
                plan.shareOutsideOuterCircle(), (System.nanoTime() - start) / 1_000_000);
    }

    static SitingProblem district(int p, long seed) {
        int n = 1240;
        int m = 150;
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        List<DemandPoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble(12000);
            y[i] = random.nextDouble(12000);
            String community = "c" + ((int) (x[i] / 12000 * 7) * 7 + (int) (y[i] / 12000 * 7));
            points.add(DemandPoint.of("g" + i, 300 + random.nextInt(201), community));
        }
        List<CandidateSite> sites = new ArrayList<>();
        double[] sx = new double[m];
        double[] sy = new double[m];
        for (int j = 0; j < m; j++) {
            sx[j] = random.nextDouble(12000);
            sy[j] = random.nextDouble(12000);
            sites.add(new CandidateSite("s" + j));
        }
        double[][] minutes = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                minutes[i][j] = Math.hypot(x[i] - sx[j], y[i] - sy[j]) / 250.0;
            }
        }
        long total = points.stream().mapToLong(DemandPoint::households).sum();
        return SitingProblem.builder("district1240").demandPoints(points).sites(sites)
                .distances(minutes, SitingProblem.DistanceUnit.MINUTES)
                .maxBranches(p).branchCapacity((long) (total * 1.15 / p)).build();
    }
}
