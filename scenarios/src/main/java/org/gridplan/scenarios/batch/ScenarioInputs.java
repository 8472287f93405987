package org.gridplan.scenarios.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridplan.optimizer.plan.LayoutForecast;
import org.gridplan.scenarios.layout.LayoutEnsemble;
import org.gridplan.scenarios.layout.LayoutGenerator;
import org.gridplan.scenarios.layout.LayoutInfeasibleException;
import org.gridplan.scenarios.layout.LayoutRedraw;
import org.gridplan.scenarios.layout.LayoutSearch;
import org.gridplan.scenarios.layout.ReComChain;
import org.gridplan.scenarios.spec.RunSettings;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.scenarios.spec.Scenario.CityFile;
import org.gridplan.scenarios.spec.Scenario.EnsembleLayout;
import org.gridplan.scenarios.spec.Scenario.GeneratedCity;
import org.gridplan.scenarios.spec.Scenario.GeneratedLayout;
import org.gridplan.scenarios.spec.Scenario.LayoutFile;
import org.gridplan.scenarios.spec.Scenario.LayoutSource;
import org.gridplan.scenarios.spec.Scenario.Optimise;
import org.gridplan.scenarios.spec.Scenario.OptimisedLayout;
import org.gridplan.scenarios.spec.Scenario.RedrawnLayout;
import org.gridplan.scenarios.spec.Scenario.StaffingFile;
import org.gridplan.scenarios.spec.ScenarioException;
import org.gridplan.scenarios.spec.StaffingSpec;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.generate.CityGenerator;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.io.InputException;
import org.gridplan.sim.io.StaffingCsv;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.LayoutRules;
import org.gridplan.sim.model.LayoutValidator;
import org.gridplan.sim.model.Violation;
import org.gridplan.sim.road.TravelTimes;

/**
 * The city and layouts of a scenario, loaded or generated, with the travel-time cache every run
 * shares.
 *
 * <p>All layouts divide one and the same city, so that replication r places the same incidents in
 * the same buildings under every layout. Buildings larger than the smallest maximum grid size of
 * the generated layouts are split once, before any layout is drawn; layout files must then refer
 * to the split city.
 *
 * <p>A layout with a staffing file ({@code layouts[i].staffing}) has its workers read from it here,
 * once, after the layout is drawn and before any run starts, so that a file that does not fit its
 * layout stops the whole batch with the file's message instead of failing each run.
 *
 * @param city     the city
 * @param layouts  the layouts in scenario order, each named as in the scenario
 * @param travel   shortest-path travel times over the city, shared by all runs (thread-safe)
 * <p>Every layout is checked against the city and its rules ({@link LayoutValidator}): one that
 * leaves a building of the city out or names one the city lacks cannot be run and is refused; one
 * that breaks a grid rule (households per grid, contiguity, community) can, and gets a warning
 * line, so that a planner's current layout can be compared even when it breaks the standard. A
 * file layout is held to the urban standard ({@link LayoutRules#urban()}, 300–500 households,
 * grids inside their community), a generated one to its own bounds.
 *
 * @param staffing per layout, in the same order, the workers of its staffing file; empty for a
 *                 layout the staffing planner staffs
 * @param warnings one line per layout that breaks a grid rule, naming the layout, the rule and
 *                 the grids, for {@code gridplan run} and {@code gridplan validate} to print
 */
