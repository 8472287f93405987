package org.gridplan.sim.graph;

import java.util.Arrays;

/**
 * An immutable graph on nodes {@code 0..nodeCount()-1} in compressed sparse row form: the arcs
 * leaving node {@code u} are {@code firstArc(u) .. endArc(u) - 1}, and arc {@code a} leads to
 * {@code target(a)}. An undirected edge is two arcs, one at each end. Arcs are numbered so that
 * callers can keep per-arc values (lengths, say) in arrays of their own.
 *
 * <p>Everything is held in two {@code int} arrays, with no object per node or arc, so loops
 * over neighbours neither allocate nor box. The one traversal, {@link #flood}, is a breadth-first
 * search that relabels nodes in a caller's state array, which covers what the callers need:
 * connected components, components of an induced subgraph, and whether a set stays connected
 * without one node.
 */
public final class CsrGraph {

    private final int[] offsets;
    private final int[] targets;
    /** The edge each arc comes from, for graphs built from edges; null otherwise. */
    private final int[] edgeOfArc;

    private CsrGraph(int[] offsets, int[] targets, int[] edgeOfArc) {
        this.offsets = offsets;
        this.targets = targets;
        this.edgeOfArc = edgeOfArc;
    }

    /**
     * The undirected graph of edges {@code from[k]–to[k]}: each edge gives an arc at both ends,
     * and each node's arcs are in edge order. {@link #edgeOf} tells the edge of an arc.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     * @throws IndexOutOfBoundsException if an edge names a node outside {@code 0..nodes-1}
     */
    public static CsrGraph undirected(int nodes, int[] from, int[] to) {
        if (from.length != to.length) {
            throw new IllegalArgumentException("edge arrays differ in length: " + from.length + " vs " + to.length);
        }
        int[] offsets = new int[nodes + 1];
        for (int k = 0; k < from.length; k++) {
            offsets[from[k] + 1]++;
            offsets[to[k] + 1]++;
        }
        for (int i = 0; i < nodes; i++) {
            offsets[i + 1] += offsets[i];
        }
        int[] targets = new int[offsets[nodes]];
        int[] edgeOfArc = new int[offsets[nodes]];
        int[] fill = Arrays.copyOf(offsets, nodes);
        for (int k = 0; k < from.length; k++) {
            edgeOfArc[fill[from[k]]] = k;
            targets[fill[from[k]]++] = to[k];
            edgeOfArc[fill[to[k]]] = k;
            targets[fill[to[k]]++] = from[k];
        }
        return new CsrGraph(offsets, targets, edgeOfArc);
    }

    /** The graph whose node {@code i} has arcs to {@code lists[i]}, in that order. */
    public static CsrGraph ofLists(int[][] lists) {
        int n = lists.length;
        int[] offsets = new int[n + 1];
        for (int i = 0; i < n; i++) {
            offsets[i + 1] = offsets[i] + lists[i].length;
        }
        int[] targets = new int[offsets[n]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(lists[i], 0, targets, offsets[i], lists[i].length);
        }
        return new CsrGraph(offsets, targets, null);
    }

    /**
     * The subgraph induced by {@code members} (distinct nodes), renumbered: its node {@code l} is
     * {@code members[l]}, and its arcs are this graph's arcs between members, in this graph's
     * order.
     *
     * @param localOf scratch of {@link #nodeCount()} entries, all -1, and all -1 again on return
     */
    public CsrGraph induced(int[] members, int[] localOf) {
        int n = members.length;
        for (int l = 0; l < n; l++) {
            localOf[members[l]] = l;
        }
        int[] offsets = new int[n + 1];
        for (int l = 0; l < n; l++) {
            int u = members[l];
            int count = 0;
            for (int a = this.offsets[u]; a < this.offsets[u + 1]; a++) {
                if (localOf[targets[a]] >= 0) {
                    count++;
                }
            }
            offsets[l + 1] = offsets[l] + count;
        }
        int[] local = new int[offsets[n]];
        int at = 0;
        for (int l = 0; l < n; l++) {
            int u = members[l];
            for (int a = this.offsets[u]; a < this.offsets[u + 1]; a++) {
                int v = localOf[targets[a]];
                if (v >= 0) {
                    local[at++] = v;
                }
            }
        }
        for (int u : members) {
            localOf[u] = -1;
        }
        return new CsrGraph(offsets, local, null);
    }

