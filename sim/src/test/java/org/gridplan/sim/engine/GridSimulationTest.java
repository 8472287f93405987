package org.gridplan.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.gridplan.sim.agent.BranchPool;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.demand.EscalationLevel;
import org.gridplan.sim.demand.IncidentCategory;
import org.gridplan.sim.demand.TimeDistribution;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.TravelMode;
import org.junit.jupiter.api.Test;

/** Behaviour of {@link GridSimulation} on small hand-built districts. */
class GridSimulationTest {

    /** 6 × 4 lattice, 100 m blocks, 100 households a building; columns 0–2 in C1, 3–5 in C2; 4 grids. */
    private static final City CITY = EngineFixtures.lattice(6, 4, 100, 100, c -> c < 3 ? "C1" : "C2");
    private static final GridLayout LAYOUT = EngineFixtures.layout(CITY,
            i -> (i % 6 < 3 ? "C1" : "C2") + (i / 6 < 2 ? "-N" : "-S"));

    /**
     * The engine's mechanics without the field model: no triage, linkage or routine work, and the
     * household visits of the idle time with a daily cap of 4 (no visit cycle).
     */
    private static SimulationConfig.Builder defaults(double days) {
        return SimulationConfig.builder().horizonDays(days).warmUpDays(2).field(FieldModel.off())
                .patrol(PatrolConfig.of(TimeDistribution.lognormal(20, 10), 4));
    }

    @Test
    void same_seed_gives_an_equal_result_and_different_seeds_differ() {
        Staffing staffing = Staffing.oneFullTimePerGrid(CITY, LAYOUT, 1);
        SimulationConfig config = defaults(60).demand(DemandCatalog.defaults().withScale(5)).seed(11).build();

        RunResult a = GridSimulation.run(CITY, LAYOUT, staffing, config);
        RunResult b = GridSimulation.run(CITY, LAYOUT, staffing, config);
        RunResult c = GridSimulation.run(CITY, LAYOUT, staffing, config.withSeed(12));

        assertThat(a).isEqualTo(b);
        assertThat(a.district().incidents()).isGreaterThan(100);
        assertThat(c).isNotEqualTo(a);
        assertThat(c.district().response()).isNotEqualTo(a.district().response());
    }

    @Test
    void a_simulation_instance_can_be_run_again_with_the_same_outcome() {
        GridSimulation sim = new GridSimulation(CITY, LAYOUT, Staffing.oneFullTimePerGrid(CITY, LAYOUT, 0),
                defaults(20).demand(DemandCatalog.defaults().withScale(5)).build());
        assertThat(sim.runToEnd()).isEqualTo(sim.runToEnd());
    }