public record ScenarioInputs(City city, List<GridLayout> layouts, TravelTimes travel,
        List<Optional<Staffing>> staffing, List<String> warnings) {

    public ScenarioInputs {
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(travel, "travel");
        layouts = List.copyOf(layouts);
        staffing = List.copyOf(staffing);
        warnings = List.copyOf(warnings);
        if (staffing.size() != layouts.size()) {
            throw new IllegalArgumentException(staffing.size() + " staffing entries for " + layouts.size()
                    + " layouts");
        }
    }

    /** Inputs without warnings. */
    public ScenarioInputs(City city, List<GridLayout> layouts, TravelTimes travel,
            List<Optional<Staffing>> staffing) {
        this(city, layouts, travel, staffing, List.of());
    }

    /** Inputs whose layouts are all staffed by the planner. */
    public ScenarioInputs(City city, List<GridLayout> layouts, TravelTimes travel) {
        this(city, layouts, travel, Collections.nCopies(layouts.size(), Optional.empty()));
    }

    /**
     * Loads or generates the city and every layout of {@code scenario}, checks each layout against
     * the city and its rules, and reads the layouts' staffing files: everything {@code gridplan run}
     * needs before its first run, and all that {@code gridplan validate} checks beyond the scenario
     * file.
     *
     * @throws ScenarioException when a layout's staffing file does not fit its layout, listing every
     *                           such file as {@code file:line layouts[i].staffing: problem}
     * @throws InputException    when a file is malformed or a layout cannot be drawn, naming it
     */
    public static ScenarioInputs load(Scenario scenario) {
        City city = city(scenario);
        List<GridLayout> layouts = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        city.travelNote().ifPresent(warnings::add);
        Map<EnsembleLayout, List<GridLayout>> chains = new HashMap<>();
        for (int i = 0; i < scenario.layouts().size(); i++) {
            GridLayout layout = layout(scenario, city, i, chains);
            layouts.add(layout);
            warning(scenario, city, layout, i).ifPresent(warnings::add);
        }
        List<Optional<Staffing>> staffing = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < layouts.size(); i++) {
            try {
                staffing.add(staffing(scenario, city, layouts.get(i), i));
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new ScenarioInputs(city, layouts, new TravelTimes(city), staffing, warnings);
    }

    /**
     * The rules layout {@code i} is held to: a generated, redrawn or ensemble layout's own, the urban
     * standard for a file.
     */
    public static LayoutRules rules(Scenario scenario, int i) {
        LayoutSource s = scenario.layouts().get(i);
        if (s instanceof GeneratedLayout g) {
            return g.spec().rules();
        }
        if (s instanceof RedrawnLayout r) {
            return r.rules();
        }
        if (s instanceof OptimisedLayout o) {
            return o.rules();
        }
        return s instanceof EnsembleLayout e ? e.rules() : LayoutRules.urban();
    }

    /** Where layout {@code i} is named in messages: its file, or the scenario field. */
    private static String source(Scenario scenario, int i) {
        LayoutSource s = scenario.layouts().get(i);
        String field = "layouts[" + i + "] (" + s.name() + ")";
        Path file = s instanceof LayoutFile f ? f.file() : s instanceof RedrawnLayout r ? r.file()
                : s instanceof EnsembleLayout e ? e.from() : s instanceof OptimisedLayout o ? o.file() : null;
        return file != null ? file.getFileName() + ": " + field : scenario.file().getFileName() + ": " + field;
    }

    /**
     * Refuses a layout that cannot be run on {@code city}: one leaving a building out or naming one
     * the city lacks, naming the layout, the count and the first buildings.
     */
    private static void checkCoverage(Scenario scenario, City city, GridLayout layout, int i) {
        List<String> unassigned = new ArrayList<>();
        for (org.gridplan.sim.model.Building b : city.buildings()) {
            if (!layout.gridOfBuilding().containsKey(b.id())) {
                unassigned.add(b.id());
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String id : layout.gridOfBuilding().keySet()) {
            if (city.indexOf(id).isEmpty()) {
                unknown.add(id);
            }
        }
        if (!unassigned.isEmpty() || !unknown.isEmpty()) {
            String what = !unassigned.isEmpty()
                    ? unassigned.size() + " of the " + city.buildings().size() + " buildings of city " + city.name()
                            + " are in no grid: " + first(unassigned)
                    : unknown.size() + " buildings are not in city " + city.name() + ": " + first(unknown);
            throw new InputException(source(scenario, i) + ": " + what + "; every building of the city needs "
                    + "exactly one grid (was the layout drawn on another city?)");
        }
    }

    /** One warning line for a layout that breaks a grid rule, if it does. */
    private static Optional<String> warning(Scenario scenario, City city, GridLayout layout, int i) {
        LayoutRules rules = rules(scenario, i);
        List<Violation> violations = LayoutValidator.validate(city, layout, rules);
        if (violations.isEmpty()) {
            return Optional.empty();
        }
        Map<Violation.Rule, List<String>> byRule = new java.util.EnumMap<>(Violation.Rule.class);
        for (Violation v : violations) {
            byRule.computeIfAbsent(v.rule(), r -> new ArrayList<>()).add(v.message());
        }
        StringBuilder text = new StringBuilder();
        byRule.forEach((rule, messages) -> text.append(text.length() == 0 ? "" : "; ").append(messages.size())
                .append(' ').append(describe(rule, rules)).append(" (").append(first(messages)).append(')'));
        return Optional.of(source(scenario, i) + ": breaks the grid rules (" + rules.minHouseholds() + "–"
                + rules.maxHouseholds() + " households per grid" + (rules.allowCrossCommunity() ? ""
                        : ", grids inside their community") + ", contiguous): " + text
                + "; its runs go ahead as drawn");
    }

    private static String describe(Violation.Rule rule, LayoutRules rules) {
        return switch (rule) {
            case TOO_FEW_HOUSEHOLDS -> "grids with fewer than " + rules.minHouseholds() + " households";
            case TOO_MANY_HOUSEHOLDS -> "grids with more than " + rules.maxHouseholds() + " households";
            case NOT_CONTIGUOUS -> "grids not contiguous";
            case CROSSES_COMMUNITY -> "grids crossing communities";
            case EMPTY_GRID -> "grids without buildings";
            case UNASSIGNED_BUILDING -> "buildings in no grid";
            case UNKNOWN_BUILDING -> "buildings not in the city";
        };
    }

    /** Up to three items, and how many more. */
    private static String first(List<String> items) {
        String shown = String.join(", ", items.subList(0, Math.min(3, items.size())));
        return items.size() > 3 ? shown + ", ... " + (items.size() - 3) + " more" : shown;
    }

    /**
     * The staffing plan of a run of layout {@code i}: the planner's plan, or, for a layout with a
     * staffing file, the file's workers with the pools and duty roster the planner adds
     * ({@link StaffingPlanner#plan(City, GridLayout, Staffing, RunSettings, Optimise)}).
     */
    public Staffing plan(StaffingPlanner planner, int i, RunSettings settings, Optimise optimise) {
        GridLayout layout = layouts.get(i);
        return staffing.get(i).map(given -> planner.plan(city, layout, given, settings, optimise))
                .orElseGet(() -> planner.plan(city, layout, settings, optimise));
    }

    /**
     * The workers of layout {@code i}'s staffing file ({@code layouts[i].staffing}), read for
     * {@code layout} (from {@link #layout}) of {@code city}; empty when the layout has no file.
     * Besides what {@link StaffingCsv#read} checks (columns, types, shifts, grids and base buildings
     * of the layout and city), every grid with households must get a full-time or professional
     * worker when any sweep point has demand, as a simulation requires.
     *
     * @throws ScenarioException naming the field and the file's problem, as
     *                           {@code file:line layouts[i].staffing: staffing.csv: line 3, column 'grid': ...}
     */
    public static Optional<Staffing> staffing(Scenario scenario, City city, GridLayout layout, int i) {
        Optional<StaffingFile> file = scenario.layouts().get(i).staffing();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        StaffingFile f = file.get();
        Staffing given;
        try {
            given = StaffingCsv.read(f.file(), city, layout);
        } catch (InputException e) {
            throw new ScenarioException(List.of(f.problem(e.getMessage())));
        }
        boolean demand = scenario.points().stream()
                .anyMatch(p -> p.settings().demand().catalog().totalRatePerHouseholdYear() > 0);
        if (demand) {
            Set<String> covered = new HashSet<>();
            for (WorkerSpec w : given.workers()) {
                if (w.type() != WorkerType.PART_TIME && w.duty() == WorkerSpec.Duty.NONE) {
                    covered.add(w.grid());
                }
            }
            List<String> uncovered = new ArrayList<>();
            for (Map.Entry<String, Integer> g : layout.householdsByGrid(city).entrySet()) {
                if (g.getValue() > 0 && !covered.contains(g.getKey())) {
                    uncovered.add(g.getKey());
                }
            }
            if (!uncovered.isEmpty()) {
                throw new ScenarioException(List.of(f.problem(f.file().getFileName() + ": " + uncovered.size()
                        + " grid" + (uncovered.size() == 1 ? "" : "s") + " of layout " + layout.name()
                        + " with households but no full-time or professional worker, which every grid with demand "
                        + "needs: " + String.join(", ", uncovered.subList(0, Math.min(10, uncovered.size())))
                        + (uncovered.size() > 10 ? ", ..." : ""))));
            }
        }
        return Optional.of(given);
    }

    /**
     * The city of {@code scenario}, loaded or generated, with the buildings larger than the smallest
     * maximum grid size of its generated layouts split (the city every layout divides).
     *
     * @throws InputException when the file is malformed or the layout files refer to the unsplit city
     */
    public static City city(Scenario scenario) {
        String file = scenario.file().getFileName().toString();
        City city;
        if (scenario.city() instanceof GeneratedCity g) {
            city = new CityGenerator(g.spec()).generate();
        } else {
            city = GeoJson.readCity(((CityFile) scenario.city()).file());
        }
        int minMax = Integer.MAX_VALUE;
        boolean anyFile = false;
        for (LayoutSource s : scenario.layouts()) {
            if (s instanceof GeneratedLayout g) {
                minMax = Math.min(minMax, g.spec().rules().maxHouseholds());
            } else {
                anyFile = true;
            }
        }
        if (minMax != Integer.MAX_VALUE && !city.oversized(minMax).isEmpty()) {
            if (anyFile) {
                throw new InputException(file + ": layouts: buildings of more than " + minMax + " households ("
                        + String.join(", ", city.oversized(minMax).keySet()) + ") must be split for the generated "
                        + "layouts, but the layout files refer to the unsplit city; split the city first with "
                        + "'gridplan layout generate' and use the split city file");
            }
            city = city.splitOversized(minMax);
        }
        return city;
    }

    /**
     * Layout {@code i} of {@code scenario}, drawn or read, of {@code city} (from {@link #city}),
     * named as in the scenario.
     *
     * @throws InputException when the file is malformed, leaves a building of the city out, or the
     *                        layout cannot be drawn, naming it
     */
    public static GridLayout layout(Scenario scenario, City city, int i) {
        return layout(scenario, city, i, new HashMap<>());
    }

    /** As {@link #layout(Scenario, City, int)}, running each ensemble's chain once for all its layouts. */
    private static GridLayout layout(Scenario scenario, City city, int i, Map<EnsembleLayout,
            List<GridLayout>> chains) {
        String file = scenario.file().getFileName().toString();
        LayoutSource s = scenario.layouts().get(i);
        String where = file + ": layouts[" + i + "] (" + s.name() + ")";
        if (s instanceof GeneratedLayout g) {
            LayoutGenerator.Result r;
            try {
                r = new LayoutGenerator(g.spec()).generate(city);
            } catch (LayoutInfeasibleException e) {
                throw new InputException(where + ": cannot be drawn: " + e.getMessage());
            }
            if (r.city() != city) {
                throw new IllegalStateException("layout " + s.name() + " split buildings of an already split city");
            }
            return r.layout().withName(s.name());
        }
        if (s instanceof RedrawnLayout r) {
            GridLayout current = GeoJson.readLayout(r.file(), city);
            try {
                return new LayoutRedraw(city, r.rules(), r.target()).redraw(current, r.communities()).layout()
                        .withName(s.name());
            } catch (LayoutInfeasibleException | IllegalArgumentException e) {
                throw new InputException(where + ": cannot be redrawn: " + e.getMessage());
            }
        }
        if (s instanceof OptimisedLayout o) {
            GridLayout from = GeoJson.readLayout(o.file(), city);
            RunSettings settings = scenario.points().get(0).settings();
            StaffingSpec st = settings.staffing();
            TravelTimes travel = new TravelTimes(city);
            LayoutForecast forecast = new LayoutForecast(city, travel, settings.config(o.seed(), false), o.seed(),
                    city.buildingsByCommunity(), st.fullTimePerGrid(), st.fullTimeShift(),
                    st.partTimePerCommunity() > 0 ? Optional.of(st.partTimeShift()) : Optional.empty(), st.duty());
            try {
                return LayoutSearch.run(city, from, o.rules(), o.seed(), forecast, o.steps(), s.name(), x -> { })
                        .layout();
            } catch (IllegalArgumentException | IllegalStateException ex) {
                throw new InputException(where + ": cannot be optimised: " + ex.getMessage());
            }
        }
        if (s instanceof EnsembleLayout e) {
            // One chain for the ensemble's layouts: they differ only in index (and name).
            EnsembleLayout key = new EnsembleLayout("", e.from(), e.rules(), e.steps(), e.sample(), e.seed(), 0,
                    Optional.empty());
            List<GridLayout> sample = chains.get(key);
            if (sample == null) {
                GridLayout from = GeoJson.readLayout(e.from(), city);
                try {
                    sample = LayoutEnsemble.run(city, from, e.rules(), e.seed(), ReComChain.Options.defaults(),
                            e.steps(), e.sample(), x -> { }).sample();
                } catch (IllegalArgumentException | IllegalStateException ex) {
                    throw new InputException(where + ": the ensemble cannot be drawn: " + ex.getMessage());
                }
                chains.put(key, sample);
            }
            return sample.get(e.index()).withName(s.name());
        }
        GridLayout layout = GeoJson.readLayout(((LayoutFile) s).file(), city).withName(s.name());
        checkCoverage(scenario, city, layout, i);
        return layout;
    }
}
