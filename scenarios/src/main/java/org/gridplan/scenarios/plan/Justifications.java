package org.gridplan.scenarios.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.gridplan.optimizer.domain.SitingSolution;
import org.gridplan.optimizer.domain.StaffingSolution;
import org.gridplan.optimizer.model.SitingPlan;
import org.gridplan.optimizer.model.SitingProblem;
import org.gridplan.optimizer.model.StaffingPlan;
import org.gridplan.optimizer.model.StaffingProblem;
import org.gridplan.optimizer.solver.BranchSitingSolver;
import org.gridplan.optimizer.solver.SitingJustifications.CommunitySplit;
import org.gridplan.optimizer.solver.SitingJustifications.Imbalance;
import org.gridplan.optimizer.solver.SitingJustifications.OutsideCircle;
import org.gridplan.optimizer.solver.SitingJustifications.OverCapacity;
import org.gridplan.optimizer.solver.SitingJustifications.TooManyBranches;
import org.gridplan.optimizer.solver.SolveOptions;
import org.gridplan.optimizer.solver.StaffingConstraintProvider.GridLoad;
import org.gridplan.optimizer.solver.StaffingConstraintProvider.GridResponseTime;
import org.gridplan.optimizer.solver.StaffingConstraintProvider.HomeTravel;
import org.gridplan.optimizer.solver.StaffingConstraintProvider.NoFullTimeWorker;
import org.gridplan.optimizer.solver.StaffingSolver;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * One-sentence justifications of an optimised plan, read from the solvers' score explanations
 * (the constraint justification records of {@code SitingJustifications} and
 * {@code StaffingConstraintProvider}): every broken hard rule, then a summary per soft objective
 * naming the grids, branches or workers that weigh most, compared with the baseline.
 */
final class Justifications {

    private static final int WORST = 3;

    private Justifications() {
    }

    static List<String> siting(SitingProblem problem, SitingSolution solved, SitingPlan plan, SitingPlan baseline) {
        SolverFactory<SitingSolution> factory = SolverFactory.create(
                BranchSitingSolver.solverConfig(problem, SolveOptions.ofTime(java.time.Duration.ofSeconds(1))));
        ScoreExplanation<SitingSolution, HardSoftLongScore> explanation =
                SolutionManager.<SitingSolution, HardSoftLongScore>create(factory).explain(solved);
        List<String> out = new ArrayList<>();
        for (TooManyBranches t : explanation.getJustificationList(TooManyBranches.class)) {
            out.add(String.format(Locale.ROOT, "%d branches are open, %d more than p = %d allows.", t.open(),
                    t.open() - t.maxBranches(), t.maxBranches()));
        }
        for (OverCapacity c : explanation.getJustificationList(OverCapacity.class)) {
            out.add(String.format(Locale.ROOT, "Branch %s serves %,d households, %,d over its capacity of %,d.",
                    c.siteId(), c.households(), c.households() - c.capacity(), c.capacity()));
        }
        for (CommunitySplit c : explanation.getJustificationList(CommunitySplit.class)) {
            out.add(String.format(Locale.ROOT, "Community %s is split: %,d of its %,d households are not at its main"
                    + " branch.", c.community(), c.householdsElsewhere(), c.households()));
        }
        long households = problem.totalHouseholds();
        out.add(String.format(Locale.ROOT, "%d branches open at %s; households travel %.1f min to their branch on"
                        + " average (nearest-site baseline: %.1f min with %d branches).", plan.openSites().size(),
                sample(plan.openSites()), plan.travelObjective() / Math.max(1, households),
                baseline.travelObjective() / Math.max(1, households), baseline.openSites().size()));
        List<OutsideCircle> outside = explanation.getJustificationList(OutsideCircle.class).stream()
                .filter(o -> o.circle() == problem.circles().inner())
                .sorted(Comparator.comparingDouble(OutsideCircle::distance).reversed()).toList();
        if (!outside.isEmpty()) {
            long h = outside.stream().mapToLong(OutsideCircle::households).sum();
            OutsideCircle far = outside.get(0);
            out.add(String.format(Locale.ROOT, "%,d grids (%.1f%% of households) lie outside the %.0f-minute circle of"
                            + " their branch (baseline %.1f%%); the farthest, %s, is %.1f min from branch %s.",
                    outside.size(), 100.0 * h / Math.max(1, households), problem.circles().inner(),
                    100 * baseline.shareOutsideInnerCircle(), far.demandId(), far.distance(), far.siteId()));
        } else {
            out.add(String.format(Locale.ROOT, "Every grid lies within the %.0f-minute circle of its branch.",
                    problem.circles().inner()));
        }
        List<Imbalance> imbalance = explanation.getJustificationList(Imbalance.class).stream()
                .sorted(Comparator.comparingLong((Imbalance i) -> Math.abs(i.households() - i.evenLoad())).reversed())
                .toList();
        if (!imbalance.isEmpty()) {
            Imbalance worst = imbalance.get(0);
            out.add(String.format(Locale.ROOT, "Branch loads differ from the even load of %,d households by at most"
                    + " %,d (branch %s, %,d households).", worst.evenLoad(),
                    Math.abs(worst.households() - worst.evenLoad()), worst.siteId(), worst.households()));
        }
        return out;
    }