    @Test
    void result_round_trips_through_json_and_the_log_writes_as_csv() {
        RunResult r = GridSimulation.run(CITY, LAYOUT, Staffing.oneFullTimePerGrid(CITY, LAYOUT, 1),
                defaults(20).demand(DemandCatalog.defaults().withScale(5)).collectIncidentLog(true).build());
        assertThat(RunResultJson.fromJson(RunResultJson.toJson(r))).isEqualTo(r);
        StringWriter out = new StringWriter();
        RunResultJson.writeIncidentCsv(r.incidents(), out);
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).isEqualTo(RunResultJson.CSV_HEADER);
        assertThat(lines).hasSize(r.incidents().size() + 1);
        assertThat(lines[1].split(",", -1)).hasSize(RunResultJson.CSV_HEADER.split(",").length);
    }

    @Test
    void every_incident_is_closed_or_still_open_at_the_end() {
        // Long escalation handling keeps many incidents open at the horizon.
        RunResult r = GridSimulation.run(CITY, LAYOUT, Staffing.oneFullTimePerGrid(CITY, LAYOUT, 1),
                defaults(30).demand(DemandCatalog.defaults().withScale(5))
                        .escalation(EscalationConfig.fixed(60, 20 * 1440, 60)).collectIncidentLog(true).build());
        IncidentKpis d = r.district();
        assertThat(d.open()).isPositive();
        assertThat(d.closed() + d.open()).isEqualTo(d.incidents());
        assertThat(r.incidents()).hasSize((int) d.incidents());
        assertThat(r.incidents().stream().filter(i -> !Double.isNaN(i.closed())).count()).isEqualTo(d.closed());
        assertThat(r.grids().stream().mapToLong(g -> g.kpis().incidents()).sum()).isEqualTo(d.incidents());
        assertThat(r.generated()).isGreaterThanOrEqualTo(d.incidents());
    }

    @Test
    void default_catalog_gives_about_82_events_per_400_household_grid_per_year() {
        assertThat(DemandCatalog.defaults().totalRatePerHouseholdYear()).isCloseTo(0.2, offset(1e-12));
        // 24 buildings × 100 households = 2,400 households → 480 expected a year (Poisson sd 22).
        RunResult r = GridSimulation.run(CITY, LAYOUT, Staffing.oneFullTimePerGrid(CITY, LAYOUT, 1),
                defaults(365).warmUpDays(0).build());
        assertThat(r.district().incidents()).isBetween(480L - 90, 480L + 90);
        assertThat(r.district().onSpotShare()).isBetween(0.5, 0.75);
        assertThat(r.district().patrolDiscovered()).isPositive();
    }

    @Test
    void escalated_incident_closes_exactly_after_handoff_handling_and_reply() {
        City city = EngineFixtures.oneBuilding(100);
        IncidentCategory cat = EngineFixtures.poisson("repairs", 1.0 / 1440, 100, TimeDistribution.deterministic(20))
                .withOnSpot(0, EscalationLevel.STREET);
        SimulationConfig config = EngineFixtures.queueing(DemandCatalog.of(cat), 200, 0, 5)
                .escalation(EscalationConfig.fixed(60, 600, 30)).collectIncidentLog(true).build();

        RunResult r = GridSimulation.run(city, EngineFixtures.oneGrid(city),
                EngineFixtures.staffing(EngineFixtures.always("G1", "B0", 1)), config);

        List<IncidentRecord> closed = r.incidents().stream().filter(i -> !Double.isNaN(i.closed())).toList();
        assertThat(closed).hasSizeGreaterThan(100);
        for (IncidentRecord i : closed) {
            assertThat(i.escalation()).isEqualTo(EscalationLevel.STREET);
            assertThat(i.handled() - i.arrived()).isCloseTo(20, offset(1e-6));
            assertThat(i.workOrder() - i.handled()).isCloseTo(60, offset(1e-6));
            assertThat(i.levelDone() - i.workOrder()).isCloseTo(600, offset(1e-6));
            assertThat(i.closed() - i.levelDone()).isCloseTo(30, offset(1e-6));
        }
        // Zero travel: an incident that found the worker free closes 20 + 60 + 600 + 30 minutes after its report.
        closed.stream().filter(i -> i.arrived() == i.known())
                .forEach(i -> assertThat(i.closed() - i.known()).isCloseTo(710, offset(1e-6)));
        assertThat(r.district().escalations()).containsEntry(EscalationLevel.STREET, r.district().reached());
        assertThat(r.district().onSpotShare()).isZero();
    }

    /** Grid G1 (building B0, 1,000 households) is busy; G2 (B1, 1 household) has a mostly idle worker. */
    private static RunResult busyGrid(DispatchPolicy policy, Staffing extra) {
        City city = EngineFixtures.lattice(2, 1, 200, 1, c -> "C1");
        city = new City("busy", List.of(
                new org.gridplan.sim.model.Building("B0", 0, 0, 1000, 1, "S1", "C1"),
                new org.gridplan.sim.model.Building("B1", 200, 0, 1, 1, "S1", "C1")), city.roads(), List.of());
        GridLayout layout = EngineFixtures.layout(city, i -> i == 0 ? "G1" : "G2");
        List<WorkerSpec> workers = new ArrayList<>(EngineFixtures.always("G1", "B0", 1));
        workers.addAll(EngineFixtures.always("G2", "B1", 1));
        workers.addAll(extra.workers());
        DemandCatalog demand = DemandCatalog.of(EngineFixtures.poisson("calls", 0.07, 1001,
                TimeDistribution.exponential(10)));
        SimulationConfig config = EngineFixtures.queueing(demand, 60, 1, 3).dispatch(policy)
                .travel(TravelModel.road(TravelMode.WALK)).collectIncidentLog(true).build();
        return GridSimulation.run(city, layout, new Staffing(workers, extra.pools()), config);
    }

    private static long servedBy(RunResult r, String workerPrefix, String grid) {
        return r.incidents().stream().filter(i -> i.grid().equals(grid) && i.worker().startsWith(workerPrefix)).count();
    }

    @Test
    void neighbour_grid_fallback_sends_the_other_grids_worker_only_when_the_policy_allows() {
        RunResult with = busyGrid(DispatchPolicy.of(DispatchPolicy.Fallback.NEIGHBOUR_GRID), Staffing.of(List.of()));
        RunResult without = busyGrid(DispatchPolicy.queueOnly(), Staffing.of(List.of()));

        assertThat(servedBy(with, "G2-", "G1")).isPositive();
        assertThat(servedBy(without, "G2-", "G1")).isZero();
        assertThat(with.district().response().mean()).isLessThan(without.district().response().mean());
        // Backup travels 200 m at 72 m/min.
        assertThat(with.incidents().stream().filter(i -> i.grid().equals("G1") && i.worker().startsWith("G2-"))
                .mapToDouble(IncidentRecord::travelMetres).max().orElseThrow()).isCloseTo(200, offset(1e-6));
    }

    @Test
    void part_time_fallback_uses_the_communitys_part_time_workers() {
        Staffing pt = Staffing.of(List.of(
                new WorkerSpec("PT-1", WorkerType.PART_TIME, "G2", "B1", ShiftPattern.ALWAYS)));
        RunResult with = busyGrid(DispatchPolicy.of(DispatchPolicy.Fallback.PART_TIME), pt);
        RunResult without = busyGrid(DispatchPolicy.queueOnly(), pt);

        assertThat(servedBy(with, "PT-", "G1")).isPositive();
        assertThat(servedBy(with, "G2-", "G1")).isZero();
        assertThat(without.worker("PT-1").served()).isZero();
    }

    @Test
    void branch_pool_fallback_uses_the_pool_serving_the_grid() {
        Staffing pool = new Staffing(List.of(),
                List.of(new BranchPool("branch", "B1", List.of("G1"), 2, ShiftPattern.ALWAYS)));
        RunResult with = busyGrid(DispatchPolicy.of(DispatchPolicy.Fallback.BRANCH_POOL), pool);
        RunResult without = busyGrid(DispatchPolicy.queueOnly(), pool);

        assertThat(servedBy(with, "branch#", "G1")).isPositive();
        assertThat(without.worker("branch#1").served()).isZero();
    }

    @Test
    void fallbacks_are_tried_in_policy_order() {
        Staffing pt = Staffing.of(List.of(
                new WorkerSpec("PT-1", WorkerType.PART_TIME, "G2", "B1", ShiftPattern.ALWAYS)));
        RunResult ptFirst = busyGrid(DispatchPolicy.of(DispatchPolicy.Fallback.PART_TIME,
                DispatchPolicy.Fallback.NEIGHBOUR_GRID), pt);
        RunResult neighbourFirst = busyGrid(DispatchPolicy.of(DispatchPolicy.Fallback.NEIGHBOUR_GRID,
                DispatchPolicy.Fallback.PART_TIME), pt);

        assertThat(servedBy(ptFirst, "PT-", "G1")).isGreaterThan(servedBy(ptFirst, "G2-", "G1"));
        assertThat(servedBy(neighbourFirst, "G2-", "G1")).isGreaterThan(servedBy(neighbourFirst, "PT-", "G1"));
    }

    @Test
    void surge_raises_the_backlog_in_its_window_and_it_recovers_after() {
        City city = EngineFixtures.oneBuilding(1000);
        DemandCatalog demand = DemandCatalog.of(EngineFixtures.poisson("calls", 0.03, 1000,
                TimeDistribution.exponential(10)));
        SurgeEvent typhoon = new SurgeEvent(20, 3, 5, 0);
        SimulationConfig.Builder b = EngineFixtures.queueing(demand, 40, 0, 8).backlogIntervalMinutes(60)
                .addSurge(typhoon);

        RunResult r = GridSimulation.run(city, EngineFixtures.oneGrid(city),
                EngineFixtures.staffing(EngineFixtures.always("G1", "B0", 1)), b.build());
        RunResult helped = GridSimulation.run(city, EngineFixtures.oneGrid(city),
                EngineFixtures.staffing(EngineFixtures.always("G1", "B0", 1)),
                b.surges(List.of(new SurgeEvent(20, 3, 5, 3))).build());

        BacklogSeries s = r.backlog();
        double before = s.mean(s.waiting(), 0, 20 * 1440);
        double during = s.mean(s.waiting(), 20 * 1440, 23 * 1440);
        double after = s.mean(s.waiting(), 30 * 1440, 40 * 1440);
        assertThat(during).isGreaterThan(10 * Math.max(before, 0.1));
        assertThat(after).isLessThan(1);
        BacklogSeries h = helped.backlog();
        assertThat(h.mean(h.waiting(), 20 * 1440, 23 * 1440)).isLessThan(during / 5);
        assertThat(helped.worker("EM1-1").served()).isPositive();
        assertThat(helped.worker("EM1-1").dutyMinutes()).isCloseTo(3 * 1440, offset(1e-6));
    }

    @Test
    void a_night_shift_past_midnight_is_on_duty_twelve_hours_a_day() {
        // 20:00-08:00 every day: 00:00-08:00 from the shift that began the evening before (the run's
        // first morning included) and 20:00-24:00, so 720 minutes on each of 28 days.
        ShiftPattern night = ShiftPattern.parse("20:00-08:00 daily");
        List<WorkerSpec> workers = new java.util.ArrayList<>();
        Staffing.baseBuildings(CITY, LAYOUT).forEach((grid, base) ->
                workers.add(new WorkerSpec("N-" + grid, WorkerType.FULL_TIME, grid, base, night)));
        SimulationConfig config = defaults(28).warmUpDays(0).demand(DemandCatalog.defaults().withScale(3))
                .collectIncidentLog(true).build();
        RunResult r = GridSimulation.run(CITY, LAYOUT, Staffing.of(workers), config);
        for (WorkerSpec w : workers) {
            assertThat(r.worker(w.id()).dutyMinutes()).as(w.id()).isCloseTo(28 * 720, offset(1e-6));
        }
        // Incidents reported between 20:00 and 23:00 are reached that evening (within the hour on
        // a small lattice), not the next morning; those reported 09:00-17:00 wait for 20:00.
        List<Double> evening = new ArrayList<>();
        List<Double> daytime = new ArrayList<>();
        for (IncidentRecord i : r.incidents()) {
            double hour = (i.known() % 1440) / 60;
            if (!Double.isNaN(i.arrived()) && i.known() < 27 * 1440) {
                (hour >= 20 && hour < 23 ? evening : hour >= 9 && hour < 17 ? daytime : new ArrayList<Double>())
                        .add(i.arrived() - i.known());
            }
        }
        assertThat(evening).isNotEmpty().allMatch(w -> w < 60);
        assertThat(daytime).isNotEmpty().allMatch(w -> w > 3 * 60);
    }

    @Test
    void patrol_visits_are_counted_per_worker_per_month_against_the_target() {
        // No demand; four weeks of weekday shifts with at most 4 visits a day: exactly 80 visits.
        SimulationConfig config = defaults(28).warmUpDays(0).demand(DemandCatalog.defaults().withScale(0))
                .patrol(PatrolConfig.of(TimeDistribution.deterministic(30), 4)).build();
        RunResult r = GridSimulation.run(CITY, LAYOUT, Staffing.oneFullTimePerGrid(CITY, LAYOUT, 1), config);

        WorkerKpis w = r.worker("FT-C1-N");
        assertThat(w.patrolVisits()).isEqualTo(80);
        assertThat(w.visitsPerMonth()).isCloseTo(80 / (28 / (365.0 / 12)), offset(1e-9));
        assertThat(w.meetsVisitTarget()).isTrue();
        assertThat(w.dutyMinutes()).isCloseTo(20 * 540, offset(1e-6));
        assertThat(w.travelMetres()).isPositive();
        assertThat(r.visitTargetShare()).isEqualTo(1.0);
        assertThat(r.worker("PT-C1-1").patrolVisits()).isZero();

        SimulationConfig sparse = config.toBuilder().patrol(PatrolConfig.of(TimeDistribution.deterministic(30), 1))
                .build();
        RunResult few = GridSimulation.run(CITY, LAYOUT, Staffing.oneFullTimePerGrid(CITY, LAYOUT, 1), sparse);
        assertThat(few.worker("FT-C1-N").patrolVisits()).isEqualTo(20);
        assertThat(few.worker("FT-C1-N").meetsVisitTarget()).isFalse();
    }

    @Test
    void incidents_left_unreached_count_as_misses_in_the_service_circle_shares() {
        // One worker, demand at twice its capacity for two days: a growing queue that is never cleared.
        City city = EngineFixtures.oneBuilding(1000);
        DemandCatalog demand = DemandCatalog.of(EngineFixtures.poisson("calls", 0.2, 1000,
                TimeDistribution.exponential(10)));
        SimulationConfig config = EngineFixtures.queueing(demand, 2, 0, 3).collectIncidentLog(true).build();
        RunResult r = GridSimulation.run(city, EngineFixtures.oneGrid(city),
                EngineFixtures.staffing(EngineFixtures.always("G1", "B0", 1)), config);

        double end = 2 * 1440;
        List<IncidentRecord> log = r.incidents();
        long reachedIn15 = log.stream().filter(i -> !Double.isNaN(i.arrived()) && i.arrived() - i.known() <= 15)
                .count();
        long reached = log.stream().filter(i -> !Double.isNaN(i.arrived())).count();
        long missed = log.stream().filter(i -> Double.isNaN(i.arrived()) && end - i.known() > 15).count();
        assertThat(missed).isGreaterThan(100);
        assertThat(r.district().within15Share()).isCloseTo((double) reachedIn15 / (reached + missed), offset(1e-12))
                .isLessThan((double) reachedIn15 / reached);
    }

    @Test
    void round_the_clock_workers_patrol_every_day_up_to_the_cap() {
        // No demand, 28 days, at most 4 visits a day: a worker always on duty and one on 24-hour
        // Monday-Saturday duty must both resume patrol each day, not stop once the first day's cap is hit.
        ShiftPattern monToSat = new ShiftPattern("mon-sat-24h", 0, 1440,
                java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.SATURDAY));
        Staffing staffing = Staffing.of(List.of(
                new WorkerSpec("A", WorkerType.FULL_TIME, "C1-N", "B0", ShiftPattern.ALWAYS),
                new WorkerSpec("S", WorkerType.FULL_TIME, "C1-S", "B12", monToSat),
                new WorkerSpec("C2N", WorkerType.FULL_TIME, "C2-N", "B3", ShiftPattern.WEEKDAY_DAY),
                new WorkerSpec("C2S", WorkerType.FULL_TIME, "C2-S", "B15", ShiftPattern.WEEKDAY_DAY)));
        SimulationConfig config = defaults(28).warmUpDays(0).demand(DemandCatalog.defaults().withScale(0))
                .patrol(PatrolConfig.of(TimeDistribution.deterministic(30), 4)).build();

        RunResult r = GridSimulation.run(CITY, LAYOUT, staffing, config);

        assertThat(r.worker("A").patrolVisits()).isEqualTo(28 * 4);
        assertThat(r.worker("S").patrolVisits()).isEqualTo(24 * 4);
    }

    @Test
    void patrol_discovers_latent_incidents_which_are_reached_at_once() {
        IncidentCategory hazards = EngineFixtures.poisson("hazards", 20.0 / 1440, 2400,
                TimeDistribution.deterministic(15))
                .withPatrolDiscovery(TimeDistribution.deterministic(60 * 1440));
        SimulationConfig config = defaults(60).demand(DemandCatalog.of(hazards))
                .patrol(PatrolConfig.of(TimeDistribution.deterministic(20), 8)).collectIncidentLog(true).build();

        RunResult r = GridSimulation.run(CITY, LAYOUT, Staffing.oneFullTimePerGrid(CITY, LAYOUT, 0), config);

        assertThat(r.district().patrolDiscovered()).isGreaterThan(50);
        List<IncidentRecord> found = r.incidents().stream().filter(IncidentRecord::foundOnPatrol).toList();
        assertThat(found).allSatisfy(i -> assertThat(i.known()).isGreaterThanOrEqualTo(i.occurred()));
        // The visiting worker handles the first incident it finds at once; others found in the same
        // building wait for it in the grid's queue.
        assertThat(found.stream().filter(i -> i.arrived() == i.known()).count()).isGreaterThan(found.size() / 4);
        assertThat(found.stream().filter(i -> i.arrived() == i.known()))
                .allSatisfy(i -> assertThat(i.worker()).isEqualTo("FT-" + i.grid()));
    }

    @Test
    void bad_configuration_names_the_field() {
        assertThatThrownBy(() -> IncidentCategory.reported("disputes", -1, TimeDistribution.exponential(10)))
                .hasMessageContaining("disputes").hasMessageContaining("ratePerHouseholdYear");
        assertThatThrownBy(() -> IncidentCategory.reported("x", 1, TimeDistribution.exponential(10))
                .withOnSpot(1.5, EscalationLevel.STREET)).hasMessageContaining("onSpotProbability")
                .hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> defaults(10).warmUpDays(10).build()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("warmUpDays");
        assertThatThrownBy(() -> new SurgeEvent(1, 1, -2, 0)).hasMessageContaining("rateMultiplier");

        List<WorkerSpec> unknownGrid = new ArrayList<>(Staffing.oneFullTimePerGrid(CITY, LAYOUT, 0).workers());
        unknownGrid.add(new WorkerSpec("X", WorkerType.FULL_TIME, "nowhere", "B0", ShiftPattern.WEEKDAY_DAY));
        assertThatThrownBy(() -> new GridSimulation(CITY, LAYOUT, Staffing.of(unknownGrid), defaults(10).build()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("staffing.workers[4].grid")
                .hasMessageContaining("nowhere");

        List<WorkerSpec> missing = Staffing.oneFullTimePerGrid(CITY, LAYOUT, 2).workers().stream()
                .filter(w -> !w.grid().equals("C2-S") || w.type() == WorkerType.PART_TIME).toList();
        assertThatThrownBy(() -> new GridSimulation(CITY, LAYOUT, Staffing.of(missing), defaults(10).build()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("grid C2-S has demand")
                .satisfies(e -> assertThat(((ConfigException) e).field()).isEqualTo("staffing.workers"));
        // Without demand the grid needs nobody.
        new GridSimulation(CITY, LAYOUT, Staffing.of(missing),
                defaults(10).demand(DemandCatalog.defaults().withScale(0))
                .build());
    }
}
