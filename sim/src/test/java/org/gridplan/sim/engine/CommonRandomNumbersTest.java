package org.gridplan.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.junit.jupiter.api.Test;

/**
 * Common random numbers: with the same seed, every layout, staffing plan and surge size sees the
 * same incidents (time, building, category), so differences between them are paired.
 */
class CommonRandomNumbersTest {

    /** 6 × 4 lattice, 100 households a building, two communities. */
    private static final City CITY = EngineFixtures.lattice(6, 4, 100, 100, c -> c < 3 ? "C1" : "C2");
    /** Four grids: each community split north/south. */
    private static final GridLayout FOUR = EngineFixtures.layout(CITY,
            i -> (i % 6 < 3 ? "C1" : "C2") + (i / 6 < 2 ? "-N" : "-S"));
    /** Two grids: one per community. */
    private static final GridLayout TWO = EngineFixtures.layout(CITY, i -> i % 6 < 3 ? "C1-A" : "C2-A");

    private static SimulationConfig.Builder config() {
        return SimulationConfig.builder().horizonDays(40).warmUpDays(0).seed(21)
                .demand(DemandCatalog.defaults().withScale(5)).collectIncidentLog(true);
    }

    /** The incident stream of a run: occurrence time, building and category of every incident. */
    private static List<String> stream(RunResult r) {
        return r.incidents().stream()
                .map(i -> i.occurred() + "|" + i.building() + "|" + i.category())
                .collect(Collectors.toList());
    }

    @Test
    void two_layouts_with_the_same_seed_see_identical_incidents() {
        RunResult four = GridSimulation.run(CITY, FOUR, Staffing.oneFullTimePerGrid(CITY, FOUR, 1), config().build());
        RunResult two = GridSimulation.run(CITY, TWO, Staffing.oneFullTimePerGrid(CITY, TWO, 1), config().build());

        assertThat(stream(four)).hasSizeGreaterThan(200).isEqualTo(stream(two));
        // Same incidents, different service: the layouts' outcomes differ.
        assertThat(four.district().response()).isNotEqualTo(two.district().response());
    }

    @Test
    void different_staffing_with_the_same_seed_sees_identical_incidents() {
        RunResult lean = GridSimulation.run(CITY, FOUR, Staffing.oneFullTimePerGrid(CITY, FOUR, 0), config().build());
        RunResult rich = GridSimulation.run(CITY, FOUR, Staffing.oneFullTimePerGrid(CITY, FOUR, 3), config().build());

        assertThat(stream(lean)).isEqualTo(stream(rich));
    }

    @Test
    void a_surge_adds_incidents_and_keeps_every_incident_of_the_run_without_it() {
        Staffing staffing = Staffing.oneFullTimePerGrid(CITY, FOUR, 1);
        RunResult calm = GridSimulation.run(CITY, FOUR, staffing, config().build());
        RunResult small = GridSimulation.run(CITY, FOUR, staffing,
                config().addSurge(new SurgeEvent(10, 3, 1.5, 0)).build());
        RunResult large = GridSimulation.run(CITY, FOUR, staffing,
                config().addSurge(new SurgeEvent(10, 3, 4, 0)).build());

        Set<String> calmSet = Set.copyOf(stream(calm));
        assertThat(stream(small)).containsAll(calmSet).hasSizeGreaterThan(calmSet.size());
        assertThat(stream(large)).containsAll(calmSet).hasSizeGreaterThan(stream(small).size());
        // The extra incidents all fall inside the surge window.
        assertThat(large.incidents().stream().filter(i -> !calmSet.contains(i.occurred() + "|" + i.building()
                + "|" + i.category())).mapToDouble(i -> i.occurred()))
                .allSatisfy(t -> assertThat(t).isBetween(10.0 * 1440, 13.0 * 1440));
    }
}
