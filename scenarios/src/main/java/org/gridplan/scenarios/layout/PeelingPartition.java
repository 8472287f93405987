package org.gridplan.scenarios.layout;

import java.util.Arrays;
import org.gridplan.sim.graph.CsrGraph;

/**
 * Divides one connected set of buildings into {@code k} contiguous regions whose households lie
 * within [min, max], by peeling regions off the edge of what is left.
 *
 * <p><b>Growth.</b> Each region but the last starts at a seed on the edge of the remaining
 * buildings and grows by the remaining building nearest (straight-line) to its seed among those
 * adjacent to it. Three kinds of step are refused: one that would take the region above the
 * top of its window; one that would leave a remaining building nearby unable to be part of any
 * region within bounds (a 299-household tower whose one small neighbour was taken: see
 * {@link #canComplete}); and a building whose removal would cut the remainder in two, unless
 * it is taken together with every piece but the heaviest, so the remainder stays connected after
 * every step (no enclaves).
 *
 * <p><b>Rollback.</b> Every accepted step leaves a valid cut, so once the region has grown past
 * its aim it is rolled back to the step whose households come closest to the aim within the
 * window {@code [max(min, R - (left-1) max), min(max, R - (left-1) min)]}, where {@code R}
 * households remain for {@code left} regions; the window guarantees that what remains can still
 * be divided. The aim is {@code R / left}, so sizes stay balanced, and the last region is the
 * remainder, connected and within bounds by construction.
 *
 * <p><b>When growth falls short.</b> If no prefix falls in the window (large buildings jump over
 * it), the next of {@link #SEEDS_PER_REGION} seed candidates is tried. If all fail, the first
 * seed's whole growth is kept although it falls short, peeling goes on, and the result is
 * handed to {@link BoundarySearch#repair}; the division fails only if the repair cannot bring
 * every region within bounds, and the caller then tries another {@link #STRATEGIES strategy} or
 * another {@code k}. Strategies differ in where seeds come from: strategy 0 peels from the
 * building farthest from the centroid of the remainder, strategies 1–4 sweep from the west,
 * east, south and north edge. A division found is made more compact with
 * {@link BoundarySearch#compact}.
 *
 * <p>Work per region is {@code O(n × steps)} for {@code n} buildings (one connectivity search
 * per step), which for a community of a few hundred buildings is well under a millisecond.
 * Not thread-safe: scratch arrays are reused between calls.
 */
final class PeelingPartition {

    /** Number of seed strategies, numbered {@code 0..STRATEGIES-1}. */
    static final int STRATEGIES = 5;
    /** Seed candidates tried per region before the partition fails. */
    static final int SEEDS_PER_REGION = 6;
    /** Most compaction sweeps over all buildings after a division is found. */
    static final int COMPACTION_SWEEPS = 20;
    /** Most buildings the stranding test adds before it gives a building the benefit of the doubt. */
    private static final int COMPLETION_STEPS = 32;
    /** State in {@link #component} of a building of the remainder not yet given a piece. */
    private static final int OPEN = -2;

    private final int n;
    private final int[] households;
    private final double[] xs;
    private final double[] ys;
    private final CsrGraph graph;
    private final int min;
    private final int max;
    private final long total;

    private final boolean[] remaining;
    private final boolean[] inRegion;
    private final boolean[] inFrontier;
    private final boolean[] rejected;
    private final int[] sequence;
    private final int[] frontier;
    private final int[] component;
    private final int[] stack;
    private final int[] checked;
    private final int[] tried;
    private final int[] candidates;
    private final BoundarySearch search;
    private int checkMark;
    private int setMark;

    /**
     * A partitioner over a connected graph in compressed form.
     *
     * @param households households of each building, each at most {@code max}
     * @param xs         eastings in metres
     * @param ys         northings in metres
     * @param graph      adjacency of the buildings, on local indices
     * @param min        fewest households per region
     * @param max        most households per region
     */
    PeelingPartition(int[] households, double[] xs, double[] ys, CsrGraph graph, int min, int max) {
        this.n = households.length;
        this.households = households;
        this.xs = xs;
        this.ys = ys;
        this.graph = graph;
        this.min = min;
        this.max = max;
        long sum = 0;
        for (int h : households) {
            sum += h;
        }
        this.total = sum;
        remaining = new boolean[n];
        inRegion = new boolean[n];
        inFrontier = new boolean[n];
        rejected = new boolean[n];
        sequence = new int[n];
        frontier = new int[n];
        component = new int[n];
        stack = new int[n];
        checked = new int[n];
        tried = new int[n];
        candidates = new int[n];
        search = new BoundarySearch(households, xs, ys, graph, min, max);
    }

