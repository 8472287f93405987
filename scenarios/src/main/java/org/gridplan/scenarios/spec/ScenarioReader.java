package org.gridplan.scenarios.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.gridplan.optimizer.model.SitingWeights;
import org.gridplan.optimizer.plan.PlanWeights;
import org.gridplan.scenarios.layout.LayoutGenerator;
import org.gridplan.scenarios.limits.Limits;
import org.gridplan.scenarios.spec.RunSettings.SurgeSpec;
import org.gridplan.scenarios.spec.Scenario.CityFile;
import org.gridplan.scenarios.spec.Scenario.CitySource;
import org.gridplan.scenarios.spec.Scenario.EnsembleLayout;
import org.gridplan.scenarios.spec.Scenario.GeneratedCity;
import org.gridplan.scenarios.spec.Scenario.GeneratedLayout;
import org.gridplan.scenarios.spec.Scenario.LayoutFile;
import org.gridplan.scenarios.spec.Scenario.LayoutSource;
import org.gridplan.scenarios.spec.Scenario.Optimise;
import org.gridplan.scenarios.spec.Scenario.OptimisedLayout;
import org.gridplan.scenarios.spec.Scenario.Outputs;
import org.gridplan.scenarios.spec.Scenario.Overrides;
import org.gridplan.scenarios.spec.Scenario.RedrawnLayout;
import org.gridplan.scenarios.spec.Scenario.StaffingFile;
import org.gridplan.scenarios.spec.Scenario.SweepMode;
import org.gridplan.scenarios.spec.YamlNode.Entry;
import org.gridplan.scenarios.spec.YamlNode.ListNode;
import org.gridplan.scenarios.spec.YamlNode.MapNode;
import org.gridplan.scenarios.spec.YamlNode.Scalar;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.demand.DiscoveryMode;
import org.gridplan.sim.demand.EscalationLevel;
import org.gridplan.sim.demand.IncidentCategory;
import org.gridplan.sim.demand.TimeDistribution;
import org.gridplan.sim.demand.TimeLimit;
import org.gridplan.sim.demand.TimeProfile;
import org.gridplan.sim.demand.Urgency;
import org.gridplan.sim.engine.DispatchPolicy;
import org.gridplan.sim.engine.DispatchPolicy.Fallback;
import org.gridplan.sim.engine.TravelModel;
import org.gridplan.sim.generate.CityGenerator;
import org.gridplan.sim.model.LayoutRules;
import org.gridplan.sim.road.TravelMode;

/**
 * Reads and checks a YAML scenario file into a {@link Scenario}, expanding its sweep.
 *
 * <p>Every field is checked before anything runs: unknown keys, wrong types, values out of range,
 * inconsistent values (a warm-up longer than the horizon, a layout target outside its bounds) and
 * missing files. All problems found are reported together in a {@link ScenarioException}, each as
 * {@code file:line field.path: problem}. Swept values are checked by substituting each point's
 * values into the document and reading it again, so a swept value meets exactly the rules of the
 * field it replaces, and its error points at the line of the value in the sweep.
 *
 * <p>The schema is documented field by field in {@code docs/scenario-reference.md}.
 */
public final class ScenarioReader {

    /** Top-level fields a sweep may vary; everything under them can be swept. */
    public static final List<String> SWEEPABLE = List.of("staffing", "demand", "dispatch", "surges", "horizonDays",
            "warmUpDays", "travel", "routine", "timeLimits");

    /** Most sweep points a scenario may expand to. */
    public static final int MAX_POINTS = 10_000;

    /** Most runs a batch may hold. */
    public static final int MAX_RUNS = 10_000_000;

    private static final Map<String, Fallback> FALLBACKS = new LinkedHashMap<>();
    private static final Map<String, EscalationLevel> LEVELS = new LinkedHashMap<>();
    private static final Map<String, Optional<TravelMode>> TRAVEL = new LinkedHashMap<>();
    private static final Map<String, SweepMode> MODES = new LinkedHashMap<>();
    private static final Map<String, ExportKind> FORMATS = new LinkedHashMap<>();
    private static final Map<String, ReportLanguage> LANGUAGES = new LinkedHashMap<>();
    private static final Map<String, Urgency> URGENCIES = new LinkedHashMap<>();
    private static final Map<String, DiscoveryMode> DISCOVERY = new LinkedHashMap<>();
    private static final Map<String, Boolean> CATALOGS = new LinkedHashMap<>();

    static {
        FALLBACKS.put("neighbour-grid", Fallback.NEIGHBOUR_GRID);
        FALLBACKS.put("part-time", Fallback.PART_TIME);
        FALLBACKS.put("branch-pool", Fallback.BRANCH_POOL);
        for (EscalationLevel l : EscalationLevel.values()) {
            LEVELS.put(l.name().toLowerCase(Locale.ROOT), l);
        }
        TRAVEL.put("ebike", Optional.of(TravelMode.EBIKE));
        TRAVEL.put("walk", Optional.of(TravelMode.WALK));
        TRAVEL.put("none", Optional.empty());
        MODES.put("factorial", SweepMode.FACTORIAL);
        MODES.put("zip", SweepMode.ZIP);
        for (ExportKind f : ExportKind.values()) {
            FORMATS.put(f.key(), f);
        }
        for (ReportLanguage l : ReportLanguage.values()) {
            LANGUAGES.put(l.key(), l);
        }
        URGENCIES.put("urgent", Urgency.URGENT);
        URGENCIES.put("routine", Urgency.ROUTINE);
        DISCOVERY.put("report", DiscoveryMode.RESIDENT_REPORT);
        DISCOVERY.put("patrol", DiscoveryMode.PATROL);
        CATALOGS.put("default", false);
        CATALOGS.put("empty", true);
    }

    private final Optimise available;

    /** A reader for a build with no optimizer: {@code optimise} fields must be false. */
    public ScenarioReader() {
        this(Optimise.NONE);
    }

    /**
     * A reader accepting the optimisations a staffing planner can do.
     *
     * @param available which of {@code optimise.branches} and {@code optimise.workers} may be true
     */
    public ScenarioReader(Optimise available) {
        this.available = available;
    }

    /** Reads {@code file} as it is. */
    public Scenario read(Path file) {
        return read(file, Overrides.NONE);
    }

