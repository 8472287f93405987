package org.gridplan.optimizer.solver;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.gridplan.optimizer.domain.BranchSite;
import org.gridplan.optimizer.domain.DemandAssignment;
import org.gridplan.optimizer.domain.SitingSolution;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * A variable-neighbourhood search on the medians of a capacitated p-median problem (pure travel
 * objective, one capacity for every site), run as a custom phase between late acceptance and
 * simulated annealing. The planning moves of the other phases change one or a few clients at a
 * time, so under tight capacities relocating a median needs a chain of them, each of which looks
 * worse on its own; this phase instead evaluates a median swap (close o, open c) by solving the
 * whole client assignment for the new median set: regret-ordered greedy assignment with capacities,
 * then client shifts and client exchanges until none improves.
 *
 * <p>Local search: for each open median o, the closed sites ordered by the cost of serving o's
 * current clients from them (the {@value #CANDIDATES} best), first improvement, until no swap
 * improves. Shaking: k random swaps among the same candidates, k = 1 … max(3, p/3) cycling while
 * no improvement is found (Mladenović &amp; Hansen's basic VNS); after {@value #RESTART_CYCLES}
 * fruitless cycles, a restart from the best plan moved by p/2 random swaps (SJC2 has a deep local
 * optimum seven medians away from the optimum). The reassignment of a swap is done twice, from
 * scratch and from the current assignment with the closed median's clients moved to the new one,
 * and the better kept; shifts, exchanges and two-step ejection chains improve each. Costs are the score's rounded
 * travel
 * costs, so the phase never disagrees with the constraint streams; the best plan is written back
 * through the score director.
 *
 * <p>Deterministic: its own {@link SplittableRandom} from the solver seed, and a budget counted in
 * move evaluations: the phase counts its inner-loop steps and adds one evaluation to the solver's
 * count per {@link #WORK_PER_EVALUATION} of them (about the time of one planning-move evaluation), so
 * the one budget keeps meaning about the same time in every phase and on every size of problem. It also stops at the
 * solve's time limit (which makes a run machine-dependent, like any time-ended run) and on
 * reaching the travel target of {@link SolveOptions#stopAtTravel()}.
 */
public class CapacitatedMedianSearch implements CustomPhaseCommand<SitingSolution> {

    /** Closed sites tried per open median: the cheapest to serve its clients. */
    static final int CANDIDATES = 24;
    /**
     * Inner-loop steps (a client × median or client × client look) that count as one solver move
     * evaluation: about the time Bavet takes for one planning-move evaluation on these problems.
     */
    static final long WORK_PER_EVALUATION = 2_000;
    /** Unsuccessful shake cycles (k = 1 … kmax) before a restart. */
    static final int RESTART_CYCLES = 2;
    private static final long INFEASIBLE = Long.MAX_VALUE / 8;

    private long evaluationLimit = Long.MAX_VALUE;
    private long deadlineMillis = Long.MAX_VALUE;
    private double stopAtTravel = -1;
    private long seed = 1;

    private int n;
    private int m;
    private int p;
    private long capacity;
    private long[][] cost;
    private long[] demand;
    private double[][] distance;
    private InnerScoreDirector<SitingSolution, ?> inner;
    /** Inner-loop steps not yet added to the solver's evaluation count. */
    private long work;

    /** Custom property: the solver's move-evaluation limit (this phase ends when the count reaches it). */
    public void setEvaluationLimit(String value) {
        evaluationLimit = Long.parseLong(value);
    }

    /** Custom property: the wall-clock deadline, epoch milliseconds. */
    public void setDeadlineMillis(String value) {
        deadlineMillis = Long.parseLong(value);
    }

    /** Custom property: stop when the unrounded travel is at or below this. */
    public void setStopAtTravel(String value) {
        stopAtTravel = Double.parseDouble(value);
    }

    /** Custom property: the random seed. */
    public void setSeed(String value) {
        seed = Long.parseLong(value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void changeWorkingSolution(ScoreDirector<SitingSolution> scoreDirector) {
        inner = (InnerScoreDirector<SitingSolution, ?>) scoreDirector;
        SitingSolution solution = scoreDirector.getWorkingSolution();
        List<DemandAssignment> assignments = solution.getAssignments();
        List<BranchSite> sites = solution.getSites();
        n = assignments.size();
        m = sites.size();
        p = Math.min(solution.getParameters().maxBranches(), m);
        capacity = sites.get(0).getCapacity();
        if (p >= m || assignments.stream().anyMatch(a -> a.getSite() == null)) {
            return;
        }
        cost = new long[n][m];
        distance = new double[n][m];
        demand = new long[n];
        for (DemandAssignment a : assignments) {
            int i = a.getIndex();
            demand[i] = a.getHouseholds();
            for (int j = 0; j < m; j++) {
                cost[i][j] = a.getTravelWeight() * a.costTo(j);
                distance[i][j] = a.getTravelWeight() * a.distanceTo(j);
            }
        }
        boolean[] open = new boolean[m];
        for (DemandAssignment a : assignments) {
            open[a.getSite().getIndex()] = true;
        }
        int[] medians = GreedyAddConstruction.indicesOf(open);
        if (medians.length != p) {
            return; // fewer or more than p open: leave it to the planning moves
        }
        Plan current = solve(medians);
        int[] start = new int[n];
        for (DemandAssignment a : assignments) {
            start[a.getIndex()] = a.getSite().getIndex();
        }
        Plan given = Plan.of(medians, start, this);
        if (given.cost <= current.cost) {
            current = given;
        }
        current = localSearch(current);
        Plan best = current;
        SplittableRandom random = new SplittableRandom(seed);
        int maxShake = Math.max(3, p / 3);
        int k = 1;
        int failures = 0;
        while (!done(best)) {
            Plan candidate = localSearch(shake(current, k, random));
            if (candidate.cost < current.cost) {
                current = candidate;
                k = 1;
                failures = 0;
                if (current.cost < best.cost) {
                    best = current;
                }
            } else if (++failures >= RESTART_CYCLES * maxShake) {
                // a deep basin: restart from the best plan moved by p/2 random swaps, whatever it costs
                current = localSearch(shake(best, Math.max(maxShake + 1, p / 2), random));
                if (current.cost < best.cost) {
                    best = current;
                }
                k = 1;
                failures = 0;
            } else {
                k = k % maxShake + 1;
            }
        }
        write(scoreDirector, sites, assignments, best);
    }

    private boolean done(Plan best) {
        for (; work >= WORK_PER_EVALUATION; work -= WORK_PER_EVALUATION) {
            inner.incrementCalculationCount();
        }
        return inner.getCalculationCount() >= evaluationLimit || System.currentTimeMillis() >= deadlineMillis
                || (stopAtTravel >= 0 && best.overload == 0 && best.travel() <= stopAtTravel);
    }

    /** First-improvement median swaps until none improves (or the budget ends). */
    private Plan localSearch(Plan start) {
        Plan current = start;
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int slot = 0; slot < p && !improved; slot++) {
                for (int c : candidates(current, slot)) {
                    if (done(current)) {
                        return current;
                    }
                    Plan next = solveSwap(current, slot, c);
                    if (next.cost < current.cost) {
                        current = next;
                        improved = true;
                        break;
                    }
                }
            }
        }
        return current;
    }

    private Plan shake(Plan plan, int k, SplittableRandom random) {
        Plan shaken = plan;
        for (int s = 0; s < k; s++) {
            int slot = random.nextInt(p);
            int[] cands = candidates(shaken, slot);
            shaken = solveSwap(shaken, slot, cands[random.nextInt(cands.length)]);
        }
        return shaken;
    }

    /** The closed sites cheapest for serving the clients of the median in {@code slot}. */
    private int[] candidates(Plan plan, int slot) {
        int o = plan.medians[slot];
        boolean[] isMedian = new boolean[m];
        for (int j : plan.medians) {
            isMedian[j] = true;
        }
        long[] keys = new long[m - p];
        int count = 0;
        work += (long) n * m;
        for (int c = 0; c < m; c++) {
            if (isMedian[c]) {
                continue;
            }
            long sum = 0;
            for (int i = 0; i < n; i++) {
                if (plan.site[i] == o) {
                    sum += cost[i][c];
                }
            }
            keys[count++] = (Math.min(sum, (1L << 41) - 1) << 21) | c;
        }
        Arrays.sort(keys, 0, count);
        int[] out = new int[Math.min(CANDIDATES, count)];
        for (int k = 0; k < out.length; k++) {
            out[k] = (int) (keys[k] & ((1 << 21) - 1));
        }
        return out;
    }

    private static int[] swapped(int[] medians, int slot, int c) {
        int[] out = medians.clone();
        out[slot] = c;
        return out;
    }

    /**
     * The plan after swapping the median in {@code slot} for {@code c}: the better of two
     * assignments, each improved by {@link #improve}: from scratch ({@link #solve}), and from the
     * plan's own assignment with the closed median's clients moved to {@code c} (which keeps the
     * work already done on the rest, and matters when capacities are tight).
     */
    private Plan solveSwap(Plan plan, int slot, int c) {
        int[] medians = swapped(plan.medians, slot, c);
        Plan cold = solve(medians);
        int o = plan.medians[slot];
        int[] site = plan.site.clone();
        long[] load = new long[m];
        for (int i = 0; i < n; i++) {
            if (site[i] == o) {
                site[i] = c;
            }
            load[site[i]] += demand[i];
        }
        improve(site, load, medians, nearest(medians));
        Plan warm = Plan.of(medians, site, this);
        return warm.cost < cold.cost ? warm : cold;
    }

    /** For every client, its nearest median of the set. */
    private int[] nearest(int[] medians) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = medians[0];
            for (int j : medians) {
                if (cost[i][j] < cost[i][best] || (cost[i][j] == cost[i][best] && j < best)) {
                    best = j;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** The assignment for a median set: regret-greedy with capacities, then shifts and exchanges. */
    private Plan solve(int[] medians) {
        work += (long) n * p * 3;
        long[] load = new long[m];
        int[] site = new int[n];
        long[] regret = new long[n];
        int[][] sorted = new int[n][];
        for (int i = 0; i < n; i++) {
            long[] keys = new long[p];
            for (int k = 0; k < p; k++) {
                keys[k] = (Math.min(cost[i][medians[k]], (1L << 41) - 1) << 21) | medians[k];
            }
            Arrays.sort(keys);
            int[] s = new int[p];
            for (int k = 0; k < p; k++) {
                s[k] = (int) (keys[k] & ((1 << 21) - 1));
            }
            sorted[i] = s;
            regret[i] = p > 1 ? cost[i][s[1]] - cost[i][s[0]] : 0;
        }
        Integer[] clients = new Integer[n];
        for (int i = 0; i < n; i++) {
            clients[i] = i;
        }
        Arrays.sort(clients, (x, y) -> regret[x] != regret[y] ? Long.compare(regret[y], regret[x])
                : demand[x] != demand[y] ? Long.compare(demand[y], demand[x]) : Integer.compare(x, y));
        for (int i : clients) {
            int chosen = -1;
            int roomiest = sorted[i][0];
            for (int j : sorted[i]) {
                if (load[j] + demand[i] <= capacity) {
                    chosen = j;
                    break;
                }
                if (load[j] < load[roomiest]) {
                    roomiest = j;
                }
            }
            int j = chosen >= 0 ? chosen : roomiest;
            site[i] = j;
            load[j] += demand[i];
        }
        int[] nearest = new int[n];
        for (int i = 0; i < n; i++) {
            nearest[i] = sorted[i][0];
        }
        improve(site, load, medians, nearest);
        return Plan.of(medians, site, this);
    }

    /** Client shifts and exchanges that lower travel (or overload) until none does. */
    private void improve(int[] site, long[] load, int[] medians, int[] nearest) {
        boolean improved = true;
        while (improved) {
            improved = false;
            work += (long) n * p;
            for (int i = 0; i < n; i++) {
                int a = site[i];
                for (int j : medians) {
                    if (j == a) {
                        continue;
                    }
                    long over = Math.max(0, load[a] - capacity) + Math.max(0, load[j] - capacity);
                    long overAfter = Math.max(0, load[a] - demand[i] - capacity)
                            + Math.max(0, load[j] + demand[i] - capacity);
                    if (overAfter < over || (overAfter == over && overAfter == 0 && cost[i][j] < cost[i][a])) {
                        load[a] -= demand[i];
                        load[j] += demand[i];
                        site[i] = j;
                        a = j;
                        improved = true;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (site[i] == nearest[i]) {
                    continue; // an exchange that helps i's side starts from a client not at its nearest median
                }
                work += n;
                for (int k = 0; k < n; k++) {
                    int a = site[i];
                    int b = site[k];
                    if (a == b || cost[i][b] >= cost[i][a]) {
                        continue;
                    }
                    long delta = cost[i][b] + cost[k][a] - cost[i][a] - cost[k][b];
                    if (delta >= 0) {
                        continue;
                    }
                    long d = demand[i] - demand[k];
                    if (load[b] + d <= capacity && load[a] - d <= capacity) {
                        load[a] -= d;
                        load[b] += d;
                        site[i] = b;
                        site[k] = a;
                        improved = true;
                    }
                }
            }
            if (!improved) {
                improved = ejectionChain(site, load, medians, nearest);
            }
        }
    }

    /**
     * The first improving chain of two shifts: client i to a nearer median b that lacks room for it,
     * and a client k of b on to a third median c that has room for k. Whether one was applied.
     */
    private boolean ejectionChain(int[] site, long[] load, int[] medians, int[] nearest) {
        for (int i = 0; i < n; i++) {
            int a = site[i];
            if (a == nearest[i]) {
                continue;
            }
            for (int b : medians) {
                long gain = cost[i][b] - cost[i][a];
                if (b == a || gain >= 0) {
                    continue;
                }
                work += n;
                long need = load[b] + demand[i] - capacity;
                for (int k = 0; k < n; k++) {
                    if (site[k] != b || k == i || demand[k] < need) {
                        continue;
                    }
                    work += p;
                    for (int c : medians) {
                        if (c == a || c == b || load[c] + demand[k] > capacity || gain + cost[k][c] - cost[k][b] >= 0) {
                            continue;
                        }
                        load[a] -= demand[i];
                        load[b] += demand[i] - demand[k];
                        load[c] += demand[k];
                        site[i] = b;
                        site[k] = c;
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void write(ScoreDirector<SitingSolution> scoreDirector, List<BranchSite> sites,
            List<DemandAssignment> assignments, Plan best) {
        for (DemandAssignment a : assignments) {
            BranchSite target = sites.get(best.site[a.getIndex()]);
            if (a.getSite() != target) {
                scoreDirector.beforeVariableChanged(a, "site");
                a.setSite(target);
                scoreDirector.afterVariableChanged(a, "site");
            }
        }
        scoreDirector.triggerVariableListeners();
    }

    /** A median set, its assignment, travel cost and overload (cost compares plans: overload first). */
    private record Plan(int[] medians, int[] site, long travelCost, long overload, long cost,
            CapacitatedMedianSearch owner) {

        static Plan of(int[] medians, int[] site, CapacitatedMedianSearch s) {
            long travel = 0;
            long[] load = new long[s.m];
            for (int i = 0; i < s.n; i++) {
                travel += s.cost[i][site[i]];
                load[site[i]] += s.demand[i];
            }
            long over = 0;
            for (int j : medians) {
                over += Math.max(0, load[j] - s.capacity);
            }
            long cost = over > 0 ? INFEASIBLE + over : travel;
            return new Plan(medians, site, travel, over, cost, s);
        }

        double travel() {
            double t = 0;
            for (int i = 0; i < owner.n; i++) {
                t += owner.distance[i][site[i]];
            }
            return t;
        }
    }
}
