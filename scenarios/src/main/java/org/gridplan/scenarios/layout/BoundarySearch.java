package org.gridplan.scenarios.layout;

import org.gridplan.sim.graph.CsrGraph;

/**
 * Local search on a division of buildings into regions: moves buildings across region
 * boundaries, keeping every region contiguous and non-empty, first to bring every region within
 * [min, max] households ({@link #repair}), then to make regions compact ({@link #compact}).
 *
 * <p><b>Repair.</b>
 * <p>The measure is the total violation: for each region, how many households it is below the
 * minimum or above the maximum. Each round applies the single move (one building to an
 * adjacent region) that lowers the violation most; when none does, the best pair of moves in
 * which the second involves a region the first changed (an ejection chain: a region short of
 * households takes a building from a neighbour at the minimum, which takes one from its own
 * neighbour). Ties prefer moves that bring both regions nearer the aim, then lower building
 * indices, so the result is deterministic. The repair stops when no region is out of bounds
 * (success) or when neither kind of move helps (failure, left to the caller).
 *
 * <p><b>Compaction.</b> Sweeps over the buildings in index order, moving a building to an
 * adjacent region whenever that lowers the total moment of inertia (the sum over regions of
 * squared distances from each building to its region's centroid, in m²) and keeps both regions
 * within bounds, until a sweep moves nothing. Removing point {@code p} from a region of
 * {@code n} points with centroid {@code c} lowers its inertia by {@code n / (n - 1) |p - c|²};
 * adding it to one of {@code m} points raises it by {@code m / (m + 1) |p - c'|²}.
 *
 * <p>Both are the local search of Openshaw's automatic zoning procedure, restricted to
 * improving moves, so they end. Not thread-safe: scratch arrays are reused between calls.
 */
final class BoundarySearch {

    /** Region number that marks buildings reached while a contiguity check floods a region. */
    private static final int REACHED = -2;

    private final int n;
    private final int[] households;
    private final double[] xs;
    private final double[] ys;
    private final CsrGraph graph;
    private final int min;
    private final int max;
    private final int[] stack;

    private long[] sums;
    private int[] counts;
    private int[] region;
    private double aim;

    BoundarySearch(int[] households, double[] xs, double[] ys, CsrGraph graph, int min, int max) {
        this.n = households.length;
        this.households = households;
        this.xs = xs;
        this.ys = ys;
        this.graph = graph;
        this.min = min;
        this.max = max;
        this.stack = new int[n];
    }

    /** A candidate move: building {@code building} from its region to {@code to}. */
    private record Move(int building, int from, int to, long delta, double balance) {
    }

    /**
     * Repairs {@code assignment} (region of every building, {@code 0..k-1}, every region
     * contiguous and non-empty) in place.
     *
     * @return whether every region is now within bounds
     */
    boolean repair(int[] assignment, int k, double target) {
        this.region = assignment;
        this.aim = target;
        sums = new long[k];
        counts = new int[k];
        for (int v = 0; v < n; v++) {
            sums[region[v]] += households[v];
            counts[region[v]]++;
        }
        long violation = 0;
        for (int r = 0; r < k; r++) {
            violation += violation(sums[r]);
        }
        for (int round = 0; violation > 0 && round < 8 * n; round++) {
            Move single = bestMove(-1, -1, 0);
            if (single != null) {
                apply(single);
                violation += single.delta();
                continue;
            }
            Move[] chain = bestChain();
            if (chain == null) {
                return false;
            }
            apply(chain[0]);
            apply(chain[1]);
            violation += chain[0].delta() + chain[1].delta();
        }
        return violation == 0;
    }

