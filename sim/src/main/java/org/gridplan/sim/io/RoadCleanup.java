package org.gridplan.sim.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridplan.sim.road.Road;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The repairs {@link CityImport} makes to roads as GIS data brings them: line ends that miss a
 * junction by a little are joined to it, and buildings are attached to the nearest point of a
 * road rather than its nearest vertex. Both use spatial indexes (a bucket grid of nodes, an
 * {@link STRtree} of segments), never a comparison of every pair.
 */
final class RoadCleanup {

    /**
     * A foot of a perpendicular this close to a segment's end uses the end instead of a new node
     * (5 cm: the reader merges vertices within 1 cm, and a building's access walk does not change
     * by a few centimetres).
     */
    static final double END_METRES = 0.05;

    private RoadCleanup() {
    }

    /** A network: node positions and segments between them. */
    record Net(double[] xs, double[] ys, List<Road> roads) {
    }

    /** A network after near-miss joining, with the number of line ends joined. */
    record Joined(Net net, int joins) {
    }

    /** A network with buildings attached, and how many of them needed a node mid-segment. */
    record Snapped(Net net, int midSegment, int nodesAdded) {
    }

    /**
     * Joins every dangling line end (a node of one segment that ends a line) to the nearest other
     * node within {@code tolerance} metres, or else to the nearest point of a segment within it
     * (splitting the segment there). Segment lengths are the straight lengths between the joined
     * positions.
     *
     * @param lineEnd which nodes end a line
     */
    static Joined join(Net net, boolean[] lineEnd, double tolerance) {
        if (!(tolerance > 0)) {
            return new Joined(net, 0);
        }
        double[] xs = net.xs();
        double[] ys = net.ys();
        int n = xs.length;
        List<Road> roads = net.roads();
        int[] degree = new int[n];
        int[] neighbour = new int[n];
        for (Road r : roads) {
            degree[r.from()]++;
            degree[r.to()]++;
            neighbour[r.from()] = r.to();
            neighbour[r.to()] = r.from();
        }
        NodeGrid grid = new NodeGrid(xs, ys, degree, tolerance);
        STRtree segments = segmentTree(xs, ys, roads);
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<Integer, List<Double>> splits = new HashMap<>();
        List<int[]> pending = new ArrayList<>();
        int joins = 0;
        for (int e = 0; e < n; e++) {
            if (!lineEnd[e] || degree[e] != 1) {
                continue;
            }
            int best = grid.nearest(xs[e], ys[e], tolerance, e, neighbour[e]);
            if (best >= 0) {
                if (root(parent, e) != root(parent, best)) {
                    parent[root(parent, e)] = root(parent, best);
                    joins++;
                }
                continue;
            }
            // No node near: the end may stop short of (or overshoot) a street between its vertices.
            Coordinate c = new Coordinate(xs[e], ys[e]);
            double bestD = tolerance;
            int bestSeg = -1;
            double bestT = 0;
            for (Object o : segments.query(new Envelope(xs[e] - tolerance, xs[e] + tolerance, ys[e] - tolerance,
                    ys[e] + tolerance))) {
                Indexed s = (Indexed) o;
                Road r = roads.get(s.index());
                if (r.from() == e || r.to() == e) {
                    continue;
                }
                double d = s.segment().distance(c);
                double t = s.segment().projectionFactor(c);
                double len = s.segment().getLength();
                if (d <= bestD && t * len > END_METRES && (1 - t) * len > END_METRES) {
                    bestD = d;
                    bestSeg = s.index();
                    bestT = t;
                }
            }
            if (bestSeg >= 0) {
                splits.computeIfAbsent(bestSeg, k -> new ArrayList<>()).add(bestT);
                pending.add(new int[] {e, bestSeg, splits.get(bestSeg).size() - 1});
                joins++;
            }
        }
        Split split = split(net, splits);
        int m = split.net().xs().length;
        int[] all = Arrays.copyOf(parent, m);
        for (int i = n; i < m; i++) {
            all[i] = i;
        }
        for (int[] p : pending) {
            int at = split.nodeOf().get(p[1]).get(p[2]);
            int a = root(all, p[0]);
            int b = root(all, at);
            if (a != b) {
                all[a] = b;
            }
        }
        return new Joined(merge(split.net(), all), joins);
    }

