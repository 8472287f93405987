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
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadClass;
import org.gridplan.sim.road.RoadNetwork;
import org.gridplan.sim.road.TravelMode;
import org.junit.jupiter.api.Test;

/** A run keeps to one-way streets by e-bike and ignores them on foot. */
class OneWayRunTest {

    /** A block 100 m a side, one-way anticlockwise; B0 (busy, grid G1) at the south-west corner, B1 (G2) south-east. */
    private static City block() {
        double[] xs = {0, 100, 100, 0};
        double[] ys = {0, 0, 100, 100};
        List<Road> roads = List.of(new Road(0, 1, 100, RoadClass.LOCAL, true), new Road(1, 2, 100, RoadClass.LOCAL,
                true), new Road(2, 3, 100, RoadClass.LOCAL, true), new Road(3, 0, 100, RoadClass.LOCAL, true));
        return new City("loop", List.of(new Building("B0", 0, -5, 1000, 1, "S1", "C1"),
                new Building("B1", 100, -5, 1, 1, "S1", "C1")), new RoadNetwork(xs, ys, roads), List.of());
    }

    private static List<Double> helpFromB1(TravelMode mode) {
        City city = block();
        GridLayout layout = EngineFixtures.layout(city, i -> i == 0 ? "G1" : "G2");
        List<WorkerSpec> workers = new ArrayList<>(EngineFixtures.always("G1", "B0", 1));
        workers.addAll(EngineFixtures.always("G2", "B1", 1));
        DemandCatalog demand = DemandCatalog.of(EngineFixtures.poisson("calls", 0.07, 1001,
                TimeDistribution.exponential(10)));
        SimulationConfig config = EngineFixtures.queueing(demand, 30, 1, 5)
                .dispatch(DispatchPolicy.of(DispatchPolicy.Fallback.NEIGHBOUR_GRID))
                .travel(TravelModel.road(mode)).collectIncidentLog(true).build();
        RunResult r = GridSimulation.run(city, layout, new Staffing(workers, List.of()), config);
        return r.incidents().stream().filter(i -> i.grid().equals("G1") && i.worker().startsWith("G2-")
                && i.travelMetres() > 1).map(IncidentRecord::travelMetres).distinct().toList();
    }

    @Test
    void the_ebike_goes_round_the_block_against_a_one_way_street_and_the_walker_does_not() {
        // From B1 to B0 is against the one-way south side: 5 + 300 + 5 m by e-bike, 5 + 100 + 5 on foot.
        List<Double> ebike = helpFromB1(TravelMode.EBIKE);
        assertThat(ebike).isNotEmpty().allSatisfy(m -> assertThat(m).isCloseTo(310, offset(1e-3)));
        List<Double> walk = helpFromB1(TravelMode.WALK);
        assertThat(walk).isNotEmpty().allSatisfy(m -> assertThat(m).isCloseTo(110, offset(1e-3)));
    }
}
