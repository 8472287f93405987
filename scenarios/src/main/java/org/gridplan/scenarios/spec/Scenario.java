package org.gridplan.scenarios.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.gridplan.optimizer.plan.PlanWeights;
import org.gridplan.scenarios.layout.LayoutGenerator;
import org.gridplan.sim.generate.CityGenerator;
import org.gridplan.sim.model.LayoutRules;

/**
 * A checked scenario: the city, the candidate layouts, the sweep points (each with its run
 * settings), the replications and the master seed, the optimisation wanted and the outputs. Read
 * one with {@link ScenarioReader}; every field is documented in {@code docs/scenario-reference.md}.
 *
 * <p>A batch runs every layout × sweep point × replication; see {@link #runCount()}.
 *
 * @param name         the scenario's name (default: the file name without extension)
 * @param description  free text, may be empty
 * @param file         the scenario file
 * @param hash         SHA-256 (hex) of the parsed scenario (its canonical form, so comments,
 *                     whitespace and key order do not count), the files it refers to and the
 *                     overrides applied: a results database is resumed only by the same hash
 * @param earlierHashes the hashes earlier versions of gridplan gave this same scenario (the hash
 *                     of the file's bytes), which a batch they started may have recorded
 * @param city         where the city comes from
 * @param layouts      the candidate layouts, names unique, not empty
 * @param optimise     what to optimise before simulating
 * @param sweepMode    how the sweep's parameter lists combine
 * @param points       the sweep points in order, at least one (a scenario without a sweep has
 *                     one point with no values)
 * @param replications replications per layout and sweep point, at least 1
 * @param seed         the master seed every run seed derives from
 * @param outputs      what to record and export
 * @param selection    the ranking-and-selection procedure that decides how many replications each
 *                     layout gets ({@code replications} is then the cap), if any
 */
