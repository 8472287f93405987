package org.gridplan.optimizer.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.gridplan.optimizer.model.InfeasibleProblemException;
import org.gridplan.sim.agent.BranchPool;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.engine.SimulationConfig;
import org.gridplan.sim.engine.TravelModel;
import org.gridplan.sim.generate.CityGenerator;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.Site;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plan façade on a generated district of 20,000 households with one large grid per community
 * (about 6,700 households each): the request's checks, the demand catalog and travel reaching the
 * analytic model, and the plan turned into the simulator's staffing.
 */
class PlannerTest {

    static City city;
    static GridLayout layout;
    static final Planner PLANNER = new Planner();

    @BeforeAll
    static void district() {
        city = new CityGenerator(CityGenerator.Spec.of(20_000, 3)).generate();
        Map<String, String> gridOfBuilding = new LinkedHashMap<>();
        for (Building b : city.buildings()) {
            gridOfBuilding.put(b.id(), b.community() + "-G01");
        }
        layout = GridLayout.fromAssignment("one-per-community", city, gridOfBuilding);
    }

    /** One full-time worker per grid, without a home. */
    private static List<PlanWorker> onePerGrid() {
        List<PlanWorker> out = new ArrayList<>();
        for (String grid : layout.grids()) {
            out.add(PlanWorker.of("FT-" + grid, WorkerType.FULL_TIME));
        }
        return out;
    }

    private static PlanRequest.Builder request() {
        return PlanRequest.builder(city, layout).workers(onePerGrid());
    }

    @Test
    void the_request_names_what_is_wrong() {
        PlanWorker w = PlanWorker.of("W", WorkerType.FULL_TIME);
        assertThatThrownBy(() -> PlanRequest.builder(city, layout).build())
                .hasMessage("plan request: no workers to place");
        assertThatThrownBy(() -> request().workers(List.of(w, w)).build())
                .hasMessage("plan request: worker W is listed twice");
        assertThatThrownBy(() -> request().workers(List.of(new PlanWorker("H", WorkerType.FULL_TIME,
                Optional.of("nowhere"), Optional.empty()))).build())
                .hasMessageContaining("worker H lives in building nowhere, which city");
        Site s = city.sites().get(0);
        assertThatThrownBy(() -> request().sites(List.of(s, s)).build())
                .hasMessage("plan request: candidate site " + s.id() + " is listed twice");
        assertThatThrownBy(() -> SitingRules.DEFAULT.withMaxBranches(0)).hasMessageContaining("p = 0 opens no branch");
        assertThatThrownBy(() -> new SitingRules(OptionalInt.empty(), OptionalLong.of(10), false, false))
                .hasMessageContaining("binds only a siting solve");
        assertThatThrownBy(() -> PLANNER.plan(request().sites(List.of()).build()))
                .isInstanceOf(InfeasibleProblemException.class).hasMessageContaining("no candidate sites");
    }

    @Test
    void plans_for_the_scaled_load_so_the_overloaded_grid_rule_fires_at_twenty_times_the_demand() {
        Plan once = PLANNER.plan(request().build());
        Plan twenty = PLANNER.plan(request().demand(DemandCatalog.defaults().withScale(20)).build());
        assertThat(once.grids()).hasSize(layout.gridCount());
        for (int g = 0; g < once.grids().size(); g++) {
            assertThat(twenty.grids().get(g).offeredLoad()).isCloseTo(20 * once.grids().get(g).offeredLoad(),
                    within(1e-9));
        }
        // A grid of ~6,700 households keeps one worker busy well under the whole time at scale 1 ...
        assertThat(once.grids()).allMatch(g -> g.offeredLoad() < 1);
        assertThat(once.violations()).isEmpty();
        // ... and needs more than one at twenty times the demand: the hard rule breaks, and says so.
        assertThat(twenty.grids()).allMatch(g -> g.offeredLoad() > 1);
        assertThat(twenty.violations()).isNotEmpty();
        assertThat(twenty.staffingJustifications()).extracting(PlanJustification::english)
                .anyMatch(j -> j.contains("is overloaded"));
    }

