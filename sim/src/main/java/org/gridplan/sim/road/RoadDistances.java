package org.gridplan.sim.road;

import java.util.Arrays;
import org.gridplan.sim.graph.CsrGraph;

/**
 * Road distances between buildings for one run, answered without a full shortest-path tree per
 * building.
 *
 * <p>Why: a worker's trips start or end at its base (a tree per base, warmed once through
 * {@link TravelTimes}), but patrol legs and trips between incidents join arbitrary buildings of a
 * grid. A tree per building would cost one full Dijkstra per building of the district and more
 * trees than the cache holds. Instead a pair of nodes not covered by a base tree is solved by A*
 * with the straight-line heuristic (scaled down if some road is shorter than its chord, so it stays
 * admissible and the distance exact), which explores only the few blocks between the two
 * buildings, and the answer is memoised per node pair: a grid's patrol keeps revisiting the same
 * few dozen pairs. Trips follow the same rule as {@link TravelTimes}.
 *
 * <p>Over times that keep to one-way streets ({@link TravelTimes#obeysOneWay}) a distance is not the
 * same both ways: a pair is then memoised in its order, A* takes only open arcs, and a trip towards a
 * root node is answered by the tree of distances towards it.
 */
public final class RoadDistances {

    private final RoadAccess city;
    private final RoadNetwork net;
    private final CsrGraph graph;
    private final double[] lengths;
    private final double heuristicScale;
    /** The full tree rooted at each node that has one, else null; indexed by node. */
    private final float[][] rooted;
    /** Keeping to one-way streets: the tree of distances towards each root node, else null. */
    private final float[][] rootedTo;
    /** Arcs open to travel that keeps to one-way streets; null when every arc is open. */
    private final boolean[] open;
    private final LongDoubleMap memo = new LongDoubleMap();

    // A* work arrays, reused; a stamp marks the entries valid for the current search.
    private final double[] g;
    private final int[] stamp;
    private final boolean[] closed;
    private final NodeHeap heap;
    private int search;

    /**
     * Distances over {@code travel}'s city, with full trees (warmed in parallel) for the given
     * root nodes, e.g. the access nodes of the workers' bases. Not thread-safe: one per run.
     */
    public RoadDistances(RoadAccess city, TravelTimes travel, int[] rootNodes) {
        this.city = city;
        this.net = city.roads();
        int n = net.nodeCount();
        graph = net.csr();
        lengths = net.lengths();
        double minRatio = 1;
        for (Road r : net.roads()) {
            double chord = Math.hypot(net.x(r.from()) - net.x(r.to()), net.y(r.from()) - net.y(r.to()));
            if (chord > 0) {
                minRatio = Math.min(minRatio, r.metres() / chord);
            }
        }
        heuristicScale = minRatio;
        travel.warm(rootNodes);
        rooted = new float[n][];
        for (int node : rootNodes) {
            if (rooted[node] == null) {
                rooted[node] = travel.trees().from(node);
            }
        }
        if (travel.obeysOneWay()) {
            // Trips to a base need the tree towards it: distances are not the same both ways.
            ShortestPathTrees to = travel.treesTo();
            java.util.stream.IntStream.of(rootNodes).distinct().parallel().forEach(to::from);
            rootedTo = new float[n][];
            for (int node : rootNodes) {
                if (rootedTo[node] == null) {
                    rootedTo[node] = to.from(node);
                }
            }
            open = net.openArcs();
        } else {
            rootedTo = null;
            open = null;
        }
        g = new double[n];
        stamp = new int[n];
        closed = new boolean[n];
        heap = new NodeHeap(64);
    }

    /** Road metres from building {@code a} to building {@code b}; infinite when not joined. */
    public double buildingMetres(int a, int b) {
        return a == b ? 0 : TravelTimes.trip(city, a, b, nodeMetres(city.accessNode(a), city.accessNode(b)));
    }

    /** Whether distances keep to one-way streets, so that a to b may differ from b to a. */
    public boolean obeysOneWay() {
        return rootedTo != null;
    }

    /** Road metres from node {@code u} to node {@code v}; infinite when not joined. */
    public double nodeMetres(int u, int v) {
        if (u == v) {
            return 0;
        }
        float[] tree = rooted[u];
        if (tree != null) {
            return tree[v];
        }
        if (rootedTo != null) {
            tree = rootedTo[v];
            if (tree != null) {
                return tree[u];
            }
            long key = ((long) u << 32) | v;
            double d = memo.get(key);
            if (Double.isNaN(d)) {
                d = astar(u, v);
                memo.put(key, d);
            }
            return d;
        }
        tree = rooted[v];
        if (tree != null) {
            return tree[u];
        }
        long key = u < v ? ((long) u << 32) | v : ((long) v << 32) | u;
        double d = memo.get(key);
        if (Double.isNaN(d)) {
            d = astar(u, v);
            memo.put(key, d);
        }
        return d;
    }

    private double h(int u, int goal) {
        return heuristicScale * Math.hypot(net.x(u) - net.x(goal), net.y(u) - net.y(goal));
    }

    private double astar(int source, int goal) {
        if (net.isStraightLine()) {
            return net.straightLineMetres(source, goal);
        }
        search++;
        if (search == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            search = 1;
        }
        heap.clear();
        g[source] = 0;
        stamp[source] = search;
        closed[source] = false;
        heap.push(h(source, goal), source);
        while (!heap.isEmpty()) {
            int u = heap.peekNode();
            heap.pop();
            if (closed[u] && stamp[u] == search) {
                continue;
            }
            closed[u] = true;
            if (u == goal) {
                return g[u];
            }
            double gu = g[u];
            for (int e = graph.firstArc(u), end = graph.endArc(u); e < end; e++) {
                if (open != null && !open[e]) {
                    continue;
                }
                int v = graph.target(e);
                double nd = gu + lengths[e];
                if (stamp[v] != search) {
                    stamp[v] = search;
                    closed[v] = false;
                    g[v] = nd;
                    heap.push(nd + h(v, goal), v);
                } else if (!closed[v] && nd < g[v]) {
                    g[v] = nd;
                    heap.push(nd + h(v, goal), v);
                }
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Open-addressing map from long keys to doubles; NaN for absent. */
    private static final class LongDoubleMap {
        private long[] keys = new long[1 << 12];
        private double[] values = new double[1 << 12];
        private boolean[] used = new boolean[1 << 12];
        private int size;

        double get(long key) {
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                if (!used[i]) {
                    return Double.NaN;
                }
                if (keys[i] == key) {
                    return values[i];
                }
            }
        }

        void put(long key, double value) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                if (!used[i]) {
                    used[i] = true;
                    keys[i] = key;
                    values[i] = value;
                    size++;
                    return;
                }
                if (keys[i] == key) {
                    values[i] = value;
                    return;
                }
            }
        }

        private void grow() {
            long[] k = keys;
            double[] v = values;
            boolean[] u = used;
            keys = new long[k.length * 2];
            values = new double[k.length * 2];
            used = new boolean[k.length * 2];
            size = 0;
            for (int i = 0; i < k.length; i++) {
                if (u[i]) {
                    put(k[i], v[i]);
                }
            }
        }

        private static int mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
