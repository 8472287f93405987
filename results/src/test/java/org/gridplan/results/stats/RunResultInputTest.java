package org.gridplan.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.gridplan.sim.agent.WorkerRole;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.demand.DiscoveryMode;
import org.gridplan.sim.engine.BacklogSeries;
import org.gridplan.sim.engine.GridKpis;
import org.gridplan.sim.engine.IncidentKpis;
import org.gridplan.sim.engine.IncidentRecord;
import org.gridplan.sim.engine.LimitKpis;
import org.gridplan.sim.engine.RunResult;
import org.gridplan.sim.engine.Stats;
import org.gridplan.sim.engine.WorkHours;
import org.gridplan.sim.engine.WorkerKpis;
import org.junit.jupiter.api.Test;

/** The builder takes a {@link RunResult} apart into KPIs and distributions. */
class RunResultInputTest {

    private static IncidentKpis kpis(double meanResponse, double p90) {
        return new IncidentKpis(10, 2, 9, 8, 2, new Stats(9, meanResponse, 7, p90, 20, 30),
                new Stats(8, 600, 500, 900, 1000, 1200), 0.6, Map.of(), 0.3, 0.8);
    }

    private static IncidentRecord incident(int n, String grid, double occurred, double known, double arrived) {
        return new IncidentRecord(n, "disputes", grid, "B1", DiscoveryMode.RESIDENT_REPORT, false, "w1", occurred,
                known, known, arrived, arrived + 10, null, Double.NaN, Double.NaN, arrived + 20, 100);
    }

    static RunResult result() {
        List<WorkerKpis> workers = List.of(
                new WorkerKpis("w1", WorkerType.FULL_TIME, WorkerRole.PRIMARY, "G1", 5, 120, 480, 0.25, 0, 3, 3, false),
                new WorkerKpis("w2", WorkerType.FULL_TIME, WorkerRole.PRIMARY, "G2", 5, 360, 480, 0.75, 0, 3, 3, false),
                new WorkerKpis("p1", WorkerType.PART_TIME, WorkerRole.PART_TIME, "G2", 1, 0, 0, Double.NaN, 0, 0, 0,
                        true));
        // Warm-up 1 day = 1,440 minutes: incident 1 occurred in the warm-up, incident 4 was never reached.
        List<IncidentRecord> log = List.of(incident(1, "G1", 100, 100, 110), incident(2, "G1", 1500, 1500, 1512.5),
                incident(3, "G2", 1600, 1605, 1609), incident(4, "G2", 1700, 1700, Double.NaN));
        return new RunResult("city", "grid-400", 7, 2, 1, 4, 100, kpis(12, 25),
                List.of(new GridKpis("G1", "C1", 400, kpis(10, 20)), new GridKpis("G2", "C1", 380, kpis(14, 28))),
                workers, 0.5, new BacklogSeries(30, List.of(0, 2, 5, 1), List.of(0, 1, 1, 0)), List.of(), log);
    }