    /**
     * Attaches every building to the nearest point of the network's segments: when that point lies
     * inside a segment (more than {@link #END_METRES} from its ends), the segment is split there with
     * a new node, so that the building's nearest node is on its own street.
     *
     * @param buildings positions {x, y}
     */
    static Snapped snap(Net net, List<double[]> buildings) {
        List<Road> roads = net.roads();
        if (roads.isEmpty()) {
            return new Snapped(net, 0, 0);
        }
        STRtree segments = segmentTree(net.xs(), net.ys(), roads);
        Map<Integer, List<Double>> splits = new HashMap<>();
        int mid = 0;
        for (double[] b : buildings) {
            Coordinate c = new Coordinate(b[0], b[1]);
            Indexed probe = new Indexed(-1, new LineSegment(c, c));
            Indexed nearest = (Indexed) segments.nearestNeighbour(new Envelope(c), probe,
                    (x, y) -> ((Indexed) x.getItem()).segment().distance(((Indexed) y.getItem()).segment()));
            LineSegment s = nearest.segment();
            double t = Math.max(0, Math.min(1, s.projectionFactor(c)));
            double len = s.getLength();
            if (t * len > END_METRES && (1 - t) * len > END_METRES) {
                splits.computeIfAbsent(nearest.index(), k -> new ArrayList<>()).add(t);
                mid++;
            }
        }
        Split split = split(net, splits);
        return new Snapped(split.net(), mid, split.net().xs().length - net.xs().length);
    }

    /** A network whose one-way streets no longer cut it, and how many one-way segments were made two-way. */
    record Relaxed(Net net, int madeTwoWay) {
    }

    /**
     * Makes two-way the one-way segments that cut the network for a rider keeping to them: while
     * some node lies outside the largest strongly connected part (a one-way street leading out of
     * the extract, or into a dead end), every one-way segment touching such a node is made
     * two-way. Each round frees at least one segment, so it ends with the network strongly connected
     * (it is connected).
     */
    static Relaxed relaxOneWay(Net net) {
        List<Road> roads = new ArrayList<>(net.roads());
        int n = net.xs().length;
        int made = 0;
        while (true) {
            int[] label = strongLabels(n, roads);
            int[] size = new int[n];
            int best = 0;
            for (int l : label) {
                size[l]++;
                best = size[l] > size[best] ? l : best;
            }
            if (size[best] == n) {
                return new Relaxed(made == 0 ? net : new Net(net.xs(), net.ys(), roads), made);
            }
            int before = made;
            for (int k = 0; k < roads.size(); k++) {
                Road r = roads.get(k);
                if (r.oneWay() && (label[r.from()] != best || label[r.to()] != best)) {
                    roads.set(k, new Road(r.from(), r.to(), r.metres(), r.roadClass(), false));
                    made++;
                }
            }
            if (made == before) {
                // Not connected even both ways: the largest piece was kept before, so this cannot happen.
                throw new IllegalStateException("road network is not connected");
            }
        }
    }

