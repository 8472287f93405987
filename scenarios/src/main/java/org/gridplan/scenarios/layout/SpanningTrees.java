package org.gridplan.scenarios.layout;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.gridplan.sim.graph.CsrGraph;

/**
 * Random spanning trees of a connected graph, as parent arrays: {@code parent[v]} is the node next
 * to {@code v} on its path to the root, -1 at the root. Iterative throughout, so no graph is too
 * deep for them.
 */
final class SpanningTrees {

    private SpanningTrees() {
    }

    /**
     * A spanning tree drawn uniformly among all spanning trees of {@code g} (Wilson 1996: random walks
     * from each node not yet in the tree until they hit it, their loops erased), rooted at a node
     * drawn uniformly.
     *
     * @throws IllegalArgumentException when {@code g} is empty or not connected
     */
    static int[] wilson(CsrGraph g, SplittableRandom random) {
        int n = g.nodeCount();
        if (n == 0) {
            throw new IllegalArgumentException("a spanning tree needs at least one node");
        }
        int[] next = new int[n];
        boolean[] inTree = new boolean[n];
        Arrays.fill(next, -1);
        int root = random.nextInt(n);
        inTree[root] = true;
        long walk = 0;
        // A connected graph of n nodes is covered in O(n^3) expected steps; far past that, it is not connected.
        long bound = 64L * n * n * Math.max(n, 8) + 1_000_000;
        for (int i = 0; i < n; i++) {
            int u = i;
            while (!inTree[u]) {
                int d = g.degree(u);
                if (d == 0 || ++walk > bound) {
                    throw new IllegalArgumentException("the graph is not connected: node " + u + " cannot reach"
                            + " the tree");
                }
                // Overwriting next[u] on a revisit is the loop erasure.
                next[u] = g.neighbour(u, random.nextInt(d));
                u = next[u];
            }
            u = i;
            while (!inTree[u]) {
                inTree[u] = true;
                u = next[u];
            }
        }
        next[root] = -1;
        return next;
    }

    /**
     * The minimum spanning tree of {@code g} under independent uniform edge weights (Kruskal), rooted
     * at node 0. Not uniform over spanning trees in general.
     *
     * @throws IllegalArgumentException when {@code g} is empty or not connected
     */
    static int[] kruskal(CsrGraph g, SplittableRandom random) {
        int n = g.nodeCount();
        if (n == 0) {
            throw new IllegalArgumentException("a spanning tree needs at least one node");
        }
        int m = 0;
        for (int u = 0; u < n; u++) {
            for (int a = g.firstArc(u); a < g.endArc(u); a++) {
                m += g.target(a) > u ? 1 : 0;
            }
        }
        int[] from = new int[m];
        int[] to = new int[m];
        double[] weight = new double[m];
        int e = 0;
        for (int u = 0; u < n; u++) {
            for (int a = g.firstArc(u); a < g.endArc(u); a++) {
                if (g.target(a) > u) {
                    from[e] = u;
                    to[e] = g.target(a);
                    weight[e] = random.nextDouble();
                    e++;
                }
            }
        }
        Integer[] order = new Integer[m];
        for (int k = 0; k < m; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (p, q) -> Double.compare(weight[p], weight[q]));
        int[] uf = new int[n];
        for (int i = 0; i < n; i++) {
            uf[i] = i;
        }
        int[] treeFrom = new int[Math.max(0, n - 1)];
        int[] treeTo = new int[Math.max(0, n - 1)];
        int edges = 0;
        for (int k : order) {
            int ru = find(uf, from[k]);
            int rv = find(uf, to[k]);
            if (ru != rv) {
                uf[ru] = rv;
                treeFrom[edges] = from[k];
                treeTo[edges] = to[k];
                edges++;
            }
        }
        if (edges != n - 1) {
            throw new IllegalArgumentException("the graph is not connected: its spanning forest has " + (n - edges)
                    + " trees");
        }
        CsrGraph tree = CsrGraph.undirected(n, treeFrom, treeTo);
        int[] parent = new int[n];
        Arrays.fill(parent, -2);
        parent[0] = -1;
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        queue[tail++] = 0;
        while (head < tail) {
            int u = queue[head++];
            for (int a = tree.firstArc(u); a < tree.endArc(u); a++) {
                int v = tree.target(a);
                if (parent[v] == -2) {
                    parent[v] = u;
                    queue[tail++] = v;
                }
            }
        }
        return parent;
    }

    private static int find(int[] uf, int x) {
        while (uf[x] != x) {
            uf[x] = uf[uf[x]];
            x = uf[x];
        }
        return x;
    }

    /** The nodes of a tree given as a parent array in breadth-first order from its root: parents before children. */
    static int[] order(int[] parent) {
        int n = parent.length;
        int[] count = new int[n + 1];
        int root = 0;
        for (int i = 0; i < n; i++) {
            if (parent[i] < 0) {
                root = i;
            } else {
                count[parent[i] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            count[i + 1] += count[i];
        }
        int[] children = new int[n];
        int[] fill = Arrays.copyOf(count, n);
        for (int i = 0; i < n; i++) {
            if (parent[i] >= 0) {
                children[fill[parent[i]]++] = i;
            }
        }
        int[] order = new int[n];
        int head = 0;
        int tail = 0;
        order[tail++] = root;
        while (head < tail) {
            int u = order[head++];
            for (int c = count[u]; c < count[u + 1]; c++) {
                order[tail++] = children[c];
            }
        }
        return order;
    }
}