    /**
     * The region ({@code 0..k-1}) of every building, or {@code null} when this strategy finds no
     * partition into {@code k} regions.
     */
    int[] partition(int k, int strategy) {
        if (k < 1 || total < (long) k * min || total > (long) k * max) {
            return null;
        }
        int[] region = new int[n];
        Arrays.fill(region, -1);
        Arrays.fill(remaining, true);
        long left = total;
        boolean soft = false;
        for (int r = 0; r < k - 1; r++) {
            int regionsLeft = k - r;
            long lo = Math.max(min, left - (long) (regionsLeft - 1) * max);
            long hi = Math.min(max, left - (long) (regionsLeft - 1) * min);
            if (lo > hi) {
                // Only after a region fell short: aim for the bounds and leave the rest to the repair.
                lo = min;
                hi = max;
            }
            double aim = left / (double) regionsLeft;
            int[] seeds = seeds(strategy);
            int[] grown = null;
            for (int seed : seeds) {
                grown = grow(seed, lo, hi, aim, regionsLeft > 2, false);
                if (grown != null) {
                    break;
                }
            }
            if (grown == null) {
                grown = grow(seeds[0], lo, hi, aim, regionsLeft > 2, true);
                if (grown == null) {
                    return null;
                }
                soft = true;
            }
            for (int v : grown) {
                region[v] = r;
                remaining[v] = false;
                left -= households[v];
            }
        }
        for (int v = 0; v < n; v++) {
            if (remaining[v]) {
                region[v] = k - 1;
            }
        }
        if (soft && !search.repair(region, k, total / (double) k)) {
            return null;
        }
        search.compact(region, k, COMPACTION_SWEEPS);
        return region;
    }

    /** Up to {@link #SEEDS_PER_REGION} remaining buildings, best seed first, ties to the lower index. */
    private int[] seeds(int strategy) {
        double cx = 0;
        double cy = 0;
        int count = 0;
        for (int v = 0; v < n; v++) {
            if (remaining[v]) {
                cx += xs[v];
                cy += ys[v];
                count++;
            }
        }
        cx /= count;
        cy /= count;
        int[] best = new int[Math.min(SEEDS_PER_REGION, count)];
        double[] bestScore = new double[best.length];
        int filled = 0;
        for (int v = 0; v < n; v++) {
            if (!remaining[v]) {
                continue;
            }
            double score = switch (strategy) {
                case 0 -> -((xs[v] - cx) * (xs[v] - cx) + (ys[v] - cy) * (ys[v] - cy));
                case 1 -> xs[v];
                case 2 -> -xs[v];
                case 3 -> ys[v];
                default -> -ys[v];
            };
            // Insertion into a short sorted list; equal scores keep index order.
            int pos = filled;
            while (pos > 0 && bestScore[pos - 1] > score) {
                pos--;
            }
            if (pos >= best.length) {
                continue;
            }
            int end = Math.min(filled, best.length - 1);
            System.arraycopy(best, pos, best, pos + 1, end - pos);
            System.arraycopy(bestScore, pos, bestScore, pos + 1, end - pos);
            best[pos] = v;
            bestScore[pos] = score;
            filled = Math.min(filled + 1, best.length);
        }
        return best;
    }

    /**
     * Grows a region from {@code seed} and returns the prefix of its growth closest to
     * {@code aim} within {@code [lo, hi]}, or {@code null} when no prefix falls in the window.
     */
    private int[] grow(int seed, long lo, long hi, double aim, boolean checkStranding, boolean soft) {
        int length = 0;
        int frontierSize = 0;
        long sum = 0;
        int bestLength = -1;
        double bestGap = Double.POSITIVE_INFINITY;
        int next = seed;
        while (next >= 0) {
            int v = next;
            long forcedSum = cutOff(v);
            int before = length;
            if (forcedSum >= 0 && sum + households[v] + forcedSum <= hi) {
                sequence[length++] = v;
                inRegion[v] = true;
                sum += households[v];
                if (forcedSum > 0) {
                    for (int u = 0; u < n; u++) {
                        if (component[u] > 0) {
                            sequence[length++] = u;
                            inRegion[u] = true;
                            sum += households[u];
                        }
                    }
                }
            }
            if (length > before && checkStranding && strands(before, length)) {
                for (int t = before; t < length; t++) {
                    inRegion[sequence[t]] = false;
                    sum -= households[sequence[t]];
                }
                length = before;
            }
            if (length > before) {
                for (int t = before; t < length; t++) {
                    int u = sequence[t];
                    for (int e = graph.firstArc(u), end = graph.endArc(u); e < end; e++) {
                        int nb = graph.target(e);
                        if (remaining[nb] && !inRegion[nb] && !inFrontier[nb] && !rejected[nb]) {
                            inFrontier[nb] = true;
                            frontier[frontierSize++] = nb;
                        }
                    }
                }
                if (sum >= lo && sum <= hi) {
                    double gap = Math.abs(sum - aim);
                    if (gap < bestGap) {
                        bestGap = gap;
                        bestLength = length;
                    }
                }
                if (bestLength >= 0 && sum >= aim) {
                    break;
                }
            } else {
                rejected[v] = true;
            }
            // Nearest frontier building to the seed, ties to the lower index.
            next = -1;
            int at = -1;
            double nearest = Double.POSITIVE_INFINITY;
            for (int t = 0; t < frontierSize; t++) {
                int u = frontier[t];
                if (inRegion[u] || rejected[u]) {
                    continue;
                }
                double dx = xs[u] - xs[seed];
                double dy = ys[u] - ys[seed];
                double d = dx * dx + dy * dy;
                if (d < nearest || (d == nearest && u < next)) {
                    nearest = d;
                    next = u;
                    at = t;
                }
            }
            if (at >= 0) {
                frontier[at] = frontier[--frontierSize];
                inFrontier[next] = false;
            }
        }
        if (bestLength < 0 && soft && length > 0) {
            bestLength = length;
        }
        int[] out = bestLength < 0 ? null : Arrays.copyOf(sequence, bestLength);
        for (int t = 0; t < length; t++) {
            inRegion[sequence[t]] = false;
        }
        for (int t = 0; t < frontierSize; t++) {
            inFrontier[frontier[t]] = false;
        }
        Arrays.fill(rejected, false);
        return out;
    }

