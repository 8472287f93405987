package org.gridplan.scenarios.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.gridplan.sim.graph.CsrGraph;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.BuildingAdjacency;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.LayoutRules;
import org.gridplan.sim.model.LayoutValidator;
import org.gridplan.sim.model.Violation;

/**
 * A generator of grid layouts: divides every community of a city into contiguous grids whose
 * households lie within the {@link LayoutRules} and come near a chosen target, so a planner can
 * produce alternative layouts of the same district (e.g. grids of about 300, 400 or 500
 * households).
 *
 * <p>Steps:
 * <ol>
 *   <li><b>Oversized buildings.</b> A building with more households than the rules' maximum
 *       cannot fit in any grid. By default it is split into unit-level sub-buildings with
 *       {@link City#splitOversized(int)} and each split is reported in the {@link Result},
 *       whose city is the split one; with splitting off, generation fails naming the building.</li>
 *   <li><b>Parts.</b> Each community's buildings are divided into their connected parts on
 *       {@link City#adjacency()}; each part is divided on its own, since a grid cannot span two.</li>
 *   <li><b>Number of grids.</b> A part of {@code H} households can be divided into {@code k}
 *       grids only if {@code k × min ≤ H ≤ k × max}. Among those {@code k}, the one whose mean
 *       {@code H / k} is nearest the aim is tried first, then the others by nearness. The aim is
 *       the target pulled in to {@code [min + (max - min) / 8, max - (max - min) / 8]} (325–475
 *       for the urban 300–500): a mean right at a bound would need every grid exactly at that
 *       bound, which whole buildings rarely allow.</li>
 *   <li><b>Division.</b> Grids are peeled one at a time off the edge of what remains, each
 *       grown from a seed to the nearest adjacent buildings and rolled back to the size closest
 *       to the remaining mean, while the remainder is kept connected and divisible and no
 *       building nearby is left without a possible grid (see {@code PeelingPartition}); every
 *       grid is contiguous by construction. Seeds come from the edge farthest from the
 *       remainder's centre, then, should that fail, from sweeps starting at the west, east,
 *       south and north. Where whole buildings make a grid fall short, a local search moves
 *       buildings across grid boundaries until every grid is within bounds; finally boundary
 *       moves make grids more compact (see {@code BoundarySearch}).</li>
 *   <li><b>Check.</b> The layout is checked with {@link LayoutValidator} before it is returned;
 *       a violation there is a bug and raises {@link IllegalStateException} listing it.</li>
 * </ol>
 *
 * <p>Grids keep within one community unless {@link LayoutRules#allowCrossCommunity()}; then a
 * community, or a cut-off part of one, that cannot be divided on its own (fewer households than the
 * minimum, or a total no number of grids divides within the bounds) is divided together with the
 * adjacent group it shares the most boundary with, and a grid belongs to the community with most of
 * its households. Grids are named {@code <community>-G<nn>}, numbered within their community in order of their
 * first building in the city (e.g. {@code C07-G03}). The result is a pure function of the city
 * and the {@link Spec}; a generator holds no state between calls and may be shared between
 * threads. A 500,000-household district (about 1,250 grids) takes well under a second once the
 * city's adjacency is built.
 */
public final class LayoutGenerator {

    /** Default target: 400 households per grid, the middle of the urban 300–500 standard. */
    public static final int DEFAULT_TARGET = 400;

    /**
     * What layout to generate.
     *
     * @param name             the layout's name; {@link #of(int)} uses {@code grid-<target>}
     * @param rules            the size bounds every grid must meet; default {@link LayoutRules#urban()}
     * @param targetHouseholds households per grid to aim at, within the rules' bounds; default
     *                         {@value #DEFAULT_TARGET}
     * @param splitOversized   whether buildings above the maximum are split into unit-level
     *                         sub-buildings (default) rather than rejected
     */
    public record Spec(String name, LayoutRules rules, int targetHouseholds, boolean splitOversized) {

        /** Validates the fields; the target must lie within the rules' bounds. */
        public Spec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(rules, "rules");
            if (name.isBlank()) {
                throw new IllegalArgumentException("layout name is blank");
            }
            if (targetHouseholds < rules.minHouseholds() || targetHouseholds > rules.maxHouseholds()) {
                throw new IllegalArgumentException("target " + targetHouseholds + " households per grid outside "
                        + rules.minHouseholds() + ".." + rules.maxHouseholds());
            }
        }

        /** Urban rules (300–500), the given target, splitting on, named {@code grid-<target>}. */
        public static Spec of(int targetHouseholds) {
            return of(LayoutRules.urban(), targetHouseholds);
        }