    /**
     * Reads {@code file} with command-line overrides applied before checking.
     *
     * @throws ScenarioException listing every problem found
     */
    public Scenario read(Path file, Overrides overrides) {
        String fileName = file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(List.of(fileName + ": file not found (" + file.toAbsolutePath() + ")"));
        } catch (IOException e) {
            throw new ScenarioException(List.of(fileName + ": cannot read: " + e.getMessage()));
        }
        Problems problems = new Problems(fileName);
        YamlNode rootNode = new YamlReader(problems).read(bytes);
        if (rootNode == null) {
            throw new ScenarioException(problems.messages());
        }
        if (!(rootNode instanceof MapNode root)) {
            problems.add(rootNode.line(), "", "a scenario is a mapping of keys to values, not " + rootNode.describe());
            throw new ScenarioException(problems.messages());
        }
        // The hash is of the document as written, so comments, layout and key order do not refuse a resume.
        String canonical = ScenarioHash.canonical(root);
        applyOverrides(root, overrides);
        Path dir = file.toAbsolutePath().getParent();
        Context cx = new Context(problems, dir);

        Fields f = new Fields(root, "", problems);
        String name = f.text("name").orElse(stripExtension(fileName));
        String description = f.text("description").orElse("");
        long seed = f.longInteger("seed", 1);
        int replications = f.integer("replications", 10, 1, Limits.MAX_REPLICATIONS);
        CitySource city = f.get("city").isPresent() ? city(f, cx) : null;
        if (city == null && f.get("city").isEmpty()) {
            problems.add(f.line(), "city", "missing (required): give city.generate or city.file");
        }
        List<LayoutSource> layouts = layouts(f, cx);
        Optimise optimise = optimise(f, layouts);
        Outputs outputs = outputs(f);
        Optional<Scenario.Selection> selection = selection(f, layouts.size(), replications);
        SweepMode[] mode = {SweepMode.FACTORIAL};
        List<SweepParameter> sweep = sweep(f, mode);
        for (String key : SWEEPABLE) {
            f.get(key);
        }
        f.finish();