    static List<String> staffing(StaffingProblem problem, StaffingSolution solved, StaffingPlan plan,
            StaffingPlan baseline) {
        SolverFactory<StaffingSolution> factory = SolverFactory.create(
                StaffingSolver.solverConfig(SolveOptions.ofTime(java.time.Duration.ofSeconds(1))));
        ScoreExplanation<StaffingSolution, HardSoftLongScore> explanation =
                SolutionManager.<StaffingSolution, HardSoftLongScore>create(factory).explain(solved);
        List<String> out = new ArrayList<>();
        for (NoFullTimeWorker n : explanation.getJustificationList(NoFullTimeWorker.class)) {
            out.add(String.format(Locale.ROOT, "Grid %s (%,d households) has no full-time worker.", n.gridId(),
                    n.households()));
        }
        // Balance and the hard load rules share the GridLoad record: an overloaded or unstaffed grid is one
        // whose load reaches its workers.
        for (GridLoad l : explanation.getJustificationList(GridLoad.class).stream().distinct().toList()) {
            if (l.offeredLoad() >= l.workers()) {
                out.add(String.format(Locale.ROOT, "Grid %s is overloaded: %.2f erlangs of work for %d workers.",
                        l.gridId(), l.offeredLoad(), l.workers()));
            }
        }
        out.add(String.format(Locale.ROOT, "Expected response by the analytic model (travel + Erlang C wait, workers on"
                + " shift) %.2f min (one-worker-per-grid baseline %.2f min, %+.1f%%).",
                plan.expectedResponseMinutes(), baseline.expectedResponseMinutes(),
                100 * (plan.expectedResponseMinutes() / baseline.expectedResponseMinutes() - 1)));
        List<GridResponseTime> multi = explanation.getJustificationList(GridResponseTime.class).stream()
                .filter(r -> r.workers() > 1)
                .sorted(Comparator.comparingInt(GridResponseTime::workers).reversed()
                        .thenComparing(GridResponseTime::gridId))
                .toList();
        if (!multi.isEmpty()) {
            StringBuilder grids = new StringBuilder();
            for (GridResponseTime r : multi.subList(0, Math.min(WORST, multi.size()))) {
                grids.append(grids.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
                        "%s %d workers, %.1f min travel + %.2f min wait", r.gridId(), r.workers(), r.travelMinutes(),
                        r.waitMinutes()));
            }
            out.add(String.format(Locale.ROOT, "%,d grids get more than one worker, e.g. %s.", multi.size(), grids));
        }
        List<GridResponseTime> slowest = explanation.getJustificationList(GridResponseTime.class).stream()
                .sorted(Comparator.comparingDouble((GridResponseTime r) -> r.travelMinutes() + r.waitMinutes())
                        .reversed().thenComparing(GridResponseTime::gridId))
                .toList();
        if (!slowest.isEmpty()) {
            GridResponseTime r = slowest.get(0);
            out.add(String.format(Locale.ROOT, "The slowest grid is %s: %.1f min travel + %.2f min wait with %d"
                    + " worker%s.", r.gridId(), r.travelMinutes(), r.waitMinutes(), r.workers(),
                    r.workers() == 1 ? "" : "s"));
        }
        List<HomeTravel> home = explanation.getJustificationList(HomeTravel.class).stream()
                .sorted(Comparator.comparingDouble(HomeTravel::minutes).reversed()
                        .thenComparing(HomeTravel::workerId)).toList();
        if (!home.isEmpty()) {
            double mean = home.stream().mapToDouble(HomeTravel::minutes).sum() / problem.workers().size();
            HomeTravel far = home.get(0);
            out.add(String.format(Locale.ROOT, "Workers start %.1f min from their grid's households on average (from"
                    + " home, or from the grid's base when their home is not known); the farthest, %s, %.1f min from"
                    + " grid %s.", mean, far.workerId(), far.minutes(), far.gridId()));
        }
        return out;
    }

    private static String sample(List<String> ids) {
        if (ids.size() <= 5) {
            return String.join(", ", ids);
        }
        return String.join(", ", ids.subList(0, 5)) + " and " + (ids.size() - 5) + " more";
    }
}
