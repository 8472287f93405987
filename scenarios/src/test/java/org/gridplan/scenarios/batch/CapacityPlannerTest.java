package org.gridplan.scenarios.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridplan.results.chart.Lang;
import org.gridplan.results.report.CapacityReport;
import org.gridplan.results.stats.CapacityStudy;
import org.gridplan.results.stats.CapacityStudy.Headcount;
import org.gridplan.results.stats.Interval;
import org.gridplan.scenarios.batch.CapacityPlanner.Check;
import org.gridplan.scenarios.batch.CapacityPlanner.Point;
import org.gridplan.scenarios.batch.CapacityPlanner.Result;
import org.gridplan.sim.agent.BranchPool;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.junit.jupiter.api.Test;

/** A capacity plan's result, constructed, carried into the report's study and its sentence. */
class CapacityPlannerTest {

    @Test
    void the_headcount_counts_the_plans_workers_by_type_its_pools_and_the_posts_on_duty() {
        List<WorkerSpec> workers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            workers.add(new WorkerSpec("FT" + i, WorkerType.FULL_TIME, "g" + i, "b" + i, ShiftPattern.WEEKDAY_DAY));
        }
        workers.add(new WorkerSpec("PT0", WorkerType.PART_TIME, "g0", "b0", ShiftPattern.PART_TIME));
        workers.add(new WorkerSpec("PT1", WorkerType.PART_TIME, "g1", "b1", ShiftPattern.PART_TIME));
        workers.add(new WorkerSpec("PRO", WorkerType.PROFESSIONAL, "g2", "b2", ShiftPattern.WEEKDAY_DAY));
        Staffing staffing = new Staffing(workers, List.of(new BranchPool("P1", "b0", List.of(), 3,
                ShiftPattern.WEEKDAY_DAY)), DutyRoster.defaults());
        assertThat(CapacityPlanner.headcount(staffing, 2)).isEqualTo(new Headcount(5, 2, 1, 3, 2));
    }

    @Test
    void the_sentence_counts_the_workers_of_the_answers_plan_and_names_the_point_that_falls_short() {
        List<Point> curve = new ArrayList<>();
        List<String> grids = new ArrayList<>();
        for (int k = 0; k <= 20; k++) {
            if (k > 0) {
                grids.add("G" + k);
            }
            curve.add(new Point(DutyRoster.defaults().label(), k, grids, 0.98 + 0.0005 * k, 0.999, 500));
        }
        Check at8 = check(curve.get(8), 0.9830, 0.9815, false);
        Check at18 = check(curve.get(18), 0.98771, 0.98642, true);
        Check at17 = check(curve.get(17), 0.9852, 0.98404, false);
        Map<String, Double> rosters = new LinkedHashMap<>();
        rosters.put(DutyRoster.NONE.label(), 0.353);
        rosters.put(DutyRoster.defaults().label(), 1.0);
        Result r = new Result("grid-400", 102, DutyRoster.defaults(), rosters, 20, curve, List.of(at8, at18, at17),
                Optional.of(at18));

        CapacityStudy.Layout layout = r.study(List.of(DutyRoster.NONE, DutyRoster.defaults()));
        assertThat(layout.chosen()).hasValue(18);
        assertThat(layout.curve()).hasSize(21);
        assertThat(layout.simulated()).extracting(CapacityStudy.SimulatedPoint::professionals)
                .containsExactly(8, 18, 17);
        assertThat(layout.rosters()).extracting(CapacityStudy.RosterOption::roster)
                .containsExactly(DutyRoster.NONE, DutyRoster.defaults());
        CapacityStudy study = new CapacityStudy("quickstart", "district", 0.985, 0.95, 0.95, List.of(layout));
        assertThat(new CapacityReport(Lang.EN).answers(study)).containsExactly("grid-400 needs 102 full-time "
                + "workers, 40 part-time workers, 18 professionals and 12 on duty at night to reach 98.5% of cases on "
                + "time with 95% confidence (simulated 98.77%, lower bound 98.64%; 17 professionals fall short at "
                + "98.40%).");
        assertThat(new CapacityReport(Lang.ZH).answers(study)).containsExactly("grid-400 需要专职网格员 102 人、"
                + "兼职网格员 40 人、专业力量 18 人，夜间值班 12 人，才能在 95% 置信度下达到按时响应率 98.5%（仿真 98.77%，置信下限 98.64%；"
                + "专业力量 17 人时置信下限为 98.40%，未达标）。");
    }

    private static Check check(Point p, double mean, double low, boolean meets) {
        double half = 1.3 * (mean - low);
        return new Check(p, new Headcount(102, 40, p.professionals(), 0, 12), 5, mean,
                new Interval(mean - half, mean + half), low, 0.999, 0.997, 470, meets);
    }
}
