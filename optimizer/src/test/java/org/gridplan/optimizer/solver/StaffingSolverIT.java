package org.gridplan.optimizer.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gridplan.optimizer.model.GridDemand;
import org.gridplan.optimizer.model.InfeasibleProblemException;
import org.gridplan.optimizer.model.StaffedWorker;
import org.gridplan.optimizer.model.StaffingPlan;
import org.gridplan.optimizer.model.StaffingProblem;
import org.gridplan.sim.agent.WorkerType;
import org.junit.jupiter.api.Test;

class StaffingSolverIT {

    /**
     * 16 grids on a 4 km square with uneven load (82 incidents a year on average, Zhanjiang ETDZ;
     * busy grids up to 10x that), 60-minute incidents, 16 full-time and 10 part-time workers at
     * random homes, travel at 250 m/min.
     */
    private static StaffingProblem district(int fullTime, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int grids = 16;
        double[] gx = new double[grids];
        double[] gy = new double[grids];
        List<GridDemand> demand = new ArrayList<>();
        for (int g = 0; g < grids; g++) {
            gx[g] = (g % 4) * 1000 + 500;
            gy[g] = (g / 4) * 1000 + 500;
            double rate = g % 5 == 0 ? 820 : 40 + random.nextInt(80);
            demand.add(new GridDemand("g" + g, 400, rate, 60));
        }
        List<StaffedWorker> workers = new ArrayList<>();
        List<double[]> homes = new ArrayList<>();
        for (int w = 0; w < fullTime + 10; w++) {
            workers.add(new StaffedWorker("w" + w, w < fullTime ? WorkerType.FULL_TIME : WorkerType.PART_TIME));
            homes.add(new double[] {random.nextDouble(4000), random.nextDouble(4000)});
        }
        double[][] travel = new double[workers.size()][grids];
        for (int w = 0; w < workers.size(); w++) {
            for (int g = 0; g < grids; g++) {
                travel[w][g] = Math.hypot(homes.get(w)[0] - gx[g], homes.get(w)[1] - gy[g]) / 250.0;
            }
        }
        return new StaffingProblem("staffing-" + seed, workers, demand, travel);
    }

    @Test
    void plan_is_feasible_and_beats_the_one_worker_per_grid_baseline() {
        StaffingProblem problem = district(16, 9);
        StaffingPlan baseline = StaffingSolver.baseline(problem);
        StaffingPlan plan = StaffingSolver.solve(problem,
                SolveOptions.ofTime(Duration.ofSeconds(30)).withEvaluationLimit(30_000));
        assertThat(plan.hardViolations()).as(plan.score() + " " + plan.gridOfWorker()).isEmpty();
        assertThat(plan.gridOfWorker()).hasSize(26);
        assertThat(plan.expectedResponseMinutes()).isLessThan(baseline.expectedResponseMinutes());
    }

    @Test
    void rejects_fewer_full_time_workers_than_busy_grids() {
        assertThatThrownBy(() -> district(13, 9)).isInstanceOf(InfeasibleProblemException.class)
                .hasMessage("staffing-9: 16 grids with demand need a full-time worker each but there are only 13"
                        + " full-time workers (short by 3)");
    }
}
