package org.gridplan.scenarios.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.gridplan.optimizer.plan.LayoutForecast;
import org.gridplan.optimizer.plan.Plan;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.engine.SimulationConfig;
import org.gridplan.sim.generate.CityGenerator;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.LayoutRules;
import org.gridplan.sim.model.LayoutValidator;
import org.gridplan.sim.road.TravelTimes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layout search: it keeps the rules, never goes downhill in the model, and repeats itself for a seed. */
class LayoutSearchTest {

    static City city;
    static GridLayout start;
    static LayoutForecast forecast;

    @BeforeAll
    static void district() {
        LayoutGenerator.Result r = new LayoutGenerator(LayoutGenerator.Spec.of(400))
                .generate(new CityGenerator(CityGenerator.Spec.of(20_000, 3)).generate());
        city = r.city();
        start = r.layout();
        forecast = new LayoutForecast(city, new TravelTimes(city), SimulationConfig.builder().build(), 1,
                city.buildingsByCommunity(), 1, ShiftPattern.WEEKDAY_DAY, Optional.of(ShiftPattern.PART_TIME),
                DutyRoster.defaults());
    }

    @Test
    void the_layout_found_keeps_the_rules_and_the_model_expects_no_worse_and_the_same_seed_finds_it_again() {
        LayoutSearch.Result r = LayoutSearch.run(city, start, LayoutRules.urban(), 4, forecast, 80, "found", s -> { });
        assertThat(LayoutValidator.validate(city, r.layout(), LayoutRules.urban())).isEmpty();
        assertThat(r.layout().name()).isEqualTo("found");
        assertThat(r.steps()).isEqualTo(80);
        assertThat(r.accepted()).isPositive().isGreaterThanOrEqualTo(r.improved());
        // Rated as a whole at the end, the layout found is no worse than the start on time.
        assertThat(r.best().onTimeShare()).isGreaterThanOrEqualTo(r.start().onTimeShare() - 1e-6);
        assertThat(r.start()).isEqualTo(forecast.of(start));
        Plan.Forecast again = forecast.of(r.layout());
        assertThat(again).isEqualTo(r.best());
        if (r.improved() > 0) {
            assertThat(r.best().onTimeShare() > r.start().onTimeShare()
                    || r.best().meanResponseMinutes() < r.start().meanResponseMinutes()).isTrue();
        }
        LayoutSearch.Result same = LayoutSearch.run(city, start, LayoutRules.urban(), 4, forecast, 80, "found",
                s -> { });
        assertThat(same.layout().gridOfBuilding()).isEqualTo(r.layout().gridOfBuilding());
        assertThat(same.best()).isEqualTo(r.best());
    }
}