    /** Strongly connected component of every node, keeping to one-way segments (Kosaraju, iterative). */
    private static int[] strongLabels(int n, List<Road> roads) {
        int[][] out = adjacency(n, roads, false);
        int[][] in = adjacency(n, roads, true);
        int[] order = new int[n];
        int filled = 0;
        boolean[] seen = new boolean[n];
        int[] stack = new int[n];
        int[] next = new int[n];
        for (int s = 0; s < n; s++) {
            if (seen[s]) {
                continue;
            }
            int top = 0;
            stack[top++] = s;
            seen[s] = true;
            next[s] = 0;
            while (top > 0) {
                int u = stack[top - 1];
                if (next[u] < out[u].length) {
                    int v = out[u][next[u]++];
                    if (!seen[v]) {
                        seen[v] = true;
                        next[v] = 0;
                        stack[top++] = v;
                    }
                } else {
                    order[filled++] = u;
                    top--;
                }
            }
        }
        int[] label = new int[n];
        Arrays.fill(label, -1);
        int labels = 0;
        for (int k = n - 1; k >= 0; k--) {
            int s = order[k];
            if (label[s] >= 0) {
                continue;
            }
            int top = 0;
            stack[top++] = s;
            label[s] = labels;
            while (top > 0) {
                int u = stack[--top];
                for (int v : in[u]) {
                    if (label[v] < 0) {
                        label[v] = labels;
                        stack[top++] = v;
                    }
                }
            }
            labels++;
        }
        return label;
    }

    /** Per node, the nodes one step away keeping to one-way segments ({@code reverse}: one step towards it). */
    private static int[][] adjacency(int n, List<Road> roads, boolean reverse) {
        int[] count = new int[n];
        for (Road r : roads) {
            count[reverse ? r.to() : r.from()]++;
            if (!r.oneWay()) {
                count[reverse ? r.from() : r.to()]++;
            }
        }
        int[][] adj = new int[n][];
        for (int i = 0; i < n; i++) {
            adj[i] = new int[count[i]];
        }
        int[] fill = new int[n];
        for (Road r : roads) {
            int a = reverse ? r.to() : r.from();
            int b = reverse ? r.from() : r.to();
            adj[a][fill[a]++] = b;
            if (!r.oneWay()) {
                adj[b][fill[b]++] = a;
            }
        }
        return adj;
    }

    /** A split network and, per split segment, the node of each of its split points in the order given. */
    private record Split(Net net, Map<Integer, List<Integer>> nodeOf) {
    }

    /**
     * Splits segments at the given fractions along them (from {@code from} to {@code to}); points
     * closer than {@link #END_METRES} to each other share a node. Lengths are shared in proportion,
     * direction and class are kept.
     */
    private static Split split(Net net, Map<Integer, List<Double>> splits) {
        if (splits.isEmpty()) {
            return new Split(net, Map.of());
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < net.xs().length; i++) {
            xs.add(net.xs()[i]);
            ys.add(net.ys()[i]);
        }
        List<Road> out = new ArrayList<>();
        Map<Integer, List<Integer>> nodeOf = new HashMap<>();
        List<Road> roads = net.roads();
        for (int k = 0; k < roads.size(); k++) {
            Road r = roads.get(k);
            List<Double> ts = splits.get(k);
            if (ts == null) {
                out.add(r);
                continue;
            }
            double x0 = net.xs()[r.from()];
            double y0 = net.ys()[r.from()];
            double dx = net.xs()[r.to()] - x0;
            double dy = net.ys()[r.to()] - y0;
            double chord = Math.hypot(dx, dy);
            Double[] sorted = ts.stream().distinct().sorted().toArray(Double[]::new);
            Map<Double, Integer> nodeAt = new HashMap<>();
            int prev = r.from();
            double prevT = 0;
            int prevNode = -1;
            for (double t : sorted) {
                int node;
                if (prevNode >= 0 && (t - prevT) * chord <= END_METRES) {
                    node = prevNode;
                } else {
                    node = xs.size();
                    xs.add(x0 + t * dx);
                    ys.add(y0 + t * dy);
                    out.add(new Road(prev, node, Math.max(r.metres() * (t - prevT), 0.01), r.roadClass(),
                            r.oneWay()));
                    prev = node;
                    prevT = t;
                    prevNode = node;
                }
                nodeAt.put(t, node);
            }
            out.add(new Road(prev, r.to(), Math.max(r.metres() * (1 - prevT), 0.01), r.roadClass(), r.oneWay()));
            List<Integer> nodes = new ArrayList<>();
            for (double t : ts) {
                nodes.add(nodeAt.get(t));
            }
            nodeOf.put(k, nodes);
        }
        return new Split(new Net(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray(), out), nodeOf);
    }

