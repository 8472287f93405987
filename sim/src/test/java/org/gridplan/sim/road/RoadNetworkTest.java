package org.gridplan.sim.road;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.gridplan.sim.model.TestCities;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoadNetworkTest {

    private static void assertNearestMatchesBruteForce(RoadNetwork network, double x, double y) {
        assertThat(network.nearestNode(x, y)).as("nearest to (%s, %s)", x, y)
                .isEqualTo(RandomRoads.bruteNearest(network, x, y));
    }

    // --- nearestNode -------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(longs = {41, 42, 43, 44, 45})
    void nearest_node_matches_brute_force_on_random_points_inside_and_outside_the_network(long seed) {
        RoadNetwork network = RandomRoads.network(seed);
        Random random = new Random(seed * 7);

        for (int q = 0; q < 2000; q++) {
            // The network spans [0, 2000)²; a third of the queries fall outside it.
            assertNearestMatchesBruteForce(network, random.nextDouble() * 3000 - 500, random.nextDouble() * 3000 - 500);
        }
        for (int i = 0; i < network.nodeCount(); i++) {
            assertThat(network.nearestNode(network.x(i), network.y(i))).isEqualTo(i);
        }
    }

    @Test
    void nearest_node_ties_go_to_the_lower_index() {
        // A 6 × 6 lattice of nodes 10 m apart, numbered in a scrambled order, with every node of
        // the middle row present twice. Queries at half-steps lie exactly between 2 or 4 nodes.
        int side = 6;
        int count = side * side + side;
        double[] xs = new double[count];
        double[] ys = new double[count];
        int[] slot = new int[count];
        for (int k = 0; k < count; k++) {
            slot[k] = (int) ((k * 37L + 11) % count); // a permutation, 37 and 42 being coprime
        }
        for (int k = 0; k < count; k++) {
            int p = k < side * side ? k : 3 * side + (k - side * side);
            xs[slot[k]] = 10 * (p % side);
            ys[slot[k]] = 10 * (p / side);
        }
        RoadNetwork network = new RoadNetwork(xs, ys, List.of());

        int ties = 0;
        for (int qx = -2; qx <= 2 * side + 2; qx++) {
            for (int qy = -2; qy <= 2 * side + 2; qy++) {
                assertNearestMatchesBruteForce(network, 5.0 * qx, 5.0 * qy);
                ties += qx % 2 != 0 || qy % 2 != 0 ? 1 : 0;
            }
        }
        // Co-located nodes: the lower index wins.
        for (int c = 0; c < side; c++) {
            int a = slot[3 * side + c];
            int b = slot[side * side + c];
            assertThat(network.nearestNode(10 * c, 30)).isEqualTo(Math.min(a, b));
        }
        assertThat(ties).isPositive();
    }

    @Test
    void nearest_node_ties_between_two_nodes_go_to_the_lower_index_in_either_order() {
        RoadNetwork ab = new RoadNetwork(new double[] {0, 100}, new double[] {0, 0}, List.of());
        RoadNetwork ba = new RoadNetwork(new double[] {100, 0}, new double[] {0, 0}, List.of());

        assertThat(ab.nearestNode(50, 30)).isZero();
        assertThat(ba.nearestNode(50, -30)).isZero();
        assertThat(ab.nearestNode(50.001, 0)).isEqualTo(1);
    }

    @Test
    void nearest_node_matches_brute_force_on_a_long_thin_network() {
        // 400 nodes along 100 km of a 1 m wide corridor: the bucket grid hits its column cap.
        Random random = new Random(46);
        double[] xs = new double[400];
        double[] ys = new double[400];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = random.nextDouble() * 100_000;
            ys[i] = random.nextDouble();
        }
        RoadNetwork network = new RoadNetwork(xs, ys, List.of());

        for (int q = 0; q < 2000; q++) {
            assertNearestMatchesBruteForce(network, random.nextDouble() * 102_000 - 1000,
                    random.nextDouble() * 2000 - 1000);
        }
    }

    @Test
    void nearest_node_matches_brute_force_on_collinear_nodes() {
        Random random = new Random(47);
        double[] xs = new double[50];
        double[] ys = new double[50];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = random.nextInt(100) * 7.0;
            ys[i] = 250;
        }
        RoadNetwork network = new RoadNetwork(xs, ys, List.of());

        for (int q = 0; q < 1000; q++) {
            assertNearestMatchesBruteForce(network, random.nextInt(1600) * 0.5 - 50, random.nextDouble() * 100 + 200);
        }
    }

    @Test
    void a_single_node_is_nearest_to_everything() {
        RoadNetwork network = new RoadNetwork(new double[] {5}, new double[] {5}, List.of());

        assertThat(network.nearestNode(-1e6, 1e6)).isZero();
        assertThat(network.nearestNode(5, 5)).isZero();
    }

    // --- connectivity ------------------------------------------------------------------------

    @Test
    void a_lattice_is_connected() {
        RoadNetwork network = TestCities.lattice(4, 3, 100);

        assertThat(network.isConnected()).isTrue();
        assertThat(network.componentSizeOfNodeZero()).isEqualTo(12);
    }

    @Test
    void a_network_with_an_isolated_node_is_not_connected() {
        RoadNetwork network = RoadNetwork.of(new double[] {0, 1, 2}, new double[] {0, 0, 0},
                new Road(0, 1, 1, RoadClass.LOCAL));

        assertThat(network.isConnected()).isFalse();
        assertThat(network.componentSizeOfNodeZero()).isEqualTo(2);
    }

    @Test
    void a_network_whose_node_zero_is_isolated_is_not_connected() {
        RoadNetwork network = RoadNetwork.of(new double[] {0, 1, 2}, new double[] {0, 0, 0},
                new Road(1, 2, 1, RoadClass.LOCAL));

        assertThat(network.isConnected()).isFalse();
        assertThat(network.componentSizeOfNodeZero()).isEqualTo(1);
    }

    @Test
    void a_single_node_is_connected() {
        assertThat(new RoadNetwork(new double[] {0}, new double[] {0}, List.of()).isConnected()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {51, 52, 53, 54, 55})
    void is_connected_agrees_with_floyd_warshall(long seed) {
        RoadNetwork network = RandomRoads.network(seed);
        double[][] d = RandomRoads.floydWarshall(network);
        int reachableFromZero = 0;
        for (double metres : d[0]) {
            reachableFromZero += Double.isFinite(metres) ? 1 : 0;
        }

        assertThat(network.componentSizeOfNodeZero()).isEqualTo(reachableFromZero);
        assertThat(network.isConnected()).isEqualTo(reachableFromZero == network.nodeCount()).isFalse();
    }

    // --- the JGraphT view --------------------------------------------------------------------

    @Test
    void graph_has_a_vertex_per_node_and_keeps_the_shorter_of_duplicate_roads() {
        RoadNetwork network = RoadNetwork.of(new double[] {0, 1, 2}, new double[] {0, 0, 0},
                new Road(0, 1, 9, RoadClass.LOCAL), new Road(1, 0, 4, RoadClass.LOCAL),
                new Road(1, 2, 3, RoadClass.LOCAL), new Road(2, 1, 8, RoadClass.ARTERIAL));

        Graph<Integer, DefaultWeightedEdge> graph = network.graph();

        assertThat(graph.vertexSet()).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(graph.edgeSet()).hasSize(2);
        assertThat(graph.getEdgeWeight(graph.getEdge(0, 1))).isEqualTo(4);
        assertThat(graph.getEdgeWeight(graph.getEdge(2, 1))).isEqualTo(3);
        assertThat(network.roads()).hasSize(4);
        assertThatThrownBy(() -> graph.addVertex(3)).isInstanceOf(UnsupportedOperationException.class);
    }

    // --- construction ------------------------------------------------------------------------

    @Test
    void rejects_road_to_a_node_that_does_not_exist() {
        assertThatThrownBy(() -> RoadNetwork.of(new double[] {0, 1}, new double[] {0, 0},
                new Road(0, 2, 1, RoadClass.LOCAL)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("road 0-2 names a node outside 0..1");
    }

    @Test
    void rejects_coordinate_arrays_of_different_length_empty_or_not_finite() {
        assertThatThrownBy(() -> new RoadNetwork(new double[] {0, 1}, new double[] {0}, List.of()))
                .hasMessage("node coordinate arrays differ in length: 2 vs 1");
        assertThatThrownBy(() -> new RoadNetwork(new double[0], new double[0], List.of()))
                .hasMessage("road network has no nodes");
        assertThatThrownBy(() -> new RoadNetwork(new double[] {0, Double.NaN}, new double[] {0, 0}, List.of()))
                .hasMessage("road node 1: position is not finite");
    }

    @Test
    void copies_node_positions() {
        double[] xs = {0, 1};
        RoadNetwork network = new RoadNetwork(xs, new double[] {0, 0}, List.of());
        xs[1] = 50;

        assertThat(network.x(1)).isEqualTo(1);
    }

    @Test
    void road_rejects_loops_negative_nodes_and_non_positive_lengths() {
        assertThatThrownBy(() -> new Road(1, 1, 5, RoadClass.LOCAL))
                .hasMessage("road 1-1: a road must join two different nodes");
        assertThatThrownBy(() -> new Road(-1, 1, 5, RoadClass.LOCAL)).hasMessage("road -1-1: negative node index");
        assertThatThrownBy(() -> new Road(0, 1, 0, RoadClass.LOCAL))
                .hasMessage("road 0-1: length 0.0 m is not positive");
        assertThatThrownBy(() -> new Road(0, 1, Double.NaN, RoadClass.LOCAL))
                .hasMessage("road 0-1: length NaN m is not positive");
        assertThatThrownBy(() -> new Road(0, 1, Double.POSITIVE_INFINITY, RoadClass.LOCAL))
                .hasMessage("road 0-1: length Infinity m is not positive");
        assertThatThrownBy(() -> new Road(0, 1, 5, null)).hasMessage("road 0-1: missing road class");
    }

    @Test
    void road_class_parses_file_keys_case_insensitively() {
        assertThat(RoadClass.fromKey("Arterial")).isEqualTo(RoadClass.ARTERIAL);
        assertThat(RoadClass.LOCAL.key()).isEqualTo("local");
        assertThatThrownBy(() -> RoadClass.fromKey("highway"))
                .hasMessage("unknown road class 'highway' (expected local or arterial)");
    }
}
