package org.gridplan.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerRole;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.demand.IncidentCategory;
import org.gridplan.sim.demand.TimeDistribution;
import org.gridplan.sim.demand.TimeLimit;
import org.gridplan.sim.demand.Urgency;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.junit.jupiter.api.Test;

/**
 * The field operating model: the loss system against Erlang B, the working-hours clock, duty
 * rosters and linkage for urgent cases, routine work and its priority, time limits and the split
 * of a worker's hours.
 */
class FieldModelTest {

    private static final City CITY = EngineFixtures.lattice(6, 4, 100, 100, c -> c < 3 ? "C1" : "C2");
    private static final GridLayout LAYOUT = EngineFixtures.layout(CITY,
            i -> (i % 6 < 3 ? "C1" : "C2") + (i / 6 < 2 ? "-N" : "-S"));

    @Test
    void a_queue_limit_of_zero_is_the_erlang_loss_system() {
        // M/M/c/c: c = 2 workers, offered load a = lambda / mu = 1.5 Erlang, blocking B(2, 1.5) = 0.3103.
        double mean = 10;
        double lambda = 1.5 / mean;
        int households = 1000;
        City city = EngineFixtures.oneBuilding(households);
        DemandCatalog demand = DemandCatalog.of(
                EngineFixtures.poisson("calls", lambda, households, TimeDistribution.exponential(mean)));
        double days = 200_000 / lambda / 1440;
        SimulationConfig config = EngineFixtures.queueing(demand, days, 1, 77)
                .field(FieldModel.off().withQueue(QueuePolicy.unlimited().withLimit(0))).build();

        RunResult r = GridSimulation.run(city, EngineFixtures.oneGrid(city),
                EngineFixtures.staffing(EngineFixtures.always("G1", "B0", 2)), config);

        double a = 1.5;
        double erlangB = (a * a / 2) / (1 + a + a * a / 2);
        LimitKpis l = r.district().limits();
        double blocked = (double) l.lost() / l.known();
        // About 200,000 arrivals: the binomial standard error of the share is about 0.001.
        assertThat(blocked).isCloseTo(erlangB, offset(0.006));
        assertThat(r.district().response().max()).isZero();
        assertThat(l.abandoned()).isZero();
    }

    @Test
    void exponential_patience_abandons_waiting_cases() {
        // M/M/1 with exponential patience: some waiting cases are abandoned, none is lost, and every
        // abandoned case counts as late against its limit.
        double mean = 10;
        double lambda = 0.09;
        City city = EngineFixtures.oneBuilding(1000);
        IncidentCategory calls = EngineFixtures.poisson("calls", lambda, 1000, TimeDistribution.exponential(mean))
                .withLimits(TimeLimit.calendarMinutes(1000), TimeLimit.NONE);
        SimulationConfig config = EngineFixtures.queueing(DemandCatalog.of(calls), 60, 1, 5)
                .field(FieldModel.off().withQueue(QueuePolicy.unlimited()
                        .withPatience(TimeDistribution.exponential(20))))
                .build();

        RunResult r = GridSimulation.run(city, EngineFixtures.oneGrid(city),
                EngineFixtures.staffing(EngineFixtures.always("G1", "B0", 1)), config);

        LimitKpis l = r.district().limits();
        assertThat(l.abandoned()).isPositive();
        assertThat(l.lost()).isZero();
        assertThat(l.onTimeResponseShare()).isCloseTo(1.0 - (double) l.abandoned() / l.known(), offset(0.005));
    }

    @Test
    void the_working_clock_counts_only_working_hours() {
        WorkingClock clock = new WorkingClock(ShiftPattern.WEEKDAY_DAY);
        double friday16 = 4 * 1440 + 16 * 60;
        // 1.5 h left on Friday, 2.5 h on Monday from 08:30: 11:00 on Monday (day 7).
        assertThat(clock.due(friday16, TimeLimit.workingHours(4))).isEqualTo(7 * 1440 + 11 * 60);
        // One working day from Monday 20:00 is Tuesday 17:30.
        assertThat(clock.due(20 * 60, TimeLimit.workingDays(1))).isEqualTo(1440 + 17.5 * 60);
        assertThat(clock.due(friday16, TimeLimit.calendarMinutes(30))).isEqualTo(friday16 + 30);
        assertThat(clock.due(friday16, TimeLimit.NONE)).isInfinite();
    }