    /**
     * Merges nodes by the union-find forest {@code parent}: each set takes its root's position,
     * segments are renumbered and re-measured, and a segment whose ends merged is dropped.
     */
    private static Net merge(Net net, int[] parent) {
        int n = net.xs().length;
        int[] index = new int[n];
        Arrays.fill(index, -1);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        boolean merged = false;
        for (int i = 0; i < n; i++) {
            int r = root(parent, i);
            merged |= r != i;
            if (index[r] < 0) {
                index[r] = xs.size();
                xs.add(net.xs()[r]);
                ys.add(net.ys()[r]);
            }
            index[i] = index[r];
        }
        if (!merged) {
            return net;
        }
        double[] nx = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] ny = ys.stream().mapToDouble(Double::doubleValue).toArray();
        List<Road> out = new ArrayList<>();
        for (Road r : net.roads()) {
            int a = index[r.from()];
            int b = index[r.to()];
            if (a == b) {
                continue;
            }
            boolean moved = root(parent, r.from()) != r.from() || root(parent, r.to()) != r.to();
            double m = moved ? Math.max(Math.hypot(nx[a] - nx[b], ny[a] - ny[b]), 0.01) : r.metres();
            out.add(new Road(a, b, m, r.roadClass(), r.oneWay()));
        }
        return new Net(nx, ny, out);
    }

    static int root(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /** A segment and its index in the road list. */
    private record Indexed(int index, LineSegment segment) {
    }

    private static STRtree segmentTree(double[] xs, double[] ys, List<Road> roads) {
        STRtree tree = new STRtree();
        for (int k = 0; k < roads.size(); k++) {
            Road r = roads.get(k);
            LineSegment s = new LineSegment(xs[r.from()], ys[r.from()], xs[r.to()], ys[r.to()]);
            tree.insert(new Envelope(s.p0, s.p1), new Indexed(k, s));
        }
        tree.build();
        return tree;
    }

    /** A hash grid of node positions with cells of the join tolerance: a query looks at 3 x 3 cells. */
    private static final class NodeGrid {
        private final double[] xs;
        private final double[] ys;
        private final double cell;
        private final Map<Long, List<Integer>> cells = new HashMap<>();

        /** Nodes of degree 0 (merged away by id) are left out. */
        NodeGrid(double[] xs, double[] ys, int[] degree, double cell) {
            this.xs = xs;
            this.ys = ys;
            this.cell = cell;
            for (int i = 0; i < xs.length; i++) {
                if (degree[i] == 0) {
                    continue;
                }
                cells.computeIfAbsent(key(cx(xs[i]), cy(ys[i])), k -> new ArrayList<>()).add(i);
            }
        }

        private long cx(double x) {
            return (long) Math.floor(x / cell);
        }

        private long cy(double y) {
            return (long) Math.floor(y / cell);
        }

        private static long key(long cx, long cy) {
            return cx * 0x9E3779B97F4A7C15L ^ cy;
        }

        /** The nearest node within {@code limit} other than {@code self} and {@code other}; -1 if none. */
        int nearest(double x, double y, double limit, int self, int other) {
            int best = -1;
            double bestD = limit;
            long x0 = cx(x);
            long y0 = cy(y);
            for (long i = x0 - 1; i <= x0 + 1; i++) {
                for (long j = y0 - 1; j <= y0 + 1; j++) {
                    List<Integer> in = cells.get(key(i, j));
                    if (in == null) {
                        continue;
                    }
                    for (int k : in) {
                        if (k == self || k == other || cx(xs[k]) != i || cy(ys[k]) != j) {
                            continue;
                        }
                        double d = Math.hypot(xs[k] - x, ys[k] - y);
                        if (d <= bestD && (best < 0 || d < bestD || k < best)) {
                            bestD = d;
                            best = k;
                        }
                    }
                }
            }
            return best;
        }
    }
}