    /**
     * Makes the regions of a valid {@code assignment} (every region contiguous and within
     * bounds) more compact in place; they stay contiguous and within bounds.
     *
     * @param maxSweeps most sweeps over all buildings
     */
    void compact(int[] assignment, int k, int maxSweeps) {
        this.region = assignment;
        long[] sum = new long[k];
        int[] count = new int[k];
        double[] sx = new double[k];
        double[] sy = new double[k];
        for (int v = 0; v < n; v++) {
            int r = region[v];
            sum[r] += households[v];
            count[r]++;
            sx[r] += xs[v];
            sy[r] += ys[v];
        }
        this.counts = count;
        for (int sweep = 0; sweep < maxSweeps; sweep++) {
            boolean moved = false;
            for (int b = 0; b < n; b++) {
                int from = region[b];
                int m = count[from];
                long w = households[b];
                if (m == 1 || sum[from] - w < min) {
                    continue;
                }
                double gain = m / (m - 1.0) * square2(xs[b] - sx[from] / m, ys[b] - sy[from] / m);
                int bestTo = -1;
                double bestDelta = -1e-6;
                for (int e = graph.firstArc(b), end = graph.endArc(b); e < end; e++) {
                    int to = region[graph.target(e)];
                    if (to == from || sum[to] + w > max) {
                        continue;
                    }
                    int c = count[to];
                    double delta = c / (c + 1.0) * square2(xs[b] - sx[to] / c, ys[b] - sy[to] / c) - gain;
                    if (delta < bestDelta) {
                        bestDelta = delta;
                        bestTo = to;
                    }
                }
                if (bestTo >= 0 && staysContiguous(b, from)) {
                    region[b] = bestTo;
                    sum[from] -= w;
                    sum[bestTo] += w;
                    count[from]--;
                    count[bestTo]++;
                    sx[from] -= xs[b];
                    sy[from] -= ys[b];
                    sx[bestTo] += xs[b];
                    sy[bestTo] += ys[b];
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
    }

    private static double square2(double dx, double dy) {
        return dx * dx + dy * dy;
    }

    private long violation(long sum) {
        return sum < min ? min - sum : sum > max ? sum - max : 0;
    }

    private void apply(Move m) {
        region[m.building()] = m.to();
        sums[m.from()] -= households[m.building()];
        sums[m.to()] += households[m.building()];
        counts[m.from()]--;
        counts[m.to()]++;
    }

    private void undo(Move m) {
        apply(new Move(m.building(), m.to(), m.from(), -m.delta(), -m.balance()));
    }

    /**
     * The best contiguity-keeping move, counting {@code offset} as violation already gained;
     * when {@code touchA} or {@code touchB} is not -1, only moves from or to those regions.
     * Returns null when no move has total {@code delta + offset < 0}.
     */
    private Move bestMove(int touchA, int touchB, long offset) {
        Move best = null;
        for (int b = 0; b < n; b++) {
            int from = region[b];
            if (counts[from] == 1) {
                continue;
            }
            long w = households[b];
            int lastTo = -1;
            for (int e = graph.firstArc(b), end = graph.endArc(b); e < end; e++) {
                int to = region[graph.target(e)];
                if (to == from || to == lastTo) {
                    continue;
                }
                lastTo = to;
                if (touchA >= 0 && from != touchA && from != touchB && to != touchA && to != touchB) {
                    continue;
                }
                long delta = violation(sums[from] - w) + violation(sums[to] + w)
                        - violation(sums[from]) - violation(sums[to]);
                if (delta + offset >= 0) {
                    continue;
                }
                double balance = square(sums[from] - w - aim) + square(sums[to] + w - aim)
                        - square(sums[from] - aim) - square(sums[to] - aim);
                if (best != null && (delta > best.delta() || (delta == best.delta() && balance >= best.balance()))) {
                    continue;
                }
                if (staysContiguous(b, from)) {
                    best = new Move(b, from, to, delta, balance);
                }
            }
        }
        return best;
    }

    /** The best pair of moves whose second involves a region the first changed, or null when none helps. */
    private Move[] bestChain() {
        Move[] best = null;
        long bestDelta = 0;
        double bestBalance = 0;
        for (int b = 0; b < n; b++) {
            int from = region[b];
            if (counts[from] == 1) {
                continue;
            }
            int lastTo = -1;
            for (int e = graph.firstArc(b), end = graph.endArc(b); e < end; e++) {
                int to = region[graph.target(e)];
                if (to == from || to == lastTo) {
                    continue;
                }
                lastTo = to;
                if (violation(sums[from]) == 0 && violation(sums[to]) == 0) {
                    continue;
                }
                long w = households[b];
                long delta = violation(sums[from] - w) + violation(sums[to] + w)
                        - violation(sums[from]) - violation(sums[to]);
                if (!staysContiguous(b, from)) {
                    continue;
                }
                double balance = square(sums[from] - w - aim) + square(sums[to] + w - aim)
                        - square(sums[from] - aim) - square(sums[to] - aim);
                Move first = new Move(b, from, to, delta, balance);
                apply(first);
                Move second = bestMove(from, to, delta);
                undo(first);
                if (second == null || second.building() == b) {
                    continue;
                }
                long total = delta + second.delta();
                double totalBalance = balance + second.balance();
                if (best == null || total < bestDelta || (total == bestDelta && totalBalance < bestBalance)) {
                    best = new Move[] {first, second};
                    bestDelta = total;
                    bestBalance = totalBalance;
                }
            }
        }
        return best;
    }

    /** Whether region {@code r} stays connected without building {@code b}. */
    private boolean staysContiguous(int b, int r) {
        int start = -1;
        for (int e = graph.firstArc(b), end = graph.endArc(b); e < end; e++) {
            if (region[graph.target(e)] == r) {
                start = graph.target(e);
                break;
            }
        }
        if (start < 0) {
            return false;
        }
        // Flood the region without b, marking what is reached, then put the marks back.
        region[b] = REACHED;
        int reached = graph.flood(start, region, r, REACHED, stack);
        for (int t = 0; t < reached; t++) {
            region[stack[t]] = r;
        }
        region[b] = r;
        return reached == counts[r] - 1;
    }

    private static double square(double d) {
        return d * d;
    }
}