    private static DemandCatalog urgentNights() {
        IncidentCategory urgent = IncidentCategory.reported("alarms", 2.0, TimeDistribution.deterministic(20))
                .withUrgency(Urgency.URGENT).withLimits(TimeLimit.calendarMinutes(30), TimeLimit.NONE);
        return DemandCatalog.of(urgent);
    }

    private static RunResult urgent(DutyRoster roster, LinkageConfig linkage) {
        Staffing staffing = Staffing.oneFullTimePerGrid(CITY, LAYOUT, 0).withDuty(roster);
        SimulationConfig config = SimulationConfig.builder().horizonDays(28).warmUpDays(0).seed(3)
                .demand(urgentNights()).patrol(PatrolConfig.off()).field(FieldModel.off().withLinkage(linkage))
                .build();
        return GridSimulation.run(CITY, LAYOUT, staffing, config);
    }

    @Test
    void without_duty_urgent_cases_out_of_hours_go_to_the_linkage_and_miss_a_30_minute_limit() {
        RunResult none = urgent(DutyRoster.NONE, LinkageConfig.defaults());
        RunResult duty = urgent(DutyRoster.defaults(), LinkageConfig.defaults());

        LimitKpis n = none.district().limits();
        LimitKpis d = duty.district().limits();
        // Most of the week is out of hours: without duty those cases wait 30 minutes, then the police
        // take 15 on average; a duty worker at the community office is minutes away.
        assertThat(n.linked()).isGreaterThan(n.known() / 2);
        assertThat(n.urgentOnTimeResponseShare()).isLessThan(0.45);
        assertThat(d.linked()).isLessThan(d.known() / 20);
        assertThat(d.urgentOnTimeResponseShare()).isGreaterThan(0.9);
        // Same incidents either way (common random numbers).
        assertThat(d.known()).isEqualTo(n.known());
    }

    @Test
    void a_duty_rota_credits_its_hours_to_the_grid_workers_and_adds_no_head() {
        RunResult rota = urgent(DutyRoster.defaults(), LinkageConfig.off());
        assertThat(rota.workers()).noneMatch(w -> w.role() == WorkerRole.DUTY);
        double onCall = rota.workers().stream().mapToDouble(w -> w.hours().onCall()).sum();
        // Two communities, one on duty each, for every minute outside 08:30-17:30 on weekdays.
        double outOfHours = 28 * 1440 - 20 * 540;
        assertThat(onCall).isCloseTo(2 * outOfHours, offset(1.0));
        assertThat(rota.workers().stream().mapToDouble(w -> w.hours().overtime()).sum()).isPositive();

        DutyRoster team = new DutyRoster(DutyRoster.Scope.COMMUNITY, 1, DutyRoster.Source.DUTY_TEAM,
                DutyRoster.Location.COMMUNITY_OFFICE, java.util.Optional.empty());
        RunResult teamRun = urgent(team, LinkageConfig.off());
        assertThat(teamRun.workers()).filteredOn(w -> w.role() == WorkerRole.DUTY).hasSize(2);
    }