        List<SweepPoint> points = expand(root, sweep, mode[0], problems);
        if (!optimise.workers() && points.stream().anyMatch(p -> !p.settings().staffing().stagger().isEmpty())) {
            int line = f.object("staffing").map(st -> st.lineOf("stagger")).orElse(f.line());
            problems.add(line, "staffing.stagger", "staggered shifts are chosen by the worker-assignment optimizer:"
                    + " set optimise.workers: true, or give stagger: none");
        }
        if (selection.isPresent() && points.size() > 1) {
            problems.add(f.line(), "selection", "a selection compares layouts at one setting: it cannot be combined"
                    + " with a sweep (" + points.size() + " sweep points)");
        }
        if (!points.isEmpty() && (long) points.size() * Math.max(1, layouts.size()) * replications > MAX_RUNS) {
            problems.add(f.line(), "", "the batch would have more than " + MAX_RUNS + " runs");
        }
        if (!problems.isEmpty() || city == null) {
            throw new ScenarioException(problems.messages());
        }
        String hash = ScenarioHash.of(canonical, cx.referencedFiles, overrides);
        return new Scenario(name, description, file, hash, city, layouts, optimise, mode[0], points, replications, seed,
                outputs, selection, List.of(ScenarioHash.ofBytes(bytes, cx.referencedFiles, overrides)));
    }

    /** Files a scenario refers to and where relative paths start. */
    private static final class Context {
        final Problems problems;
        final Path dir;
        final List<Path> referencedFiles = new ArrayList<>();

        Context(Problems problems, Path dir) {
            this.problems = problems;
            this.dir = dir;
        }

        Optional<Path> existingFile(Fields f, String key) {
            Optional<String> text = f.text(key);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Path p = dir.resolve(text.get()).normalize();
            if (!Files.isRegularFile(p)) {
                problems.add(f.lineOf(key), f.pathOf(key), "file not found: " + p);
                return Optional.empty();
            }
            referencedFiles.add(p);
            return Optional.of(p);
        }
    }

    private static void applyOverrides(MapNode root, Overrides o) {
        o.horizonDays().ifPresent(v -> set(root, "horizonDays", new Scalar(YamlNode.COMMAND_LINE, Scalar.Kind.FLOAT,
                Double.toString(v))));
        o.warmUpDays().ifPresent(v -> set(root, "warmUpDays", new Scalar(YamlNode.COMMAND_LINE, Scalar.Kind.FLOAT,
                Double.toString(v))));
        o.replications().ifPresent(v -> set(root, "replications", new Scalar(YamlNode.COMMAND_LINE,
                Scalar.Kind.INTEGER, Integer.toString(v))));
    }

    private static void set(MapNode map, String key, YamlNode value) {
        Entry old = map.entries().get(key);
        map.entries().put(key, new Entry(key, old == null ? value.line() : old.keyLine(), value));
    }

    // ---------------------------------------------------------------- city and layouts

    private static CitySource city(Fields root, Context cx) {
        Optional<Fields> cf = root.object("city");
        if (cf.isEmpty()) {
            return null;
        }
        Fields c = cf.get();
        boolean gen = c.has("generate");
        boolean file = c.has("file");
        CitySource out = null;
        if (gen == file) {
            cx.problems.add(c.line(), c.path(), "give exactly one of generate or file");
        }
        if (gen) {
            Optional<Fields> g = c.object("generate");
            if (g.isPresent()) {
                out = generatedCity(g.get(), cx.problems);
            }
        } else if (file) {
            out = cx.existingFile(c, "file").map(CityFile::new).orElse(null);
        }
        c.finish();
        return out;
    }

    private static CitySource generatedCity(Fields g, Problems problems) {
        OptionalInt households = g.optionalInteger("households", CityGenerator.MIN_HOUSEHOLDS,
                CityGenerator.MAX_HOUSEHOLDS);
        if (!g.has("households")) {
            problems.add(g.line(), g.pathOf("households"), "missing (required): households of the district, "
                    + CityGenerator.MIN_HOUSEHOLDS + " to " + CityGenerator.MAX_HOUSEHOLDS);
        }
        long seed = g.longInteger("seed", 1);
        OptionalInt streets = g.optionalInteger("streets", 1, Limits.MAX_STREETS);
        OptionalInt communities = g.optionalInteger("communities", 1, Limits.MAX_COMMUNITIES);
        OptionalInt sites = g.optionalInteger("sites", 0, Limits.MAX_SITES);
        OptionalInt arterials = g.optionalInteger("arterials", 0, Limits.MAX_ARTERIALS);
        OptionalDouble density = g.optionalNumber("householdsPerKm2", 1_000, false, 50_000);
        OptionalDouble missing = g.optionalNumber("missingLinkShare", 0, false, 0.5);
        Optional<String> name = g.text("name");
        g.finish();
        if (households.isEmpty()) {
            return null;
        }
        CityGenerator.Spec.Builder b = CityGenerator.Spec.builder(households.getAsInt()).seed(seed);
        streets.ifPresent(b::streets);
        communities.ifPresent(b::communities);
        sites.ifPresent(b::sites);
        arterials.ifPresent(b::arterials);
        density.ifPresent(b::householdsPerKm2);
        missing.ifPresent(b::missingLinkShare);
        name.ifPresent(b::name);
        try {
            return new GeneratedCity(b.build());
        } catch (IllegalArgumentException e) {
            problems.add(g.line(), g.path(), e.getMessage());
            return null;
        }
    }

    private static List<LayoutSource> layouts(Fields root, Context cx) {
        List<LayoutSource> out = new ArrayList<>();
        if (!root.has("layouts")) {
            cx.problems.add(root.line(), "layouts", "missing (required): a list of candidate layouts");
            return out;
        }
        Optional<ListNode> list = root.list("layouts");
        if (list.isEmpty()) {
            return out;
        }
        if (list.get().items().isEmpty()) {
            cx.problems.add(list.get().line(), "layouts", "is empty; give at least one layout");
        }
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < list.get().items().size(); i++) {
            String at = "layouts[" + i + "]";
            Optional<Fields> lf = Fields.of(list.get().items().get(i), at, cx.problems);
            if (lf.isEmpty()) {
                continue;
            }
            Fields l = lf.get();
            Optional<String> name = l.text("name");
            if (name.isEmpty() && !l.has("name")) {
                cx.problems.add(l.line(), l.pathOf("name"), "missing (required): the layout's name in results");
            }
            if (name.isPresent()) {
                Integer prev = names.putIfAbsent(name.get(), l.lineOf("name"));
                if (prev != null) {
                    cx.problems.add(l.lineOf("name"), l.pathOf("name"), "'" + name.get()
                            + "' is already the name of the layout on line " + prev);
                }
            }
            boolean file = l.has("file");
            boolean redraw = l.has("redraw");
            boolean ensemble = l.has("ensemble");
            boolean optimised = l.has("optimise");
            boolean target = l.has("targetHouseholds");
            int sources = (file ? 1 : 0) + (redraw ? 1 : 0) + (ensemble ? 1 : 0) + (optimised ? 1 : 0);
            boolean oneSource = sources == 1 ? !target || redraw : sources == 0 && target;
            if (!oneSource) {
                cx.problems.add(l.line(), at, "give exactly one of file, redraw, ensemble, optimise or"
                        + " targetHouseholds (targetHouseholds may go with redraw, as the size to aim at)");
            }
            // The layout's own workers, read instead of planned; the file enters the scenario hash.
            Optional<StaffingFile> staffing = cx.existingFile(l, "staffing")
                    .map(p -> new StaffingFile(p, cx.problems.at(l.lineOf("staffing"), l.pathOf("staffing"))));
            if (!redraw && l.has("communities")) {
                cx.problems.add(l.lineOf("communities"), l.pathOf("communities"), "applies only to a redraw");
            }
            if (file) {
                Optional<Path> p = cx.existingFile(l, "file");
                for (String k : List.of("minHouseholds", "maxHouseholds", "allowCrossCommunity")) {
                    if (l.has(k)) {
                        cx.problems.add(l.lineOf(k), l.pathOf(k), "applies only to generated, redrawn and ensemble"
                                + " layouts");
                    }
                }
                if (p.isPresent() && name.isPresent()) {
                    out.add(new LayoutFile(name.get(), p.get(), staffing));
                }
            } else if (redraw) {
                Optional<Path> p = cx.existingFile(l, "redraw");
                Optional<LayoutRules> rules = layoutRules(l);
                int aim = rules.map(r -> l.integer("targetHouseholds", Math.max(r.minHouseholds(), Math.min(
                        r.maxHouseholds(), 400)), r.minHouseholds(), r.maxHouseholds())).orElse(400);
                Set<String> communities = new LinkedHashSet<>();
                l.list("communities").ifPresent(list2 -> {
                    for (int k = 0; k < list2.items().size(); k++) {
                        YamlNode c = list2.items().get(k);
                        if (c instanceof Scalar sc && !sc.text().isBlank()) {
                            communities.add(sc.text());
                        } else {
                            cx.problems.add(c.line(), l.pathOf("communities") + "[" + k + "]", "expected a community"
                                    + " name, got " + c.describe());
                        }
                    }
                });
                if (p.isPresent() && name.isPresent() && rules.isPresent()) {
                    out.add(new RedrawnLayout(name.get(), p.get(), rules.get(), aim, communities, staffing));
                }
            } else if (optimised) {
                Optional<Fields> of = l.object("optimise");
                Optional<LayoutRules> rules = layoutRules(l);
                if (of.isPresent()) {
                    Fields o = of.get();
                    Optional<Path> from = cx.existingFile(o, "from");
                    if (!o.has("from")) {
                        cx.problems.add(o.line(), o.pathOf("from"), "missing (required): the layout file the search"
                                + " starts from");
                    }
                    int steps = o.integer("steps", 500, 1, Limits.MAX_ENSEMBLE_STEPS);
                    long searchSeed = o.longInteger("seed", 1);
                    o.finish();
                    if (from.isPresent() && name.isPresent() && rules.isPresent()) {
                        out.add(new OptimisedLayout(name.get(), from.get(), rules.get(), steps, searchSeed, staffing));
                    }
                }
            } else if (ensemble) {
                Optional<Fields> ef = l.object("ensemble");
                Optional<LayoutRules> rules = layoutRules(l);
                if (ef.isPresent()) {
                    Fields e = ef.get();
                    Optional<Path> from = cx.existingFile(e, "from");
                    if (!e.has("from")) {
                        cx.problems.add(e.line(), e.pathOf("from"), "missing (required): the layout file the chain"
                                + " starts from");
                    }
                    int steps = e.integer("steps", 1000, 1, Limits.MAX_ENSEMBLE_STEPS);
                    int sample = e.integer("sample", 5, 1, Math.min(Limits.MAX_ENSEMBLE_SAMPLE, steps));
                    long chainSeed = e.longInteger("seed", 1);
                    e.finish();
                    if (from.isPresent() && name.isPresent() && rules.isPresent()) {
                        for (int k = 0; k < sample; k++) {
                            String member = name.get() + "-" + (k + 1);
                            Integer prev = names.putIfAbsent(member, l.lineOf("name"));
                            if (prev != null && prev != l.lineOf("name")) {
                                cx.problems.add(l.lineOf("name"), l.pathOf("name"), "'" + member
                                        + "' (of the ensemble) is already the name of the layout on line " + prev);
                            }
                            out.add(new EnsembleLayout(member, from.get(), rules.get(), steps, sample, chainSeed, k,
                                    staffing));
                        }
                    }
                }
            } else {
                int min = l.integer("minHouseholds", LayoutRules.URBAN_MIN, 1, 100_000);
                int max = l.integer("maxHouseholds", LayoutRules.URBAN_MAX, 1, 100_000);
                boolean cross = l.bool("allowCrossCommunity", false);
                if (max < min) {
                    cx.problems.add(l.lineOf("maxHouseholds"), l.pathOf("maxHouseholds"), max
                            + " is below minHouseholds " + min);
                }
                Optional<YamlNode> t = l.get("targetHouseholds");
                Integer value = null;
                if (t.isPresent()) {
                    if (t.get() instanceof Scalar s && s.kind() == Scalar.Kind.INTEGER
                            && Fields.integerValue(s.text()) != null) {
                        java.math.BigInteger v = Fields.integerValue(s.text());
                        if (v.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
                            cx.problems.add(s.line(), l.pathOf("targetHouseholds"), v
                                    + " is above the maximum grid size " + max);
                        } else if (v.compareTo(java.math.BigInteger.valueOf(min)) < 0) {
                            cx.problems.add(s.line(), l.pathOf("targetHouseholds"), v
                                    + " is below the minimum grid size " + min);
                        } else {
                            value = v.intValueExact();
                        }
                    } else {
                        cx.problems.add(t.get().line(), l.pathOf("targetHouseholds"),
                                "expected a whole number, got " + t.get().describe());
                    }
                }
                if (value != null && name.isPresent() && max >= min) {
                    LayoutRules rules = new LayoutRules(min, max, cross);
                    out.add(new GeneratedLayout(name.get(), LayoutGenerator.Spec.of(rules, value).withName(name.get()),
                            staffing));
                }
            }
            l.finish();
        }
        return out;
    }

    /** The grid rules of a generated, redrawn or ensemble layout entry; empty when they contradict each other. */
    private static Optional<LayoutRules> layoutRules(Fields l) {
        int min = l.integer("minHouseholds", LayoutRules.URBAN_MIN, 1, 100_000);
        int max = l.integer("maxHouseholds", LayoutRules.URBAN_MAX, 1, 100_000);
        boolean cross = l.bool("allowCrossCommunity", false);
        if (max < min) {
            l.problems().add(l.lineOf("maxHouseholds"), l.pathOf("maxHouseholds"), max + " is below minHouseholds "
                    + min);
            return Optional.empty();
        }
        return Optional.of(new LayoutRules(min, max, cross));
    }

    // ---------------------------------------------------------------- optimise and outputs

    private Optimise optimise(Fields root, List<LayoutSource> layouts) {
        Optional<Fields> of = root.object("optimise");
        if (of.isEmpty()) {
            return Optimise.NONE;
        }
        Fields o = of.get();
        boolean branches = o.bool("branches", false);
        boolean workers = o.bool("workers", false);
        if (branches && !available.branches()) {
            o.problems().add(o.lineOf("branches"), o.pathOf("branches"), "true needs the branch-siting optimizer, "
                    + "which is not available in this build; set it to false (the field-standard plan is simulated)");
        }
        if (workers && !available.workers()) {
            o.problems().add(o.lineOf("workers"), o.pathOf("workers"), "true needs the worker-assignment optimizer, "
                    + "which is not available in this build; set it to false (the field-standard plan is simulated)");
        } else if (workers) {
            for (LayoutSource l : layouts) {
                l.staffing().ifPresent(file -> o.problems().add(o.lineOf("workers"), o.pathOf("workers"),
                        "true cannot be used with a layout staffing file: the optimiser would replace the workers that "
                        + file.where() + " gives layout " + l.name() + "; set optimise.workers to false (optimise."
                        + "branches may stay) or remove the layout's staffing"));
            }
        }
        PlanWeights weights = o.object("weights").map(ScenarioReader::weights).orElse(PlanWeights.DEFAULT);
        OptionalInt capacity = o.optionalInteger("branchCapacity", 1, Integer.MAX_VALUE);
        boolean shares = o.bool("communitySharesBranch", false);
        for (String rule : List.of("branchCapacity", "communitySharesBranch")) {
            boolean asked = rule.equals("branchCapacity") ? capacity.isPresent() : shares;
            if (asked && !branches) {
                o.problems().add(o.lineOf(rule), o.pathOf(rule), "is a rule of branch siting and needs "
                        + "optimise.branches: true");
            }
        }
        o.finish();
        return new Optimise(branches, workers, weights, capacity.isPresent() ? OptionalLong.of(capacity.getAsInt())
                : OptionalLong.empty(), shares);
    }

    /**
     * {@code optimise.weights}: the optimiser's soft weights, each a whole number from 0 (the
     * constraint off) to 1,000,000; what is left out keeps its default.
     */
    private static PlanWeights weights(Fields w) {
        SitingWeights d = SitingWeights.DEFAULT;
        int max = 1_000_000;
        SitingWeights siting = new SitingWeights(d.maxBranchesHard(), d.capacityHard(), d.communityHard(),
                w.integer("travel", (int) d.travelSoft(), 0, max),
                w.integer("outside5min", (int) d.outsideInnerCircleSoft(), 0, max),
                w.integer("outside15min", (int) d.outsideOuterCircleSoft(), 0, max),
                w.integer("branchBalance", (int) d.balanceSoft(), 0, max));
        PlanWeights p = PlanWeights.DEFAULT;
        PlanWeights out = new PlanWeights(siting, w.integer("response", (int) p.expectedResponse(), 0, max),
                w.integer("utilisationBalance", (int) p.utilisationBalance(), 0, max),
                w.integer("homeNearGrid", (int) p.homeNearGrid(), 0, max));
        w.finish();
        return out;
    }

    private static Optional<Scenario.Selection> selection(Fields root, int layouts, int replications) {
        Optional<Fields> of = root.object("selection");
        if (of.isEmpty()) {
            return Optional.empty();
        }
        Fields s = of.get();
        s.choice("procedure", "kim-nelson", Map.of("kim-nelson", "kim-nelson"));
        Map<String, String> kpis = new LinkedHashMap<>();
        for (String k : Scenario.Selection.KPIS) {
            kpis.put(k, k);
        }
        String kpi = s.choice("kpi", "mean_response", kpis);
        double delta = s.number("delta", Double.NaN, 0, true, 1e9);
        if (!s.has("delta")) {
            s.problems().add(s.line(), s.pathOf("delta"), "missing (required): the smallest difference worth "
                    + "detecting, in minutes for times and percentage points for shares");
        }
        double alpha = s.number("alpha", 0.05, 0, true, 0.5);
        int firstStage = s.integer("firstStage", 10, 2, Limits.MAX_REPLICATIONS);
        if (firstStage > replications) {
            s.problems().add(s.line(), s.pathOf("firstStage"), firstStage + " is more than replications ("
                    + replications + "), which caps the replications of each layout");
        }
        if (layouts < 2) {
            s.problems().add(s.line(), "selection", "needs at least 2 layouts to choose from, got " + layouts);
        }
        s.finish();
        return Double.isNaN(delta) ? Optional.empty() : Optional.of(new Scenario.Selection(kpi, delta, alpha,
                firstStage));
    }

    private static Outputs outputs(Fields root) {
        Optional<Fields> of = root.object("outputs");
        if (of.isEmpty()) {
            return new Outputs(false, List.of());
        }
        Fields o = of.get();
        boolean incidents = o.bool("incidents", false);
        List<ExportKind> formats = new ArrayList<>();
        o.list("export").ifPresent(l -> {
            for (int i = 0; i < l.items().size(); i++) {
                Fields.choiceOf(l.items().get(i), o.pathOf("export") + "[" + i + "]", FORMATS, o.problems())
                        .filter(x -> !formats.contains(x)).ifPresent(formats::add);
            }
        });
        boolean report = o.bool("report", true);
        ReportLanguage language = o.choice("reportLanguage", ReportLanguage.EN, LANGUAGES);
        o.finish();
        return new Outputs(incidents, formats, report, language);
    }

    // ---------------------------------------------------------------- sweep

    /** One swept field: its path, where it is written, and its values. */
    private record SweepParameter(String path, int line, List<YamlNode> values) {
    }

    private static List<SweepParameter> sweep(Fields root, SweepMode[] mode) {
        List<SweepParameter> out = new ArrayList<>();
        Optional<Fields> sf = root.object("sweep");
        if (sf.isEmpty()) {
            return out;
        }
        Fields s = sf.get();
        Problems problems = s.problems();
        mode[0] = s.choice("mode", SweepMode.FACTORIAL, MODES);
        Optional<Fields> pf = s.object("parameters");
        if (pf.isEmpty() && !s.has("parameters")) {
            problems.add(s.line(), s.pathOf("parameters"), "missing (required): swept field paths and their values");
        }
        pf.ifPresent(p -> {
            for (Entry e : p.entries().values()) {
                p.get(e.key());
                String at = p.pathOf(e.key());
                String first = e.key().split("[.\\[]", 2)[0];
                if (!SWEEPABLE.contains(first)) {
                    problems.add(e.keyLine(), at, "cannot be swept (a sweep varies fields under: "
                            + String.join(", ", SWEEPABLE) + ")");
                    continue;
                }
                if (!(e.value() instanceof ListNode l)) {
                    problems.add(e.value().line(), at, "expected a list of values, got " + e.value().describe());
                    continue;
                }
                if (l.items().isEmpty()) {
                    problems.add(l.line(), at, "is empty; give at least one value");
                    continue;
                }
                out.add(new SweepParameter(e.key(), e.keyLine(), l.items()));
            }
            if (p.entries().isEmpty()) {
                problems.add(p.line(), p.path(), "is empty; give at least one swept field");
            }
        });
        s.finish();
        if (mode[0] == SweepMode.ZIP && out.size() > 1) {
            int n = out.get(0).values().size();
            for (SweepParameter p : out) {
                if (p.values().size() != n) {
                    problems.add(p.line(), "sweep.parameters." + Problems.child("", p.path()), "has "
                            + p.values().size() + " values but " + out.get(0).path() + " has " + n
                            + "; zipped lists need equal lengths");
                }
            }
        }
        return out;
    }

    private static List<SweepPoint> expand(MapNode root, List<SweepParameter> sweep, SweepMode mode,
            Problems problems) {
        List<SweepPoint> points = new ArrayList<>();
        if (sweep.isEmpty()) {
            RunSettings s = settings(root, problems);
            if (s != null) {
                points.add(new SweepPoint(0, Map.of(), s));
            }
            return points;
        }
        int n;
        if (mode == SweepMode.ZIP) {
            n = sweep.stream().mapToInt(p -> p.values().size()).min().orElse(0);
            if (sweep.stream().anyMatch(p -> p.values().size() != n)) {
                return points;
            }
        } else {
            long product = 1;
            for (SweepParameter p : sweep) {
                product *= p.values().size();
                if (product > MAX_POINTS) {
                    problems.add(p.line(), "sweep.parameters", "the sweep expands to more than " + MAX_POINTS
                            + " points");
                    return points;
                }
            }
            n = (int) product;
        }
        for (int k = 0; k < n; k++) {
            int[] pick = new int[sweep.size()];
            if (mode == SweepMode.ZIP) {
                java.util.Arrays.fill(pick, k);
            } else {
                int rest = k;
                for (int i = sweep.size() - 1; i >= 0; i--) {
                    int size = sweep.get(i).values().size();
                    pick[i] = rest % size;
                    rest /= size;
                }
            }
            MapNode copy = root.copy();
            Map<String, Object> values = new LinkedHashMap<>();
            boolean placed = true;
            for (int i = 0; i < sweep.size(); i++) {
                SweepParameter p = sweep.get(i);
                YamlNode v = p.values().get(pick[i]);
                placed &= place(copy, p, v, problems);
                values.put(p.path(), plain(v));
            }
            if (!placed) {
                return List.of();
            }
            RunSettings s = settings(copy, problems);
            if (s != null) {
                points.add(new SweepPoint(k, values, s));
            }
        }
        return points;
    }

    /** Puts {@code value} at the sweep path in {@code root}, creating mappings on the way. */
    private static boolean place(MapNode root, SweepParameter p, YamlNode value, Problems problems) {
        List<Object> segments = new ArrayList<>();
        for (String part : p.path().split("\\.")) {
            int b = part.indexOf('[');
            String key = b < 0 ? part : part.substring(0, b);
            if (key.isEmpty()) {
                problems.add(p.line(), "sweep.parameters." + Problems.child("", p.path()), "is not a field path "
                        + "(write keys joined by dots, list items as [i], e.g. surges[0].rateMultiplier)");
                return false;
            }
            segments.add(key);
            while (b >= 0) {
                int e = part.indexOf(']', b);
                if (e < 0) {
                    problems.add(p.line(), "sweep.parameters." + Problems.child("", p.path()), "unclosed [");
                    return false;
                }
                try {
                    segments.add(Integer.parseInt(part.substring(b + 1, e)));
                } catch (NumberFormatException ex) {
                    problems.add(p.line(), "sweep.parameters." + Problems.child("", p.path()), "'"
                            + part.substring(b + 1, e) + "' is not a list index");
                    return false;
                }
                b = part.indexOf('[', e);
            }
        }
        YamlNode node = root;
        String at = "";
        for (int i = 0; i < segments.size(); i++) {
            Object seg = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (seg instanceof String key) {
                if (!(node instanceof MapNode m)) {
                    problems.add(p.line(), at, "is not a mapping, so the sweep cannot set " + p.path());
                    return false;
                }
                at = Problems.child(at, key);
                Entry e = m.entries().get(key);
                if (last) {
                    m.entries().put(key, new Entry(key, e == null ? value.line() : e.keyLine(), value));
                    return true;
                }
                if (e == null || (e.value() instanceof Scalar s && s.kind() == Scalar.Kind.NULL)) {
                    YamlNode child = segments.get(i + 1) instanceof Integer
                            ? new ListNode(value.line(), new ArrayList<>())
                            : new MapNode(value.line(), new LinkedHashMap<>());
                    m.entries().put(key, new Entry(key, value.line(), child));
                    node = child;
                } else {
                    node = e.value();
                }
            } else {
                int index = (Integer) seg;
                if (!(node instanceof ListNode l) || index < 0 || index >= l.items().size()) {
                    problems.add(p.line(), "sweep.parameters." + Problems.child("", p.path()), at + "[" + index
                            + "] does not exist in the scenario");
                    return false;
                }
                at = at + "[" + index + "]";
                if (last) {
                    List<YamlNode> items = new ArrayList<>(l.items());
                    items.set(index, value);
                    // ListNode's list is the copy's own, so it may be changed in place.
                    l.items().clear();
                    l.items().addAll(items);
                    return true;
                }
                node = l.items().get(index);
            }
        }
        return true;
    }

    /** A YAML value as plain Java, for the sweep values' JSON. */
    private static Object plain(YamlNode v) {
        if (v instanceof Scalar s) {
            return switch (s.kind()) {
                case INTEGER -> {
                    try {
                        yield Long.parseLong(s.text().replace("_", ""));
                    } catch (NumberFormatException e) {
                        yield s.text();
                    }
                }
                case FLOAT -> {
                    try {
                        yield Double.parseDouble(s.text().replace("_", ""));
                    } catch (NumberFormatException e) {
                        yield s.text();
                    }
                }
                case BOOLEAN -> Boolean.parseBoolean(s.text());
                case NULL -> "null";
                case STRING -> s.text();
            };
        }
        if (v instanceof ListNode l) {
            return l.items().stream().map(ScenarioReader::plain).toList();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        ((MapNode) v).entries().forEach((k, e) -> m.put(k, plain(e.value())));
        return m;
    }

    // ---------------------------------------------------------------- run settings

    /** The sweepable settings of a document; null when a problem was found (reported). */
    private static RunSettings settings(MapNode root, Problems problems) {
        int before = problems.messages().size();
        Fields f = new Fields(root, "", problems);
        double horizon = f.number("horizonDays", 365, 0, true, Limits.MAX_DAYS);
        double warmUp = f.number("warmUpDays", 7, 0, false, Limits.MAX_DAYS);
        boolean daysRefused = problems.messages().size() > before;
        // A horizon or warm-up refused stands alone: no second problem comparing the other with its default.
        if (!daysRefused && warmUp >= horizon) {
            problems.add(f.has("warmUpDays") ? f.lineOf("warmUpDays") : f.lineOf("horizonDays"), "warmUpDays",
                    Fields.fmt(warmUp)
                    + " must be less than horizonDays " + Fields.fmt(horizon));
        } else if (!daysRefused && Limits.measuredDaysProblem(horizon, warmUp, "warmUpDays") != null) {
            // e.g. horizonDays: 1e-300 with warmUpDays: 0 would run and report "0 days".
            problems.add(f.lineOf("horizonDays"), "horizonDays", Limits.measuredDaysProblem(horizon, warmUp,
                    "warmUpDays"));
        }
        StaffingSpec staffing = staffing(f);
        DemandSpec demand = demand(f);
        FieldSections.FieldParts parts = new FieldSections.FieldParts();
        DispatchPolicy dispatch = dispatch(f, parts);
        List<SurgeSpec> surges = surges(f, horizon);
        TravelModel travel = travel(f);
        FieldSections.routine(f, parts);
        FieldSections.timeLimits(f, parts);
        if (problems.messages().size() > before || staffing == null || demand == null) {
            return null;
        }
        return new RunSettings(staffing, demand, dispatch, surges, horizon, warmUp, travel, parts.patrol,
                parts.field());
    }

    private static StaffingSpec staffing(Fields root) {
        Optional<Fields> sf = root.object("staffing");
        StaffingSpec d = StaffingSpec.defaults();
        if (sf.isEmpty()) {
            return root.has("staffing") ? null : d;
        }
        Fields s = sf.get();
        StaffingSpec out = new StaffingSpec(
                s.integer("fullTimePerGrid", d.fullTimePerGrid(), 1, Limits.MAX_FULL_TIME_PER_GRID),
                s.integer("partTimePerCommunity", d.partTimePerCommunity(), 0,
                        Limits.MAX_PART_TIME_PER_COMMUNITY),
                s.number("professionalsPerGrid", d.professionalsPerGrid(), 0, false, 5),
                s.integer("branchPoolPerCommunity", d.branchPoolPerCommunity(), 0, 50),
                s.integer("emergencyPool", d.emergencyPool(), 0, Limits.MAX_WORKERS),
                FieldSections.shift(s, "fullTimeShift", d.fullTimeShift()),
                FieldSections.shift(s, "partTimeShift", d.partTimeShift()),
                FieldSections.shift(s, "poolShift", d.poolShift()),
                FieldSections.duty(s));
        out = new StaffingSpec(out.fullTimePerGrid(), out.partTimePerCommunity(), out.professionalsPerGrid(),
                out.branchPoolPerCommunity(), out.emergencyPool(), out.fullTimeShift(), out.partTimeShift(),
                out.poolShift(), out.duty(), FieldSections.stagger(s, out.fullTimeShift()));
        if (out.duty().scope() == DutyRoster.Scope.BRANCH && out.branchPoolPerCommunity() == 0) {
            Fields duty = s.object("duty").orElseThrow();
            s.problems().add(duty.lineOf("scope"), duty.pathOf("scope"), "branch keeps one roster per branch pool, "
                    + "but there are no branch pools (staffing.branchPoolPerCommunity is 0); give community or none, "
                    + "or add pools");
        }
        s.finish();
        return out;
    }

    /** {@code demand}; null when a problem was found (reported). */
    private static DemandSpec demand(Fields root) {
        Optional<Fields> df = root.object("demand");
        if (df.isEmpty()) {
            return root.has("demand") ? null : DemandSpec.defaults();
        }
        Fields d = df.get();
        double scale = d.number("scale", 1.0, 0, false, Limits.MAX_DEMAND_SCALE);
        boolean empty = d.choice("catalog", false, CATALOGS);
        Map<String, IncidentCategory> categories = new LinkedHashMap<>();
        if (!empty) {
            for (IncidentCategory c : DemandCatalog.defaults().categories()) {
                categories.put(c.name(), c);
            }
        }
        boolean[] bad = {false};
        d.object("categories").ifPresent(cats -> {
            for (Entry e : cats.entries().values()) {
                cats.get(e.key());
                Optional<Fields> cf = Fields.of(e.value(), cats.pathOf(e.key()), cats.problems());
                if (cf.isEmpty()) {
                    bad[0] = true;
                    continue;
                }
                IncidentCategory c = category(cf.get(), e.key(), empty ? null : categories.get(e.key()), empty);
                if (c == null) {
                    bad[0] = true;
                } else {
                    categories.put(e.key(), c);
                }
            }
        });
        if (categories.isEmpty() && !bad[0]) {
            d.problems().add(d.lineOf(d.has("categories") ? "categories" : "catalog"), d.pathOf("categories"),
                    "is empty: catalog empty starts with no categories, so define at least one here (rate and "
                    + "service)");
        }
        d.finish();
        if (categories.isEmpty() || bad[0]) {
            return null;
        }
        return new DemandSpec(scale, new ArrayList<>(categories.values()));
    }

    /**
     * One category of {@code demand.categories}: the default catalog's category {@code def} with
     * the file's changes, or, when {@code def} is null, a new category (rate and service required,
     * the rest as {@link IncidentCategory#reported}). Null when a problem was found (reported).
     */
    private static IncidentCategory category(Fields c, String name, IncidentCategory def, boolean emptyCatalog) {
        Problems problems = c.problems();
        int before = problems.messages().size();
        OptionalDouble rate = c.optionalNumber("rate", 0, false, 10);
        OptionalDouble onSpot = c.optionalNumber("onSpot", 0, false, 1);
        OptionalDouble serviceMinutes = c.optionalNumber("serviceMinutes", 0, true, 10_080);
        Optional<EscalationLevel> escalation = c.has("escalation")
                ? Optional.ofNullable(c.choice("escalation", null, LEVELS)) : Optional.empty();
        Optional<Urgency> urgency = c.has("urgency")
                ? Optional.ofNullable(c.choice("urgency", null, URGENCIES)) : Optional.empty();
        Optional<TimeLimit> response = FieldSections.limit(c, "responseLimit");
        Optional<TimeLimit> closure = FieldSections.limit(c, "closureLimit");
        Optional<TimeProfile> profile = FieldSections.profile(c, "profile");
        Optional<TimeDistribution> service = FieldSections.distribution(c, "service", 10_080, false);
        Optional<DiscoveryMode> discovery = c.has("discovery")
                ? Optional.ofNullable(c.choice("discovery", null, DISCOVERY)) : Optional.empty();
        OptionalDouble latentDays = c.optionalNumber("latentDays", 0, true, Limits.MAX_DAYS);
        c.finish();
        if (c.has("service") && c.has("serviceMinutes")) {
            problems.add(c.lineOf("serviceMinutes"), c.pathOf("serviceMinutes"), "give either service (a "
                    + "distribution) or serviceMinutes (a new mean for the default distribution), not both");
        }
        String why = emptyCatalog ? "with catalog: empty every category is new"
                : "'" + name + "' is not a category of the default catalog (" + String.join(", ",
                        DemandSpec.categoryNames()) + "), so it defines a new one";
        if (def == null) {
            if (!c.has("rate")) {
                problems.add(c.line(), c.pathOf("rate"), "missing (required): " + why + ", which needs its rate "
                        + "(incidents per household per year)");
            }
            if (c.has("serviceMinutes") && !c.has("service")) {
                problems.add(c.lineOf("serviceMinutes"), c.pathOf("serviceMinutes"), why + ", which has no default "
                        + "distribution to rescale; give service, e.g. {distribution: exponential, mean: 30}");
            } else if (!c.has("service")) {
                problems.add(c.line(), c.pathOf("service"), "missing (required): " + why + ", which needs its "
                        + "service distribution, e.g. {distribution: exponential, mean: 30}");
            }
        }
        DiscoveryMode mode = discovery.orElse(def == null ? DiscoveryMode.RESIDENT_REPORT : def.discovery());
        if (latentDays.isPresent() && mode != DiscoveryMode.PATROL) {
            problems.add(c.lineOf("latentDays"), c.pathOf("latentDays"), "applies only with discovery: patrol "
                    + "(this category is reported by the resident)");
        }
        if (discovery.orElse(null) == DiscoveryMode.PATROL && latentDays.isEmpty() && !c.has("latentDays")
                && (def == null || def.discovery() != DiscoveryMode.PATROL)) {
            problems.add(c.lineOf("discovery"), c.pathOf("latentDays"), "missing (required): discovery: patrol "
                    + "needs latentDays, the mean days until the resident reports it if no patrol finds it first");
        }
        if (problems.messages().size() > before) {
            return null;
        }
        try {
            IncidentCategory out = def != null ? def
                    : IncidentCategory.reported(name, rate.getAsDouble(), service.orElseThrow());
            if (rate.isPresent()) {
                out = out.withRate(rate.getAsDouble());
            }
            if (service.isPresent()) {
                out = out.withService(service.get());
            } else if (serviceMinutes.isPresent()) {
                out = out.withService(DemandSpec.rescale(out.service(), serviceMinutes.getAsDouble()));
            }
            if (onSpot.isPresent() || escalation.isPresent()) {
                out = out.withOnSpot(onSpot.orElse(out.onSpotProbability()), escalation.orElse(out.escalation()));
            }
            if (urgency.isPresent()) {
                out = out.withUrgency(urgency.get());
            }
            if (response.isPresent() || closure.isPresent()) {
                out = out.withLimits(response.orElse(out.responseLimit()), closure.orElse(out.closureLimit()));
            }
            if (profile.isPresent()) {
                out = out.withProfile(profile.get());
            }
            if (mode == DiscoveryMode.RESIDENT_REPORT) {
                if (out.discovery() != DiscoveryMode.RESIDENT_REPORT) {
                    out = out.withResidentReport();
                }
            } else if (latentDays.isPresent()) {
                out = out.withPatrolDiscovery(TimeDistribution.exponential(latentDays.getAsDouble() * 1440));
            }
            return out;
        } catch (IllegalArgumentException e) {
            problems.add(c.line(), c.path(), e.getMessage());
            return null;
        }
    }

    private static DispatchPolicy dispatch(Fields root, FieldSections.FieldParts parts) {
        Optional<Fields> df = root.object("dispatch");
        if (df.isEmpty()) {
            return DispatchPolicy.defaults();
        }
        Fields d = df.get();
        List<Fallback> fallbacks = new ArrayList<>(DispatchPolicy.defaults().fallbacks());
        d.list("fallbacks").ifPresent(l -> {
            fallbacks.clear();
            Set<Fallback> seen = EnumSet.noneOf(Fallback.class);
            for (int i = 0; i < l.items().size(); i++) {
                String at = d.pathOf("fallbacks") + "[" + i + "]";
                YamlNode item = l.items().get(i);
                Fields.choiceOf(item, at, FALLBACKS, d.problems()).ifPresent(fb -> {
                    if (!seen.add(fb)) {
                        d.problems().add(item.line(), at, "repeats " + ((Scalar) item).text());
                    } else {
                        fallbacks.add(fb);
                    }
                });
            }
        });
        FieldSections.dispatch(d, parts);
        d.finish();
        return new DispatchPolicy(fallbacks);
    }

    private static List<SurgeSpec> surges(Fields root, double horizon) {
        List<SurgeSpec> out = new ArrayList<>();
        root.list("surges").ifPresent(l -> {
            for (int i = 0; i < l.items().size(); i++) {
                Fields.of(l.items().get(i), "surges[" + i + "]", root.problems()).ifPresent(s -> {
                    for (String k : List.of("startDay", "durationDays", "rateMultiplier")) {
                        if (!s.has(k)) {
                            s.problems().add(s.line(), s.pathOf(k), "missing (required)");
                        }
                    }
                    OptionalDouble start = s.optionalNumber("startDay", 0, false, Limits.MAX_DAYS);
                    OptionalDouble duration = s.optionalNumber("durationDays", 0, true, Limits.MAX_DAYS);
                    OptionalDouble multiplier = s.optionalNumber("rateMultiplier", 0, true, 1000);
                    OptionalInt workers = s.optionalInteger("emergencyWorkers", 0, Limits.MAX_WORKERS);
                    s.finish();
                    if (start.isPresent() && start.getAsDouble() >= horizon) {
                        s.problems().add(s.lineOf("startDay"), s.pathOf("startDay"), Fields.fmt(start.getAsDouble())
                                + " is not before the end of the run (horizonDays " + Fields.fmt(horizon) + ")");
                    } else if (start.isPresent() && duration.isPresent() && multiplier.isPresent()) {
                        out.add(new SurgeSpec(start.getAsDouble(), duration.getAsDouble(), multiplier.getAsDouble(),
                                workers));
                    }
                });
            }
        });
        return out;
    }

    private static TravelModel travel(Fields root) {
        Optional<Fields> tf = root.object("travel");
        if (tf.isEmpty()) {
            return TravelModel.road(TravelMode.EBIKE);
        }
        Fields t = tf.get();
        Optional<TravelMode> mode = t.choice("mode", Optional.of(TravelMode.EBIKE), TRAVEL);
        t.finish();
        return new TravelModel(mode);
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
