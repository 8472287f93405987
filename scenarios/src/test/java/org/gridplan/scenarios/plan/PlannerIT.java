package org.gridplan.scenarios.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gridplan.optimizer.model.InfeasibleProblemException;
import org.gridplan.optimizer.plan.DutyRules;
import org.gridplan.optimizer.plan.Plan;
import org.gridplan.optimizer.plan.PlanJustification;
import org.gridplan.optimizer.plan.PlanRequest;
import org.gridplan.optimizer.plan.PlanWorker;
import org.gridplan.optimizer.plan.Planner;
import org.gridplan.optimizer.plan.SitingRules;
import org.gridplan.optimizer.plan.SolveBudget;
import org.gridplan.scenarios.layout.LayoutGenerator;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.engine.DispatchPolicy;
import org.gridplan.sim.engine.GridSimulation;
import org.gridplan.sim.engine.PatrolConfig;
import org.gridplan.sim.engine.SimulationConfig;
import org.gridplan.sim.generate.CityGenerator;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/**
 * The district optimiser end to end through its façade on a small generated district (20,000
 * households, about 50 grids): workers who live among the households (one per grid, the field
 * standard's number), branch siting over the city's candidate sites.
 */
class PlannerIT {

    static City city;
    static GridLayout layout;
    static List<PlanWorker> workers;
    static final Planner PLANNER = new Planner();
    static Plan plan;

    @BeforeAll
    static void plan() {
        LayoutGenerator.Result r = new LayoutGenerator(LayoutGenerator.Spec.of(400))
                .generate(new CityGenerator(CityGenerator.Spec.of(20_000, 5)).generate());
        city = r.city();
        layout = r.layout();
        workers = PlanWorker.residents(city, layout.gridCount(), 3);
        plan = plan(layout.gridCount() / 8);
    }

    private static PlanRequest.Builder request() {
        return PlanRequest.builder(city, layout).workers(workers).budget(SolveBudget.ofTime(Duration.ofMinutes(5)));
    }

    private static Plan plan(int p) {
        return PLANNER.plan(request().siting(SitingRules.DEFAULT.withMaxBranches(p)).build());
    }

    @Test
    void plan_is_feasible_and_beats_the_baseline_on_analytic_and_on_simulated_response() {
        assertThat(plan.violations()).isEmpty();
        assertThat(plan.sitingPlan().openSites()).hasSizeLessThanOrEqualTo(plan.maxBranches());
        assertThat(plan.optimisedKpis().expectedResponseMinutes())
                .isLessThan(plan.baselineKpis().expectedResponseMinutes());
        // Siting weighs travel against the service circles and balance, so it is compared by score.
        assertThat(HardSoftLongScore.parseScore(plan.sitingPlan().score()))
                .isGreaterThan(HardSoftLongScore.parseScore(plan.sitingBaseline().score()));

        // Simulated under common random numbers in the regime the model covers (on shift, no patrol,
        // own-grid dispatch; AnalyticModelIT), three one-year replications. The same plan with
        // workers always on shift: duty rules change the staffing, not the plan.
        Plan always = PLANNER.plan(request().siting(SitingRules.DEFAULT.withMaxBranches(plan.maxBranches()))
                .duty(new DutyRules(ShiftPattern.ALWAYS, ShiftPattern.ALWAYS, 0, ShiftPattern.ALWAYS, DutyRoster.NONE))
                .build());
        assertThat(always.staffingPlan()).isEqualTo(plan.staffingPlan());
        double baseline = 0;
        double optimised = 0;
        for (int r = 0; r < 3; r++) {
            SimulationConfig config = SimulationConfig.builder().seed(21 + r).patrol(PatrolConfig.off())
                    .dispatch(DispatchPolicy.queueOnly()).build();
            baseline += simulatedMean(always.baselineStaffing(), config);
            optimised += simulatedMean(always.toStaffing(), config);
        }
        System.out.printf("analytic %.3f -> %.3f min, simulated %.3f -> %.3f min%n",
                plan.baselineKpis().expectedResponseMinutes(), plan.optimisedKpis().expectedResponseMinutes(),
                baseline / 3, optimised / 3);
        assertThat(optimised).isLessThan(baseline);
    }

    private static double simulatedMean(Staffing staffing, SimulationConfig config) {
        return new GridSimulation(city, layout, staffing, config).runToEnd().district().response().mean();
    }

    @Test
    void same_input_gives_the_same_plan() {
        Plan again = plan(layout.gridCount() / 8);
        assertThat(again.sitingPlan().siteOfDemand()).isEqualTo(plan.sitingPlan().siteOfDemand());
        assertThat(again.staffingPlan().gridOfWorker()).isEqualTo(plan.staffingPlan().gridOfWorker());
        assertThat(again.justifications()).isEqualTo(plan.justifications());
    }

    @Test
    void justifies_the_plan_in_sentences() {
        assertThat(plan.sitingJustifications()).extracting(PlanJustification::english)
                .anyMatch(j -> j.contains("branches open at"));
        assertThat(plan.staffingJustifications()).extracting(PlanJustification::english)
                .anyMatch(j -> j.startsWith("Expected response"));
    }

    @Test
    void every_justification_has_a_chinese_sentence_with_the_same_figures() {
        assertThat(plan.justifications()).isNotEmpty().allSatisfy(j -> {
            assertThat(j.chinese()).as(j.english()).isNotBlank()
                    .matches(".*[\\u4e00-\\u9fff].*")
                    .doesNotContain("branch", "grid ", "worker", "households", "min ");
            assertThat(figures(j.chinese())).as(j.english()).isEqualTo(figures(j.english()));
        });
    }

    /** The numbers of a sentence (ids such as C1-G01 included), sorted: the same in both languages. */
    private static List<String> figures(String sentence) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[+-]?\\d[\\d,.]*\\d|\\d").matcher(sentence);
        while (m.find()) {
            out.add(m.group());
        }
        out.sort(null);
        return out;
    }

    @Test
    void rejects_no_candidate_sites() {
        assertThatThrownBy(() -> PLANNER.plan(request().sites(List.of()).build()))
                .isInstanceOf(InfeasibleProblemException.class)
                .hasMessageContaining("no candidate sites").hasMessageContaining("short by 1 site");
    }

    @Test
    void rejects_more_branches_than_sites_naming_the_shortfall() {
        int sites = city.sites().size();
        assertThatThrownBy(() -> plan(sites + 3)).isInstanceOf(InfeasibleProblemException.class)
                .hasMessageContaining("p = " + (sites + 3)).hasMessageContaining("short by 3 sites");
    }

    @Test
    void rejects_capacity_that_cannot_hold_the_households() {
        long total = city.households();
        long perBranch = total / 4 - 100;
        assertThatThrownBy(() -> PLANNER.plan(request()
                .siting(SitingRules.DEFAULT.withMaxBranches(4).withBranchCapacity(perBranch)).build()))
                .isInstanceOf(InfeasibleProblemException.class)
                .hasMessageContaining("capacity").hasMessageContaining("short by " + String.format("%,d",
                        total - 4 * perBranch));
    }

    @Test
    void rejects_fewer_full_time_workers_than_grids_naming_the_shortfall() {
        List<PlanWorker> few = workers.subList(0, workers.size() - 2);
        assertThatThrownBy(() -> PLANNER.plan(request().workers(few)
                .siting(SitingRules.DEFAULT.withMaxBranches(2)).build()))
                .isInstanceOf(InfeasibleProblemException.class)
                .hasMessageContaining("full-time").hasMessageContaining("short by 2");
    }
}
