package org.gridplan.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.demand.TimeDistribution;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadClass;
import org.gridplan.sim.road.RoadNetwork;
import org.gridplan.sim.road.TravelMode;
import org.junit.jupiter.api.Test;

/** A road network in two pieces (as imported GIS data can be): backups never cross the gap. */
class DisconnectedRoadsTest {

    @Test
    void neighbour_backup_across_a_road_gap_is_not_used_and_no_incident_is_stranded() {
        // Two road segments with no road between them; one building on each, one grid each, one community.
        RoadNetwork roads = RoadNetwork.of(new double[] {0, 100, 5000, 5100}, new double[] {0, 0, 0, 0},
                new Road(0, 1, 100, RoadClass.LOCAL), new Road(2, 3, 100, RoadClass.LOCAL));
        City city = new City("split", List.of(new Building("A", 50, 10, 400, 20, "S", "C"),
                new Building("B", 5050, 10, 400, 20, "S", "C")), roads, List.of());
        GridLayout layout = EngineFixtures.layout(city, i -> i == 0 ? "G1" : "G2");
        Staffing staffing = Staffing.of(List.of(
                new WorkerSpec("W1", WorkerType.FULL_TIME, "G1", "A", ShiftPattern.ALWAYS),
                new WorkerSpec("W2", WorkerType.FULL_TIME, "G2", "B", ShiftPattern.ALWAYS)));
        DemandCatalog demand = DemandCatalog.of(
                EngineFixtures.poisson("calls", 0.05, 800, TimeDistribution.exponential(15)));
        SimulationConfig config = SimulationConfig.builder().horizonDays(20).warmUpDays(0).seed(4)
                .demand(demand).dispatch(DispatchPolicy.defaults()).travel(TravelModel.road(TravelMode.EBIKE))
                .patrol(PatrolConfig.off()).collectIncidentLog(true).build();

        RunResult r = GridSimulation.run(city, layout, staffing, config);

        assertThat(r.district().incidents()).isGreaterThan(1000);
        assertThat(r.incidents()).filteredOn(i -> !i.worker().isEmpty())
                .allSatisfy(i -> assertThat(i.worker()).isEqualTo(i.grid().equals("G1") ? "W1" : "W2"));
        // Only incidents of the last hour or so may still wait for their own worker.
        assertThat(r.district().reached()).isGreaterThan(r.district().incidents() - 20);
        assertThat(r.worker("W1").served()).isPositive();
        assertThat(r.worker("W2").served()).isPositive();
    }
}
