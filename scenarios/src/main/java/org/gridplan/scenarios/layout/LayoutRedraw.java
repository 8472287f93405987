package org.gridplan.scenarios.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gridplan.sim.graph.CsrGraph;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.BuildingAdjacency;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.LayoutRules;
import org.gridplan.sim.model.LayoutValidator;
import org.gridplan.sim.model.Violation;

/**
 * A redraw of an existing layout that changes as little as it can: the grids that break the rules
 * are repaired by moving buildings across grid boundaries, and the grids of chosen communities are
 * drawn afresh; every other building keeps its grid.
 *
 * <p>Per community (the whole city when grids may cross communities), in order:
 * <ol>
 *   <li>a grid that is not contiguous keeps its largest part (by households); its other parts, the
 *       buildings in no grid, and buildings in a grid of another community are <em>loose</em>;</li>
 *   <li>each loose building joins the adjacent grid with the fewest households, from the grids
 *       outward (a loose part no grid touches becomes a grid of its own);</li>
 *   <li>the grids outside the household bounds are repaired by the local search of the layout
 *       generator ({@link BoundarySearch#repair}: one building at a time across a boundary, the
 *       move that lowers the violation most, keeping every grid contiguous);</li>
 *   <li>if that is not enough, the largest grid above the maximum is cut in two along a spanning
 *       tree, or the smallest grid below the minimum joins its smallest neighbour, and the repair
 *       runs again, a bounded number of times;</li>
 *   <li>a community that still breaks the rules is drawn afresh, and the result says so.</li>
 * </ol>
 * A valid layout comes back unchanged. Deterministic: the same input gives the same redraw.
 */
public final class LayoutRedraw {

    /** Cuts and joins tried per community before it is drawn afresh. */
    private static final int RESIZES = 20;

    /**
     * The redraw.
     *
     * @param layout            the redrawn layout
     * @param buildingsMoved    buildings whose grid changed (including those in no grid before)
     * @param householdsMoved   their households
     * @param gridsAdded        grids in the redraw that the layout did not have
     * @param gridsRemoved      grids of the layout the redraw does not have
     * @param redrawn           communities drawn afresh: asked for, or not repairable by moves
     * @param repaired          grids that broke a rule and were repaired, by id
     */
    public record Result(GridLayout layout, int buildingsMoved, long householdsMoved, List<String> gridsAdded,
            List<String> gridsRemoved, List<String> redrawn, List<String> repaired) {

        /** Copies. */
        public Result {
            gridsAdded = List.copyOf(gridsAdded);
            gridsRemoved = List.copyOf(gridsRemoved);
            redrawn = List.copyOf(redrawn);
            repaired = List.copyOf(repaired);
        }
    }

    private final City city;
    private final LayoutRules rules;
    private final int target;
    private final BuildingAdjacency adjacency;
    private final int[] localOf;

    /**
     * A redraw under {@code rules}.
     *
     * @param target households per grid to aim at, for grids drawn afresh and repairs
     */
    public LayoutRedraw(City city, LayoutRules rules, int target) {
        this.city = Objects.requireNonNull(city, "city");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.target = target;
        this.adjacency = city.adjacency();
        this.localOf = new int[city.buildings().size()];
        Arrays.fill(localOf, -1);
    }

