package org.gridplan.sim.road;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.jgrapht.alg.shortestpath.FloydWarshallShortestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShortestPathTreesTest {

    /** Trees store floats; every distance here is under a few thousand metres, where a float is good to 1e-3 m. */
    private static final double TOLERANCE = 1e-3;

    /** A path 0 - 1 - 2 - 3 of 10 m roads plus an isolated node 4. */
    private static RoadNetwork pathWithIsolatedNode() {
        return RoadNetwork.of(new double[] {0, 10, 20, 30, 99}, new double[] {0, 0, 0, 0, 99},
                new Road(0, 1, 10, RoadClass.LOCAL), new Road(1, 2, 10, RoadClass.LOCAL),
                        new Road(2, 3, 10, RoadClass.LOCAL));
    }

    private static long budgetFor(int trees, RoadNetwork network) {
        return trees * (4L * network.nodeCount() + 64);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
    void matches_jgrapht_floyd_warshall_for_every_pair_on_random_networks(long seed) {
        RoadNetwork network = RandomRoads.network(seed);
        FloydWarshallShortestPaths<Integer, ?> expected = new FloydWarshallShortestPaths<>(network.graph());
        ShortestPathTrees trees = new ShortestPathTrees(network);

        int unreachable = 0;
        for (int s = 0; s < network.nodeCount(); s++) {
            float[] tree = trees.from(s);
            assertThat(tree).hasSize(network.nodeCount());
            for (int t = 0; t < network.nodeCount(); t++) {
                double want = expected.getPathWeight(s, t);
                if (Double.isInfinite(want)) {
                    unreachable++;
                    assertThat(tree[t]).as("seed %d: %d→%d", seed, s, t).isEqualTo(Float.POSITIVE_INFINITY);
                    assertThat(trees.metres(s, t)).isInfinite();
                } else {
                    assertThat((double) tree[t]).as("seed %d: %d→%d", seed, s, t).isCloseTo(want, within(TOLERANCE));
                    assertThat(trees.metres(s, t)).isCloseTo(want, within(TOLERANCE));
                }
            }
        }
        // Every random network has isolated nodes, so the unreachable branch is exercised.
        assertThat(unreachable).isPositive();
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24})
    void matches_floyd_warshall_over_the_raw_roads_including_duplicates(long seed) {
        RoadNetwork network = RandomRoads.network(seed);
        double[][] expected = RandomRoads.floydWarshall(network);
        ShortestPathTrees trees = new ShortestPathTrees(network);

        for (int s = 0; s < network.nodeCount(); s++) {
            float[] tree = trees.from(s);
            for (int t = 0; t < network.nodeCount(); t++) {
                if (Double.isInfinite(expected[s][t])) {
                    assertThat(tree[t]).as("seed %d: %d→%d", seed, s, t).isEqualTo(Float.POSITIVE_INFINITY);
                } else {
                    assertThat((double) tree[t]).as("seed %d: %d→%d", seed, s, t)
                            .isCloseTo(expected[s][t], within(TOLERANCE));
                }
            }
        }
    }

    @Test
    void uses_the_shorter_of_two_roads_joining_the_same_nodes_whichever_comes_first() {
        double[] xs = {0, 100, 200};
        double[] ys = {0, 0, 0};
        RoadNetwork longFirst = RoadNetwork.of(xs, ys, new Road(0, 1, 90, RoadClass.LOCAL),
                new Road(1, 0, 40, RoadClass.ARTERIAL), new Road(1, 2, 5, RoadClass.LOCAL));
        RoadNetwork shortFirst = RoadNetwork.of(xs, ys, new Road(0, 1, 40, RoadClass.LOCAL),
                new Road(0, 1, 90, RoadClass.LOCAL), new Road(2, 1, 5, RoadClass.LOCAL));

        assertThat(new ShortestPathTrees(longFirst).from(0)).containsExactly(0f, 40f, 45f);
        assertThat(new ShortestPathTrees(shortFirst).from(2)).containsExactly(45f, 5f, 0f);
    }

    @Test
    void gives_infinity_for_nodes_that_cannot_be_reached() {
        ShortestPathTrees trees = new ShortestPathTrees(pathWithIsolatedNode());

        assertThat(trees.from(0)).containsExactly(0f, 10f, 20f, 30f, Float.POSITIVE_INFINITY);
        assertThat(trees.from(4)).containsExactly(Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY,
                Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, 0f);
        assertThat(trees.metres(3, 4)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void distance_from_a_node_to_itself_is_zero_without_a_search() {
        ShortestPathTrees trees = new ShortestPathTrees(pathWithIsolatedNode());

        assertThat(trees.metres(2, 2)).isZero();
        assertThat(trees.searches()).isZero();
    }

    @Test
    void rejects_source_outside_the_network() {
        ShortestPathTrees trees = new ShortestPathTrees(pathWithIsolatedNode());

        assertThatThrownBy(() -> trees.from(5)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("road node 5 outside 0..4");
        assertThatThrownBy(() -> trees.from(-1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("road node -1 outside 0..4");
    }

    @Test
    void searches_each_source_once_while_it_stays_cached() {
        ShortestPathTrees trees = new ShortestPathTrees(pathWithIsolatedNode());

        float[] first = trees.from(1);
        trees.from(1);
        trees.metres(1, 3);

        assertThat(trees.searches()).isEqualTo(1);
        assertThat(trees.from(1)).isSameAs(first);
    }

    @Test
    void cache_of_budget_for_two_trees_holds_two() {
        RoadNetwork network = pathWithIsolatedNode();

        assertThat(new ShortestPathTrees(network, budgetFor(2, network)).capacity()).isEqualTo(2);
        assertThat(new ShortestPathTrees(network, budgetFor(2, network) - 1).capacity()).isEqualTo(1);
        assertThat(new ShortestPathTrees(network, 0).capacity()).isEqualTo(1);
        assertThat(new ShortestPathTrees(network).capacity())
                .isEqualTo((int) (ShortestPathTrees.DEFAULT_BUDGET_BYTES / (4 * 5 + 64)));
    }

    @Test
    void cache_of_budget_for_two_trees_recomputes_the_evicted_least_recently_used_tree() {
        RoadNetwork network = pathWithIsolatedNode();
        ShortestPathTrees trees = new ShortestPathTrees(network, budgetFor(2, network));

        trees.from(0);
        trees.from(1);
        trees.from(2); // evicts 0, the least recently used
        assertThat(trees.searches()).isEqualTo(3);

        trees.from(1); // still cached
        trees.from(2); // still cached
        assertThat(trees.searches()).isEqualTo(3);

        float[] again = trees.from(0); // evicted: searched again, evicting 1
        assertThat(trees.searches()).isEqualTo(4);
        assertThat(again).containsExactly(0f, 10f, 20f, 30f, Float.POSITIVE_INFINITY);

        trees.from(1);
        assertThat(trees.searches()).isEqualTo(5);
    }

    @Test
    void a_cache_hit_makes_a_tree_most_recently_used() {
        RoadNetwork network = pathWithIsolatedNode();
        ShortestPathTrees trees = new ShortestPathTrees(network, budgetFor(2, network));

        trees.from(0);
        trees.from(1);
        trees.from(0); // hit: 1 is now the least recently used
        trees.from(2); // evicts 1, keeps 0
        trees.from(0);
        assertThat(trees.searches()).isEqualTo(3);

        trees.from(1);
        assertThat(trees.searches()).isEqualTo(4);
    }

    @Test
    void concurrent_callers_get_the_same_distances_as_a_sequential_caller() {
        RoadNetwork network = RandomRoads.network(31);
        ShortestPathTrees sequential = new ShortestPathTrees(network);
        ShortestPathTrees shared = new ShortestPathTrees(network, budgetFor(4, network));
        float[][] expected = new float[network.nodeCount()][];
        for (int s = 0; s < network.nodeCount(); s++) {
            expected[s] = sequential.from(s).clone();
        }

        IntStream.range(0, 4 * network.nodeCount()).parallel().forEach(k -> {
            int s = k % network.nodeCount();
            assertThat(shared.from(s)).isEqualTo(expected[s]);
        });
    }

    @Test
    void network_is_the_one_searched() {
        RoadNetwork network = pathWithIsolatedNode();

        assertThat(new ShortestPathTrees(network).network()).isSameAs(network);
    }
}
