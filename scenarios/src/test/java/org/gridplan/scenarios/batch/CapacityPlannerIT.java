package org.gridplan.scenarios.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridplan.results.chart.Lang;
import org.gridplan.results.report.CapacityReport;
import org.gridplan.results.stats.CapacityStudy;
import org.gridplan.results.stats.CapacityStudy.Headcount;
import org.gridplan.scenarios.batch.CapacityPlanner.Check;
import org.gridplan.scenarios.batch.CapacityPlanner.Result;
import org.gridplan.scenarios.batch.CapacityPlanner.Target;
import org.gridplan.scenarios.layout.LayoutGenerator;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.engine.SimulationConfig;
import org.gridplan.sim.engine.TravelModel;
import org.gridplan.sim.generate.CityGenerator;
import org.gridplan.sim.model.City;
import org.gridplan.sim.road.TravelMode;
import org.gridplan.sim.road.TravelTimes;
import org.junit.jupiter.api.Test;

/**
 * Capacity planning on a generated 20,000-household district (grids of ~400 households, one
 * full-time worker per grid, two part-time workers per community, field defaults).
 */
class CapacityPlannerIT {

    @Test
    void finds_the_cheapest_roster_and_the_fewest_professionals_the_simulation_confirms() {
        City generated = new CityGenerator(CityGenerator.Spec.of(20_000, 3)).generate();
        LayoutGenerator.Result r = new LayoutGenerator(LayoutGenerator.Spec.of(400)).generate(generated);
        City city = r.city();
        Staffing base = Staffing.oneFullTimePerGrid(city, r.layout(), 2);
        SimulationConfig config = SimulationConfig.builder().travel(TravelModel.road(TravelMode.EBIKE)).build();
        CapacityPlanner planner = new CapacityPlanner(city, r.layout(), base, new TravelTimes(city), config, 1);
        List<String> lines = new ArrayList<>();
        // Without a roster about a third of urgent cases are on time, so the community roster is chosen;
        // the standard plan gives about 98% on time, so 98.4% needs professionals.
        Result result = planner.plan(new Target(0.984, 0.95, 0.95), List.of(DutyRoster.NONE, DutyRoster.defaults()),
                30, 4, lines::add);
        lines.forEach(System.out::println);
        assertThat(result.rosters().get(DutyRoster.NONE.label())).isLessThan(0.5);
        assertThat(result.rosters().get(DutyRoster.defaults().label())).isGreaterThan(0.95);
        assertThat(result.curve()).hasSize(31);
        // The model's curve rises with every professional added.
        for (int k = 1; k < result.curve().size(); k++) {
            assertThat(result.curve().get(k).onTime()).isGreaterThanOrEqualTo(result.curve().get(k - 1).onTime());
        }
        assertThat(result.chosen()).isPresent();
        Check chosen = result.chosen().get();
        assertThat(chosen.meets()).isTrue();
        assertThat(chosen.onTimeLow()).isGreaterThanOrEqualTo(0.984);
        assertThat(chosen.point().roster()).isEqualTo(DutyRoster.defaults().label());
        assertThat(chosen.point().professionals()).isPositive();
        // One professional fewer was simulated and falls short: the answer is the fewest confirmed.
        Optional<Check> fewer = result.checks().stream()
                .filter(c -> c.point().professionals() == chosen.point().professionals() - 1).findFirst();
        assertThat(fewer).isPresent();
        assertThat(fewer.get().meets()).isFalse();

        // The answer's plan by kind: the base plan's workers, the professionals added, and one on duty per
        // community (every community has full-time workers to draw the rota from).
        int communities = (int) r.layout().communityOfGrid().values().stream().distinct().count();
        long fullTime = base.workers().stream().filter(w -> w.type() == WorkerType.FULL_TIME).count();
        assertThat(chosen.staff()).isEqualTo(new Headcount((int) fullTime, 2 * communities,
                chosen.point().professionals(), 0, communities));
        // Its interval holds the mean and reaches below the one-sided bound (two-sided at the same confidence).
        assertThat(chosen.onTimeCi().contains(chosen.onTime())).isTrue();
        assertThat(chosen.onTimeCi().lower()).isLessThan(chosen.onTimeLow());

        CapacityStudy study = new CapacityStudy("it", city.name(), 0.984, 0.95, 0.95,
                List.of(result.study(List.of(DutyRoster.NONE, DutyRoster.defaults()))));
        String sentence = new CapacityReport(Lang.EN).answers(study).get(0);
        System.out.println(sentence);
        assertThat(sentence).startsWith(r.layout().name() + " needs " + fullTime + " full-time workers, "
                + 2 * communities + " part-time workers, " + chosen.point().professionals() + " professionals and "
                + communities + " on duty at night to reach 98.4% of cases on time with 95% confidence")
                .contains(String.format(java.util.Locale.ROOT, "%d professionals fall short",
                        chosen.point().professionals() - 1));
        // The report carries the same sentence at the top, then the layout's chart.
        String html = new CapacityReport(Lang.EN).html(study, "capacity.csv");
        assertThat(html).contains(sentence).contains("<figure id=\"capacity-1\"").contains("<svg");
        assertThat(html.indexOf("<section id=\"answer\"")).isLessThan(html.indexOf("<figure id=\"capacity-1\""));
    }
}
