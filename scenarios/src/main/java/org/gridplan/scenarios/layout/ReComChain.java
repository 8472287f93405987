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
import org.gridplan.sim.graph.CsrGraph;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.LayoutRules;
import org.gridplan.sim.model.LayoutValidator;
import org.gridplan.sim.model.Violation;

/**
 * A Markov chain of valid layouts by recombination (ReCom; DeFord, Duchin &amp; Solomon, "Recombination:
 * A family of Markov chains for redistricting", Harvard Data Science Review 2021, as in GerryChain):
 * each step picks two adjacent grids — through a cut edge of the building adjacency graph drawn
 * uniformly, so pairs with longer shared boundaries are picked more often — merges them, draws a
 * spanning tree of the merged buildings (uniform, by Wilson's loop-erased random walks; or Kruskal
 * on random weights), and cuts one tree edge, drawn uniformly among those that leave both parts
 * within the household bounds. Both parts are connected (they are subtrees), so every step keeps
 * every rule of {@link LayoutRules}; grids stay inside one community unless the rules allow crossing.
 *
 * <p>Lessons from GerryChain's issues: every search is iterative (no recursion depth to run out
 * of); a pair gets a bounded number of trees ({@link Options#treesPerPair}) before another pair is
 * drawn, and a step a bounded number of attempts in all ({@link Options#attemptsPerStep}), after
 * which it fails with a message naming the grids tried, never hangs; the bounds are both-sided and
 * inclusive. Optional merge and split moves ({@link Options#resizeProbability}) change the number
 * of grids: a merge joins two adjacent grids whose households fit one grid, a split cuts a grid in
 * two as ReCom does a merged pair.
 *
 * <p>All randomness comes from the seed: the same start, rules, options and seed give the same
 * chain. Unique layouts are counted by a hash of the partition (each grid's set of buildings,
 * whatever the grids are named), so two steps that return to one partition count once.
 */
public final class ReComChain {

    /** How the spanning tree of a merged pair is drawn. */
    public enum Tree {
        /** Uniform over all spanning trees: Wilson's algorithm (loop-erased random walks). */
        WILSON,
        /** Kruskal's algorithm on independent uniform edge weights: faster to reason about, not uniform. */
        KRUSKAL;

        /** The tree kind named {@code key} (wilson, kruskal). */
        public static Tree fromKey(String key) {
            for (Tree t : values()) {
                if (t.name().equalsIgnoreCase(key.trim())) {
                    return t;
                }
            }
            throw new IllegalArgumentException("'" + key + "' is not one of: wilson, kruskal");
        }
    }

    /**
     * Options of the chain.
     *
     * @param tree              how spanning trees are drawn
     * @param treesPerPair      trees drawn for one pair before another pair is drawn, at least 1
     * @param attemptsPerStep   trees drawn in all before a step fails, at least {@code treesPerPair}
     * @param resizeProbability probability that a step is a merge or a split move (half each)
     *                          instead of a recombination, in [0, 1]
     */
    public record Options(Tree tree, int treesPerPair, int attemptsPerStep, double resizeProbability) {

        /** Validates. */
        public Options {
            Objects.requireNonNull(tree, "tree");
            if (treesPerPair < 1 || attemptsPerStep < treesPerPair) {
                throw new IllegalArgumentException("treesPerPair must be at least 1 and attemptsPerStep at least"
                        + " treesPerPair, got " + treesPerPair + " and " + attemptsPerStep);
            }
            if (!(resizeProbability >= 0 && resizeProbability <= 1)) {
                throw new IllegalArgumentException("resizeProbability " + resizeProbability + " must be in [0, 1]");
            }
        }

        /** Wilson's trees, 10 trees a pair, 1,000 a step, the number of grids kept. */
        public static Options defaults() {
            return new Options(Tree.WILSON, 10, 1000, 0);
        }

        /** These options with another tree kind. */
        public Options withTree(Tree t) {
            return new Options(t, treesPerPair, attemptsPerStep, resizeProbability);
        }

