package org.gridplan.scenarios.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.gridplan.sim.graph.CsrGraph;
import org.junit.jupiter.api.Test;

/** The spanning trees ReCom cuts: Wilson's are uniform, both kinds span, neither hangs on a disconnected graph. */
class SpanningTreesTest {

    /** The 3 × 3 lattice: 9 nodes, 12 edges, 192 spanning trees. */
    private static CsrGraph lattice3() {
        List<int[]> e = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                int u = 3 * r + c;
                if (c < 2) {
                    e.add(new int[] {u, u + 1});
                }
                if (r < 2) {
                    e.add(new int[] {u, u + 3});
                }
            }
        }
        return graph(9, e);
    }

    private static CsrGraph graph(int n, List<int[]> edges) {
        return CsrGraph.undirected(n, edges.stream().mapToInt(x -> x[0]).toArray(),
                edges.stream().mapToInt(x -> x[1]).toArray());
    }

    /** Kirchhoff's matrix-tree theorem: any cofactor of the Laplacian counts the spanning trees. */
    private static long kirchhoff(CsrGraph g) {
        int n = g.nodeCount();
        double[][] l = new double[n - 1][n - 1];
        for (int u = 1; u < n; u++) {
            l[u - 1][u - 1] = g.degree(u);
            for (int a = g.firstArc(u); a < g.endArc(u); a++) {
                int v = g.target(a);
                if (v > 0) {
                    l[u - 1][v - 1] -= 1;
                }
            }
        }
        return Math.round(new LUDecomposition(new Array2DRowRealMatrix(l)).getDeterminant());
    }

    /** The tree as its sorted edge list, the same whatever the root. */
    private static String key(int[] parent) {
        List<String> edges = new ArrayList<>();
        for (int v = 0; v < parent.length; v++) {
            if (parent[v] >= 0) {
                edges.add(Math.min(v, parent[v]) + "-" + Math.max(v, parent[v]));
            }
        }
        edges.sort(null);
        return String.join(" ", edges);
    }

    private static void assertSpans(CsrGraph g, int[] parent) {
        int n = g.nodeCount();
        assertThat(Arrays.stream(parent).filter(p -> p == -1).count()).isEqualTo(1);
        for (int v = 0; v < n; v++) {
            if (parent[v] >= 0) {
                int p = parent[v];
                assertThat(Arrays.stream(g.neighbours(v)).anyMatch(w -> w == p)).as("edge %d-%d of the graph", v, p)
                        .isTrue();
            }
            // Every node reaches the root within n steps: no cycle.
            int u = v;
            int steps = 0;
            while (parent[u] >= 0 && steps <= n) {
                u = parent[u];
                steps++;
            }
            assertThat(parent[u]).isEqualTo(-1);
        }
    }

    @Test
    void wilsons_trees_are_uniform_over_the_kirchhoff_count() {
        CsrGraph g = lattice3();
        long trees = kirchhoff(g);
        assertThat(trees).isEqualTo(192);
        SplittableRandom random = new SplittableRandom(7);
        Map<String, Long> seen = new HashMap<>();
        int draws = 192 * 100;
        for (int i = 0; i < draws; i++) {
            int[] parent = SpanningTrees.wilson(g, random);
            if (i < 200) {
                assertSpans(g, parent);
            }
            seen.merge(key(parent), 1L, Long::sum);
        }
        assertThat(seen).hasSize((int) trees);
        double[] expected = new double[(int) trees];
        Arrays.fill(expected, (double) draws / trees);
        long[] observed = seen.values().stream().mapToLong(Long::longValue).toArray();
        // Uniform: not rejected at the 0.1% level (a biased sampler, such as Kruskal's, is; see below).
        assertThat(new ChiSquareTest().chiSquareTest(expected, observed)).isGreaterThan(0.001);
    }

    @Test
    void kruskals_trees_span_and_are_not_uniform() {
        // Trees drawn by Kruskal on random weights are spanning trees, but on the 3 x 3 lattice their
        // frequencies are far from uniform (why Wilson's is the default).
        CsrGraph g = lattice3();
        SplittableRandom random = new SplittableRandom(7);
        Map<String, Long> seen = new HashMap<>();
        int draws = 192 * 100;
        for (int i = 0; i < draws; i++) {
            int[] parent = SpanningTrees.kruskal(g, random);
            if (i < 200) {
                assertSpans(g, parent);
            }
            seen.merge(key(parent), 1L, Long::sum);
        }
        long[] observed = new long[192];
        int k = 0;
        for (long c : seen.values()) {
            observed[k++] = c;
        }
        double[] expected = new double[192];
        Arrays.fill(expected, draws / 192.0);
        assertThat(new ChiSquareTest().chiSquareTest(expected, observed)).isLessThan(1e-6);
    }

    @Test
    void a_disconnected_graph_is_refused_not_walked_forever() {
        CsrGraph g = graph(4, List.of(new int[] {0, 1}, new int[] {2, 3}));
        assertThatThrownBy(() -> SpanningTrees.kruskal(g, new SplittableRandom(1)))
                .hasMessageContaining("not connected");
        assertThatThrownBy(() -> SpanningTrees.wilson(g, new SplittableRandom(1)))
                .hasMessageContaining("not connected");
        assertThat(SpanningTrees.wilson(graph(1, List.of()), new SplittableRandom(1))).containsExactly(-1);
    }
}
