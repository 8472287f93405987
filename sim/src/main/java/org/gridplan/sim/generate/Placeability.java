package org.gridplan.sim.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gridplan.sim.generate.CityGenerator.BuildingType;
import org.gridplan.sim.model.BuildingAdjacency;
import org.gridplan.sim.model.LayoutRules;

/**
 * The household swaps of the {@link ConnectivityRepair} stage: whether each building can be
 * part of a contiguous group of {@value LayoutRules#URBAN_MIN}–{@value LayoutRules#URBAN_MAX}
 * households inside its community (the urban grid standard, without which no layout could
 * exist), and swaps that make it so. Random mixing occasionally breaks this, typically a
 * 280-household tower at the edge of its community whose only neighbours there are two other
 * towers; such a building swaps households with the nearest low- or mid-rise building of its
 * community for which both positions and their neighbours stay placeable. It works on the
 * repair's arrays of communities and households, swapping entries of the latter in place, and
 * owns only its search state (buildings seen, the remaining search budget).
 */
final class Placeability {
    /** Groups a search may extend before it gives the building the benefit of the doubt. */
    private static final int SEARCH_BUDGET = 20_000;
    /** Swap partners tried per unplaceable building, nearest first. */
    private static final int PARTNERS = 64;

    private final BuildingAdjacency adjacency;
    private final String[] community;
    private final int[] households;
    private final double[] xs;
    private final double[] ys;
    private final int min = LayoutRules.URBAN_MIN;
    private final int max = LayoutRules.URBAN_MAX;
    private final boolean[] seen;
    private int budget;

    Placeability(BuildingAdjacency adjacency, String[] community, int[] households, double[] xs, double[] ys) {
        this.adjacency = adjacency;
        this.community = community;
        this.households = households;
        this.xs = xs;
        this.ys = ys;
        this.seen = new boolean[households.length];
    }

    /**
     * Swaps households until every building is placeable where a swap can do it (a few
     * passes, since a swap can in rare cases spoil a building two steps away); returns
     * whether any swap was made.
     */
    boolean ensure() {
        boolean swappedAny = false;
        for (int pass = 0; pass < 3; pass++) {
            boolean swapped = false;
            for (int v = 0; v < households.length; v++) {
                if (!placeable(v) && swapWithPartner(v)) {
                    swapped = true;
                }
            }
            if (!swapped) {
                break;
            }
            swappedAny = true;
        }
        return swappedAny;
    }

    /**
     * Swaps {@code v}'s households with those of the nearest low- or mid-rise building of its
     * community (ties to the lower index) for which the swap leaves both positions and their
     * neighbours placeable; returns false, leaving everything as it was, when none does.
     */
    private boolean swapWithPartner(int v) {
        List<Integer> candidates = new ArrayList<>();
        for (int q = 0; q < households.length; q++) {
            if (q != v && community[q].equals(community[v])
                    && households[q] <= BuildingType.MID_RISE.maxHouseholds()) {
                candidates.add(q);
            }
        }
        candidates.sort(Comparator.comparingDouble((Integer q) -> Math.hypot(xs[q] - xs[v], ys[q] - ys[v]))
                .thenComparingInt(q -> q));
        for (int t = 0; t < Math.min(PARTNERS, candidates.size()); t++) {
            int q = candidates.get(t);
            swap(v, q);
            if (placeableAround(v) && placeableAround(q)) {
                return true;
            }
            swap(v, q);
        }
        return false;
    }

    private void swap(int a, int b) {
        int t = households[a];
        households[a] = households[b];
        households[b] = t;
    }

    /** Whether {@code v} and its neighbours in the same community are placeable. */
    private boolean placeableAround(int v) {
        if (!placeable(v)) {
            return false;
        }
        for (int k = 0; k < adjacency.degree(v); k++) {
            int u = adjacency.neighbour(v, k);
            if (community[u].equals(community[v]) && !placeable(u)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether some connected group of buildings of {@code v}'s community containing
     * {@code v} has {@code min..max} households. Each connected group is enumerated at most
     * once (extension sets with exclusion), lightest extension first, pruned above
     * {@code max}; when the budget runs out the answer is yes.
     */
    boolean placeable(int v) {
        if (households[v] >= min) {
            return households[v] <= max;
        }
        if (greedyGroup(v)) {
            return true;
        }
        budget = SEARCH_BUDGET;
        seen[v] = true;
        List<Integer> extension = neighboursNotSeen(v);
        boolean found = extend(households[v], extension);
        seen[v] = false;
        for (int u : extension) {
            seen[u] = false;
        }
        return found || budget <= 0;
    }

    /**
     * Whether growing from {@code v} by the heaviest adjacent building that still fits under
     * {@code max} reaches {@code min}: the quick answer for almost every building.
     */
    private boolean greedyGroup(int v) {
        List<Integer> group = new ArrayList<>();
        List<Integer> frontier = new ArrayList<>();
        group.add(v);
        seen[v] = true;
        frontier.addAll(neighboursNotSeen(v));
        long sum = households[v];
        boolean found = false;
        while (true) {
            int best = -1;
            for (int t = 0; t < frontier.size(); t++) {
                int u = frontier.get(t);
                if (sum + households[u] <= max && (best < 0 || households[u] > households[frontier.get(best)])) {
                    best = t;
                }
            }
            if (best < 0) {
                break;
            }
            int u = frontier.remove(best);
            group.add(u);
            sum += households[u];
            if (sum >= min) {
                found = true;
                break;
            }
            frontier.addAll(neighboursNotSeen(u));
        }
        for (int u : group) {
            seen[u] = false;
        }
        for (int u : frontier) {
            seen[u] = false;
        }
        return found;
    }

    /** Neighbours of {@code u} in its community not yet seen, now marked seen. */
    private List<Integer> neighboursNotSeen(int u) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < adjacency.degree(u); k++) {
            int w = adjacency.neighbour(u, k);
            if (!seen[w] && community[w].equals(community[u])) {
                seen[w] = true;
                out.add(w);
            }
        }
        return out;
    }

    private boolean extend(long sum, List<Integer> extension) {
        List<Integer> rest = new ArrayList<>(extension);
        rest.sort(Comparator.comparingInt((Integer u) -> households[u]).thenComparingInt(u -> u));
        while (!rest.isEmpty()) {
            if (--budget <= 0) {
                return false;
            }
            int u = rest.remove(0);
            long s = sum + households[u];
            if (s > max) {
                continue;
            }
            if (s >= min) {
                return true;
            }
            List<Integer> added = neighboursNotSeen(u);
            List<Integer> next = new ArrayList<>(rest);
            next.addAll(added);
            boolean found = extend(s, next);
            for (int w : added) {
                seen[w] = false;
            }
            if (found) {
                return true;
            }
        }
        return false;
    }
}