    @Test
    void duty_posts_count_the_workers_on_duty_at_once_per_community_capped_by_its_full_time_workers() {
        Staffing staffing = Staffing.oneFullTimePerGrid(CITY, LAYOUT, 0);
        SimulationConfig config = SimulationConfig.builder().horizonDays(1).warmUpDays(0).build();
        assertThat(new GridSimulation(CITY, LAYOUT, staffing.withDuty(DutyRoster.NONE), config).dutyPosts())
                .isZero();
        // Two communities, one on duty in each.
        assertThat(new GridSimulation(CITY, LAYOUT, staffing.withDuty(DutyRoster.defaults()), config).dutyPosts())
                .isEqualTo(2);
        // Five asked per community, but each has two full-time workers to draw from; a duty team has five.
        DutyRoster five = new DutyRoster(DutyRoster.Scope.COMMUNITY, 5, DutyRoster.Source.GRID_WORKERS,
                DutyRoster.Location.COMMUNITY_OFFICE, java.util.Optional.empty());
        assertThat(new GridSimulation(CITY, LAYOUT, staffing.withDuty(five), config).dutyPosts()).isEqualTo(4);
        DutyRoster team = new DutyRoster(DutyRoster.Scope.COMMUNITY, 5, DutyRoster.Source.DUTY_TEAM,
                DutyRoster.Location.COMMUNITY_OFFICE, java.util.Optional.empty());
        assertThat(new GridSimulation(CITY, LAYOUT, staffing.withDuty(team), config).dutyPosts()).isEqualTo(10);
    }

    @Test
    void an_explicit_duty_worker_from_a_staffing_plan_answers_urgent_cases_of_its_community_out_of_hours() {
        List<WorkerSpec> workers = new java.util.ArrayList<>(Staffing.oneFullTimePerGrid(CITY, LAYOUT, 0).workers());
        workers.add(new WorkerSpec("D1", WorkerType.PROFESSIONAL, "C1-N", "B1", ShiftPattern.WEEKDAY_DAY,
                WorkerSpec.Duty.OUT_OF_HOURS));
        SimulationConfig config = SimulationConfig.builder().horizonDays(28).warmUpDays(0).seed(3)
                .demand(urgentNights()).patrol(PatrolConfig.off()).field(FieldModel.off()).collectIncidentLog(true)
                .build();
        RunResult r = GridSimulation.run(CITY, LAYOUT, Staffing.of(workers), config);
        WorkerKpis d = r.worker("D1");
        assertThat(d.role()).isEqualTo(WorkerRole.DUTY);
        assertThat(d.served()).isPositive();
        // Only community C1's cases, and only out of hours.
        assertThat(r.incidents()).filteredOn(i -> i.worker().equals("D1"))
                .allSatisfy(i -> assertThat(i.grid()).startsWith("C1"))
                .allSatisfy(i -> assertThat(ShiftPattern.WEEKDAY_DAY.onDuty(i.assigned())).isFalse());
        assertThat(d.dutyMinutes()).isCloseTo(28 * 1440 - 20 * 540, offset(1e-6));
    }

    private static RunResult routine(RoutineConfig.IncidentPolicy policy) {
        Staffing staffing = Staffing.oneFullTimePerGrid(CITY, LAYOUT, 0);
        SimulationConfig config = SimulationConfig.builder().horizonDays(63).warmUpDays(7).seed(9)
                .demand(DemandCatalog.defaults().withScale(10)).dispatch(DispatchPolicy.queueOnly())
                .field(FieldModel.defaults().withRoutine(RoutineConfig.defaults().withRoutineIncidents(policy)))
                .collectIncidentLog(true).build();
        return GridSimulation.run(CITY, LAYOUT, staffing.withDuty(DutyRoster.NONE), config);
    }

    /** Mean response of the cases that became known while the grid workers were on shift. */
    private static double inHoursResponse(RunResult r) {
        return r.incidents().stream().filter(i -> !Double.isNaN(i.arrived()) && !i.foundOnPatrol()
                && ShiftPattern.WEEKDAY_DAY.onDuty(i.known())).mapToDouble(i -> i.arrived() - i.known())
                .average().orElseThrow();
    }