        /** These options with merge and split moves at {@code p}. */
        public Options withResize(double p) {
            return new Options(tree, treesPerPair, attemptsPerStep, p);
        }
    }

    /** What kind of move a step made. */
    public enum Move {
        /** Two adjacent grids merged and cut again. */
        RECOMBINE,
        /** Two adjacent grids merged into one. */
        MERGE,
        /** One grid cut in two. */
        SPLIT,
        /** A merge or split was drawn and none was possible; the layout is unchanged. */
        STAY
    }

    /**
     * A step of the chain and the statistics of the layout it leads to.
     *
     * @param step           the step number, from 1 (0 for the start)
     * @param move           what the step did
     * @param attempts       spanning trees drawn
     * @param unique         whether this partition had not been seen before in the chain
     * @param statistics     the layout's statistics after the step
     */
    public record Step(int step, Move move, int attempts, boolean unique, LayoutStatistics statistics) {
    }

    private final City city;
    private final LayoutRules rules;
    private final Options options;
    private final SplittableRandom random;
    private final CsrGraph graph;
    private final int[] edgeFrom;
    private final int[] edgeTo;
    private final long[] households;
    private final int[] communityOf;
    private final List<String> communityNames;
    private final long[] key;

    // The partition: grid of each building; per grid its members, households, community, id.
    private final int[] gridOf;
    private final List<int[]> members = new ArrayList<>();
    private final List<Long> gridHouseholds = new ArrayList<>();
    private final List<Integer> gridCommunity = new ArrayList<>();
    private final List<String> gridId = new ArrayList<>();
    private final List<Long> gridHash = new ArrayList<>();
    private long partitionHash;
    private final Set<Long> seen = new HashSet<>();
    private int steps;
    private int nextId;

    /** Scratch for {@link CsrGraph#induced}: -1 for every building between uses. */
    private final int[] localOf;

