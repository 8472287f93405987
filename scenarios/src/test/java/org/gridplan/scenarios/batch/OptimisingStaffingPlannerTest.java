package org.gridplan.scenarios.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.gridplan.optimizer.model.SitingWeights;
import org.gridplan.optimizer.plan.Plan;
import org.gridplan.optimizer.plan.PlanWeights;
import org.gridplan.results.stats.Justification;
import org.gridplan.scenarios.layout.LayoutGenerator;
import org.gridplan.scenarios.spec.RunSettings;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.scenarios.spec.Scenario.Optimise;
import org.gridplan.scenarios.spec.ScenarioReader;
import org.gridplan.scenarios.spec.StaffingSpec;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.engine.TravelModel;
import org.gridplan.sim.generate.CityGenerator;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.TravelMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimisingStaffingPlannerTest {

    static City city;
    static GridLayout layout;
    static final StaffingSpec SPEC = new StaffingSpec(1, 2, 0.3, 2, 0, ShiftPattern.WEEKDAY_DAY,
            ShiftPattern.PART_TIME, ShiftPattern.WEEKDAY_DAY);
    static final RunSettings SETTINGS = RunSettings.defaults(SPEC);

    @BeforeAll
    static void district() {
        city = new CityGenerator(CityGenerator.Spec.of(20_000, 3)).generate();
        layout = new LayoutGenerator(LayoutGenerator.Spec.of(400)).generate(city).layout();
    }

    @Test
    void optimises_branches_and_workers_within_the_rules_and_answers_no_slower_than_the_field_standard() {
        OptimisingStaffingPlanner planner = new OptimisingStaffingPlanner();
        Optimise both = new Optimise(true, true);
        assertThat(planner.capabilities()).isEqualTo(both);
        Staffing field = new FieldStandardStaffing().plan(city, layout, SETTINGS, Optimise.NONE);
        Staffing plan = planner.plan(city, layout, SETTINGS, both);
        // Every grid keeps a full-time worker, and no worker is lost or added.
        assertThat(plan.workers()).hasSameSizeAs(field.workers());
        assertThat(plan.workers().stream().filter(w -> w.type() == WorkerType.FULL_TIME).map(WorkerSpec::grid)
                .collect(Collectors.toSet())).isEqualTo(Staffing.baseBuildings(city, layout).keySet());
        // At most p = one branch per community opens, and the branch pools sit at the open branches.
        long communities = layout.communityOfGrid().values().stream().distinct().count();
        List<String> open = planner.openBranches(city, layout, SETTINGS, both);
        assertThat(open).isNotEmpty().hasSizeLessThanOrEqualTo((int) communities).doesNotHaveDuplicates();
        assertThat(plan.pools()).extracting(p -> p.id()).containsExactlyInAnyOrderElementsOf(
                open.stream().map(s -> "BP-" + s).toList());
        // The plan's baseline is the field standard's placement of the workers the optimiser places
        // (one full-time worker per grid, professionals spread evenly in grid order) ...
        Plan optimised = planner.optimised(city, layout, SETTINGS, both).orElseThrow();
        assertThat(gridOfPlaced(optimised.baselineStaffing())).isEqualTo(gridOfPlaced(field));
        assertThat(optimised.violations()).isEmpty();
        // ... and on the analytic model the optimised placement answers no slower than it.
        assertThat(optimised.optimisedKpis().expectedResponseMinutes()).isPositive()
                .isLessThanOrEqualTo(optimised.baselineKpis().expectedResponseMinutes());
        assertThat(gridOfPlaced(plan)).isEqualTo(gridOfPlaced(optimised.toStaffing()));
    }

    /** Worker id → grid of the full-time and professional workers, whom the optimiser places. */
    private static Map<String, String> gridOfPlaced(Staffing staffing) {
        return staffing.workers().stream()
                .filter(w -> w.type() == WorkerType.FULL_TIME || w.type() == WorkerType.PROFESSIONAL)
                .collect(Collectors.toMap(WorkerSpec::id, WorkerSpec::grid));
    }

    @Test
    void plans_for_the_scenarios_scaled_demand_and_its_travel(@TempDir Path dir) throws IOException {
        // The scenario's own city and layout are those of this test (20,000 households, seed 3, ~400
        // per grid); the planner is given them, so the file is only read, not built.
        Path file = dir.resolve("scaled.yaml");
        Files.writeString(file, """
                city:
                  generate:
                    households: 20000
                    seed: 3
                layouts:
                  - name: grid-400
                    targetHouseholds: 400
                staffing:
                  professionalsPerGrid: 0.3
                optimise:
                  workers: true
                sweep:
                  parameters:
                    demand.scale: [1, 20]
                """);
        Scenario scenario = new ScenarioReader(new Optimise(true, true)).read(file);
        RunSettings once = scenario.points().get(0).settings();
        RunSettings scaled = scenario.points().get(1).settings();
        assertThat(scaled.demand().scale()).isEqualTo(20);
        OptimisingStaffingPlanner planner = new OptimisingStaffingPlanner();
        Optimise workers = scenario.optimise();
        planner.plan(city, layout, once, workers);
        planner.plan(city, layout, scaled, workers);
        Plan atOne = planner.optimised(city, layout, once, workers).orElseThrow();
        Plan atTwenty = planner.optimised(city, layout, scaled, workers).orElseThrow();
        // Every grid's load on the analytic model is 20 times the load at scale 1.
        assertThat(atTwenty.request().demand().scale()).isEqualTo(20);
        assertThat(atTwenty.grids()).hasSameSizeAs(atOne.grids());
        for (int g = 0; g < atOne.grids().size(); g++) {
            Plan.Grid one = atOne.grids().get(g);
            Plan.Grid twenty = atTwenty.grids().get(g);
            assertThat(twenty.id()).isEqualTo(one.id());
            assertThat(twenty.incidentsPerYear()).isPositive().isCloseTo(20 * one.incidentsPerYear(), within(1e-6));
            assertThat(twenty.offeredLoad()).isCloseTo(20 * one.offeredLoad(), within(1e-9));
        }
        // The busier workers wait for each other longer: the plans' analytic figures say so.
        assertThat(atTwenty.baselineKpis().maxUtilisation()).isCloseTo(20 * atOne.baselineKpis().maxUtilisation(),
                within(1e-9));
        assertThat(atTwenty.baselineKpis().expectedResponseMinutes())
                .isGreaterThan(atOne.baselineKpis().expectedResponseMinutes());
        assertThat(planner.justifications(city, layout, scaled, workers))
                .isNotEqualTo(planner.justifications(city, layout, once, workers));
        // Walking rather than cycling changes every trip of the model.
        RunSettings walking = once.withTravel(TravelModel.road(TravelMode.WALK));
        planner.plan(city, layout, walking, workers);
        Plan walked = planner.optimised(city, layout, walking, workers).orElseThrow();
        assertThat(walked.baselineKpis().expectedResponseMinutes())
                .isGreaterThan(atOne.baselineKpis().expectedResponseMinutes());
    }

    @Test
    void without_a_request_plans_the_field_standard_and_justifies_nothing() {
        OptimisingStaffingPlanner planner = new OptimisingStaffingPlanner();
        assertThat(planner.plan(city, layout, SETTINGS, Optimise.NONE))
                .isEqualTo(new FieldStandardStaffing().plan(city, layout, SETTINGS, Optimise.NONE));
        assertThat(planner.justifications(city, layout, SETTINGS, Optimise.NONE)).isEmpty();
        assertThat(planner.openBranches(city, layout, SETTINGS, Optimise.NONE)).isEmpty();
    }

    @Test
    void places_workers_keeping_a_full_time_worker_in_every_grid_and_the_part_time_workers_as_they_were() {
        OptimisingStaffingPlanner planner = new OptimisingStaffingPlanner();
        Staffing field = new FieldStandardStaffing().plan(city, layout, SETTINGS, Optimise.NONE);
        Staffing plan = planner.plan(city, layout, SETTINGS, new Optimise(false, true));
        assertThat(plan.workers()).hasSameSizeAs(field.workers());
        Set<String> staffed = plan.workers().stream().filter(w -> w.type() == WorkerType.FULL_TIME)
                .map(WorkerSpec::grid).collect(Collectors.toSet());
        assertThat(staffed).containsAll(Staffing.baseBuildings(city, layout).keySet());
        assertThat(plan.workers().stream().filter(w -> w.type() == WorkerType.PART_TIME).toList())
                .isEqualTo(field.workers().stream().filter(w -> w.type() == WorkerType.PART_TIME).toList());
        assertThat(plan.pools()).isEqualTo(field.pools());
        assertThat(planner.justifications(city, layout, SETTINGS, new Optimise(false, true)))
                .extracting(Justification::english)
                .anyMatch(j -> j.startsWith("Expected response")).noneMatch(j -> j.contains("branches open at"));
        assertThat(planner.openBranches(city, layout, SETTINGS, new Optimise(false, true))).isEmpty();
    }

    @Test
    void an_optimised_plan_carries_the_requested_duty_roster_and_plans_on_the_field_model_of_its_runs() {
        OptimisingStaffingPlanner planner = new OptimisingStaffingPlanner();
        Optimise workers = new Optimise(false, true);
        Staffing plan = planner.plan(city, layout, SETTINGS, workers);
        assertThat(plan.duty()).isEqualTo(DutyRoster.defaults());
        RunSettings noDuty = RunSettings.defaults(SPEC.withDuty(DutyRoster.NONE));
        Staffing none = planner.plan(city, layout, noDuty, workers);
        assertThat(none.duty()).isEqualTo(DutyRoster.NONE);
        // The field-regime model sees the roster: without one, urgent cases wait for a shift.
        Plan withRoster = planner.optimised(city, layout, SETTINGS, workers).orElseThrow();
        Plan without = planner.optimised(city, layout, noDuty, workers).orElseThrow();
        assertThat(without.optimisedForecast().orElseThrow().urgentOnTimeShare())
                .isLessThan(withRoster.optimisedForecast().orElseThrow().urgentOnTimeShare() - 0.2);
        assertThat(planner.justifications(city, layout, SETTINGS, workers)).extracting(Justification::english)
                .anyMatch(j -> j.startsWith("Expected response by the field-regime model"));
        // Branch siting alone weighs households only: a duty sweep reuses its plan.
        Optimise branches = new Optimise(true, false);
        assertThat(planner.plan(city, layout, noDuty, branches).workers())
                .isEqualTo(planner.plan(city, layout, SETTINGS, branches).workers());
        assertThat(planner.justifications(city, layout, noDuty, branches))
                .isEqualTo(planner.justifications(city, layout, SETTINGS, branches));
    }

    @Test
    void sites_branch_pools_at_open_branches_serving_every_grid_once() {
        OptimisingStaffingPlanner planner = new OptimisingStaffingPlanner();
        Staffing plan = planner.plan(city, layout, SETTINGS, new Optimise(true, false));
        Set<String> siteIds = city.sites().stream().map(s -> "BP-" + s.id()).collect(Collectors.toSet());
        assertThat(plan.pools()).isNotEmpty().allMatch(p -> siteIds.contains(p.id()) && p.workers() == 2);
        List<String> served = plan.pools().stream().flatMap(p -> p.grids().stream()).toList();
        assertThat(new HashSet<>(served)).hasSize(served.size())
                .isEqualTo(Staffing.baseBuildings(city, layout).keySet());
        assertThat(planner.justifications(city, layout, SETTINGS, new Optimise(true, false)))
                .extracting(Justification::english).anyMatch(j -> j.contains("branches open at"));
        // The open branches are the sites of the pools.
        assertThat(planner.openBranches(city, layout, SETTINGS, new Optimise(true, false)).stream().map(s -> "BP-" + s)
                .sorted().toList()).isEqualTo(plan.pools().stream().map(p -> p.id()).sorted().toList());
        // Another staffing (a sweep point with more pool workers) has its own plan and justifications.
        StaffingSpec more = new StaffingSpec(SPEC.fullTimePerGrid(), SPEC.partTimePerCommunity(),
                SPEC.professionalsPerGrid(), 3, SPEC.emergencyPool(), SPEC.fullTimeShift(), SPEC.partTimeShift(),
                SPEC.poolShift());
        assertThat(planner.justifications(city, layout, RunSettings.defaults(more), new Optimise(true, false)))
                .isEmpty();
    }

    @Test
    void the_scenarios_siting_rules_reach_the_solver() {
        OptimisingStaffingPlanner planner = new OptimisingStaffingPlanner();
        Map<String, Set<String>> poolsOfCommunity = new HashMap<>();
        Staffing free = planner.plan(city, layout, SETTINGS, new Optimise(true, false));
        free.pools().forEach(p -> p.grids().forEach(g -> poolsOfCommunity.computeIfAbsent(
                layout.communityOfGrid().get(g), c -> new HashSet<>()).add(p.id())));
        // Without the rule the travel objective splits some community between branches.
        assertThat(poolsOfCommunity.values()).anyMatch(p -> p.size() > 1);
        poolsOfCommunity.clear();
        Staffing shared = planner.plan(city, layout, SETTINGS,
                new Optimise(true, false, PlanWeights.DEFAULT, OptionalLong.empty(), true));
        shared.pools().forEach(p -> p.grids().forEach(g -> poolsOfCommunity.computeIfAbsent(
                layout.communityOfGrid().get(g), c -> new HashSet<>()).add(p.id())));
        assertThat(poolsOfCommunity).hasSameSizeAs(new HashSet<>(layout.communityOfGrid().values()));
        assertThat(poolsOfCommunity.values()).allMatch(p -> p.size() == 1);
        // A capacity no plan can meet with one branch per community is refused, naming the shortfall.
        Optimise tooSmall = new Optimise(true, false, PlanWeights.DEFAULT, OptionalLong.of(100), false);
        Throwable first = org.assertj.core.api.Assertions.catchThrowable(() ->
                planner.plan(city, layout, SETTINGS, tooSmall));
        assertThat(first).hasMessageContaining("capacity").hasMessageContaining("short by");
        // Every later run of that plan fails with the same error, without planning again.
        assertThatThrownBy(() -> planner.plan(city, layout, SETTINGS, tooSmall)).isSameAs(first);
    }

    @Test
    void scenario_weights_reach_the_solver() {
        // Siting on load balance alone (travel and service circles off) must give other branch
        // areas than the default trade-off, which is led by travel.
        PlanWeights balanceOnly = new PlanWeights(new SitingWeights(1, 1, 1, 0, 0, 0, 1000), 1, 1, 1);
        Staffing byDefault = new OptimisingStaffingPlanner().plan(city, layout, SETTINGS, new Optimise(true, false));
        Staffing balanced = new OptimisingStaffingPlanner().plan(city, layout, SETTINGS,
                new Optimise(true, false, balanceOnly));
        assertThat(balanced.pools()).isNotEqualTo(byDefault.pools());
        assertThat(new OptimisingStaffingPlanner().plan(city, layout, SETTINGS,
                new Optimise(true, false, PlanWeights.DEFAULT)).pools()).isEqualTo(byDefault.pools());
    }

    @Test
    void gives_the_same_plan_whatever_the_thread_count() throws Exception {
        Optimise both = new Optimise(true, true);
        Staffing alone = new OptimisingStaffingPlanner().plan(city, layout, SETTINGS, both);
        OptimisingStaffingPlanner shared = new OptimisingStaffingPlanner();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Staffing>> plans = pool.invokeAll(List.of(() -> shared.plan(city, layout, SETTINGS, both),
                    () -> shared.plan(city, layout, SETTINGS, both), () -> shared.plan(city, layout, SETTINGS, both),
                    () -> shared.plan(city, layout, SETTINGS, both)));
            for (Future<Staffing> f : plans) {
                assertThat(f.get()).isEqualTo(alone);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void places_workers_in_a_city_without_candidate_sites_but_refuses_to_site_branches_there() {
        City noSites = new City(city.name(), city.buildings(), city.roads(), List.of());
        OptimisingStaffingPlanner planner = new OptimisingStaffingPlanner();
        assertThat(planner.plan(noSites, layout, SETTINGS, new Optimise(false, true)).workers())
                .hasSameSizeAs(new FieldStandardStaffing().plan(noSites, layout, SETTINGS, Optimise.NONE).workers());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> planner.plan(noSites, layout, SETTINGS, new Optimise(true, false)))
                .hasMessageContaining("no candidate sites").hasMessageContaining("short by 1 site");
    }
}