    @Test
    void routine_cases_wait_for_the_task_in_hand_unless_the_policy_lets_them_interrupt() {
        RunResult finish = routine(RoutineConfig.IncidentPolicy.FINISH_TASK);
        RunResult interrupt = routine(RoutineConfig.IncidentPolicy.INTERRUPT);
        // Same incidents; waiting for a visit, admin block or task to end makes the response in working
        // hours longer (by about the mean remaining time of the work in hand).
        assertThat(finish.district().incidents()).isEqualTo(interrupt.district().incidents());
        assertThat(inHoursResponse(finish)).isGreaterThan(inHoursResponse(interrupt) + 5);
        assertThat(finish.district().limits().onTimeResponseShare())
                .isLessThan(interrupt.district().limits().onTimeResponseShare());
    }

    @Test
    void a_full_time_workers_shift_splits_exactly_into_routine_incidents_travel_and_idle() {
        Staffing staffing = Staffing.oneFullTimePerGrid(CITY, LAYOUT, 0);
        for (DutyRoster roster : List.of(DutyRoster.NONE, DutyRoster.defaults())) {
            SimulationConfig config = SimulationConfig.builder().horizonDays(63).warmUpDays(7).seed(9)
                    .demand(DemandCatalog.defaults().withScale(10)).build();
            RunResult r = GridSimulation.run(CITY, LAYOUT, staffing.withDuty(roster), config);
            for (WorkerKpis w : r.workers()) {
                WorkHours h = w.hours();
                // Own overtime is inside routine, incidents and travel; duty calls are outside the shift.
                double onShift = h.routine() + h.incidents() + h.travel() - (h.overtime() - h.dutyCalls()) + h.idle();
                assertThat(h.shift()).isEqualTo(onShift);
                assertThat(onShift).as(w.id()).isCloseTo(w.dutyMinutes(), offset(1e-6 * w.dutyMinutes() + 1e-6));
                assertThat(h.worked()).isCloseTo(onShift - h.idle() + h.overtime(), offset(1e-6));
                assertThat(h.visits()).as(w.id()).isPositive();
                assertThat(h.admin()).as(w.id()).isPositive();
                assertThat(h.patrol()).as(w.id()).isPositive();
            }
            boolean rota = roster.active();
            assertThat(r.workers().stream().mapToDouble(w -> w.hours().dutyCalls()).sum() > 0).isEqualTo(rota);
            // 8 admin hours a week over 8 measured weeks.
            double admin = r.workers().stream().mapToDouble(w -> w.hours().admin()).average().orElseThrow();
            assertThat(admin / 60 / 8).isCloseTo(8, offset(0.5));
        }
    }

    @Test
    void visits_of_the_idle_time_patrol_count_as_visit_hours() {
        Staffing staffing = Staffing.oneFullTimePerGrid(CITY, LAYOUT, 0);
        SimulationConfig config = SimulationConfig.builder().horizonDays(14).warmUpDays(0).seed(2)
                .field(FieldModel.off()).demand(DemandCatalog.defaults().withScale(0))
                .patrol(PatrolConfig.of(TimeDistribution.deterministic(30), 4)).build();
        RunResult r = GridSimulation.run(CITY, LAYOUT, staffing, config);
        for (WorkerKpis w : r.workers()) {
            assertThat(w.patrolVisits()).isEqualTo(40);
            assertThat(w.hours().visits()).isCloseTo(40 * 30, offset(1e-9));
        }
    }

    @Test
    void a_visit_cycle_covers_every_household_when_the_worker_keeps_up_and_not_when_it_cannot() {
        Staffing staffing = Staffing.oneFullTimePerGrid(CITY, LAYOUT, 0);
        SimulationConfig.Builder b = SimulationConfig.builder().horizonDays(70).warmUpDays(7).seed(2)
                .field(FieldModel.off()).demand(DemandCatalog.defaults());
        // 600 households a grid in a 30-day cycle is about 29 visits a working day: the cap of 16 cannot.
        RunResult keeps = GridSimulation.run(CITY, LAYOUT, staffing,
                b.patrol(PatrolConfig.defaults().withCycleDays(60)).build());
        RunResult cannot = GridSimulation.run(CITY, LAYOUT, staffing,
                b.patrol(PatrolConfig.defaults().withCycleDays(20)).build());
        assertThat(keeps.visitCoverage()).isGreaterThan(0.98);
        assertThat(cannot.visitCoverage()).isLessThan(0.8);
        assertThat(keeps.grids()).allSatisfy(g -> assertThat(g.visitCoverage()).isGreaterThan(0.98));
    }