    @Test
    void zero_travel_leaves_only_the_wait_in_the_expected_response() {
        Plan road = PLANNER.plan(request().siting(SitingRules.BASELINE_ONLY).placeWorkers(false).build());
        Plan none = PLANNER.plan(request().siting(SitingRules.BASELINE_ONLY).placeWorkers(false)
                .travel(TravelModel.none()).build());
        assertThat(none.baselineKpis().expectedResponseMinutes()).isPositive()
                .isLessThan(road.baselineKpis().expectedResponseMinutes());
        // Without solves nothing is explained, and the plan is its baseline.
        assertThat(none.justifications()).isEmpty();
        assertThat(none.staffingPlan()).isEqualTo(none.staffingBaseline());
        assertThat(none.sitingPlan()).isEqualTo(none.sitingBaseline());
    }

    @Test
    void turns_itself_into_the_simulators_staffing() {
        ShiftPattern evenings = ShiftPattern.parse("17:30-22:00 mon-fri");
        Building home = city.buildings().get(7);
        List<PlanWorker> workers = new ArrayList<>(onePerGrid());
        workers.add(new PlanWorker("PT-1", WorkerType.PART_TIME, Optional.empty(), Optional.empty()));
        workers.add(new PlanWorker("PRO-1", WorkerType.PROFESSIONAL, Optional.of(home.id()), Optional.of(evenings)));
        DutyRules duty = new DutyRules(ShiftPattern.ALWAYS, ShiftPattern.PART_TIME, 2, ShiftPattern.WEEKDAY_DAY,
                DutyRoster.defaults());
        Plan plan = PLANNER.plan(request().workers(workers).duty(duty).build());
        Staffing staffing = plan.toStaffing();
        assertThat(staffing.workers()).extracting(WorkerSpec::id)
                .containsExactlyElementsOf(workers.stream().map(PlanWorker::id).toList());
        Map<String, String> base = new LinkedHashMap<>();
        plan.grids().forEach(g -> base.put(g.id(), g.baseBuilding()));
        for (WorkerSpec w : staffing.workers()) {
            assertThat(w.grid()).isEqualTo(plan.staffingPlan().gridOfWorker().get(w.id()));
            switch (w.id()) {
                case "PT-1" -> assertThat(w.shift()).isEqualTo(ShiftPattern.PART_TIME);
                case "PRO-1" -> assertThat(w).extracting(WorkerSpec::baseBuilding, WorkerSpec::shift)
                        .containsExactly(home.id(), evenings);
                default -> assertThat(w).extracting(WorkerSpec::baseBuilding, WorkerSpec::shift)
                        .containsExactly(base.get(w.grid()), ShiftPattern.ALWAYS);
            }
        }
        assertThat(staffing.duty()).isEqualTo(DutyRoster.defaults());
        // A pool of two at every open branch, backing up exactly the grids it serves.
        assertThat(staffing.pools()).extracting(BranchPool::id)
                .containsExactlyInAnyOrderElementsOf(plan.openBranches().stream().map(s -> "BP-" + s).toList());
        assertThat(staffing.pools()).allMatch(p -> p.workers() == 2)
                .flatExtracting(BranchPool::grids).containsExactlyInAnyOrderElementsOf(layout.grids());
        assertThat(plan.baselineStaffing().workers()).extracting(WorkerSpec::grid)
                .containsExactlyElementsOf(workers.stream()
                        .map(w -> plan.staffingBaseline().gridOfWorker().get(w.id())).toList());
    }

    @Test
    void applies_itself_to_a_staffing_moving_only_the_workers_it_placed() {
        Plan plan = PLANNER.plan(request().build());
        List<WorkerSpec> given = new ArrayList<>();
        String first = layout.grids().get(0);
        for (String grid : layout.grids()) {
            given.add(new WorkerSpec("FT-" + grid, WorkerType.FULL_TIME, first, city.buildings().get(0).id(),
                    ShiftPattern.WEEKDAY_DAY));
        }
        given.add(new WorkerSpec("PT-x", WorkerType.PART_TIME, first, city.buildings().get(0).id(),
                ShiftPattern.PART_TIME));
        Staffing onto = new Staffing(given, List.of(), DutyRoster.NONE);
        Staffing applied = plan.toStaffing(onto);
        assertThat(applied.workers()).hasSameSizeAs(given);
        assertThat(applied.workers().get(given.size() - 1)).isEqualTo(given.get(given.size() - 1));
        for (int i = 0; i < layout.gridCount(); i++) {
            WorkerSpec w = applied.workers().get(i);
            assertThat(w.id()).isEqualTo(given.get(i).id());
            assertThat(w.grid()).isEqualTo(plan.staffingPlan().gridOfWorker().get(w.id()));
            assertThat(w.baseBuilding()).isEqualTo(plan.grid(w.grid()).orElseThrow().baseBuilding());
            assertThat(w.shift()).isEqualTo(ShiftPattern.WEEKDAY_DAY);
        }
        // Without pool workers in the duty rules the given pools stay; a plan that places nobody moves nobody.
        assertThat(applied.pools()).isEmpty();
        Plan sitingOnly = PLANNER.plan(request().placeWorkers(false).build());
        assertThat(sitingOnly.toStaffing(onto).workers()).isEqualTo(given);
    }