    /** Number of nodes. */
    public int nodeCount() {
        return offsets.length - 1;
    }

    /** Number of arcs: twice the edges of an undirected graph. */
    public int arcCount() {
        return targets.length;
    }

    /** Number of arcs leaving {@code u}. */
    public int degree(int u) {
        return offsets[u + 1] - offsets[u];
    }

    /** The first arc leaving {@code u}. */
    public int firstArc(int u) {
        return offsets[u];
    }

    /** One past the last arc leaving {@code u}. */
    public int endArc(int u) {
        return offsets[u + 1];
    }

    /** The node arc {@code a} leads to. */
    public int target(int a) {
        return targets[a];
    }

    /** The {@code k}-th neighbour of {@code u}, {@code 0 ≤ k < degree(u)}. */
    public int neighbour(int u, int k) {
        return targets[offsets[u] + k];
    }

    /** The neighbours of {@code u} in arc order. A fresh copy. */
    public int[] neighbours(int u) {
        return Arrays.copyOfRange(targets, offsets[u], offsets[u + 1]);
    }

    /**
     * The edge arc {@code a} comes from, for a graph built by {@link #undirected}.
     *
     * @throws IllegalStateException for a graph built otherwise
     */
    public int edgeOf(int a) {
        if (edgeOfArc == null) {
            throw new IllegalStateException("graph was not built from edges");
        }
        return edgeOfArc[a];
    }

    /**
     * Breadth-first search from {@code start} through nodes whose {@code state} is {@code open},
     * setting the state of every node reached (start included) to {@code reached}. Returns how
     * many nodes were reached; they are {@code queue[0 .. count)}, in the order reached.
     *
     * <p>The state array is the caller's: it says which nodes may be entered (a subgraph) and
     * which are done, so one array serves as visited marks and component labels alike.
     *
     * @param state  per node, at least {@link #nodeCount()} entries; {@code state[start]} must be {@code open}
     * @param open   the state of nodes that may be entered
     * @param reached the state given to nodes reached, other than {@code open}
     * @param queue  scratch with room for every node that can be reached
     */
    public int flood(int start, int[] state, int open, int reached, int[] queue) {
        if (open == reached) {
            throw new IllegalArgumentException("open and reached states are both " + open);
        }
        if (state[start] != open) {
            throw new IllegalArgumentException("start node " + start + " is not open");
        }
        state[start] = reached;
        queue[0] = start;
        int head = 0;
        int tail = 1;
        while (head < tail) {
            int u = queue[head++];
            for (int a = offsets[u], end = offsets[u + 1]; a < end; a++) {
                int v = targets[a];
                if (state[v] == open) {
                    state[v] = reached;
                    queue[tail++] = v;
                }
            }
        }
        return tail;
    }

    /** How many nodes can be reached from {@code start}, itself included. */
    public int reachableFrom(int start) {
        return flood(start, new int[nodeCount()], 0, 1, new int[nodeCount()]);
    }

    /**
     * The connected component of every node, for a graph whose arcs come in pairs (undirected):
     * nodes joined by arcs share a label, labels numbered from 0 in order of their lowest node.
     * A fresh array.
     */
    public int[] componentLabels() {
        int n = nodeCount();
        int[] label = new int[n];
        Arrays.fill(label, -1);
        int[] queue = new int[n];
        int next = 0;
        for (int start = 0; start < n; start++) {
            if (label[start] < 0) {
                flood(start, label, -1, next++, queue);
            }
        }
        return label;
    }
}
