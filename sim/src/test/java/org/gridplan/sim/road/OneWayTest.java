package org.gridplan.sim.road;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One-way streets: the e-bike keeps to them, walking does not; checked against a directed Floyd–Warshall. */
class OneWayTest {

    /** A random network with about one road in three one-way, as {@link RandomRoads} but directed. */
    private static RoadNetwork network(long seed) {
        RoadNetwork base = RandomRoads.network(seed);
        Random random = new Random(seed * 31 + 7);
        List<Road> roads = new ArrayList<>();
        for (Road r : base.roads()) {
            roads.add(new Road(r.from(), r.to(), r.metres(), r.roadClass(), random.nextInt(3) == 0));
        }
        double[] xs = new double[base.nodeCount()];
        double[] ys = new double[base.nodeCount()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = base.x(i);
            ys[i] = base.y(i);
        }
        return new RoadNetwork(xs, ys, roads);
    }

    private static double[][] directedFloydWarshall(RoadNetwork net) {
        int n = net.nodeCount();
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(d[i], Double.POSITIVE_INFINITY);
            d[i][i] = 0;
        }
        for (Road r : net.roads()) {
            d[r.from()][r.to()] = Math.min(d[r.from()][r.to()], r.metres());
            if (!r.oneWay()) {
                d[r.to()][r.from()] = Math.min(d[r.to()][r.from()], r.metres());
            }
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (d[i][k] + d[k][j] < d[i][j]) {
                        d[i][j] = d[i][k] + d[k][j];
                    }
                }
            }
        }
        return d;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void trees_from_and_to_a_source_match_a_directed_floyd_warshall(long seed) {
        RoadNetwork net = network(seed);
        double[][] expected = directedFloydWarshall(net);
        ShortestPathTrees from = new ShortestPathTrees(net, 1 << 20, ShortestPathTrees.Direction.FROM_SOURCE);
        ShortestPathTrees to = new ShortestPathTrees(net, 1 << 20, ShortestPathTrees.Direction.TO_SOURCE);
        ShortestPathTrees both = new ShortestPathTrees(net, 1 << 20);
        double[][] undirected = RandomRoads.floydWarshall(net);
        for (int i = 0; i < net.nodeCount(); i++) {
            for (int j = 0; j < net.nodeCount(); j++) {
                double e = expected[i][j];
                assertThat(from.metres(i, j)).as("%d → %d", i, j).isCloseTo(e, offset(Double.isFinite(e) ? 1e-3 : 0));
                assertThat(to.metres(i, j)).as("%d → %d", i, j).isCloseTo(e, offset(Double.isFinite(e) ? 1e-3 : 0));
                double u = undirected[i][j];
                assertThat(both.metres(i, j)).isCloseTo(u, offset(Double.isFinite(u) ? 1e-3 : 0));
            }
        }
    }

    /** A square block 100 m a side, its four streets one-way anticlockwise, buildings at the corners. */
    private static City block() {
        double[] xs = {0, 100, 100, 0};
        double[] ys = {0, 0, 100, 100};
        List<Road> roads = List.of(new Road(0, 1, 100, RoadClass.LOCAL, true), new Road(1, 2, 100, RoadClass.LOCAL,
                true), new Road(2, 3, 100, RoadClass.LOCAL, true), new Road(3, 0, 100, RoadClass.LOCAL, true));
        List<Building> buildings = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            buildings.add(new Building("B" + i, xs[i], ys[i] - 5, 10, 1, "S1", "C1"));
        }
        return new City("loop", buildings, new RoadNetwork(xs, ys, roads), List.of());
    }

    @Test
    void an_ebike_rides_round_the_block_where_a_walker_goes_back() {
        City city = block();
        TravelTimes walk = new TravelTimes(city);
        TravelTimes ebike = walk.forMode(TravelMode.EBIKE);
        assertThat(walk.forMode(TravelMode.WALK)).isSameAs(walk);
        assertThat(ebike.obeysOneWay()).isTrue();
        assertThat(walk.forMode(TravelMode.EBIKE)).isSameAs(ebike);
        // B1 to B0: against the one-way street the rider goes round three sides.
        assertThat(ebike.buildingMetres(1, 0).orElseThrow()).isCloseTo(5 + 300 + 5, offset(1e-3));
        assertThat(ebike.buildingMetres(0, 1).orElseThrow()).isCloseTo(5 + 100 + 5, offset(1e-3));
        assertThat(walk.buildingMetres(1, 0).orElseThrow()).isCloseTo(5 + 100 + 5, offset(1e-3));
        assertThat(city.roads().cutOffByOneWay()).isEmpty();

        // The run's distances agree, from a base and between any two buildings, both orders.
        RoadDistances fast = new RoadDistances(city, ebike, new int[] {city.accessNode(2)});
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                assertThat(fast.buildingMetres(a, b)).as("B%d → B%d", a, b)
                        .isCloseTo(ebike.buildingMetresOrInfinity(a, b), offset(1e-3));
            }
        }
    }

    @Test
    void a_one_way_dead_end_cuts_the_network() {
        double[] xs = {0, 100, 200};
        double[] ys = {0, 0, 0};
        RoadNetwork net = new RoadNetwork(xs, ys, List.of(new Road(0, 1, 100, RoadClass.LOCAL),
                new Road(1, 2, 100, RoadClass.LOCAL, true)));
        assertThat(net.isConnected()).isTrue();
        assertThat(net.cutOffByOneWay()).containsExactly(2);
    }
}
