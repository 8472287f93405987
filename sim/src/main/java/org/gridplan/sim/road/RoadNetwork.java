package org.gridplan.sim.road;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gridplan.sim.graph.CsrGraph;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * The district's road network: nodes (junctions) with positions in metres and undirected road
 * segments weighted by their length in metres.
 *
 * <p>The network is exposed as a JGraphT graph ({@link #graph()}) for analysis, and also kept
 * as a {@link CsrGraph} with per-arc lengths ({@link #csr()}) that {@link ShortestPathTrees} and
 * {@link RoadDistances} search without allocating per step; both describe the same roads. Nodes are numbered {@code
 * 0..nodeCount()-1}. When two
 * roads join the same pair of nodes, the shorter one is kept.
 *
 * <p>A district without roads ({@link #straightLine}) has nodes but no segments: the distance between
 * two nodes is then the straight line times a detour factor, and every node reaches every other.
 */
public final class RoadNetwork {

    /**
     * The detour factor of a district without roads: road distance over straight-line distance.
     * Ballou, Rahardja and Sakai, "Selected country circuity factors for road travel distance
     * estimation", Transportation Research Part A 36 (2002), report circuity factors of about 1.2 to
     * 1.4 for the United States; 1.3 is taken from within that range (an assumption for Chinese
     * urban districts, where no published figure was at hand; a district's own factor, measured on
     * a few routes, is better).
     */
    public static final double DEFAULT_DETOUR_FACTOR = 1.3;

    private final double[] xs;
    private final double[] ys;
    private final List<Road> roads;
    private final CsrGraph csr;
    private final double[] lengths;
    private final NodeIndex index;
    /** The detour factor of a network without roads; NaN for a network of roads. */
    private final double detour;
    private final boolean[] open;
    private final boolean[] openReverse;
    private Graph<Integer, DefaultWeightedEdge> graph;

    /**
     * Creates a network.
     *
     * @param xs    node eastings in metres
     * @param ys    node northings in metres, same length as {@code xs}
     * @param roads segments between existing nodes
     * @throws IllegalArgumentException if arrays differ in length, there are no nodes, or a road
     *                                  names a node that does not exist
     */
    public RoadNetwork(double[] xs, double[] ys, List<Road> roads) {
        this(xs, ys, roads, Double.NaN);
    }

    private RoadNetwork(double[] xs, double[] ys, List<Road> roads, double detour) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("node coordinate arrays differ in length: " + xs.length + " vs "
                    + ys.length);
        }
        if (xs.length == 0) {
            throw new IllegalArgumentException("road network has no nodes");
        }
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                throw new IllegalArgumentException("road node " + i + ": position is not finite");
            }
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
        int n = xs.length;
        for (Road r : roads) {
            if (r.from() >= n || r.to() >= n) {
                throw new IllegalArgumentException("road " + r.from() + "-" + r.to() + " names a node outside 0.."
                        + (n - 1));
            }
        }
        this.roads = List.copyOf(roads);

        int[] from = new int[this.roads.size()];
        int[] to = new int[this.roads.size()];
        for (int k = 0; k < from.length; k++) {
            from[k] = this.roads.get(k).from();
            to[k] = this.roads.get(k).to();
        }
        csr = CsrGraph.undirected(n, from, to);
        lengths = new double[csr.arcCount()];
        for (int a = 0; a < lengths.length; a++) {
            lengths[a] = this.roads.get(csr.edgeOf(a)).metres();
        }
        index = new NodeIndex(this.xs, this.ys);
        this.detour = detour;
        boolean anyOneWay = false;
        for (Road r : this.roads) {
            anyOneWay |= r.oneWay();
        }
        if (anyOneWay) {
            // An arc leaves its source node u along road r: open when r is two-way or starts at u; its
            // reverse (from the arc's target back to u) when r is two-way or starts at the target.
            open = new boolean[csr.arcCount()];
            openReverse = new boolean[csr.arcCount()];
            for (int u = 0; u < n; u++) {
                for (int a = csr.firstArc(u), end = csr.endArc(u); a < end; a++) {
                    Road r = this.roads.get(csr.edgeOf(a));
                    open[a] = !r.oneWay() || r.from() == u;
                    openReverse[a] = !r.oneWay() || r.to() == u;
                }
            }
        } else {
            open = null;
            openReverse = null;
        }
    }

    /** Whether some segment is one-way. */
    public boolean hasOneWay() {
        return open != null;
    }

    /**
     * Per arc of {@link #csr()}, whether travel that obeys one-way streets may take it from its source
     * node; null when no segment is one-way. The network's own array, not to be changed.
     */
    boolean[] openArcs() {
        return open;
    }

    /**
     * Per arc of {@link #csr()}, whether travel that obeys one-way streets may take it backwards, from
     * its target to its source (for searches towards a node); null when no segment is one-way.
     */
    boolean[] openReverseArcs() {
        return openReverse;
    }

    /**
     * Nodes that cannot be reached from node 0, or cannot reach it, when one-way streets are obeyed:
     * an empty array when every node reaches every other (always so without one-way segments, for a
     * connected network). Node 0 is any node of a connected network, so this tells strong connectivity.
     */
    public int[] cutOffByOneWay() {
        if (open == null) {
            return new int[0];
        }
        boolean[] from = reach(open);
        boolean[] to = reach(openReverse);
        return java.util.stream.IntStream.range(0, nodeCount()).filter(i -> !from[i] || !to[i]).toArray();
    }

    private boolean[] reach(boolean[] allowed) {
        boolean[] seen = new boolean[nodeCount()];
        int[] stack = new int[nodeCount()];
        int top = 0;
        stack[top++] = 0;
        seen[0] = true;
        while (top > 0) {
            int u = stack[--top];
            for (int a = csr.firstArc(u), end = csr.endArc(u); a < end; a++) {
                int v = csr.target(a);
                if (allowed[a] && !seen[v]) {
                    seen[v] = true;
                    stack[top++] = v;
                }
            }
        }
        return seen;
    }

    /**
     * A district without roads: nodes at the given positions (the buildings and sites), no
     * segments, and between any two nodes the straight line times {@code detourFactor}.
     *
     * @throws IllegalArgumentException if the factor is not finite or below 1, or as the constructor
     */
    public static RoadNetwork straightLine(double[] xs, double[] ys, double detourFactor) {
        if (!(detourFactor >= 1) || !Double.isFinite(detourFactor)) {
            throw new IllegalArgumentException("detour factor " + detourFactor + " is not a finite number of at "
                    + "least 1");
        }
        return new RoadNetwork(xs, ys, List.of(), detourFactor);
    }

    /** Whether this is a district without roads, its distances straight lines times a detour factor. */
    public boolean isStraightLine() {
        return !Double.isNaN(detour);
    }

    /** The detour factor of a district without roads; NaN for a network of roads. */
    public double detourFactor() {
        return detour;
    }

    /** Straight-line metres times the detour factor between nodes {@code u} and {@code v}. */
    double straightLineMetres(int u, int v) {
        return detour * Math.hypot(xs[u] - xs[v], ys[u] - ys[v]);
    }

    /** How many segments are one-way. */
    public int oneWayCount() {
        int n = 0;
        for (Road r : roads) {
            if (r.oneWay()) {
                n++;
            }
        }
        return n;
    }

    /** Number of nodes. */
    public int nodeCount() {
        return xs.length;
    }

    /** Easting of node {@code i} in metres. */
    public double x(int i) {
        return xs[i];
    }

    /** Northing of node {@code i} in metres. */
    public double y(int i) {
        return ys[i];
    }

    /** The road segments, in the order given. */
    public List<Road> roads() {
        return roads;
    }

    /** Index of the node nearest to a point (Euclidean); ties go to the lower index. */
    public int nearestNode(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("position (" + x + ", " + y + ") is not finite");
        }
        return index.nearest(x, y);
    }

    /**
     * A read-only JGraphT view of the network: vertices are node indices, edge weights are
     * metres. Built on first use.
     */
    public synchronized Graph<Integer, DefaultWeightedEdge> graph() {
        if (graph == null) {
            SimpleWeightedGraph<Integer, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
            for (int i = 0; i < nodeCount(); i++) {
                g.addVertex(i);
            }
            for (Road r : roads) {
                DefaultWeightedEdge e = g.getEdge(r.from(), r.to());
                if (e == null) {
                    g.setEdgeWeight(g.addEdge(r.from(), r.to()), r.metres());
                } else if (r.metres() < g.getEdgeWeight(e)) {
                    g.setEdgeWeight(e, r.metres());
                }
            }
            graph = new AsUnmodifiableGraph<>(g);
        }
        return graph;
    }

    /** Nodes that can be reached from node 0 (the whole network when it is connected). */
    public int componentSizeOfNodeZero() {
        return isStraightLine() ? nodeCount() : csr.reachableFrom(0);
    }

    /**
     * The connected component of every node: nodes joined by roads share a label, labels numbered
     * from 0 in order of their lowest node. A fresh array.
     */
    public int[] components() {
        return isStraightLine() ? new int[nodeCount()] : csr.componentLabels();
    }

    /** Whether every node can be reached from every other. */
    public boolean isConnected() {
        return componentSizeOfNodeZero() == nodeCount();
    }

    /**
     * The roads as a compressed graph: every road is an arc at each end, each node's arcs in road
     * order (parallel roads kept, unlike {@link #graph()}).
     */
    public CsrGraph csr() {
        return csr;
    }

    /** Length in metres of each arc of {@link #csr()}; the network's own array, not to be changed. */
    double[] lengths() {
        return lengths;
    }

    /** A uniform bucket grid over node positions for nearest-node queries. */
    private static final class NodeIndex {
        private final double[] xs;
        private final double[] ys;
        private final double minX;
        private final double minY;
        private final double cell;
        private final int cols;
        private final int rows;
        private final int[] start;
        private final int[] items;

        NodeIndex(double[] xs, double[] ys) {
            this.xs = xs;
            this.ys = ys;
            double x0 = Double.POSITIVE_INFINITY;
            double y0 = Double.POSITIVE_INFINITY;
            double x1 = Double.NEGATIVE_INFINITY;
            double y1 = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < xs.length; i++) {
                x0 = Math.min(x0, xs[i]);
                y0 = Math.min(y0, ys[i]);
                x1 = Math.max(x1, xs[i]);
                y1 = Math.max(y1, ys[i]);
            }
            minX = x0;
            minY = y0;
            double w = Math.max(x1 - x0, 1);
            double h = Math.max(y1 - y0, 1);
            // About two nodes per cell keeps the ring search short.
            cell = Math.max(Math.sqrt(w * h * 2 / xs.length), 1e-6);
            cols = (int) Math.min(Math.floor(w / cell) + 1, 4096);
            rows = (int) Math.min(Math.floor(h / cell) + 1, 4096);
            int[] counts = new int[cols * rows + 1];
            int[] cellOf = new int[xs.length];
            for (int i = 0; i < xs.length; i++) {
                cellOf[i] = cellIndex(col(xs[i]), row(ys[i]));
                counts[cellOf[i] + 1]++;
            }
            for (int c = 0; c < cols * rows; c++) {
                counts[c + 1] += counts[c];
            }
            start = counts;
            items = new int[xs.length];
            int[] fill = Arrays.copyOf(counts, cols * rows);
            for (int i = 0; i < xs.length; i++) {
                items[fill[cellOf[i]]++] = i;
            }
        }

        private int col(double x) {
            return Math.max(0, Math.min(cols - 1, (int) ((x - minX) / cell)));
        }

        private int row(double y) {
            return Math.max(0, Math.min(rows - 1, (int) ((y - minY) / cell)));
        }

        private int cellIndex(int c, int r) {
            return r * cols + c;
        }

        int nearest(double x, double y) {
            int c0 = col(x);
            int r0 = row(y);
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            int maxRing = Math.max(cols, rows);
            for (int ring = 0; ring <= maxRing; ring++) {
                // Any point in ring k is at least (k - 1) * cell away; stop once that exceeds the best.
                if (best >= 0 && (ring - 1) * cell > Math.sqrt(bestD)) {
                    break;
                }
                for (int r = r0 - ring; r <= r0 + ring; r++) {
                    if (r < 0 || r >= rows) {
                        continue;
                    }
                    boolean edgeRow = r == r0 - ring || r == r0 + ring;
                    for (int c = c0 - ring; c <= c0 + ring; c += edgeRow ? 1 : 2 * ring) {
                        if (c >= 0 && c < cols) {
                            int cellId = cellIndex(c, r);
                            for (int k = start[cellId]; k < start[cellId + 1]; k++) {
                                int i = items[k];
                                double dx = xs[i] - x;
                                double dy = ys[i] - y;
                                double d = dx * dx + dy * dy;
                                if (d < bestD || (d == bestD && i < best)) {
                                    bestD = d;
                                    best = i;
                                }
                            }
                        }
                        if (ring == 0) {
                            break;
                        }
                    }
                }
            }
            return best;
        }
    }

    /** Builds a network from a list of roads; convenience for tests and generators. */
    public static RoadNetwork of(double[] xs, double[] ys, Road... roads) {
        return new RoadNetwork(xs, ys, new ArrayList<>(List.of(roads)));
    }
}