    @Test
    void the_same_request_gives_the_same_plan() {
        PlanRequest r = request().demand(DemandCatalog.defaults().withScale(3)).seed(7).build();
        Plan a = PLANNER.plan(r);
        Plan b = new Planner().plan(r.toBuilder().build());
        assertThat(b.sitingPlan()).isEqualTo(a.sitingPlan());
        assertThat(b.staffingPlan()).isEqualTo(a.staffingPlan());
        assertThat(b.justifications()).isEqualTo(a.justifications());
        assertThat(PlanWeights.DEFAULT.staffingConfiguration().getHomeNearGrid().softScore()).isEqualTo(1);
        assertThat(new PlanWeights(PlanWeights.DEFAULT.siting(), 1, 1, 0).staffingConfiguration().getHomeNearGrid()
                .softScore()).isZero();
    }

    @Test
    void in_the_field_regime_the_worker_solve_minimises_the_field_model_and_forecasts_both_plans() {
        List<PlanWorker> workers = new ArrayList<>(onePerGrid());
        for (int k = 1; k <= 2; k++) {
            workers.add(PlanWorker.of("PRO-" + k, WorkerType.PROFESSIONAL));
        }
        SimulationConfig settings = SimulationConfig.builder().build();
        PlanRequest queueing = request().workers(workers).duty(DutyRules.DEFAULT.withRoster(DutyRoster.defaults()))
                .build();
        PlanRequest field = queueing.toBuilder().field(PlanRequest.FieldRegime.of(settings)).build();
        Plan q = PLANNER.plan(queueing);
        Plan f = PLANNER.plan(field);
        assertThat(q.baselineForecast()).isEmpty();
        assertThat(q.optimisedForecast()).isEmpty();
        Plan.Forecast before = f.baselineForecast().orElseThrow();
        Plan.Forecast after = f.optimisedForecast().orElseThrow();
        // The field model sees the wait for the next shift: hours, where the queueing model's are minutes.
        assertThat(q.optimisedKpis().expectedResponseMinutes()).isLessThan(60);
        assertThat(f.optimisedKpis().expectedResponseMinutes()).isGreaterThan(100);
        assertThat(after.meanResponseMinutes()).isGreaterThan(100);
        assertThat(after.onTimeShare()).isBetween(0.5, 1.0);
        assertThat(after.casesPerYear()).isGreaterThan(0);
        // The solve starts from the baseline and keeps the better plan on the field model.
        assertThat(f.optimisedKpis().expectedResponseMinutes())
                .isLessThanOrEqualTo(f.baselineKpis().expectedResponseMinutes() + 1e-9);
        assertThat(after.meanResponseMinutes()).isLessThanOrEqualTo(before.meanResponseMinutes() + 0.5);
        // The request's roster reaches the forecast: without a duty roster urgent cases wait for a shift.
        Plan none = PLANNER.plan(field.toBuilder().duty(DutyRules.DEFAULT).build());
        assertThat(none.optimisedForecast().orElseThrow().urgentOnTimeShare()).isLessThan(after.urgentOnTimeShare());
    }