    @Test
    void district_kpis_come_from_the_district_and_utilisation_from_busy_over_duty() {
        RunKpis k = RunKpis.of("grid-400", 1.0, 3, result());
        assertThat(k.value(Kpi.MEAN_RESPONSE)).isEqualTo(12.0);
        assertThat(k.value(Kpi.P50_RESPONSE)).isEqualTo(7.0);
        assertThat(k.value(Kpi.P90_RESPONSE)).isEqualTo(25.0);
        assertThat(k.value(Kpi.P95_RESPONSE)).isEqualTo(20.0);
        assertThat(k.value(Kpi.MEAN_CLOSURE)).isEqualTo(600.0);
        assertThat(k.value(Kpi.ON_SPOT_SHARE)).isEqualTo(0.6);
        assertThat(k.value(Kpi.WITHIN_5_SHARE)).isEqualTo(0.3);
        assertThat(k.value(Kpi.WITHIN_15_SHARE)).isEqualTo(0.8);
        // (120 + 360) / (480 + 480); the part-timer had no duty.
        assertThat(k.value(Kpi.UTILISATION)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void detail_takes_response_samples_after_warm_up_and_backlog_in_hours() {
        RunDetail d = RunDetail.of("grid-400", 1.0, 3, result());
        // Incident 2: 1512.5 − 1500 = 12.5; incident 3: 1609 − 1605 = 4 (from report, not occurrence).
        assertThat(d.responseMinutes()).containsExactly(12.5, 4.0);
        assertThat(d.workerUtilisation()).containsExactly(0.25, 0.75);
        assertThat(d.backlogHours()).containsExactly(0.0, 0.5, 1.0, 1.5);
        assertThat(d.backlogOpen()).containsExactly(0.0, 2.0, 5.0, 1.0);
        assertThat(d.gridKpis().get("G1").get(Kpi.P90_RESPONSE)).isEqualTo(20.0);
        assertThat(d.gridKpis().get("G1").get(Kpi.UTILISATION)).isCloseTo(0.25, within(1e-12));
        assertThat(d.gridKpis().get("G2").get(Kpi.UTILISATION)).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void builder_add_records_kpis_and_detail_and_takes_first_layout_as_baseline() {
        ComparisonData data = ComparisonData.builder(new ScenarioSummary("s", "city", 780, Map.of(), 1, 7, ""))
                .add("current", 1.0, 0, result()).add("grid-400", 1.0, 0, result()).build();
        assertThat(data.baseline()).isEqualTo("current");
        assertThat(data.layouts()).containsExactly("current", "grid-400");
        assertThat(data.referencePoint()).isEqualTo(1.0);
        assertThat(data.runs()).hasSize(2);
        assertThat(data.details("grid-400", 1.0)).hasSize(1);
    }

    @Test
    void detail_arrays_cannot_be_changed_from_outside() {
        double[] samples = {1, 2};
        RunDetail d = new RunDetail("a", 1, 0, samples, new double[0], new double[0], new double[0], Map.of());
        samples[0] = 99;
        d.responseMinutes()[1] = 99;
        assertThat(d.responseMinutes()).containsExactly(1.0, 2.0);
    }

    private static IncidentKpis withLimits(LimitKpis limits) {
        return new IncidentKpis(10, 2, 9, 8, 2, new Stats(9, 12, 7, 25, 20, 30),
                new Stats(8, 600, 500, 900, 1000, 1200),
                0.6, Map.of(), 0.3, 0.8, limits);
    }

    private static WorkerKpis worker(String id, WorkerType type, WorkerRole role, WorkHours hours) {
        return new WorkerKpis(id, type, role, "G1", 5, 120, 480, 0.25, 0, 3, 3, false, hours);
    }

    /** 21 days with 7 of warm-up: two measured weeks. */
    private static RunResult officials(List<WorkerKpis> workers) {
        LimitKpis district = new LimitKpis(40, 6, 0.9, 0.75, 0.8, 3, 1, 2, 4);
        LimitKpis grid = new LimitKpis(20, 3, 0.85, 0.5, 0.7, 2, 0, 1, 1);
        return new RunResult("city", "grid-400", 7, 21, 7, 4, 100, withLimits(district),
                List.of(new GridKpis("G1", "C1", 400, withLimits(grid), 0.64),
                        new GridKpis("G2", "C1", 380, withLimits(LimitKpis.EMPTY))),
                workers, 0.5, new BacklogSeries(30, List.of(0), List.of(0)), List.of(), List.of(), 0.66);
    }

    @Test
    void officials_kpis_come_from_the_time_limits_the_visit_coverage_and_full_time_work_hours() {
        // Full-time grid workers: routine 600 + 1,080 minutes, overtime 240 + 0, over 2 weeks.
        List<WorkerKpis> workers = List.of(
                worker("w1", WorkerType.FULL_TIME, WorkerRole.PRIMARY, new WorkHours(100, 100, 100, 100, 200, 50, 60,
                        70, 240, 0, 4, 1)),
                worker("w2", WorkerType.FULL_TIME, WorkerRole.PRIMARY, new WorkHours(1080, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                        0, 0)),
                // Left out: a part-timer, a full-time duty slot, and a worker whose hours were not recorded.
                worker("p1", WorkerType.PART_TIME, WorkerRole.PART_TIME, new WorkHours(5000, 0, 0, 0, 0, 0, 0, 0,
                        5000, 0, 0, 0)),
                worker("d1", WorkerType.FULL_TIME, WorkerRole.DUTY, new WorkHours(0, 0, 0, 0, 0, 0, 0, 0, 5000, 9000,
                        0, 0)),
                worker("w3", WorkerType.FULL_TIME, WorkerRole.PRIMARY, WorkHours.EMPTY));
        RunKpis k = RunKpis.of("grid-400", 1.0, 0, officials(workers));
        assertThat(k.value(Kpi.ON_TIME_RESPONSE)).isEqualTo(0.9);
        assertThat(k.value(Kpi.URGENT_ON_TIME_RESPONSE)).isEqualTo(0.75);
        assertThat(k.value(Kpi.ON_TIME_CLOSURE)).isEqualTo(0.8);
        assertThat(k.value(Kpi.OVERDUE_OPEN)).isEqualTo(3.0);
        assertThat(k.value(Kpi.VISIT_COVERAGE)).isEqualTo(0.66);
        // (600 + 1,080) / 2 workers / 60 / 2 weeks = 7 h a week; overtime 240 / 2 / 60 / 2 = 1.
        assertThat(k.value(Kpi.ROUTINE_HOURS_WEEK)).isCloseTo(7.0, within(1e-12));
        assertThat(k.value(Kpi.OVERTIME_HOURS_WEEK)).isCloseTo(1.0, within(1e-12));
        assertThat(StaffKpis.fullTimeTaskLateShare(officials(workers))).isEqualTo(0.25);

        RunDetail d = RunDetail.of("grid-400", 1.0, 0, officials(workers));
        assertThat(d.gridKpis().get("G1")).containsEntry(Kpi.ON_TIME_RESPONSE, 0.85)
                .containsEntry(Kpi.ON_TIME_CLOSURE, 0.7).containsEntry(Kpi.OVERDUE_OPEN, 2.0)
                .containsEntry(Kpi.VISIT_COVERAGE, 0.64).doesNotContainKey(Kpi.ROUTINE_HOURS_WEEK);
        // G2 knew no case and has no visit cycle: nothing to judge, not zero.
        assertThat(d.gridKpis().get("G2")).doesNotContainKeys(Kpi.ON_TIME_RESPONSE, Kpi.OVERDUE_OPEN,
                Kpi.VISIT_COVERAGE);
    }

    @Test
    void a_run_without_time_limits_or_recorded_hours_has_no_officials_kpis_rather_than_zeros() {
        // What the engine gives before it fills them: empty limits, no visit cycle, empty hours.
        RunKpis k = RunKpis.of("grid-400", 1.0, 3, result());
        for (Kpi kpi : Kpi.officials()) {
            if (kpi != Kpi.FULL_TIME_WORKERS) {
                assertThat(k.value(kpi)).as(kpi.name()).isNaN();
            }
        }
        // The headcount needs no hours: the two full-time grid workers of the run.
        assertThat(k.value(Kpi.FULL_TIME_WORKERS)).isEqualTo(2.0);
        assertThat(Kpi.officials()).containsExactly(Kpi.ON_TIME_RESPONSE, Kpi.URGENT_ON_TIME_RESPONSE,
                Kpi.ON_TIME_CLOSURE, Kpi.OVERDUE_OPEN, Kpi.VISIT_COVERAGE, Kpi.ROUTINE_HOURS_WEEK,
                Kpi.OVERTIME_HOURS_WEEK, Kpi.WORKLOAD, Kpi.FULL_TIME_WORKERS);
    }
}