public record Scenario(String name, String description, Path file, String hash, CitySource city,
        List<LayoutSource> layouts, Optimise optimise, SweepMode sweepMode, List<SweepPoint> points, int replications,
        long seed, Outputs outputs, Optional<Selection> selection, List<String> earlierHashes) {

    /** A scenario without a selection procedure. */
    public Scenario(String name, String description, Path file, String hash, CitySource city,
            List<LayoutSource> layouts, Optimise optimise, SweepMode sweepMode, List<SweepPoint> points,
            int replications, long seed, Outputs outputs) {
        this(name, description, file, hash, city, layouts, optimise, sweepMode, points, replications, seed, outputs,
                Optional.empty(), List.of());
    }

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(optimise, "optimise");
        Objects.requireNonNull(sweepMode, "sweepMode");
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(selection, "selection");
        layouts = List.copyOf(layouts);
        points = List.copyOf(points);
        earlierHashes = List.copyOf(earlierHashes);
        if (layouts.isEmpty() || points.isEmpty() || replications < 1) {
            throw new IllegalArgumentException("a scenario needs a layout, a point and a replication");
        }
    }

    /**
     * The fully sequential Kim–Nelson procedure for choosing the best layout ({@code selection}):
     * replications are added to the surviving layouts one at a time until one remains, with
     * probability of correct selection at least {@code 1 − alpha} when the best is at least
     * {@code delta} better than every other.
     *
     * @param kpi        the KPI judged, a key of {@link #KPIS}
     * @param delta      the indifference zone in the KPI's reported unit (minutes for times,
     *                   percentage points for shares), positive
     * @param alpha      1 − the guaranteed probability of correct selection, in (0, 0.5]
     * @param firstStage n₀, the replications every layout gets first, at least 2
     */
    public record Selection(String kpi, double delta, double alpha, int firstStage) {

        /** The KPIs a selection may judge, by scenario key (each a results KPI of the same name). */
        public static final List<String> KPIS = List.of("mean_response", "p90_response", "on_time_response",
                "urgent_on_time_response", "on_time_closure");

        /** Validates. */
        public Selection {
            if (!KPIS.contains(kpi)) {
                throw new IllegalArgumentException("selection.kpi '" + kpi + "' is not one of " + KPIS);
            }
        }

        /** Whether the KPI is a share (its delta is in percentage points). */
        public boolean share() {
            return kpi.startsWith("on_time") || kpi.startsWith("urgent_on_time");
        }
    }

    /** Runs in the batch: layouts × points × replications. */
    public int runCount() {
        return layouts.size() * points.size() * replications;
    }

    /** Where the city comes from. */
    public sealed interface CitySource {
    }

    /**
     * A city generated by {@link CityGenerator}.
     *
     * @param spec the generator's parameters
     */
    public record GeneratedCity(CityGenerator.Spec spec) implements CitySource {
    }

    /**
     * A city read from a GeoJSON file.
     *
     * @param file the city file (resolved against the scenario file's folder)
     */
    public record CityFile(Path file) implements CitySource {
    }

    /** Where a candidate layout comes from. */
    public sealed interface LayoutSource {
        /** The layout's name in results. */
        String name();

        /**
         * The layout's staffing file ({@code layouts[i].staffing}), whose workers replace the
         * staffing planner's; empty when the planner staffs the layout.
         */
        Optional<StaffingFile> staffing();
    }

    /**
     * A layout drawn by {@link LayoutGenerator} at a target grid size.
     *
     * @param name     the layout's name
     * @param spec     the generator's parameters (rules and target)
     * @param staffing the layout's staffing file, if it has one
     */
    public record GeneratedLayout(String name, LayoutGenerator.Spec spec, Optional<StaffingFile> staffing)
            implements LayoutSource {
        public GeneratedLayout {
            Objects.requireNonNull(staffing, "staffing");
        }

        /** A generated layout staffed by the planner. */
        public GeneratedLayout(String name, LayoutGenerator.Spec spec) {
            this(name, spec, Optional.empty());
        }
    }

    /**
     * A layout read from a GeoJSON layout file of the scenario's city.
     *
     * @param name     the layout's name in results (the file's own name is not used)
     * @param file     the layout file (resolved against the scenario file's folder)
     * @param staffing the layout's staffing file, if it has one
     */
    public record LayoutFile(String name, Path file, Optional<StaffingFile> staffing) implements LayoutSource {
        public LayoutFile {
            Objects.requireNonNull(staffing, "staffing");
        }

        /** A layout file staffed by the planner. */
        public LayoutFile(String name, Path file) {
            this(name, file, Optional.empty());
        }
    }

    /**
     * A layout file redrawn as little as possible ({@link org.gridplan.scenarios.layout.LayoutRedraw}):
     * its grids that break the rules repaired, the grids of {@code communities} drawn afresh.
     *
     * @param name        the layout's name in results
     * @param file        the current layout file (resolved against the scenario file's folder)
     * @param rules       the rules the redraw keeps
     * @param target      households per grid to aim at in repairs and fresh grids
     * @param communities communities drawn afresh
     * @param staffing    the layout's staffing file, if it has one
     */
    public record RedrawnLayout(String name, Path file, LayoutRules rules, int target, Set<String> communities,
            Optional<StaffingFile> staffing) implements LayoutSource {
        public RedrawnLayout {
            Objects.requireNonNull(rules, "rules");
            communities = Set.copyOf(communities);
            Objects.requireNonNull(staffing, "staffing");
        }
    }

    /**
     * A layout file improved by the layout search ({@link org.gridplan.scenarios.layout.LayoutSearch}):
     * ReCom moves the field-regime model expects no worse for, under the field-standard staffing of the
     * scenario's first sweep point.
     *
     * @param name     the layout's name in results
     * @param file     the layout file the search starts from
     * @param rules    the rules every move keeps
     * @param steps    proposals rated
     * @param seed     the search's seed
     * @param staffing the layout's staffing file, if it has one
     */
    public record OptimisedLayout(String name, Path file, LayoutRules rules, int steps, long seed,
            Optional<StaffingFile> staffing) implements LayoutSource {
        public OptimisedLayout {
            Objects.requireNonNull(rules, "rules");
            Objects.requireNonNull(staffing, "staffing");
        }
    }

    /**
     * One layout of an ensemble: the {@code index}-th of the {@code sample} layouts kept, evenly
     * spaced, from a ReCom chain of {@code steps} steps from a layout file
     * ({@link org.gridplan.scenarios.layout.LayoutEnsemble}). A scenario's ensemble entry stands for
     * {@code sample} of these, named {@code <name>-1} to {@code <name>-<sample>}.
     *
     * @param name     the layout's name in results
     * @param from     the layout file the chain starts from
     * @param rules    the rules every layout of the chain keeps
     * @param steps    steps of the chain
     * @param sample   layouts kept from it
     * @param seed     the chain's seed
     * @param index    which of them this is, from 0
     * @param staffing the layout's staffing file, if it has one
     */
    public record EnsembleLayout(String name, Path from, LayoutRules rules, int steps, int sample, long seed,
            int index, Optional<StaffingFile> staffing) implements LayoutSource {
        public EnsembleLayout {
            Objects.requireNonNull(rules, "rules");
            Objects.requireNonNull(staffing, "staffing");
            if (index < 0 || index >= sample || sample > steps) {
                throw new IllegalArgumentException("ensemble layout " + name + ": index " + index + " of " + sample
                        + " layouts kept from " + steps + " steps");
            }
        }
    }

    /**
     * A layout's staffing CSV ({@code layouts[i].staffing}, the format {@code gridplan simulate
     * --staffing} reads, {@link org.gridplan.sim.io.StaffingCsv}): that layout's workers, read
     * instead of planned; the scenario's branch pools and duty roster still apply.
     *
     * @param file  the CSV (resolved against the scenario file's folder)
     * @param where where the field is written, {@code file:line field.path} (e.g.
     *              {@code s.yaml:7 layouts[0].staffing}), the start of every message about the file
     */
    public record StaffingFile(Path file, String where) {
        public StaffingFile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(where, "where");
        }

        /** A problem with the file, as {@code file:line field.path: problem}. */
        public String problem(String problem) {
            return where + ": " + problem;
        }
    }

    /**
     * Optimisation before simulating (the optimizer module): branch siting and grid → branch
     * assignment, and worker → grid assignment. Both default to false.
     *
     * @param branches whether to site branches and assign grids to them
     * @param workers  whether to assign workers to grids
     * @param weights  the optimiser's soft-constraint weights ({@code optimise.weights})
     * @param branchCapacity households one branch can serve, a hard rule of branch siting; empty for
     *                 no capacity ({@code optimise.branchCapacity})
     * @param communitySharesBranch whether all grids of a community must use the same branch, a hard
     *                 rule of branch siting ({@code optimise.communitySharesBranch})
     */
    public record Optimise(boolean branches, boolean workers, PlanWeights weights, OptionalLong branchCapacity,
            boolean communitySharesBranch) {
        /** Nothing optimised: the field-standard staffing is simulated as it is. */
        public static final Optimise NONE = new Optimise(false, false);

        /** Validates. */
        public Optimise {
            Objects.requireNonNull(weights, "weights");
            Objects.requireNonNull(branchCapacity, "branchCapacity");
        }

        /** What to optimise, with the given weights and no siting rule beyond at most p branches. */
        public Optimise(boolean branches, boolean workers, PlanWeights weights) {
            this(branches, workers, weights, OptionalLong.empty(), false);
        }

        /** What to optimise, with the default weights. */
        public Optimise(boolean branches, boolean workers) {
            this(branches, workers, PlanWeights.DEFAULT);
        }
    }

    /**
     * What a batch records besides KPIs and what it exports at the end.
     *
     * @param incidents whether every counted incident of every run is stored (the
     *                  {@code incidents} table; about 8,000 rows per run-year of a
     *                  40,000-household district)
     * @param export    formats to export every table to when the batch completes; may be empty
     * @param report    whether {@code gridplan run} writes {@code report.html} into the batch folder
     *                  at the end
     * @param reportLanguage the language of that report
     */
    public record Outputs(boolean incidents, List<ExportKind> export, boolean report,
            ReportLanguage reportLanguage) {
        public Outputs {
            export = List.copyOf(export);
            Objects.requireNonNull(reportLanguage, "reportLanguage");
        }

        /** Outputs with the default report (English). */
        public Outputs(boolean incidents, List<ExportKind> export) {
            this(incidents, export, true, ReportLanguage.EN);
        }
    }

    /** How a sweep's parameter lists combine into points. */
    public enum SweepMode {
        /** Every combination (the cartesian product); the first parameter varies slowest. */
        FACTORIAL,
        /** The k-th values of every list together; the lists have equal lengths. */
        ZIP
    }

    /**
     * Values given on the command line that replace the file's (e.g. a shorter horizon for a
     * quick check); they enter the scenario hash.
     *
     * @param horizonDays  replaces {@code horizonDays}
     * @param warmUpDays   replaces {@code warmUpDays}
     * @param replications replaces {@code replications}
     */
    public record Overrides(OptionalDouble horizonDays, OptionalDouble warmUpDays, OptionalInt replications) {

        /** No overrides. */
        public static final Overrides NONE = new Overrides(OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalInt.empty());

        /** Whether nothing is overridden. */
        public boolean isEmpty() {
            return horizonDays.isEmpty() && warmUpDays.isEmpty() && replications.isEmpty();
        }
    }
}