    @Test
    void routine_work_leaves_the_incident_stream_unchanged() {
        Staffing staffing = Staffing.oneFullTimePerGrid(CITY, LAYOUT, 1);
        SimulationConfig.Builder b = SimulationConfig.builder().horizonDays(40).warmUpDays(0).seed(21)
                .collectIncidentLog(true);
        RunResult on = GridSimulation.run(CITY, LAYOUT, staffing, b.build());
        List<FieldModel> others = List.of(FieldModel.defaults().withRoutine(RoutineConfig.off()),
                FieldModel.defaults().withTriage(TriageConfig.off()),
                FieldModel.defaults().withLinkage(LinkageConfig.off()),
                FieldModel.defaults().withQueue(QueuePolicy.unlimited()
                        .withPatience(TimeDistribution.exponential(30))));
        for (FieldModel other : others) {
            RunResult off = GridSimulation.run(CITY, LAYOUT, staffing, b.field(other).build());
            List<IncidentRecord> x = on.incidents();
            List<IncidentRecord> y = off.incidents();
            assertThat(x).hasSameSizeAs(y);
            for (int k = 0; k < x.size(); k++) {
                assertThat(x.get(k).occurred()).isEqualTo(y.get(k).occurred());
                assertThat(x.get(k).building()).isEqualTo(y.get(k).building());
                assertThat(x.get(k).category()).isEqualTo(y.get(k).category());
            }
        }
    }

    @Test
    void two_workers_of_a_grid_go_round_different_households() {
        // One grid of two buildings of 8 households; both workers work every day; cycle of 2 days.
        org.gridplan.sim.agent.Schedule always = ShiftPattern.ALWAYS;
        RoutineBook book = new RoutineBook(RoutineConfig.off(), PatrolConfig.defaults().withCycleDays(2),
                new int[][] {{0, 1}}, new long[][] {{8, 16}}, new int[] {16}, new double[] {0}, new int[] {0, 0},
                new int[] {0, 0}, new boolean[] {true, true}, new org.gridplan.sim.agent.Schedule[] {always, always},
                new WorkingClock(always), new ec.util.MersenneTwisterFast(1),
                new org.apache.commons.math3.distribution.ConstantRealDistribution(20), null, null, 0, 10);
        book.dayStart(0);
        org.gridplan.sim.agent.RoutineJob a = book.next(0, 0, 0);
        org.gridplan.sim.agent.RoutineJob b = book.next(1, 0, 0);
        assertThat(a.building()).isEqualTo(0);
        assertThat(b.building()).isEqualTo(1);
        assertThat(a.ref() + b.ref()).isEqualTo(16);
    }

    @Test
    void routine_cases_wait_for_their_own_grids_worker_unless_routine_backup_is_on() {
        Staffing staffing = Staffing.oneFullTimePerGrid(CITY, LAYOUT, 1);
        SimulationConfig.Builder b = SimulationConfig.builder().horizonDays(63).warmUpDays(0).seed(9)
                .demand(DemandCatalog.defaults().withScale(10)).collectIncidentLog(true);
        RunResult own = GridSimulation.run(CITY, LAYOUT, staffing, b.build());
        RunResult backed = GridSimulation.run(CITY, LAYOUT, staffing,
                b.field(FieldModel.defaults().withRoutineBackup(true)).build());
        java.util.function.Predicate<IncidentRecord> byOther = i -> !i.worker().isEmpty()
                && !i.worker().equals("FT-" + i.grid());
        assertThat(own.incidents()).filteredOn(i -> !i.urgent()).noneMatch(byOther);
        assertThat(backed.incidents()).filteredOn(i -> !i.urgent()).anyMatch(byOther);
        // Waiting for the own worker costs on-time response.
        assertThat(own.district().limits().onTimeResponseShare())
                .isLessThan(backed.district().limits().onTimeResponseShare());
    }