    @Test
    void chooses_the_cheapest_duty_roster_the_field_model_expects_to_meet_the_urgent_target() {
        SimulationConfig settings = SimulationConfig.builder().build();
        PlanRequest request = request().duty(DutyRules.DEFAULT.withRoster(DutyRoster.defaults()).choosingRoster(0.9))
                .field(PlanRequest.FieldRegime.of(settings)).build();
        Plan plan = PLANNER.plan(request);
        RosterChoice.Decision d = plan.rosterDecision().orElseThrow();
        assertThat(d.options()).extracting(RosterChoice.Option::roster)
                .isEqualTo(RosterChoice.candidates(false));
        // No roster leaves urgent cases waiting for a shift; the cheapest that meets 90% is chosen.
        RosterChoice.Option none = d.options().get(0);
        assertThat(none.onDutyAtNight()).isZero();
        assertThat(none.meetsTarget()).isFalse();
        assertThat(d.chosen().meetsTarget()).isTrue();
        assertThat(d.options()).filteredOn(RosterChoice.Option::meetsTarget)
                .allMatch(o -> o.onDutyAtNight() >= d.chosen().onDutyAtNight());
        assertThat(d.chosen().onDutyAtNight()).isEqualTo(3 * d.chosen().roster().onDuty());
        assertThat(plan.roster()).isEqualTo(d.chosen().roster());
        assertThat(plan.toStaffing().duty()).isEqualTo(d.chosen().roster());
        assertThat(plan.baselineStaffing().duty()).isEqualTo(DutyRoster.defaults());
        assertThat(plan.optimisedForecast().orElseThrow()).isEqualTo(d.chosen().forecast());
        assertThat(plan.justifications()).extracting(PlanJustification::english)
                .anyMatch(j -> j.startsWith("Out of hours, " + d.chosen().roster().label()));
        // A target no candidate reaches takes the best one and says so.
        Staffing staffing = plan.toStaffing();
        RosterChoice.Decision unmet = RosterChoice.choose(city, layout, staffing, PLANNER.travelTimes(city), settings,
                1,
                List.of(DutyRoster.NONE), 0.9);
        assertThat(unmet.chosen().roster()).isEqualTo(DutyRoster.NONE);
        assertThat(unmet.chosen().meetsTarget()).isFalse();
        assertThat(unmet.justification().english()).startsWith("No candidate roster reaches 90.0%");
        RosterChoice.Decision best = RosterChoice.choose(city, layout, staffing, PLANNER.travelTimes(city), settings, 1,
                List.of(DutyRoster.NONE, DutyRoster.defaults()), 1.0);
        // No roster cannot reach 100%: met or not, the community roster is the cheapest meeting it or the best.
        assertThat(best.chosen().roster()).isEqualTo(DutyRoster.defaults());
        assertThat(best.chosen().forecast().urgentOnTimeShare())
                .isGreaterThan(best.options().get(0).forecast().urgentOnTimeShare());
        // The queueing model has no out-of-hours term to choose by.
        assertThatThrownBy(() -> request().duty(DutyRules.DEFAULT.choosingRoster(0.9)).build())
                .hasMessageContaining("choosing the duty roster needs the field regime");
        assertThatThrownBy(() -> DutyRules.DEFAULT.choosingRoster(1.5)).hasMessageContaining("must be in (0, 1]");
    }

