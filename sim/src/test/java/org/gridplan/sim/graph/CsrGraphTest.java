package org.gridplan.sim.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsrGraphTest {

    /** A path 0–1–2, an edge 3–4 and a lone node 5. */
    private static CsrGraph twoPiecesAndALoneNode() {
        return CsrGraph.undirected(6, new int[] {0, 1, 3}, new int[] {1, 2, 4});
    }

    @Test
    void undirected_edges_give_an_arc_at_each_end_in_edge_order() {
        CsrGraph g = CsrGraph.undirected(3, new int[] {0, 2, 1}, new int[] {1, 0, 2});

        assertThat(g.nodeCount()).isEqualTo(3);
        assertThat(g.arcCount()).isEqualTo(6);
        assertThat(g.neighbours(0)).containsExactly(1, 2);
        assertThat(g.neighbours(1)).containsExactly(0, 2);
        assertThat(g.neighbours(2)).containsExactly(0, 1);
        for (int u = 0; u < 3; u++) {
            assertThat(g.degree(u)).isEqualTo(g.endArc(u) - g.firstArc(u));
            for (int k = 0; k < g.degree(u); k++) {
                int a = g.firstArc(u) + k;
                assertThat(g.neighbour(u, k)).isEqualTo(g.target(a));
            }
        }
        // Node 0's arcs: edge 0 (to 1), then edge 1 (to 2).
        assertThat(g.edgeOf(g.firstArc(0))).isZero();
        assertThat(g.edgeOf(g.firstArc(0) + 1)).isEqualTo(1);
    }

    @Test
    void lists_keep_their_order_and_have_no_edge_ids() {
        CsrGraph g = CsrGraph.ofLists(new int[][] {{2, 1}, {0}, {0}, {}});

        assertThat(g.neighbours(0)).containsExactly(2, 1);
        assertThat(g.degree(3)).isZero();
        assertThatThrownBy(() -> g.edgeOf(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void induced_subgraph_is_renumbered_and_restores_the_scratch() {
        // A 4-cycle 0-1-2-3-0 with a chord 0-2; keep 0, 2, 3.
        CsrGraph g = CsrGraph.undirected(4, new int[] {0, 1, 2, 3, 0}, new int[] {1, 2, 3, 0, 2});
        int[] localOf = new int[4];
        Arrays.fill(localOf, -1);

        CsrGraph sub = g.induced(new int[] {0, 2, 3}, localOf);

        assertThat(sub.nodeCount()).isEqualTo(3);
        assertThat(sub.neighbours(0)).containsExactly(2, 1); // 0's arcs to 3, then 2
        assertThat(sub.neighbours(1)).containsExactly(2, 0); // 2's arcs to 3, then 0
        assertThat(sub.neighbours(2)).containsExactly(1, 0); // 3's arcs to 2, then 0
        assertThat(localOf).containsOnly(-1);
    }

    @Test
    void flood_relabels_what_it_reaches_and_lists_it_in_the_queue() {
        CsrGraph g = twoPiecesAndALoneNode();
        int[] state = new int[6];
        int[] queue = new int[6];

        int count = g.flood(2, state, 0, 7, queue);

        assertThat(count).isEqualTo(3);
        assertThat(Arrays.copyOf(queue, count)).containsExactly(2, 1, 0);
        assertThat(state).containsExactly(7, 7, 7, 0, 0, 0);
    }

    @Test
    void flood_enters_open_nodes_only() {
        CsrGraph g = twoPiecesAndALoneNode();
        int[] state = {1, 9, 1, 1, 1, 1};

        assertThat(g.flood(0, state, 1, 2, new int[6])).isEqualTo(1);
        assertThat(state[2]).isEqualTo(1);
        assertThatThrownBy(() -> g.flood(1, state, 1, 2, new int[6])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> g.flood(2, state, 1, 1, new int[6])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void components_are_labelled_in_order_of_their_lowest_node() {
        CsrGraph g = twoPiecesAndALoneNode();

        assertThat(g.componentLabels()).containsExactly(0, 0, 0, 1, 1, 2);
        assertThat(g.reachableFrom(0)).isEqualTo(3);
        assertThat(g.reachableFrom(5)).isEqualTo(1);
    }
}
