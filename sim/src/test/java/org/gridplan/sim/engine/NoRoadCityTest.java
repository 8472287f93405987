package org.gridplan.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.demand.TimeDistribution;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.TravelMode;
import org.gridplan.sim.road.TravelTimes;
import org.junit.jupiter.api.Test;

/** A city without roads: every trip is the straight line times the detour factor, at the mode's speed. */
class NoRoadCityTest {

    /** Two buildings 500 m apart (a 3-4-5 triangle), one grid each, a busy one and a quiet one. */
    private static City city(double factor) {
        return City.withoutRoads("no-roads", List.of(new Building("B0", 0, 0, 1000, 1, "S1", "C1"),
                new Building("B1", 300, 400, 1, 1, "S1", "C1")), List.of(), factor);
    }

    @Test
    void a_simulated_trip_is_straight_metres_times_the_factor_over_the_speed() {
        City city = city(1.3);
        GridLayout layout = EngineFixtures.layout(city, i -> i == 0 ? "G1" : "G2");
        List<WorkerSpec> workers = new ArrayList<>(EngineFixtures.always("G1", "B0", 1));
        workers.addAll(EngineFixtures.always("G2", "B1", 1));
        DemandCatalog demand = DemandCatalog.of(EngineFixtures.poisson("calls", 0.07, 1001,
                TimeDistribution.exponential(10)));
        SimulationConfig config = EngineFixtures.queueing(demand, 60, 1, 3)
                .dispatch(DispatchPolicy.of(DispatchPolicy.Fallback.NEIGHBOUR_GRID))
                .travel(TravelModel.road(TravelMode.WALK)).collectIncidentLog(true).build();
        RunResult r = GridSimulation.run(city, layout, new Staffing(workers, List.of()), config);

        // The G2 worker helping at B0 comes from its base B1: 500 m straight, 650 m with the factor.
        List<IncidentRecord> fromB1 = r.incidents().stream()
                .filter(i -> i.grid().equals("G1") && i.worker().startsWith("G2-") && i.travelMetres() > 1).toList();
        assertThat(fromB1).isNotEmpty();
        for (IncidentRecord i : fromB1) {
            assertThat(i.travelMetres()).isCloseTo(650, offset(1e-3));
            assertThat(i.arrived() - i.assigned()).isCloseTo(650 / TravelMode.WALK.metresPerMinute(), offset(1e-3));
        }
    }

    @Test
    void distances_and_the_patrol_use_the_factor() {
        City city = city(1.5);
        TravelTimes t = new TravelTimes(city);
        assertThat(t.buildingMetres(0, 1).orElseThrow()).isCloseTo(750, offset(1e-3));
        assertThat(t.buildingMinutes(1, 0, TravelMode.EBIKE).orElseThrow()).isCloseTo(750 / 250.0, offset(1e-6));
        assertThat(city.roads().isConnected()).isTrue();
        // The patrol tree joins the two buildings: 750 m, half to each grid.
        assertThat(GridRoads.metres(city, new int[] {0, 1}, 2)).containsExactly(375, 375);
        assertThat(city.travelNote()).hasValueSatisfying(n -> assertThat(n).contains("no roads")
                .contains("detour factor of 1.5"));
    }
}
