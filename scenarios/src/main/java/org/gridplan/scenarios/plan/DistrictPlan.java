package org.gridplan.scenarios.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridplan.optimizer.mapping.DistrictProblems;
import org.gridplan.optimizer.mapping.DistrictProblems.DistrictWorker;
import org.gridplan.optimizer.model.GridDemand;
import org.gridplan.optimizer.model.SitingPlan;
import org.gridplan.optimizer.model.SitingProblem;
import org.gridplan.optimizer.model.StaffingPlan;
import org.gridplan.optimizer.model.StaffingProblem;
import org.gridplan.results.stats.Justification;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;

/**
 * An optimised district plan with its baselines: branches and grid → branch, worker → grid, the
 * analytic KPIs of both, one-sentence justifications in English and Chinese (siting, staffing) and the solve timings (seconds).
 *
 * @param sitingFeasibleSeconds from the start (building the problems included) until the siting
 *     solver held a plan meeting every hard constraint; -1 if it never did
 * @param staffingFeasibleSeconds likewise for the worker plan (its start, the baseline, counts when
 *     feasible)
 * @param notes what the user should know about the solve (e.g. a time limit that ended it)
 */
public record DistrictPlan(DistrictProblems problems, List<DistrictWorker> workers, SitingProblem siting,
        SitingPlan sitingBaseline, SitingPlan sitingPlan, StaffingProblem staffing, StaffingPlan staffingBaseline,
        StaffingPlan staffingPlan, List<Justification> sitingJustifications, List<Justification> staffingJustifications,
        List<String> notes, double setupSeconds,
        double sitingFeasibleSeconds, double staffingFeasibleSeconds, double sitingSeconds, double staffingSeconds) {

    /** Copies the lists. */
    public DistrictPlan {
        workers = List.copyOf(workers);
        sitingJustifications = List.copyOf(sitingJustifications);
        staffingJustifications = List.copyOf(staffingJustifications);
        notes = List.copyOf(notes);
    }

    /** Every justification: the siting ones, then the staffing ones. */
    public List<Justification> justifications() {
        List<Justification> all = new ArrayList<>(sitingJustifications);
        all.addAll(staffingJustifications);
        return all;
    }

    /** The analytic KPIs of a siting and a staffing plan. */
    public record Kpis(double expectedResponseMinutes, double within5Share, double within15Share,
            double branchLoadSpread, double maxUtilisation, double utilisationSpread) {
    }

    /** The baseline's KPIs. */
    public Kpis baselineKpis() {
        return kpis(sitingBaseline, staffingBaseline);
    }

    /** The optimised plan's KPIs. */
    public Kpis optimisedKpis() {
        return kpis(sitingPlan, staffingPlan);
    }

    private Kpis kpis(SitingPlan s, StaffingPlan w) {
        double even = (double) siting.totalHouseholds() / siting.maxBranches();
        double spread = 0;
        for (long load : s.householdsPerSite().values()) {
            spread = Math.max(spread, Math.abs(load - even) / even);
        }
        Map<String, Integer> perGrid = DistrictPlanner.workersPerGrid(w.gridOfWorker());
        double max = 0;
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (GridDemand g : staffing.grids()) {
            if (g.incidentsPerYear() <= 0) {
                continue;
            }
            int c = perGrid.getOrDefault(g.id(), 0);
            double u = c == 0 ? Double.POSITIVE_INFINITY : g.incidentsPerMinute() * g.meanServiceMinutes() / c;
            max = Math.max(max, u);
            sum += u;
            sumSq += u * u;
            n++;
        }
        double mean = n == 0 ? 0 : sum / n;
        double cv = n == 0 || mean == 0 ? 0 : Math.sqrt(Math.max(0, sumSq / n - mean * mean)) / mean;
        return new Kpis(w.expectedResponseMinutes(), 1 - s.shareOutsideInnerCircle(), 1 - s.shareOutsideOuterCircle(),
                spread, max, cv);
    }

    /** The baseline as a simulator staffing plan (no pools). */
    public Staffing baselineStaffing() {
        return staffing(staffingBaseline.gridOfWorker());
    }

    /** The optimised plan as a simulator staffing plan (no pools). */
    public Staffing optimisedStaffing() {
        return staffing(staffingPlan.gridOfWorker());
    }

    /**
     * Simulator workers for a worker → grid map: a worker with a home is based there, one without at
     * its grid's base building; full-time and professional workers on the weekday day shift,
     * part-time workers on the part-time shift (the simulator's defaults), workers in worker order.
     */
    public Staffing staffing(Map<String, String> gridOfWorker) {
        return staffing(gridOfWorker, ShiftPattern.WEEKDAY_DAY, ShiftPattern.PART_TIME);
    }

    /** As {@link #staffing(Map)} with the given shifts. */
    public Staffing staffing(Map<String, String> gridOfWorker, ShiftPattern fullTimeShift, ShiftPattern partTimeShift) {
        Map<String, Integer> gridIndex = DistrictPlanner.index(problems.grids());
        List<WorkerSpec> specs = new ArrayList<>();
        for (DistrictWorker w : workers) {
            String grid = gridOfWorker.get(w.id());
            int g = gridIndex.get(grid);
            int base = w.homeBuilding().orElse(problems.baseBuilding(g));
            WorkerType type = switch (w.type()) {
                case FULL_TIME -> WorkerType.FULL_TIME;
                case PART_TIME -> WorkerType.PART_TIME;
                case PROFESSIONAL -> WorkerType.PROFESSIONAL;
                case VOLUNTEER -> throw new IllegalArgumentException("worker " + w.id()
                        + ": volunteers have no simulator counterpart");
            };
            specs.add(new WorkerSpec(w.id(), type, grid, problems.city().buildings().get(base).id(),
                    type == WorkerType.PART_TIME ? partTimeShift : fullTimeShift));
        }
        return Staffing.of(specs);
    }
}