        /** The given rules and target, splitting on, named {@code grid-<target>}. */
        public static Spec of(LayoutRules rules, int targetHouseholds) {
            return new Spec("grid-" + targetHouseholds, rules, targetHouseholds, true);
        }

        /** This spec under another layout name. */
        public Spec withName(String newName) {
            return new Spec(newName, rules, targetHouseholds, splitOversized);
        }

        /** This spec with other rules (the target must lie within them). */
        public Spec withRules(LayoutRules newRules) {
            return new Spec(name, newRules, targetHouseholds, splitOversized);
        }

        /** This spec with another target; the name is kept. */
        public Spec withTargetHouseholds(int target) {
            return new Spec(name, rules, target, splitOversized);
        }

        /** This spec with splitting of oversized buildings on or off. */
        public Spec withSplitOversized(boolean split) {
            return new Spec(name, rules, targetHouseholds, split);
        }

        /**
         * The mean grid size aimed at: the target pulled in to one eighth of the allowed range
         * from either bound (see {@link LayoutGenerator}).
         */
        public double aim() {
            double margin = (rules.maxHouseholds() - rules.minHouseholds()) / 8.0;
            return Math.max(rules.minHouseholds() + margin, Math.min(rules.maxHouseholds() - margin, targetHouseholds));
        }
    }

    /**
     * A building split into unit-level sub-buildings because it exceeded the maximum grid size.
     *
     * @param id         the original building id
     * @param households its households
     * @param parts      ids of its sub-buildings in the result's city, e.g. {@code T1/1, T1/2}
     */
    public record SplitBuilding(String id, int households, List<String> parts) {

        /** Copies the parts. */
        public SplitBuilding {
            parts = List.copyOf(parts);
        }
    }

    /**
     * What the generator produced.
     *
     * @param city   the city the layout is for: the input city, or a copy with oversized
     *               buildings split when {@code splits} is not empty
     * @param layout the layout, valid for {@code city} under the spec's rules
     * @param splits the buildings that were split, in city order; empty when none were
     */
    public record Result(City city, GridLayout layout, List<SplitBuilding> splits) {

        /** Copies the splits. */
        public Result {
            Objects.requireNonNull(city, "city");
            Objects.requireNonNull(layout, "layout");
            splits = List.copyOf(splits);
        }
    }

    private final Spec spec;

    /** A generator following the given spec. */
    public LayoutGenerator(Spec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** The spec this generator follows. */
    public Spec spec() {
        return spec;
    }

    /**
     * Divides every community of {@code city} into grids.
     *
     * @throws LayoutInfeasibleException when a community or a cut-off part of one has fewer
     *                                   households than the minimum, no number of grids fits its
     *                                   households, no division was found, or a building exceeds
     *                                   the maximum while splitting is off
     * @throws IllegalStateException     if the layout produced breaks a rule (a bug)
     */
    public Result generate(City city) {
        int min = spec.rules().minHouseholds();
        int max = spec.rules().maxHouseholds();
        List<SplitBuilding> splits = new ArrayList<>();
        Map<String, Integer> oversized = city.oversized(max);
        if (!oversized.isEmpty()) {
            if (!spec.splitOversized()) {
                StringBuilder message = new StringBuilder();
                for (Map.Entry<String, Integer> e : oversized.entrySet()) {
                    message.append(message.length() == 0 ? "" : "; ").append("building ").append(e.getKey())
                            .append(": ").append(e.getValue()).append(" households is more than the maximum grid size ")
                            .append(max).append(" and splitting oversized buildings is off");
                }
                throw new LayoutInfeasibleException(oversized.keySet().iterator().next(), message.toString());
            }
            City split = city.splitOversized(max);
            for (Map.Entry<String, Integer> e : oversized.entrySet()) {
                int parts = (e.getValue() + max - 1) / max;
                List<String> ids = new ArrayList<>(parts);
                for (int k = 1; k <= parts; k++) {
                    String id = e.getKey() + "/" + k;
                    if (split.indexOf(id).isEmpty()) {
                        throw new IllegalStateException("split city has no sub-building " + id);
                    }
                    ids.add(id);
                }
                splits.add(new SplitBuilding(e.getKey(), e.getValue(), ids));
            }
            city = split;
        }

        List<Building> buildings = city.buildings();
        BuildingAdjacency adjacency = city.adjacency();
        int[] localOf = new int[buildings.size()];
        Arrays.fill(localOf, -1);
        String[] gridOf = new String[buildings.size()];
        Map<String, String> communityOfGrid = new TreeMap<>();
        Map<String, List<int[]>> gridsOf = new TreeMap<>();
        if (spec.rules().allowCrossCommunity()) {
            for (Group group : crossCommunityGroups(city, adjacency)) {
                for (int[] grid : divide(city, adjacency, group.members(), group.where(), group.community(),
                        localOf)) {
                    gridsOf.computeIfAbsent(majorityCommunity(city, grid), k -> new ArrayList<>()).add(grid);
                }
            }
        } else {
            for (Map.Entry<String, List<Integer>> e : city.buildingsByCommunity().entrySet()) {
                String community = e.getKey();
                List<int[]> parts = adjacency.components(e.getValue().stream().mapToInt(Integer::intValue)
                        .toArray());
                List<int[]> grids = gridsOf.computeIfAbsent(community, k -> new ArrayList<>());
                for (int p = 0; p < parts.size(); p++) {
                    String where = parts.size() == 1 ? "community " + community
                            : "community " + community + " (" + describePart(city, parts.get(p), p) + ")";
                    grids.addAll(divide(city, adjacency, parts.get(p), where, community, localOf));
                }
            }
        }
        for (Map.Entry<String, List<int[]>> e : gridsOf.entrySet()) {
            String community = e.getKey();
            List<int[]> grids = e.getValue();
            grids.sort(Comparator.comparingInt(g -> g[0]));
            int digits = Math.max(2, Integer.toString(grids.size()).length());
            for (int g = 0; g < grids.size(); g++) {
                String gridId = community + "-G" + pad(g + 1, digits);
                communityOfGrid.put(gridId, community);
                for (int i : grids.get(g)) {
                    gridOf[i] = gridId;
                }
            }
        }
        Map<String, String> gridOfBuilding = new LinkedHashMap<>(buildings.size() * 2);
        for (int i = 0; i < buildings.size(); i++) {
            gridOfBuilding.put(buildings.get(i).id(), gridOf[i]);
        }
        GridLayout layout = new GridLayout(spec.name(), gridOfBuilding, communityOfGrid);
        List<Violation> violations = LayoutValidator.validate(city, layout, spec.rules());
        if (!violations.isEmpty()) {
            throw new IllegalStateException("generated layout " + spec.name() + " breaks the rules: " + violations);
        }
        return new Result(city, layout, splits);
    }

    /** Buildings divided together: a community's connected part, or parts merged across communities. */
    private record Group(String community, String where, int[] members) {
    }

    /**
     * With grids allowed to cross communities: every community's connected part is divided on its own,
     * except that a part no grid sizes fit (too few households, or a number no count of grids can
     * divide within the bounds) joins the adjacent group it shares the most building adjacencies with,
     * smallest first, until every group can be divided or has no neighbour left. So grids cross a
     * community boundary only where a community could not be divided on its own.
     */
    private List<Group> crossCommunityGroups(City city, BuildingAdjacency adjacency) {
        int n = city.buildings().size();
        int[] groupOf = new int[n];
        List<List<Integer>> members = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : city.buildingsByCommunity().entrySet()) {
            for (int[] part : adjacency.components(e.getValue().stream().mapToInt(Integer::intValue).toArray())) {
                List<Integer> m = new ArrayList<>();
                for (int i : part) {
                    groupOf[i] = members.size();
                    m.add(i);
                }
                members.add(m);
                names.add(e.getKey());
            }
        }
        long[] total = new long[members.size()];
        for (int g = 0; g < members.size(); g++) {
            for (int i : members.get(g)) {
                total[g] += city.buildings().get(i).households();
            }
        }
        CsrGraph graph = adjacency.graph();
        Map<Integer, String> mergedNames = new TreeMap<>();
        while (true) {
            int worst = -1;
            for (int g = 0; g < members.size(); g++) {
                if (!members.get(g).isEmpty() && !divisible(total[g])
                        && (worst < 0 || total[g] < total[worst])) {
                    worst = g;
                }
            }
            if (worst < 0) {
                break;
            }
            Map<Integer, Integer> shared = new TreeMap<>();
            for (int i : members.get(worst)) {
                for (int j : graph.neighbours(i)) {
                    if (groupOf[j] != worst) {
                        shared.merge(groupOf[j], 1, Integer::sum);
                    }
                }
            }
            if (shared.isEmpty()) {
                // Nothing adjacent to join: divide() says why it cannot be divided.
                break;
            }
            int into = shared.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
            for (int i : members.get(worst)) {
                groupOf[i] = into;
            }
            members.get(into).addAll(members.get(worst));
            members.get(worst).clear();
            total[into] += total[worst];
            total[worst] = 0;
            String joined = mergedNames.containsKey(worst) ? names.get(worst) + ", " + mergedNames.remove(worst)
                    : names.get(worst);
            mergedNames.merge(into, joined, (a, b) -> a + ", " + b);
        }
        List<Group> out = new ArrayList<>();
        for (int g = 0; g < members.size(); g++) {
            if (members.get(g).isEmpty()) {
                continue;
            }
            int[] m = members.get(g).stream().mapToInt(Integer::intValue).sorted().toArray();
            String where = "community " + names.get(g) + (mergedNames.containsKey(g)
                    ? " with the adjacent buildings of " + mergedNames.get(g) : "");
            out.add(new Group(names.get(g), where, m));
        }
        return out;
    }

    private boolean divisible(long total) {
        int min = spec.rules().minHouseholds();
        int max = spec.rules().maxHouseholds();
        return total >= min && (total + max - 1) / max <= total / min;
    }

    /** The community with the most households in a grid; ties go to the name first in order. */
    private static String majorityCommunity(City city, int[] grid) {
        Map<String, Long> h = new TreeMap<>();
        for (int i : grid) {
            h.merge(city.buildings().get(i).community(), (long) city.buildings().get(i).households(), Long::sum);
        }
        return h.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
    }

    /**
     * Divides one connected part of a community into grids; returns each grid's building
     * indices, sorted ascending.
     */
    private List<int[]> divide(City city, BuildingAdjacency adjacency, int[] members, String where, String community,
                               int[] localOf) {
        int min = spec.rules().minHouseholds();
        int max = spec.rules().maxHouseholds();
        int n = members.length;
        int[] households = new int[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        long total = 0;
        for (int l = 0; l < n; l++) {
            Building b = city.buildings().get(members[l]);
            households[l] = b.households();
            xs[l] = b.x();
            ys[l] = b.y();
            total += b.households();
        }
        CsrGraph graph = adjacency.graph().induced(members, localOf);

        if (total < min) {
            throw new LayoutInfeasibleException(community, where + ": " + total
                    + " households is fewer than the minimum grid size " + min);
        }
        int fewest = (int) ((total + max - 1) / max);
        int most = (int) (total / min);
        if (fewest > most) {
            throw new LayoutInfeasibleException(community, where + ": " + total
                    + " households cannot be divided into grids of " + min + " to " + max + " households: "
                    + most + (most == 1 ? " grid would have" : " grids would average") + " more than " + max
                    + " and " + fewest + " grids fewer than " + min);
        }
        double aim = spec.aim();
        Integer[] ks = new Integer[most - fewest + 1];
        for (int k = fewest; k <= most; k++) {
            ks[k - fewest] = k;
        }
        final long sum = total;
        Arrays.sort(ks, Comparator.comparingDouble((Integer k) -> Math.abs(sum / (double) k - aim))
                .thenComparingInt(k -> k));
        PeelingPartition partition = new PeelingPartition(households, xs, ys, graph, min, max);
        for (int k : ks) {
            for (int strategy = 0; strategy < PeelingPartition.STRATEGIES; strategy++) {
                int[] region = partition.partition(k, strategy);
                if (region != null) {
                    return regions(members, region, k);
                }
            }
        }
        throw new LayoutInfeasibleException(community, where + ": could not divide " + total + " households ("
                + n + " buildings) into " + fewest + " to " + most + " contiguous grids of " + min + " to " + max
                + " households");
    }

    private static List<int[]> regions(int[] members, int[] region, int k) {
        int[] size = new int[k];
        for (int r : region) {
            size[r]++;
        }
        List<int[]> out = new ArrayList<>(k);
        for (int r = 0; r < k; r++) {
            out.add(new int[size[r]]);
        }
        int[] fill = new int[k];
        for (int l = 0; l < members.length; l++) {
            out.get(region[l])[fill[region[l]]++] = members[l];
        }
        for (int[] g : out) {
            Arrays.sort(g);
        }
        return out;
    }

    private static String describePart(City city, int[] part, int index) {
        StringBuilder ids = new StringBuilder();
        for (int t = 0; t < Math.min(part.length, 5); t++) {
            ids.append(t == 0 ? "" : ", ").append(city.buildings().get(part[t]).id());
        }
        if (part.length > 5) {
            ids.append(", …");
        }
        return (index == 0 ? "largest part, " : "part cut off from the rest, ") + part.length
                + (part.length == 1 ? " building: " : " buildings: ") + ids;
    }

    private static String pad(int value, int digits) {
        String s = Integer.toString(value);
        return s.length() >= digits ? s : "0".repeat(digits - s.length()) + s;
    }
}