    /**
     * Redraws {@code current}.
     *
     * @param communities communities to draw afresh whatever their grids
     * @throws LayoutInfeasibleException when a community cannot be drawn within the rules at all
     */
    public Result redraw(GridLayout current, Set<String> communities) {
        List<Building> buildings = city.buildings();
        Set<String> known = new HashSet<>();
        for (Building b : buildings) {
            known.add(b.community());
        }
        for (String c : communities) {
            if (!known.contains(c)) {
                throw new IllegalArgumentException("community " + c + ": the city has no such community (it has "
                        + known.size() + ", e.g. " + new TreeSet<>(known).first() + ")");
            }
        }
        Set<String> invalid = new TreeSet<>();
        for (Violation v : LayoutValidator.validate(city, current, rules)) {
            if (v.rule() != Violation.Rule.UNASSIGNED_BUILDING && v.rule() != Violation.Rule.UNKNOWN_BUILDING) {
                invalid.add(v.subject());
            }
        }
        String[] gridOf = new String[buildings.size()];
        for (int i = 0; i < buildings.size(); i++) {
            gridOf[i] = current.gridOfBuilding().get(buildings.get(i).id());
        }
        Map<String, String> communityOfGrid = new TreeMap<>(current.communityOfGrid());
        List<String> redrawn = new ArrayList<>();
        GridLayout fresh = null;
        Map<String, List<Integer>> groups = rules.allowCrossCommunity() ? Map.of("", allBuildings())
                : city.buildingsByCommunity();
        for (Map.Entry<String, List<Integer>> group : groups.entrySet()) {
            int[] members = group.getValue().stream().mapToInt(Integer::intValue).toArray();
            boolean afresh = !rules.allowCrossCommunity() && communities.contains(group.getKey());
            if (!afresh && !repair(group.getKey(), members, gridOf, communityOfGrid)) {
                afresh = true;
            }
            if (afresh) {
                if (fresh == null) {
                    fresh = new LayoutGenerator(LayoutGenerator.Spec.of(rules, target).withSplitOversized(false))
                            .generate(city).layout();
                }
                redrawn.add(rules.allowCrossCommunity() ? "the whole city" : group.getKey());
                Set<String> used = usedIds(gridOf, members);
                Map<String, String> rename = new LinkedHashMap<>();
                for (int i : members) {
                    String g = fresh.gridOfBuilding().get(buildings.get(i).id());
                    String id = rename.computeIfAbsent(g, x -> used.contains(x) ? freshId(x, used) : x);
                    used.add(id);
                    gridOf[i] = id;
                    communityOfGrid.put(id, fresh.communityOfGrid().get(g));
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> present = new TreeSet<>();
        for (int i = 0; i < buildings.size(); i++) {
            out.put(buildings.get(i).id(), gridOf[i]);
            present.add(gridOf[i]);
        }
        communityOfGrid.keySet().retainAll(present);
        GridLayout layout = new GridLayout(current.name(), out, communityOfGrid);
        List<Violation> left = LayoutValidator.validate(city, layout, rules);
        if (!left.isEmpty()) {
            throw new IllegalStateException("redraw of " + current.name() + " breaks the rules: " + left.get(0)
                    .message());
        }
        int moved = 0;
        long households = 0;
        for (int i = 0; i < buildings.size(); i++) {
            String before = current.gridOfBuilding().get(buildings.get(i).id());
            if (!gridOf[i].equals(before)) {
                moved++;
                households += buildings.get(i).households();
            }
        }
        Set<String> before = new TreeSet<>(current.grids());
        List<String> added = present.stream().filter(g -> !before.contains(g)).toList();
        List<String> removed = before.stream().filter(g -> !present.contains(g)).toList();
        return new Result(layout, moved, households, added, removed, redrawn,
                invalid.stream().filter(g -> before.contains(g)).toList());
    }

    private List<Integer> allBuildings() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < city.buildings().size(); i++) {
            all.add(i);
        }
        return all;
    }

    private static Set<String> usedIds(String[] gridOf, int[] except) {
        Set<Integer> skip = new HashSet<>();
        for (int i : except) {
            skip.add(i);
        }
        Set<String> used = new HashSet<>();
        for (int i = 0; i < gridOf.length; i++) {
            if (!skip.contains(i) && gridOf[i] != null) {
                used.add(gridOf[i]);
            }
        }
        return used;
    }

    private static String freshId(String like, Set<String> used) {
        for (int k = 2;; k++) {
            String id = like + "-R" + k;
            if (!used.contains(id)) {
                return id;
            }
        }
    }

    /**
     * Repairs the grids of one community in place; false when moves, cuts and joins cannot bring
     * every grid within the rules.
     */
    private boolean repair(String community, int[] members, String[] gridOf, Map<String, String> communityOfGrid) {
        List<Building> buildings = city.buildings();
        int n = members.length;
        CsrGraph graph = adjacency.graph().induced(members, localOf);
        // Regions: the grids of this community's buildings (of this community, when grids nest).
        Map<String, Integer> regionOf = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        int[] region = new int[n];
        for (int l = 0; l < n; l++) {
            String g = gridOf[members[l]];
            boolean ours = g != null && (rules.allowCrossCommunity()
                    || community.equals(communityOfGrid.get(g)));
            if (!ours) {
                region[l] = -1;
                continue;
            }
            region[l] = regionOf.computeIfAbsent(g, x -> {
                ids.add(x);
                return ids.size() - 1;
            });
        }
        // A grid in parts keeps its largest (by households); the others are loose.
        int k = ids.size();
        for (int r = 0; r < k; r++) {
            List<int[]> parts = parts(graph, region, r);
            if (parts.size() <= 1) {
                continue;
            }
            int keep = 0;
            for (int p = 1; p < parts.size(); p++) {
                if (households(members, parts.get(p)) > households(members, parts.get(keep))) {
                    keep = p;
                }
            }
            for (int p = 0; p < parts.size(); p++) {
                if (p != keep) {
                    for (int l : parts.get(p)) {
                        region[l] = -1;
                    }
                }
            }
        }
        k = attachLoose(graph, members, region, k, ids);
        int[] households = new int[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int l = 0; l < n; l++) {
            Building b = buildings.get(members[l]);
            households[l] = b.households();
            xs[l] = b.x();
            ys[l] = b.y();
        }
        BoundarySearch search = new BoundarySearch(households, xs, ys, graph, rules.minHouseholds(),
                rules.maxHouseholds());
        SplittableRandom random = new SplittableRandom(0x5EED ^ community.hashCode());
        int[] initial = region.clone();
        int initialK = k;
        boolean ok = inBounds(region, households, k) || search.repair(region, k, target);
        if (!ok) {
            // Moves alone do not do: from the grids as they were, cut or join first, then move.
            System.arraycopy(initial, 0, region, 0, n);
            while (ids.size() > initialK) {
                ids.remove(ids.size() - 1);
            }
            k = initialK;
        }
        for (int t = 0; !ok && t < RESIZES; t++) {
            long[] sum = new long[k];
            for (int l = 0; l < n; l++) {
                sum[region[l]] += households[l];
            }
            int big = -1;
            int small = -1;
            for (int r = 0; r < k; r++) {
                if (sum[r] > rules.maxHouseholds() && (big < 0 || sum[r] > sum[big])) {
                    big = r;
                }
                if (sum[r] < rules.minHouseholds() && (small < 0 || sum[r] < sum[small])) {
                    small = r;
                }
            }
            if (big >= 0 && sum[big] >= 2L * rules.minHouseholds() && cut(graph, region, households, big, k, random)) {
                ids.add(null);
                k++;
            } else if (small >= 0 && join(graph, region, sum, small, k)) {
                ids.set(small, null);
                k = renumber(region, ids);
            } else {
                return false;
            }
            ok = search.repair(region, k, target);
        }
        if (!ok) {
            return false;
        }
        // Grid ids: the regions keep theirs; new ones get the community's next free number.
        Set<String> used = usedIds(gridOf, members);
        used.addAll(ids.stream().filter(Objects::nonNull).toList());
        for (int r = 0; r < k; r++) {
            if (ids.get(r) == null) {
                ids.set(r, nextId(community, used));
                used.add(ids.get(r));
            }
            communityOfGrid.put(ids.get(r), rules.allowCrossCommunity() ? communityOfFirst(members, region, r)
                    : community);
        }
        for (int l = 0; l < n; l++) {
            gridOf[members[l]] = ids.get(region[l]);
        }
        return true;
    }

    private String communityOfFirst(int[] members, int[] region, int r) {
        for (int l = 0; l < members.length; l++) {
            if (region[l] == r) {
                return city.buildings().get(members[l]).community();
            }
        }
        return "?";
    }

    private static String nextId(String community, Set<String> used) {
        String stem = community.isEmpty() ? "G" : community + "-G";
        for (int k = 1;; k++) {
            String id = stem + (k < 10 ? "0" + k : Integer.toString(k));
            if (!used.contains(id)) {
                return id;
            }
        }
    }

    private boolean inBounds(int[] region, int[] households, int k) {
        long[] sum = new long[k];
        for (int l = 0; l < region.length; l++) {
            sum[region[l]] += households[l];
        }
        for (long s : sum) {
            if (s < rules.minHouseholds() || s > rules.maxHouseholds()) {
                return false;
            }
        }
        return true;
    }

    private long households(int[] members, int[] locals) {
        long h = 0;
        for (int l : locals) {
            h += city.buildings().get(members[l]).households();
        }
        return h;
    }

    /** The connected parts of region {@code r}, as local indices. */
    private static List<int[]> parts(CsrGraph graph, int[] region, int r) {
        int n = region.length;
        boolean[] seen = new boolean[n];
        int[] stack = new int[n];
        List<int[]> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            if (region[s] != r || seen[s]) {
                continue;
            }
            List<Integer> part = new ArrayList<>();
            int top = 0;
            stack[top++] = s;
            seen[s] = true;
            while (top > 0) {
                int u = stack[--top];
                part.add(u);
                for (int a = graph.firstArc(u); a < graph.endArc(u); a++) {
                    int v = graph.target(a);
                    if (region[v] == r && !seen[v]) {
                        seen[v] = true;
                        stack[top++] = v;
                    }
                }
            }
            out.add(part.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    /**
     * Loose buildings join the adjacent region with the fewest households, from the regions
     * outward; a loose part no region reaches becomes a region of its own. Returns the regions.
     */
    private int attachLoose(CsrGraph graph, int[] members, int[] region, int k, List<String> ids) {
        int n = region.length;
        long[] sum = new long[n + 1];
        for (int l = 0; l < n; l++) {
            if (region[l] >= 0) {
                sum[region[l]] += city.buildings().get(members[l]).households();
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int l = 0; l < n; l++) {
                if (region[l] >= 0) {
                    continue;
                }
                int best = -1;
                for (int a = graph.firstArc(l); a < graph.endArc(l); a++) {
                    int r = region[graph.target(a)];
                    if (r >= 0 && (best < 0 || sum[r] < sum[best] || (sum[r] == sum[best] && r < best))) {
                        best = r;
                    }
                }
                if (best >= 0) {
                    region[l] = best;
                    sum[best] += city.buildings().get(members[l]).households();
                    changed = true;
                }
            }
        }
        for (int l = 0; l < n; l++) {
            if (region[l] < 0) {
                // A loose part no grid touches: a grid of its own.
                int r = k++;
                ids.add(null);
                int[] stack = new int[n];
                int top = 0;
                stack[top++] = l;
                region[l] = r;
                while (top > 0) {
                    int u = stack[--top];
                    for (int a = graph.firstArc(u); a < graph.endArc(u); a++) {
                        int v = graph.target(a);
                        if (region[v] < 0) {
                            region[v] = r;
                            stack[top++] = v;
                        }
                    }
                }
            }
        }
        return k;
    }

    /**
     * Cuts region {@code r} in two along a spanning tree, at the edge that leaves both parts at
     * least the minimum and nearest equal; the part away from the root becomes region {@code k}.
     */
    private boolean cut(CsrGraph graph, int[] region, int[] households, int r, int k, SplittableRandom random) {
        int[] members = new int[region.length];
        int m = 0;
        for (int l = 0; l < region.length; l++) {
            if (region[l] == r) {
                members[m++] = l;
            }
        }
        members = Arrays.copyOf(members, m);
        int[] local = new int[region.length];
        Arrays.fill(local, -1);
        CsrGraph sub = graph.induced(members, local);
        for (int attempt = 0; attempt < 10; attempt++) {
            int[] parent = SpanningTrees.wilson(sub, random);
            long[] below = new long[m];
            long total = 0;
            for (int i = 0; i < m; i++) {
                below[i] = households[members[i]];
                total += below[i];
            }
            int[] order = SpanningTrees.order(parent);
            for (int i = m - 1; i > 0; i--) {
                below[parent[order[i]]] += below[order[i]];
            }
            int best = -1;
            for (int i = 0; i < m; i++) {
                if (parent[i] >= 0 && below[i] >= rules.minHouseholds() && total - below[i] >= rules.minHouseholds()
                        && (best < 0 || Math.abs(total - 2 * below[i]) < Math.abs(total - 2 * below[best]))) {
                    best = i;
                }
            }
            if (best < 0) {
                continue;
            }
            boolean[] in = new boolean[m];
            in[best] = true;
            for (int i : order) {
                if (i != best && parent[i] >= 0 && in[parent[i]]) {
                    in[i] = true;
                }
            }
            for (int i = 0; i < m; i++) {
                if (in[i]) {
                    region[members[i]] = k;
                }
            }
            return true;
        }
        return false;
    }

    /** Joins region {@code small} to its adjacent region with the fewest households, if their sum fits. */
    private boolean join(CsrGraph graph, int[] region, long[] sum, int small, int k) {
        int best = -1;
        for (int l = 0; l < region.length; l++) {
            if (region[l] != small) {
                continue;
            }
            for (int a = graph.firstArc(l); a < graph.endArc(l); a++) {
                int r = region[graph.target(a)];
                if (r != small && (best < 0 || sum[r] < sum[best])) {
                    best = r;
                }
            }
        }
        if (best < 0 || sum[best] + sum[small] > rules.maxHouseholds()) {
            return false;
        }
        for (int l = 0; l < region.length; l++) {
            if (region[l] == small) {
                region[l] = best;
            }
        }
        return true;
    }

    /** Numbers the regions still named or new 0..k-1 in order, dropping those set to null and emptied. */
    private static int renumber(int[] region, List<String> ids) {
        int k = ids.size();
        boolean[] used = new boolean[k];
        for (int r : region) {
            used[r] = true;
        }
        int[] to = new int[k];
        List<String> kept = new ArrayList<>();
        for (int r = 0; r < k; r++) {
            if (used[r]) {
                to[r] = kept.size();
                kept.add(ids.get(r));
            }
        }
        for (int l = 0; l < region.length; l++) {
            region[l] = to[region[l]];
        }
        ids.clear();
        ids.addAll(kept);
        return ids.size();
    }

    /** A one-line account of a redraw, for the command line. */
    public static String describe(Result r) {
        return String.format(Locale.ROOT, "%,d buildings (%,d households) moved; %d grids repaired%s%s%s",
                r.buildingsMoved(), r.householdsMoved(), r.repaired().size(),
                r.gridsAdded().isEmpty() ? "" : "; new grids " + String.join(", ", r.gridsAdded()),
                r.gridsRemoved().isEmpty() ? "" : "; grids removed " + String.join(", ", r.gridsRemoved()),
                r.redrawn().isEmpty() ? "" : "; drawn afresh: " + String.join(", ", r.redrawn()));
    }
}
