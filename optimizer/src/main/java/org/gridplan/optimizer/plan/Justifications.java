package org.gridplan.optimizer.plan;

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
import org.gridplan.optimizer.solver.ScoreJustifications;
import org.gridplan.optimizer.solver.SitingJustifications.CommunitySplit;
import org.gridplan.optimizer.solver.SitingJustifications.Imbalance;
import org.gridplan.optimizer.solver.SitingJustifications.OutsideCircle;
import org.gridplan.optimizer.solver.SitingJustifications.OverCapacity;
import org.gridplan.optimizer.solver.SitingJustifications.TooManyBranches;
import org.gridplan.optimizer.solver.StaffingConstraintProvider.GridLoad;
import org.gridplan.optimizer.solver.StaffingConstraintProvider.GridResponseTime;
import org.gridplan.optimizer.solver.StaffingConstraintProvider.HomeTravel;
import org.gridplan.optimizer.solver.StaffingConstraintProvider.NoFullTimeWorker;
import org.gridplan.optimizer.solver.StaffingSolver;

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

    static List<PlanJustification> siting(SitingProblem problem, SitingSolution solved, SitingPlan plan,
            SitingPlan baseline) {
        ScoreJustifications explanation = BranchSitingSolver.explain(problem, solved);
        List<PlanJustification> out = new ArrayList<>();
        for (TooManyBranches t : explanation.of(TooManyBranches.class)) {
            out.add(say(Sentence.TOO_MANY_BRANCHES, t.open(), t.open() - t.maxBranches(),
                    t.maxBranches()));
        }
        for (OverCapacity c : explanation.of(OverCapacity.class)) {
            out.add(say(Sentence.OVER_CAPACITY, c.siteId(), c.households(),
                    c.households() - c.capacity(), c.capacity()));
        }
        for (CommunitySplit c : explanation.of(CommunitySplit.class)) {
            out.add(say(Sentence.COMMUNITY_SPLIT, c.community(), c.householdsElsewhere(),
                    c.households()));
        }
        long households = problem.totalHouseholds();
        out.add(say(Sentence.BRANCHES_OPEN, plan.openSites().size(), sample(plan.openSites()),
                plan.travelObjective() / Math.max(1, households),
                baseline.travelObjective() / Math.max(1, households), baseline.openSites().size(),
                sampleZh(plan.openSites())));
        List<OutsideCircle> outside = explanation.of(OutsideCircle.class).stream()
                .filter(o -> o.circle() == problem.circles().inner())
                .sorted(Comparator.comparingDouble(OutsideCircle::distance).reversed()).toList();
        if (!outside.isEmpty()) {
            long h = outside.stream().mapToLong(OutsideCircle::households).sum();
            OutsideCircle far = outside.get(0);
            out.add(say(Sentence.OUTSIDE_CIRCLE, outside.size(), 100.0 * h / Math.max(1, households),
                    problem.circles().inner(),
                    100 * baseline.shareOutsideInnerCircle(), far.demandId(), far.distance(), far.siteId()));
        } else {
            out.add(say(Sentence.ALL_INSIDE_CIRCLE, problem.circles().inner()));
        }
        List<Imbalance> imbalance = explanation.of(Imbalance.class).stream()
                .sorted(Comparator.comparingLong((Imbalance i) -> Math.abs(i.households() - i.evenLoad())).reversed())
                .toList();
        if (!imbalance.isEmpty()) {
            Imbalance worst = imbalance.get(0);
            out.add(say(Sentence.BRANCH_BALANCE, worst.evenLoad(),
                    Math.abs(worst.households() - worst.evenLoad()), worst.siteId(), worst.households()));
        }
        return out;
    }

    static List<PlanJustification> staffing(StaffingProblem problem, StaffingSolution solved, StaffingPlan plan,
            StaffingPlan baseline) {
        ScoreJustifications explanation = StaffingSolver.explain(solved);
        List<PlanJustification> out = new ArrayList<>();
        for (NoFullTimeWorker n : explanation.of(NoFullTimeWorker.class)) {
            out.add(say(Sentence.NO_FULL_TIME_WORKER, n.gridId(), n.households()));
        }
        // Balance and the hard load rules share the GridLoad record: an overloaded or unstaffed grid is one
        // whose load reaches its workers.
        for (GridLoad l : explanation.of(GridLoad.class).stream().distinct().toList()) {
            if (l.offeredLoad() >= l.workers()) {
                out.add(say(Sentence.OVERLOADED, l.gridId(), l.offeredLoad(),
                        l.workers()));
            }
        }
        boolean field = problem.grids().stream().anyMatch(g -> g.field() != null);
        out.add(say(field ? Sentence.EXPECTED_FIELD_RESPONSE : Sentence.EXPECTED_RESPONSE,
                plan.expectedResponseMinutes(), baseline.expectedResponseMinutes(),
                100 * (plan.expectedResponseMinutes() / baseline.expectedResponseMinutes() - 1)));
        List<GridResponseTime> multi = explanation.of(GridResponseTime.class).stream()
                .filter(r -> r.workers() > 1)
                .sorted(Comparator.comparingInt(GridResponseTime::workers).reversed()
                        .thenComparing(GridResponseTime::gridId))
                .toList();
        if (!multi.isEmpty()) {
            List<String> grids = new ArrayList<>();
            List<String> gridsZh = new ArrayList<>();
            for (GridResponseTime r : multi.subList(0, Math.min(WORST, multi.size()))) {
                PlanJustification g = say(Sentence.MULTI_WORKER_GRID, r.gridId(), r.workers(), r.travelMinutes(),
                        r.waitMinutes());
                grids.add(g.english());
                gridsZh.add(g.chinese());
            }
            out.add(say(Sentence.MULTI_WORKER, multi.size(), String.join("; ", grids), String.join("；", gridsZh)));
        }
        List<GridResponseTime> slowest = explanation.of(GridResponseTime.class).stream()
                .sorted(Comparator.comparingDouble((GridResponseTime r) -> r.travelMinutes() + r.waitMinutes())
                        .reversed().thenComparing(GridResponseTime::gridId))
                .toList();
        if (!slowest.isEmpty()) {
            GridResponseTime r = slowest.get(0);
            out.add(say(Sentence.SLOWEST_GRID, r.gridId(),
                    r.travelMinutes(), r.waitMinutes(), r.workers(), r.workers() == 1 ? "" : "s"));
        }
        List<HomeTravel> home = explanation.of(HomeTravel.class).stream()
                .sorted(Comparator.comparingDouble(HomeTravel::minutes).reversed()
                        .thenComparing(HomeTravel::workerId)).toList();
        if (!home.isEmpty()) {
            double mean = home.stream().mapToDouble(HomeTravel::minutes).sum() / problem.workers().size();
            HomeTravel far = home.get(0);
            out.add(say(Sentence.HOME_TRAVEL, mean, far.workerId(), far.minutes(), far.gridId()));
        }
        return out;
    }

    /**
     * Every sentence a plan's justification may use, in English and Chinese. Both patterns take the
     * same arguments by position ({@code %1$d}), so the Chinese may reorder them; an argument of
     * one language only (a list of ids joined its own way, a plural ending) is named in
     * {@code ownArguments}. A test formats every sentence and checks that both languages show the
     * same arguments in the same formats.
     */
    enum Sentence {
        TOO_MANY_BRANCHES("%1$d branches are open, %2$d more than p = %3$d allows.",
                "开设了 %1$d 个服务站，比 p = %3$d 的上限多 %2$d 个。"),
        OVER_CAPACITY("Branch %1$s serves %2$,d households, %3$,d over its capacity of %4$,d.",
                "服务站 %1$s 服务 %2$,d 户，超出其 %4$,d 户的容量 %3$,d 户。"),
        COMMUNITY_SPLIT("Community %1$s is split: %2$,d of its %3$,d households are not at its main branch.",
                "社区 %1$s 被拆分：其 %3$,d 户中有 %2$,d 户不归属其主服务站。"),
        /** Argument 2 is the English list of sites, 6 the Chinese one. */
        BRANCHES_OPEN("%1$d branches open at %2$s; households travel %3$.1f min to their branch on average"
                + " (nearest-site baseline: %4$.1f min with %5$d branches).",
                "在 %6$s 开设 %1$d 个党群服务站；居民到所属服务站平均 %3$.1f 分钟（最近站点基线：%5$d 个服务站，%4$.1f 分钟）。",
                2, 6),
        OUTSIDE_CIRCLE("%1$,d grids (%2$.1f%% of households) lie outside the %3$.0f-minute circle of their branch"
                + " (baseline %4$.1f%%); the farthest, %5$s, is %6$.1f min from branch %7$s.",
                "%1$,d 个网格（占住户 %2$.1f%%）在所属服务站的 %3$.0f 分钟服务圈之外（基线 %4$.1f%%）；"
                        + "最远的网格 %5$s 距服务站 %7$s %6$.1f 分钟。"),
        ALL_INSIDE_CIRCLE("Every grid lies within the %1$.0f-minute circle of its branch.",
                "所有网格都在所属服务站的 %1$.0f 分钟服务圈之内。"),
        BRANCH_BALANCE("Branch loads differ from the even load of %1$,d households by at most %2$,d"
                + " (branch %3$s, %4$,d households).",
                "各服务站负荷与均衡负荷 %1$,d 户相差至多 %2$,d 户（服务站 %3$s，%4$,d 户）。"),
        NO_FULL_TIME_WORKER("Grid %1$s (%2$,d households) has no full-time worker.",
                "网格 %1$s（%2$,d 户）没有专职网格员。"),
        OVERLOADED("Grid %1$s is overloaded: %2$.2f erlangs of work for %3$d workers.",
                "网格 %1$s 超负荷：%3$d 名网格员承担 %2$.2f 爱尔兰的工作量。"),
        EXPECTED_RESPONSE("Expected response by the analytic model (travel + Erlang C wait while workers are on"
                + " shift; waiting for the next shift is not counted) %1$.2f min (one-worker-per-grid baseline %2$.2f"
                + " min, %3$+.1f%%).",
                "解析模型（路程 + Erlang C 等待，仅计网格员在岗时段，不含等待下一班次的时间）预计响应 %1$.2f 分钟"
                        + "（每格一人基线 %2$.2f 分钟，%3$+.1f%%）。"),
        EXPECTED_FIELD_RESPONSE("Expected response by the field-regime model (the wait for the next shift, the duty"
                + " roster, routine work, patrol discovery, the wait for a free worker and travel) %1$.2f min"
                + " (one-worker-per-grid baseline %2$.2f min, %3$+.1f%%).",
                "现场运行模型（等待下一班次、值班安排、日常工作、巡查发现、等待空闲网格员与路程）预计响应 %1$.2f 分钟"
                        + "（每格一人基线 %2$.2f 分钟，%3$+.1f%%）。"),
        /** Argument 2 is the English list of grids, 3 the Chinese one. */
        MULTI_WORKER("%1$,d grids get more than one worker, e.g. %2$s.", "%1$,d 个网格配备一名以上网格员，例如 %3$s。", 2, 3),
        MULTI_WORKER_GRID("%1$s %2$d workers, %3$.1f min travel + %4$.2f min wait",
                "%1$s 配 %2$d 人，路程 %3$.1f 分钟 + 等待 %4$.2f 分钟"),
        /** Argument 5 is the English plural ending. */
        SLOWEST_GRID("The slowest grid is %1$s: %2$.1f min travel + %3$.2f min wait with %4$d worker%5$s.",
                "响应最慢的网格是 %1$s：%4$d 名网格员，路程 %2$.1f 分钟 + 等待 %3$.2f 分钟。", 5),
        HOME_TRAVEL("Workers start %1$.1f min from their grid's households on average (from home, or from the"
                + " grid's base when their home is not known); the farthest, %2$s, %3$.1f min from grid %4$s.",
                "网格员出发点（住处；住处未知时为网格驻点）距所负责网格的住户平均 %1$.1f 分钟；最远的 %2$s 距网格 %4$s"
                        + " %3$.1f 分钟。");

        final String english;
        final String chinese;
        final java.util.Set<Integer> ownArguments;

        Sentence(String english, String chinese, Integer... ownArguments) {
            this.english = english;
            this.chinese = chinese;
            this.ownArguments = java.util.Set.of(ownArguments);
        }
    }

    /** The sentence in both languages from one argument list. */
    static PlanJustification say(Sentence sentence, Object... args) {
        return new PlanJustification(String.format(Locale.ROOT, sentence.english, args),
                String.format(Locale.ROOT, sentence.chinese, args));
    }

    private static String sample(List<String> ids) {
        if (ids.size() <= 5) {
            return String.join(", ", ids);
        }
        return String.join(", ", ids.subList(0, 5)) + " and " + (ids.size() - 5) + " more";
    }

    private static String sampleZh(List<String> ids) {
        if (ids.size() <= 5) {
            return String.join("、", ids);
        }
        return String.join("、", ids.subList(0, 5)) + " 及其余 " + (ids.size() - 5) + " 处";
    }
}