    /**
     * A chain from {@code start}.
     *
     * @throws IllegalArgumentException when {@code start} breaks the rules (naming the first
     *     violations), or has fewer than two grids
     */
    public ReComChain(City city, GridLayout start, LayoutRules rules, long seed, Options options) {
        this.city = Objects.requireNonNull(city, "city");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.options = Objects.requireNonNull(options, "options");
        List<Violation> violations = LayoutValidator.validate(city, start, rules);
        if (!violations.isEmpty()) {
            StringBuilder m = new StringBuilder("layout " + start.name() + " breaks the rules, so no chain can start"
                    + " from it (" + violations.size() + " violations): ");
            for (int i = 0; i < Math.min(3, violations.size()); i++) {
                m.append(i > 0 ? "; " : "").append(violations.get(i).message());
            }
            throw new IllegalArgumentException(m.toString());
        }
        this.random = new SplittableRandom(seed);
        this.graph = city.adjacency().graph();
        List<Building> buildings = city.buildings();
        int n = buildings.size();
        households = new long[n];
        communityOf = new int[n];
        Map<String, Integer> communities = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            households[i] = buildings.get(i).households();
            communityOf[i] = communities.computeIfAbsent(buildings.get(i).community(), k -> communities.size());
        }
        communityNames = List.copyOf(communities.keySet());
        int edges = 0;
        for (int u = 0; u < n; u++) {
            for (int a = graph.firstArc(u); a < graph.endArc(u); a++) {
                if (graph.target(a) > u) {
                    edges++;
                }
            }
        }
        edgeFrom = new int[edges];
        edgeTo = new int[edges];
        int e = 0;
        for (int u = 0; u < n; u++) {
            for (int a = graph.firstArc(u); a < graph.endArc(u); a++) {
                int v = graph.target(a);
                if (v > u) {
                    edgeFrom[e] = u;
                    edgeTo[e] = v;
                    e++;
                }
            }
        }
        // Building keys for the partition hash: fixed, so one partition hashes alike in every chain.
        SplittableRandom keys = new SplittableRandom(0x9E3779B97F4A7C15L);
        key = new long[n];
        for (int i = 0; i < n; i++) {
            key[i] = keys.nextLong();
        }
        gridOf = new int[n];
        Map<String, List<Integer>> byGrid = start.buildingsByGrid(city);
        for (Map.Entry<String, List<Integer>> g : byGrid.entrySet()) {
            int[] m = g.getValue().stream().mapToInt(Integer::intValue).toArray();
            addGrid(g.getKey(), m, communities.getOrDefault(start.communityOfGrid().get(g.getKey()),
                    m.length > 0 ? communityOf[m[0]] : 0));
        }
        if (members.size() < 2) {
            throw new IllegalArgumentException("layout " + start.name() + " has " + members.size()
                    + " grid; a chain needs at least two adjacent grids to recombine");
        }
        nextId = members.size() + 1;
        localOf = new int[n];
        Arrays.fill(localOf, -1);
        seen.add(partitionHash);
    }

    private int addGrid(String id, int[] m, int community) {
        int g = members.size();
        members.add(m);
        gridId.add(id);
        gridCommunity.add(community);
        gridHouseholds.add(0L);
        gridHash.add(0L);
        setGrid(g, m, community);
        return g;
    }

    private void setGrid(int g, int[] m, int community) {
        long h = 0;
        long x = 0;
        for (int b : m) {
            gridOf[b] = g;
            h += households[b];
            x ^= key[b];
        }
        partitionHash -= mix(gridHash.get(g));
        members.set(g, m);
        gridHouseholds.set(g, h);
        gridCommunity.set(g, community);
        gridHash.set(g, m.length == 0 ? 0 : x);
        partitionHash += mix(gridHash.get(g));
    }

    private static long mix(long z) {
        if (z == 0) {
            return 0;
        }
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Steps made so far. */
    public int steps() {
        return steps;
    }

    /** Distinct partitions visited, the start included. */
    public int uniqueLayouts() {
        return seen.size();
    }

    /** Grids of the current layout. */
    public int gridCount() {
        int c = 0;
        for (int[] m : members) {
            c += m.length > 0 ? 1 : 0;
        }
        return c;
    }

    /**
     * One step.
     *
     * @throws IllegalStateException when no pair drawn within {@link Options#attemptsPerStep} trees
     *     could be cut within the bounds; the message names the grids tried
     */
    public Step step() {
        steps++;
        Move move;
        int[] attempts = {0};
        if (options.resizeProbability() > 0 && random.nextDouble() < options.resizeProbability()) {
            move = random.nextBoolean() ? merge() : split(attempts);
        } else {
            recombine(attempts);
            move = Move.RECOMBINE;
        }
        boolean unique = seen.add(partitionHash);
        return new Step(steps, move, attempts[0], unique, statistics());
    }

    private void recombine(int[] attempts) {
        accept(propose(attempts));
    }

    /**
     * A recombination of two adjacent grids, drawn as a step would draw it, not yet made; the
     * layout is unchanged until {@link #accept}.
     *
     * @throws IllegalStateException as {@link #step} when no pair can be cut within the attempts
     */
    public Proposal propose() {
        return propose(new int[1]);
    }

    /**
     * A proposed recombination: grids {@code a} and {@code b} (numbers of {@link #members}) become
     * {@code one} and {@code two}, their buildings sorted.
     */
    public record Proposal(int a, int b, int[] one, int[] two) {
    }

    /** Makes a proposed recombination: grid {@code a} gets {@code one}, grid {@code b} gets {@code two}. */
    public void accept(Proposal p) {
        int community = gridCommunity.get(p.a());
        setGrid(p.a(), p.one(), rules.allowCrossCommunity() ? communityOf[p.one()[0]] : community);
        setGrid(p.b(), p.two(), rules.allowCrossCommunity() ? communityOf[p.two()[0]] : community);
    }

    /** Grid numbers in use: 0 to this, exclusive (some may be empty after merges). */
    public int gridSlots() {
        return members.size();
    }

    /** The buildings of grid {@code g}, sorted (empty after a merge took them). */
    public int[] members(int g) {
        return members.get(g).clone();
    }

    /** The id of grid {@code g}. */
    public String gridId(int g) {
        return gridId.get(g);
    }

    /** The community of grid {@code g}. */
    public String community(int g) {
        return communityNames.get(gridCommunity.get(g));
    }

    /** The grid number of every building. */
    public int[] buildingGrids() {
        return gridOf.clone();
    }

    private Proposal propose(int[] attempts) {
        Set<String> tried = new java.util.TreeSet<>();
        while (attempts[0] < options.attemptsPerStep()) {
            int e = cutEdge();
            int a = gridOf[edgeFrom[e]];
            int b = gridOf[edgeTo[e]];
            String x = gridId.get(a);
            String y = gridId.get(b);
            tried.add(x.compareTo(y) < 0 ? x + "+" + y : y + "+" + x);
            int[] merged = concat(members.get(a), members.get(b));
            for (int t = 0; t < options.treesPerPair() && attempts[0] < options.attemptsPerStep(); t++) {
                attempts[0]++;
                int[] part = bipartition(merged);
                if (part != null) {
                    return proposal(a, merged, part, b);
                }
            }
        }
        throw new IllegalStateException(String.format(Locale.ROOT, "ReCom step %d: no spanning tree of %s could be"
                + " cut into two parts of %d to %d households after %d spanning trees; the grids are too tight for "
                        + "the bounds"
                + " (widen them with --min/--max, or allow crossing communities)", steps, describe(tried),
                rules.minHouseholds(), rules.maxHouseholds(), attempts[0]));
    }

    private static String describe(Set<String> tried) {
        List<String> l = new ArrayList<>(tried);
        return l.size() <= 6 ? "the pairs " + String.join(", ", l)
                : "the pairs " + String.join(", ", l.subList(0, 6)) + " and " + (l.size() - 6) + " more";
    }

    /** Merges two adjacent grids whose households fit one grid; stays when the pair drawn does not fit. */
    private Move merge() {
        if (gridCount() <= 2) {
            return Move.STAY;
        }
        int e = cutEdge();
        int a = gridOf[edgeFrom[e]];
        int b = gridOf[edgeTo[e]];
        if (gridHouseholds.get(a) + gridHouseholds.get(b) > rules.maxHouseholds()) {
            return Move.STAY;
        }
        setGrid(a, concat(members.get(a), members.get(b)), gridCommunity.get(a));
        setGrid(b, new int[0], gridCommunity.get(b));
        return Move.MERGE;
    }

    /** Cuts a grid, drawn by households, in two within the bounds; stays when it cannot be. */
    private Move split(int[] attempts) {
        int g = gridOf[drawBuilding()];
        if (gridHouseholds.get(g) < 2L * rules.minHouseholds()) {
            return Move.STAY;
        }
        int[] m = members.get(g);
        for (int t = 0; t < options.treesPerPair(); t++) {
            attempts[0]++;
            int[] part = bipartition(m);
            if (part != null) {
                int fresh = addGrid(freshId(gridId.get(g)), new int[0], gridCommunity.get(g));
                accept(proposal(g, m, part, fresh));
                return Move.SPLIT;
            }
        }
        return Move.STAY;
    }

    private String freshId(String like) {
        Set<String> ids = new HashSet<>(gridId);
        String id;
        do {
            id = String.format(Locale.ROOT, "%s-S%d", like, nextId++);
        } while (ids.contains(id));
        return id;
    }

    private int drawBuilding() {
        return random.nextInt(households.length);
    }

    /** A cut edge drawn uniformly among those the rules allow a pair through. */
    private int cutEdge() {
        for (int t = 0; t < 64; t++) {
            int e = random.nextInt(edgeFrom.length);
            if (eligible(e)) {
                return e;
            }
        }
        int count = 0;
        for (int e = 0; e < edgeFrom.length; e++) {
            if (eligible(e)) {
                count++;
            }
        }
        if (count == 0) {
            throw new IllegalStateException("ReCom step " + steps + ": no two adjacent grids"
                    + (rules.allowCrossCommunity() ? "" : " in one community") + " to recombine");
        }
        int pick = random.nextInt(count);
        for (int e = 0; e < edgeFrom.length; e++) {
            if (eligible(e) && pick-- == 0) {
                return e;
            }
        }
        throw new AssertionError();
    }

    private boolean eligible(int e) {
        int a = gridOf[edgeFrom[e]];
        int b = gridOf[edgeTo[e]];
        return a != b && (rules.allowCrossCommunity() || gridCommunity.get(a).equals(gridCommunity.get(b)));
    }

    private static int[] concat(int[] x, int[] y) {
        int[] out = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }

    /** The two parts as a proposal: the part sharing more buildings with {@code a} keeps {@code a}'s id. */
    private Proposal proposal(int a, int[] merged, int[] part, int b) {
        int[] one = new int[part[0]];
        int[] two = new int[merged.length - part[0]];
        int i1 = 0;
        int i2 = 0;
        int overlap = 0;
        for (int i = 1; i < part.length; i++) {
            int node = merged[i - 1];
            if (part[i] == 1) {
                one[i1++] = node;
                overlap += gridOf[node] == a ? 1 : 0;
            } else {
                two[i2++] = node;
            }
        }
        if (2 * overlap < one.length) {
            int[] s = one;
            one = two;
            two = s;
        }
        return new Proposal(a, b, sorted(one), sorted(two));
    }

    private static int[] sorted(int[] v) {
        Arrays.sort(v);
        return v;
    }

    /**
     * A spanning tree of {@code nodes} cut at an edge drawn among the balanced ones, or null when
     * the tree has none. The answer is an array whose element 0 is the size of part one and
     * element {@code i + 1} is 1 when {@code nodes[i]} is in part one, else 0.
     */
    int[] bipartition(int[] nodes) {
        int n = nodes.length;
        CsrGraph merged = graph.induced(nodes, localOf);
        int[] parent = options.tree() == Tree.WILSON ? SpanningTrees.wilson(merged, random)
                : SpanningTrees.kruskal(merged, random);
        int[] order = SpanningTrees.order(parent);
        int root = order[0];
        long[] below = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            below[i] = households[nodes[i]];
            total += below[i];
        }
        for (int i = n - 1; i > 0; i--) {
            int u = order[i];
            below[parent[u]] += below[u];
        }
        int balanced = 0;
        int[] cuts = new int[n];
        for (int i = 0; i < n; i++) {
            if (i != root && fits(below[i]) && fits(total - below[i])) {
                cuts[balanced++] = i;
            }
        }
        if (balanced == 0) {
            return null;
        }
        int cut = cuts[random.nextInt(balanced)];
        int[] out = new int[n + 1];
        // The cut node's subtree is part one: marked by walking the order (parents come first).
        boolean[] inOne = new boolean[n];
        inOne[cut] = true;
        int size = 1;
        for (int i = 0; i < n; i++) {
            int u = order[i];
            if (u != cut && parent[u] >= 0 && inOne[parent[u]]) {
                inOne[u] = true;
                size++;
            }
        }
        out[0] = size;
        for (int i = 0; i < n; i++) {
            out[i + 1] = inOne[i] ? 1 : 0;
        }
        return out;
    }

    private boolean fits(long h) {
        return h >= rules.minHouseholds() && h <= rules.maxHouseholds();
    }

    /** The current layout under {@code name}. */
    public GridLayout layout(String name) {
        Map<String, String> gridOfBuilding = new LinkedHashMap<>();
        Map<String, String> communityOfGrid = new java.util.TreeMap<>();
        List<Building> buildings = city.buildings();
        for (int g = 0; g < members.size(); g++) {
            if (members.get(g).length == 0) {
                continue;
            }
            communityOfGrid.put(gridId.get(g), communityNames.get(gridCommunity.get(g)));
        }
        for (int i = 0; i < buildings.size(); i++) {
            gridOfBuilding.put(buildings.get(i).id(), gridId.get(gridOf[i]));
        }
        return new GridLayout(name, gridOfBuilding, communityOfGrid);
    }

    /** The statistics of the current layout. */
    public LayoutStatistics statistics() {
        return LayoutStatistics.of(city, graph, gridOf, members);
    }
}
