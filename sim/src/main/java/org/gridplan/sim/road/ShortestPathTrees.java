package org.gridplan.sim.road;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridplan.sim.graph.CsrGraph;

/**
 * Single-source shortest-path distances over a {@link RoadNetwork}, computed on demand with
 * Dijkstra's algorithm and kept in a least-recently-used cache bounded by a memory budget.
 *
 * <p>Why not an all-pairs matrix: a 500,000-household district has tens of thousands of
 * buildings, and even its ~10,000 road nodes would need 400 MB as a float matrix. Questions in
 * gridplan start from few places (a grid's worker bases, branch sites, the incident a worker is
 * at), so one tree per source node, shared by every building attached to that node, answers them
 * with bounded memory. A tree over n nodes costs {@code 4 n} bytes.
 *
 * <p>The search runs on the network's {@link CsrGraph} and arc lengths with a {@link NodeHeap}, so one tree over 10,000
 * nodes takes well under a millisecond.
 * Thread-safe: concurrent callers may compute the same tree twice, never a wrong one.
 */
public final class ShortestPathTrees {

    /** Default cache budget: 256 MiB of trees. */
    public static final long DEFAULT_BUDGET_BYTES = 256L << 20;

    /** Which way a tree's searches go along one-way streets. */
    public enum Direction {
        /** Every segment both ways (walking). */
        BOTH_WAYS,
        /** Obeying one-way streets, distances from the source (riding away from it). */
        FROM_SOURCE,
        /** Obeying one-way streets, distances to the source (riding towards it). */
        TO_SOURCE
    }

    private final RoadNetwork network;
    private final Direction direction;
    private final int capacity;
    private final Map<Integer, float[]> cache;
    private long searches;

    /** Creates a cache with the default budget. */
    public ShortestPathTrees(RoadNetwork network) {
        this(network, DEFAULT_BUDGET_BYTES);
    }

    /**
     * Creates a cache holding as many trees as fit in {@code budgetBytes} (at least one).
     */
    public ShortestPathTrees(RoadNetwork network, long budgetBytes) {
        this(network, budgetBytes, Direction.BOTH_WAYS);
    }

    /**
     * Creates a cache holding as many trees as fit in {@code budgetBytes} (at least one), searching
     * the given way along one-way streets.
     */
    public ShortestPathTrees(RoadNetwork network, long budgetBytes, Direction direction) {
        this.network = network;
        this.direction = direction;
        long perTree = 4L * network.nodeCount() + 64;
        this.capacity = (int) Math.max(1, Math.min(Integer.MAX_VALUE - 1, budgetBytes / perTree));
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Which way the searches go along one-way streets. */
    public Direction direction() {
        return direction;
    }

    /** The network searched. */
    public RoadNetwork network() {
        return network;
    }

    /** How many trees the cache can hold. */
    public int capacity() {
        return capacity;
    }

    /** How many Dijkstra searches have run so far (cache misses). */
    public synchronized long searches() {
        return searches;
    }

    /**
     * Distances in metres from {@code source} to every node; {@link Float#POSITIVE_INFINITY}
     * for nodes that cannot be reached. The returned array is shared: do not modify it.
     */
    public float[] from(int source) {
        if (source < 0 || source >= network.nodeCount()) {
            throw new IndexOutOfBoundsException("road node " + source + " outside 0.." + (network.nodeCount() - 1));
        }
        synchronized (this) {
            float[] tree = cache.get(source);
            if (tree != null) {
                return tree;
            }
        }
        float[] tree = dijkstra(source);
        synchronized (this) {
            searches++;
            float[] existing = cache.putIfAbsent(source, tree);
            return existing != null ? existing : tree;
        }
    }

    /**
     * Shortest distance in metres from node {@code from} to node {@code to}; infinite when
     * unreachable. Searching {@link Direction#TO_SOURCE}, the tree of {@code to} answers.
     */
    public double metres(int from, int to) {
        if (from == to) {
            return 0;
        }
        return direction == Direction.TO_SOURCE ? from(to)[from] : from(from)[to];
    }

    private float[] dijkstra(int source) {
        int n = network.nodeCount();
        if (network.isStraightLine()) {
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = (float) network.straightLineMetres(source, i);
            }
            return out;
        }
        CsrGraph graph = network.csr();
        double[] lengths = network.lengths();
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        boolean[] done = new boolean[n];
        // Arcs closed by one-way streets: none when searching both ways or when no street is one-way.
        boolean[] allowed = direction == Direction.FROM_SOURCE ? network.openArcs()
                : direction == Direction.TO_SOURCE ? network.openReverseArcs() : null;
        NodeHeap heap = new NodeHeap(graph.arcCount() + 1);
        dist[source] = 0;
        heap.push(0, source);
        while (!heap.isEmpty()) {
            double d = heap.peekKey();
            int u = heap.peekNode();
            heap.pop();
            if (done[u]) {
                continue;
            }
            done[u] = true;
            for (int e = graph.firstArc(u), end = graph.endArc(u); e < end; e++) {
                if (allowed != null && !allowed[e]) {
                    continue;
                }
                int v = graph.target(e);
                double nd = d + lengths[e];
                if (nd < dist[v]) {
                    dist[v] = nd;
                    heap.push(nd, v);
                }
            }
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) dist[i];
        }
        return out;
    }
}