    @Test
    void staggers_the_professionals_shifts_where_the_model_expects_a_shorter_response_and_no_fewer_on_time() {
        List<PlanWorker> workers = new ArrayList<>(onePerGrid());
        for (int k = 1; k <= 3; k++) {
            workers.add(PlanWorker.of("PRO-" + k, WorkerType.PROFESSIONAL));
        }
        SimulationConfig settings = SimulationConfig.builder().build();
        List<ShiftPattern> candidates = ShiftChoice.defaults(ShiftPattern.WEEKDAY_DAY);
        PlanRequest plain = request().workers(workers).duty(DutyRules.DEFAULT.withRoster(DutyRoster.defaults()))
                .field(PlanRequest.FieldRegime.of(settings)).build();
        PlanRequest staggered = plain.toBuilder().duty(plain.duty().staggering(candidates)).build();
        Plan p = PLANNER.plan(plain);
        Plan s = PLANNER.plan(staggered);
        ShiftChoice.Decision d = s.shiftDecision().orElseThrow();
        assertThat(p.shiftDecision()).isEmpty();
        // Three grids have a professional beside their full-time worker; each moves to a six-day shift.
        assertThat(d.gridsWeighed()).isEqualTo(3);
        assertThat(d.gridsMoved()).hasSize(3);
        assertThat(d.shiftOfWorker()).containsOnlyKeys("PRO-1", "PRO-2", "PRO-3");
        assertThat(d.shiftOfWorker().values()).allMatch(c -> candidates.contains(c)
                && c.weeklyMinutes() == ShiftPattern.WEEKDAY_DAY.weeklyMinutes());
        // The worker → grid plan is the same; the staggered one is expected to answer sooner, as often on time.
        assertThat(s.staffingPlan().gridOfWorker()).isEqualTo(p.staffingPlan().gridOfWorker());
        Plan.Forecast before = p.optimisedForecast().orElseThrow();
        Plan.Forecast after = s.optimisedForecast().orElseThrow();
        assertThat(d.before()).isEqualTo(before);
        assertThat(d.after()).isEqualTo(after);
        assertThat(after.meanResponseMinutes()).isLessThan(before.meanResponseMinutes() - 10);
        assertThat(after.onTimeShare()).isGreaterThanOrEqualTo(before.onTimeShare() - 1e-4);
        // The simulator's staffing carries the shifts; the baseline and the full-time workers keep theirs.
        for (WorkerSpec w : s.toStaffing().workers()) {
            assertThat(w.shift()).isEqualTo(w.type() == WorkerType.PROFESSIONAL ? d.shiftOfWorker().get(w.id())
                    : ShiftPattern.WEEKDAY_DAY);
        }
        assertThat(s.baselineStaffing().workers()).allMatch(w -> w.shift().equals(ShiftPattern.WEEKDAY_DAY));
        assertThat(s.toStaffing(p.toStaffing()).workers()).filteredOn(w -> w.type() == WorkerType.PROFESSIONAL)
                .allMatch(w -> w.shift().equals(d.shiftOfWorker().get(w.id())));
        assertThat(s.justifications()).extracting(PlanJustification::english)
                .anyMatch(j -> j.startsWith("Staggered shifts: in 3 of the 3 grids"));
        // Only candidates of the same weekly hours are weighed: a shorter one moves nobody.
        Plan shorter = PLANNER.plan(plain.toBuilder().duty(plain.duty().staggering(
                List.of(ShiftPattern.parse("09:00-16:00 mon-sat")))).build());
        assertThat(shorter.shiftDecision().orElseThrow().gridsMoved()).isEmpty();
        assertThat(shorter.shiftDecision().orElseThrow().gridsWithCandidates()).isZero();
        assertThat(shorter.justifications()).extracting(PlanJustification::english)
                .anyMatch(j -> j.startsWith("Staggered shifts: no candidate shift keeps the weekly hours of the"
                        + " professionals of the 3 grids"));
        assertThat(d.gridsWithCandidates()).isEqualTo(3);
        // The queueing model has no shifts to stagger by.
        assertThatThrownBy(() -> request().duty(DutyRules.DEFAULT.staggering(candidates)).build())
                .hasMessageContaining("staggering shifts needs the field regime");
    }

    @Test
    void the_default_stagger_candidates_keep_the_weekly_hours_on_other_days_or_hours() {
        assertThat(ShiftChoice.defaults(ShiftPattern.WEEKDAY_DAY)).extracting(ShiftPattern::name).containsExactly(
                "08:30-16:00 mon-sat", "09:00-16:30 mon-sat", "09:30-17:00 mon-sat", "10:00-17:30 mon-sat",
                "08:30-17:30 tue-sat", "08:30-17:30 wed-sun", "10:30-19:30 mon-fri", "12:30-21:30 mon-fri");
        // A later shift that would end past midnight is left out.
        assertThat(ShiftChoice.defaults(ShiftPattern.parse("16:00-23:00 mon-fri"))).extracting(ShiftPattern::name)
                .containsExactly("16:00-21:50 mon-sat", "16:30-22:20 mon-sat", "17:00-22:50 mon-sat",
                        "17:10-23:00 mon-sat", "16:00-23:00 tue-sat", "16:00-23:00 wed-sun");
        // Six days of a shift of six days: no other days of the same length keep its hours.
        assertThat(ShiftChoice.defaults(ShiftPattern.parse("16:00-23:00 mon-sat"))).isEmpty();
        assertThat(ShiftPattern.parse("20:00-08:00 mon-fri").weeklyMinutes()).isEqualTo(5 * 12 * 60);
    }

