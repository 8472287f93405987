package org.gridplan.optimizer.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridplan.optimizer.domain.StaffingConstraintConfiguration;
import org.gridplan.optimizer.domain.StaffingGrid;
import org.gridplan.optimizer.domain.StaffingSolution;
import org.gridplan.optimizer.domain.WorkerAssignment;
import org.gridplan.optimizer.model.FieldTable;
import org.gridplan.optimizer.model.GridDemand;
import org.gridplan.optimizer.model.StaffedWorker;
import org.gridplan.optimizer.model.StaffingPlan;
import org.gridplan.optimizer.model.StaffingProblem;
import org.gridplan.optimizer.response.GridResponse;
import org.gridplan.sim.agent.WorkerType;

/**
 * Maps a {@link StaffingProblem} to a {@link StaffingSolution} and any worker → grid assignment
 * (solved or a baseline) to a {@link StaffingPlan} with its analytic KPIs.
 */
public final class StaffingMapper {

    private StaffingMapper() {
    }

    /** An unassigned planning solution with the given weights. */
    public static StaffingSolution toSolution(StaffingProblem problem, StaffingConstraintConfiguration weights) {
        List<StaffingGrid> grids = new ArrayList<>();
        for (int g = 0; g < problem.grids().size(); g++) {
            GridDemand d = problem.grids().get(g);
            grids.add(new StaffingGrid(d.id(), g, d.households(), d.incidentsPerYear(), d.meanServiceMinutes(),
                    d.field()));
        }
        double[][] travel = problem.travelMinutes();
        List<WorkerAssignment> workers = new ArrayList<>();
        for (int w = 0; w < problem.workers().size(); w++) {
            StaffedWorker worker = problem.workers().get(w);
            workers.add(new WorkerAssignment(worker.id(), worker.type() == WorkerType.FULL_TIME, travel[w]));
        }
        return new StaffingSolution(grids, workers, weights);
    }

    /** The plan a solved solution describes. */
    public static StaffingPlan toPlan(StaffingProblem problem, StaffingSolution solution) {
        Map<String, String> gridOfWorker = new HashMap<>();
        for (WorkerAssignment w : solution.getWorkers()) {
            if (w.getGrid() == null) {
                throw new IllegalArgumentException("worker " + w.getId() + " has no grid");
            }
            gridOfWorker.put(w.getId(), w.getGrid().getId());
        }
        return evaluate(problem, gridOfWorker, String.valueOf(solution.getScore()));
    }

    /**
     * The analytic KPIs of any assignment of every worker to a grid.
     *
     * @param gridOfWorker worker id → grid id, for every worker
     * @param score a label for the plan's origin (the solver's score, or e.g. "baseline")
     */
    public static StaffingPlan evaluate(StaffingProblem problem, Map<String, String> gridOfWorker, String score) {
        Map<String, Integer> gridIndex = new HashMap<>();
        for (int g = 0; g < problem.grids().size(); g++) {
            gridIndex.put(problem.grids().get(g).id(), g);
        }
        int[] workers = new int[problem.grids().size()];
        int[] fullTimeCount = new int[problem.grids().size()];
        boolean[] fullTime = new boolean[problem.grids().size()];
        double[] travel = new double[problem.grids().size()];
        for (int w = 0; w < problem.workers().size(); w++) {
            StaffedWorker worker = problem.workers().get(w);
            Integer g = gridIndex.get(gridOfWorker.get(worker.id()));
            if (g == null) {
                throw new IllegalArgumentException("worker " + worker.id() + " has no known grid: "
                        + gridOfWorker.get(worker.id()));
            }
            workers[g]++;
            fullTime[g] |= worker.type() == WorkerType.FULL_TIME;
            fullTimeCount[g] += worker.type() == WorkerType.FULL_TIME ? 1 : 0;
            travel[g] += problem.travel(w, g);
        }
        Map<String, Double> byGrid = new HashMap<>();
        List<String> violations = new ArrayList<>();
        double weighted = 0;
        double incidents = 0;
        for (int g = 0; g < workers.length; g++) {
            GridDemand d = problem.grids().get(g);
            if (d.incidentsPerYear() <= 0) {
                continue;
            }
            if (!fullTime[g]) {
                violations.add(String.format(Locale.ROOT, "full-time worker per grid: grid %s (%,d households) has"
                        + " no full-time worker", d.id(), d.households()));
            }
            if (workers[g] == 0) {
                continue;
            }
            FieldTable field = d.field();
            if (field != null) {
                // The field regime: the table's minutes plus the workers' own travel, per case known.
                double total = field.minutes(fullTimeCount[g], workers[g] - fullTimeCount[g])
                        + field.travelledPerYear() * travel[g] / workers[g];
                byGrid.put(d.id(), total / field.knownPerYear());
                weighted += total;
                incidents += field.knownPerYear();
                continue;
            }
            GridResponse r = GridResponse.of(workers[g], d.incidentsPerMinute(), d.meanServiceMinutes(),
                    travel[g] / workers[g]);
            if (Double.isInfinite(r.waitMinutes())) {
                violations.add(String.format(Locale.ROOT, "grid overloaded: grid %s has %d workers for %.2f erlangs",
                        d.id(), workers[g], d.incidentsPerMinute() * d.meanServiceMinutes()));
                continue;
            }
            byGrid.put(d.id(), r.totalMinutes());
            weighted += d.incidentsPerYear() * r.totalMinutes();
            incidents += d.incidentsPerYear();
        }
        return new StaffingPlan(problem.name(), gridOfWorker, incidents == 0 ? 0 : weighted / incidents, byGrid,
                violations.isEmpty(), score, violations);
    }
}