    @Test
    void the_breakdown_splits_the_cases_by_category_and_by_working_hours() {
        Staffing staffing = Staffing.oneFullTimePerGrid(CITY, LAYOUT, 1).withDuty(DutyRoster.defaults());
        RunResult r = GridSimulation.run(CITY, LAYOUT, staffing, SimulationConfig.builder().horizonDays(63)
                .warmUpDays(7).seed(4).demand(DemandCatalog.defaults().withScale(10)).build());
        Breakdown b = r.breakdown();
        LimitKpis all = r.district().limits();
        assertThat(b.categories()).hasSize(8);
        assertThat(b.categories().stream().mapToLong(Breakdown.Part::known).sum()).isEqualTo(all.known());
        assertThat(b.workingHours().known() + b.outOfHours().known()).isEqualTo(all.known());
        assertThat(b.workingHours().reached() + b.outOfHours().reached()).isEqualTo(r.district().reached());
        assertThat(b.categories()).filteredOn(Breakdown.Part::urgent).extracting(Breakdown.Part::name)
                .containsExactly("emergencies");
        // Routine cases reported out of hours wait for the next shift: the out-of-hours response is far longer.
        assertThat(b.outOfHours().response().mean()).isGreaterThan(10 * b.workingHours().response().mean());
    }

    @Test
    void triage_delays_the_dispatch_of_reports_by_its_fixed_time() {
        City city = EngineFixtures.oneBuilding(1000);
        DemandCatalog demand = DemandCatalog.of(
                EngineFixtures.poisson("calls", 0.001, 1000, TimeDistribution.deterministic(5)));
        SimulationConfig config = EngineFixtures.queueing(demand, 30, 0, 4)
                .field(FieldModel.off().withTriage(new TriageConfig(TimeDistribution.deterministic(7)))).build();
        RunResult r = GridSimulation.run(city, EngineFixtures.oneGrid(city),
                EngineFixtures.staffing(EngineFixtures.always("G1", "B0", 5)), config);
        // Five idle workers, zero travel: every response is the triage time.
        assertThat(r.district().response().mean()).isCloseTo(7, offset(1e-9));
        assertThat(r.district().response().max()).isCloseTo(7, offset(1e-9));
    }

    @Test
    void a_routine_case_out_of_hours_is_on_time_on_the_working_clock_but_an_urgent_calendar_limit_is_not() {
        IncidentCategory routine = IncidentCategory.reported("night-noise", 1.0, TimeDistribution.deterministic(10))
                .withLimits(TimeLimit.workingHours(1), TimeLimit.NONE);
        Staffing staffing = Staffing.of(List.of(new WorkerSpec("W", WorkerType.FULL_TIME, "C1-N", "B0",
                ShiftPattern.WEEKDAY_DAY), new WorkerSpec("X", WorkerType.FULL_TIME, "C1-S", "B18",
                ShiftPattern.WEEKDAY_DAY), new WorkerSpec("Y", WorkerType.FULL_TIME, "C2-N", "B3",
                ShiftPattern.WEEKDAY_DAY), new WorkerSpec("Z", WorkerType.FULL_TIME, "C2-S", "B21",
                ShiftPattern.WEEKDAY_DAY)));
        SimulationConfig config = SimulationConfig.builder().horizonDays(28).warmUpDays(0).seed(8)
                .demand(DemandCatalog.of(routine)).patrol(PatrolConfig.off()).field(FieldModel.off()).build();
        RunResult r = GridSimulation.run(CITY, LAYOUT, staffing, config);
        // Reports at night wait for 08:30 but have used no working minutes: nearly all are on time.
        assertThat(r.district().response().mean()).isGreaterThan(200);
        assertThat(r.district().limits().onTimeResponseShare()).isGreaterThan(0.95);
    }
}