    @Test
    void the_capacity_curve_adds_each_professional_where_the_model_gains_most() {
        SimulationConfig settings = SimulationConfig.builder().build();
        Staffing staffing = PLANNER.plan(request().placeWorkers(false).siting(SitingRules.BASELINE_ONLY).build())
                .toStaffing().withDuty(DutyRoster.defaults());
        List<CapacityCurve.Step> curve = CapacityCurve.of(city, layout, staffing, PLANNER.travelTimes(city), settings,
                1, 4);
        assertThat(curve).hasSize(5);
        // Its start is the model's forecast of the plan itself, as the roster choice sees it.
        RosterChoice.Decision d = RosterChoice.choose(city, layout, staffing, PLANNER.travelTimes(city), settings, 1,
                List.of(DutyRoster.defaults()), 0.5);
        assertThat(curve.get(0).forecast()).isEqualTo(d.chosen().forecast());
        assertThat(curve.get(0).grids()).isEmpty();
        for (int k = 1; k < curve.size(); k++) {
            CapacityCurve.Step now = curve.get(k);
            assertThat(now.professionals()).isEqualTo(k);
            assertThat(now.grids()).hasSize(k);
            assertThat(now.grids().subList(0, k - 1)).isEqualTo(curve.get(k - 1).grids());
            assertThat(layout.grids()).contains(now.grids().get(k - 1));
            // A professional never costs cases on time; the cases themselves do not change.
            assertThat(now.forecast().onTimeShare()).isGreaterThanOrEqualTo(curve.get(k - 1).forecast().onTimeShare());
            assertThat(now.forecast().casesPerYear()).isCloseTo(curve.get(0).forecast().casesPerYear(),
                    within(1e-6));
        }
        // The first goes to the grid where one professional gains the most on its own.
        double best = Double.NEGATIVE_INFINITY;
        for (String g : layout.grids()) {
            Staffing one = withProfessional(staffing, g);
            best = Math.max(best, RosterChoice.choose(city, layout, one, PLANNER.travelTimes(city), settings, 1,
                    List.of(DutyRoster.defaults()), 0.5).chosen().forecast().onTimeShare());
        }
        assertThat(curve.get(1).forecast().onTimeShare()).isCloseTo(best,
                within(1e-9));
        assertThatThrownBy(() -> CapacityCurve.of(city, layout, staffing, PLANNER.travelTimes(city), settings, 1, -1))
                .hasMessageContaining("must be 0 or more");
    }

    private static Staffing withProfessional(Staffing staffing, String grid) {
        List<WorkerSpec> workers = new ArrayList<>(staffing.workers());
        String base = Staffing.baseBuildings(city, layout).get(grid);
        workers.add(new WorkerSpec("PRO-" + grid, WorkerType.PROFESSIONAL, grid, base, ShiftPattern.WEEKDAY_DAY));
        return new Staffing(workers, staffing.pools(), staffing.duty());
    }

    @Test
    void the_layout_forecast_agrees_with_the_planner_s_forecast_of_the_field_standard() {
        SimulationConfig settings = SimulationConfig.builder().build();
        // The field standard: a full-time worker per grid at its base, two part-time workers per community,
        // the community roster.
        Map<String, String> bases = Staffing.baseBuildings(city, layout);
        List<WorkerSpec> workers = new ArrayList<>();
        for (String g : layout.grids()) {
            workers.add(new WorkerSpec("FT-" + g, WorkerType.FULL_TIME, g, bases.get(g), ShiftPattern.WEEKDAY_DAY));
            workers.add(new WorkerSpec("PT-" + g, WorkerType.PART_TIME, g, bases.get(g), ShiftPattern.PART_TIME));
        }
        Staffing staffing = new Staffing(workers, List.of(), DutyRoster.defaults());
        Plan.Forecast planner = RosterChoice.choose(city, layout, staffing, PLANNER.travelTimes(city), settings, 1,
                List.of(DutyRoster.defaults()), 0.5).chosen().forecast();
        LayoutForecast f = new LayoutForecast(city, PLANNER.travelTimes(city), settings, 1,
                city.buildingsByCommunity(), 1, ShiftPattern.WEEKDAY_DAY, Optional.of(ShiftPattern.PART_TIME),
                DutyRoster.defaults());
        Plan.Forecast grids = f.of(layout);
        assertThat(grids.casesPerYear()).isCloseTo(planner.casesPerYear(), within(1e-6));
        assertThat(grids.meanResponseMinutes()).isCloseTo(planner.meanResponseMinutes(), within(1e-9));
        assertThat(grids.onTimeShare()).isCloseTo(planner.onTimeShare(), within(1e-12));
        assertThat(grids.urgentOnTimeShare()).isCloseTo(planner.urgentOnTimeShare(), within(1e-12));
        assertThatThrownBy(() -> new LayoutForecast(city, PLANNER.travelTimes(city), settings, 1,
                city.buildingsByCommunity(), 0, ShiftPattern.WEEKDAY_DAY, Optional.empty(), DutyRoster.NONE))
                .hasMessageContaining("fullTimePerGrid 0");
    }
}