    /**
     * Whether the buildings just added ({@code sequence[from..to)}) leave a remaining building
     * nearby (within two steps) that can no longer be part of any grid within bounds, like a
     * 299-household tower whose one small neighbour was taken. Only meaningful while more than
     * one region is still to be grown after this one; the last region is the whole remainder.
     */
    private boolean strands(int from, int to) {
        checkMark++;
        for (int t = from; t < to; t++) {
            int a = sequence[t];
            for (int e = graph.firstArc(a), end = graph.endArc(a); e < end; e++) {
                int u = graph.target(e);
                if (!available(u) || checked[u] == checkMark) {
                    continue;
                }
                checked[u] = checkMark;
                if (!canComplete(u)) {
                    return true;
                }
                for (int f = graph.firstArc(u), fEnd = graph.endArc(u); f < fEnd; f++) {
                    int u2 = graph.target(f);
                    if (available(u2) && checked[u2] != checkMark) {
                        checked[u2] = checkMark;
                        if (!canComplete(u2)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private boolean available(int u) {
        return remaining[u] && !inRegion[u];
    }

    /**
     * Whether {@code u} can still form a grid within bounds from the available buildings: true
     * when it fits alone, with one neighbour, or when adding the lightest adjacent building
     * until the minimum is reached stays within the maximum. A quick test that can say no to a
     * building that could in fact be placed; it is used only to steer growth.
     */
    private boolean canComplete(int u) {
        long sum = households[u];
        if (sum >= min) {
            return sum <= max;
        }
        for (int e = graph.firstArc(u), end = graph.endArc(u); e < end; e++) {
            int h = graph.target(e);
            if (available(h) && sum + households[h] >= min && sum + households[h] <= max) {
                return true;
            }
        }
        setMark++;
        int size = 0;
        tried[u] = setMark;
        for (int e = graph.firstArc(u), end = graph.endArc(u); e < end; e++) {
            int h = graph.target(e);
            if (available(h) && tried[h] != setMark) {
                tried[h] = setMark;
                candidates[size++] = h;
            }
        }
        for (int step = 0; step < COMPLETION_STEPS; step++) {
            int at = -1;
            for (int t = 0; t < size; t++) {
                int c = candidates[t];
                if (at < 0 || households[c] < households[candidates[at]]
                        || (households[c] == households[candidates[at]] && c < candidates[at])) {
                    at = t;
                }
            }
            if (at < 0) {
                return false;
            }
            int c = candidates[at];
            candidates[at] = candidates[--size];
            sum += households[c];
            if (sum >= min) {
                return sum <= max;
            }
            for (int e = graph.firstArc(c), end = graph.endArc(c); e < end; e++) {
                int h = graph.target(e);
                if (available(h) && tried[h] != setMark) {
                    tried[h] = setMark;
                    candidates[size++] = h;
                }
            }
        }
        return true;
    }

    /**
     * Households that must join the region if {@code v} does, so the remainder stays connected:
     * labels the pieces of the remainder without the region and {@code v} in {@link #component}
     * (0 for the heaviest piece, which stays, positive for pieces that must go, -1 elsewhere).
     * Returns 0 when nothing is cut off, and -1 when taking {@code v} would leave nothing.
     */
    private long cutOff(int v) {
        // OPEN: in the remainder without v, not yet in a piece; -1: elsewhere.
        for (int u = 0; u < n; u++) {
            component[u] = remaining[u] && !inRegion[u] && u != v ? OPEN : -1;
        }
        int pieces = 0;
        long heaviest = -1;
        int heaviestLabel = -1;
        long all = 0;
        for (int s = 0; s < n; s++) {
            if (component[s] != OPEN) {
                continue;
            }
            int label = pieces++;
            int size = graph.flood(s, component, OPEN, label, stack);
            long weight = 0;
            for (int t = 0; t < size; t++) {
                weight += households[stack[t]];
            }
            all += weight;
            if (weight > heaviest) {
                heaviest = weight;
                heaviestLabel = label;
            }
        }
        if (pieces == 0) {
            return -1;
        }
        if (pieces == 1) {
            Arrays.fill(component, -1);
            return 0;
        }
        // Relabel: the heaviest piece stays (0), the others must go (1).
        for (int u = 0; u < n; u++) {
            if (component[u] >= 0) {
                component[u] = component[u] == heaviestLabel ? 0 : 1;
            }
        }
        return all - heaviest;
    }
}
