package org.gridplan.sim.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.gridplan.sim.model.City;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadNetwork;
import org.gridplan.sim.road.TravelTimes;

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
 * few dozen pairs. Distances follow {@link TravelTimes}: access walk + road path + access walk.
 */
final class RoadDistances {

    private final City city;
    private final double[] xs;
    private final double[] ys;
    private final int[] offsets;
    private final int[] targets;
    private final double[] lengths;
    private final double heuristicScale;
    private final Map<Integer, float[]> rooted = new HashMap<>();
    private final LongDoubleMap memo = new LongDoubleMap();

    // A* work arrays, reused; a stamp marks the entries valid for the current search.
    private final double[] g;
    private final int[] stamp;
    private final boolean[] closed;
    private int search;
    private double[] heapKey = new double[64];
    private int[] heapNode = new int[64];

    RoadDistances(City city, TravelTimes travel, int[] rootNodes) {
        this.city = city;
        RoadNetwork net = city.roads();
        int n = net.nodeCount();
        xs = new double[n];
        ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = net.x(i);
            ys[i] = net.y(i);
        }
        int[] degree = new int[n];
        double minRatio = 1;
        for (Road r : net.roads()) {
            degree[r.from()]++;
            degree[r.to()]++;
            double chord = Math.hypot(xs[r.from()] - xs[r.to()], ys[r.from()] - ys[r.to()]);
            if (chord > 0) {
                minRatio = Math.min(minRatio, r.metres() / chord);
            }
        }
        heuristicScale = minRatio;
        offsets = new int[n + 1];
        for (int i = 0; i < n; i++) {
            offsets[i + 1] = offsets[i] + degree[i];
        }
        targets = new int[offsets[n]];
        lengths = new double[offsets[n]];
        int[] fill = Arrays.copyOf(offsets, n);
        for (Road r : net.roads()) {
            targets[fill[r.from()]] = r.to();
            lengths[fill[r.from()]++] = r.metres();
            targets[fill[r.to()]] = r.from();
            lengths[fill[r.to()]++] = r.metres();
        }
        travel.warm(rootNodes);
        for (int node : rootNodes) {
            rooted.computeIfAbsent(node, travel.trees()::from);
        }
        g = new double[n];
        stamp = new int[n];
        closed = new boolean[n];
    }

    /** Road metres between buildings {@code a} and {@code b}; infinite when not joined. */
    double buildingMetres(int a, int b) {
        if (a == b) {
            return 0;
        }
        return city.accessMetres(a) + nodeMetres(city.accessNode(a), city.accessNode(b)) + city.accessMetres(b);
    }

    double nodeMetres(int u, int v) {
        if (u == v) {
            return 0;
        }
        float[] tree = rooted.get(u);
        if (tree != null) {
            return tree[v];
        }
        tree = rooted.get(v);
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
        return heuristicScale * Math.hypot(xs[u] - xs[goal], ys[u] - ys[goal]);
    }

    private double astar(int source, int goal) {
        search++;
        if (search == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            search = 1;
        }
        int size = 0;
        g[source] = 0;
        stamp[source] = search;
        closed[source] = false;
        size = push(size, h(source, goal), source);
        while (size > 0) {
            int u = heapNode[0];
            size = pop(size);
            if (closed[u] && stamp[u] == search) {
                continue;
            }
            closed[u] = true;
            if (u == goal) {
                return g[u];
            }
            double gu = g[u];
            for (int e = offsets[u]; e < offsets[u + 1]; e++) {
                int v = targets[e];
                double nd = gu + lengths[e];
                if (stamp[v] != search) {
                    stamp[v] = search;
                    closed[v] = false;
                    g[v] = nd;
                    size = push(size, nd + h(v, goal), v);
                } else if (!closed[v] && nd < g[v]) {
                    g[v] = nd;
                    size = push(size, nd + h(v, goal), v);
                }
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private int push(int size, double key, int node) {
        if (size == heapKey.length) {
            heapKey = Arrays.copyOf(heapKey, size * 2);
            heapNode = Arrays.copyOf(heapNode, size * 2);
        }
        int i = size;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (heapKey[p] > key || (heapKey[p] == key && heapNode[p] > node)) {
                heapKey[i] = heapKey[p];
                heapNode[i] = heapNode[p];
                i = p;
            } else {
                break;
            }
        }
        heapKey[i] = key;
        heapNode[i] = node;
        return size + 1;
    }

    private int pop(int size) {
        size--;
        if (size == 0) {
            return 0;
        }
        double key = heapKey[size];
        int node = heapNode[size];
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && (heapKey[c + 1] < heapKey[c] || (heapKey[c + 1] == heapKey[c] && heapNode[c + 1] < heapNode[c]))) {
                c++;
            }
            if (heapKey[c] < key || (heapKey[c] == key && heapNode[c] < node)) {
                heapKey[i] = heapKey[c];
                heapNode[i] = heapNode[c];
                i = c;
            } else {
                break;
            }
        }
        heapKey[i] = key;
        heapNode[i] = node;
        return size;
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
