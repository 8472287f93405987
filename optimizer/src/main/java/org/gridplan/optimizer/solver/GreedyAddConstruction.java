package org.gridplan.optimizer.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridplan.optimizer.domain.BranchSite;
import org.gridplan.optimizer.domain.DemandAssignment;
import org.gridplan.optimizer.domain.SitingSolution;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * The construction heuristic: greedy add (open, one at a time, the site that most reduces the
 * weighted travel, until p are open), then assign demand to the nearest open site that still has
 * capacity, in order of decreasing regret (how much a demand point loses if it misses its nearest
 * site). When a community must share a branch, the community is placed as one block.
 *
 * <p>Every change goes through the score director, so the score still comes from the constraint
 * streams. Demand points that already have a site (a warm start) keep it.
 */
public class GreedyAddConstruction implements CustomPhaseCommand<SitingSolution> {

    @Override
    public void changeWorkingSolution(ScoreDirector<SitingSolution> scoreDirector) {
        SitingSolution solution = scoreDirector.getWorkingSolution();
        List<DemandAssignment> assignments = solution.getAssignments();
        List<BranchSite> sites = solution.getSites();
        if (assignments.stream().allMatch(a -> a.getSite() != null)) {
            return;
        }
        boolean[] open = greedyAdd(assignments, sites.size(), Math.min(solution.getParameters().maxBranches(),
                sites.size()));
        long[] load = new long[sites.size()];
        for (DemandAssignment a : assignments) {
            if (a.getSite() != null) {
                open[a.getSite().getIndex()] = true;
                load[a.getSite().getIndex()] += a.getHouseholds();
            }
        }
        int[] openSites = indicesOf(open);
        for (Block block : blocks(solution, openSites)) {
            int chosen = -1;
            for (int k = 0; k < openSites.length && chosen < 0; k++) {
                int j = block.order[k];
                if (load[j] + block.households <= sites.get(j).getCapacity()) {
                    chosen = j;
                }
            }
            if (chosen < 0) {
                chosen = block.order[0];
            }
            load[chosen] += block.households;
            BranchSite site = sites.get(chosen);
            for (DemandAssignment a : block.members) {
                scoreDirector.beforeVariableChanged(a, "site");
                a.setSite(site);
                scoreDirector.afterVariableChanged(a, "site");
            }
        }
        scoreDirector.triggerVariableListeners();
    }

    /** Greedy add on weighted travel cost: p sites, each the one that saves the most. */
    static boolean[] greedyAdd(List<DemandAssignment> assignments, int m, int p) {
        int n = assignments.size();
        long[] weight = new long[n];
        boolean anyWeight = false;
        for (int i = 0; i < n; i++) {
            weight[i] = assignments.get(i).getTravelWeight();
            anyWeight |= weight[i] > 0;
        }
        if (!anyWeight) {
            Arrays.fill(weight, 1);
        }
        long[] best = new long[n];
        Arrays.fill(best, Long.MAX_VALUE);
        boolean[] open = new boolean[m];
        for (int k = 0; k < p; k++) {
            int bestSite = -1;
            long bestValue = Long.MIN_VALUE;
            for (int j = 0; j < m; j++) {
                if (open[j]) {
                    continue;
                }
                long value = 0;
                for (int i = 0; i < n; i++) {
                    long c = assignments.get(i).costTo(j);
                    // first site: minimise total cost (value = -cost); later: maximise the saving
                    value += k == 0 ? -weight[i] * c : weight[i] * Math.max(0, best[i] - c);
                }
                if (value > bestValue) {
                    bestValue = value;
                    bestSite = j;
                }
            }
            open[bestSite] = true;
            for (int i = 0; i < n; i++) {
                best[i] = Math.min(best[i], assignments.get(i).costTo(bestSite));
            }
        }
        return open;
    }

    /** The indices of the true entries of {@code flags}, in order. */
    static int[] indicesOf(boolean[] flags) {
        int count = 0;
        for (boolean f : flags) {
            count += f ? 1 : 0;
        }
        int[] out = new int[count];
        int k = 0;
        for (int j = 0; j < flags.length; j++) {
            if (flags[j]) {
                out[k++] = j;
            }
        }
        return out;
    }

    /** Unassigned demand grouped into blocks (a community when it must share, else one point), by regret. */
    private static List<Block> blocks(SitingSolution solution, int[] openSites) {
        boolean byCommunity = solution.getParameters().communitySharesBranch();
        Map<Object, List<DemandAssignment>> groups = new LinkedHashMap<>();
        for (DemandAssignment a : solution.getAssignments()) {
            if (a.getSite() == null) {
                Object key = byCommunity && a.getCommunity() != null ? "community:" + a.getCommunity() : a;
                groups.computeIfAbsent(key, x -> new ArrayList<>()).add(a);
            }
        }
        List<Block> blocks = new ArrayList<>(groups.size());
        for (List<DemandAssignment> members : groups.values()) {
            blocks.add(Block.of(members, openSites));
        }
        blocks.sort(Comparator.comparingLong((Block b) -> -b.regret).thenComparingLong(b -> -b.households));
        return blocks;
    }

    private record Block(List<DemandAssignment> members, long households, int[] order, long regret) {

        static Block of(List<DemandAssignment> members, int[] openSites) {
            long[] cost = new long[openSites.length];
            long households = 0;
            for (DemandAssignment a : members) {
                households += a.getHouseholds();
                long w = Math.max(1, a.getTravelWeight());
                for (int k = 0; k < openSites.length; k++) {
                    cost[k] += w * a.costTo(openSites[k]);
                }
            }
            Integer[] idx = new Integer[openSites.length];
            for (int k = 0; k < idx.length; k++) {
                idx[k] = k;
            }
            Arrays.sort(idx, Comparator.comparingLong((Integer k) -> cost[k]).thenComparingInt(k -> k));
            int[] order = new int[idx.length];
            for (int k = 0; k < idx.length; k++) {
                order[k] = openSites[idx[k]];
            }
            long regret = idx.length > 1 ? cost[idx[1]] - cost[idx[0]] : 0;
            return new Block(members, households, order, regret);
        }
    }
}
