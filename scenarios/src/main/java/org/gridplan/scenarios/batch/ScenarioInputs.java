package org.gridplan.scenarios.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridplan.scenarios.layout.LayoutGenerator;
import org.gridplan.scenarios.layout.LayoutInfeasibleException;
import org.gridplan.scenarios.spec.RunSettings;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.scenarios.spec.Scenario.CityFile;
import org.gridplan.scenarios.spec.Scenario.GeneratedCity;
import org.gridplan.scenarios.spec.Scenario.GeneratedLayout;
import org.gridplan.scenarios.spec.Scenario.LayoutFile;
import org.gridplan.scenarios.spec.Scenario.LayoutSource;
import org.gridplan.scenarios.spec.Scenario.Optimise;
import org.gridplan.scenarios.spec.Scenario.StaffingFile;
import org.gridplan.scenarios.spec.ScenarioException;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.generate.CityGenerator;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.io.InputException;
import org.gridplan.sim.io.StaffingCsv;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
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
 * @param staffing per layout, in the same order, the workers of its staffing file; empty for a
 *                 layout the staffing planner staffs
 */
public record ScenarioInputs(City city, List<GridLayout> layouts, TravelTimes travel,
        List<Optional<Staffing>> staffing) {

    public ScenarioInputs {
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(travel, "travel");
        layouts = List.copyOf(layouts);
        staffing = List.copyOf(staffing);
        if (staffing.size() != layouts.size()) {
            throw new IllegalArgumentException(staffing.size() + " staffing entries for " + layouts.size()
                    + " layouts");
        }
    }

    /** Inputs whose layouts are all staffed by the planner. */
    public ScenarioInputs(City city, List<GridLayout> layouts, TravelTimes travel) {
        this(city, layouts, travel, Collections.nCopies(layouts.size(), Optional.empty()));
    }

    /**
     * Loads or generates the city and every layout of {@code scenario}, and reads the layouts'
     * staffing files.
     *
     * @throws ScenarioException when a layout's staffing file does not fit its layout, listing every
     *                           such file as {@code file:line layouts[i].staffing: problem}
     * @throws InputException    when a file is malformed or a layout cannot be drawn, naming it
     */
    public static ScenarioInputs load(Scenario scenario) {
        City city = city(scenario);
        List<GridLayout> layouts = new ArrayList<>();
        for (int i = 0; i < scenario.layouts().size(); i++) {
            layouts.add(layout(scenario, city, i));
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
        return new ScenarioInputs(city, layouts, new TravelTimes(city), staffing);
    }

    /**
     * Checks, as {@link #load} does, the staffing files of the layouts that exist without generating
     * anything: layout files of a city file (for {@code gridplan validate}). The others are checked
     * by {@link #load}, before any run starts.
     *
     * @return the indexes of the layouts with a staffing file that were not checked (a generated
     *         layout, or any layout of a generated city)
     * @throws ScenarioException listing every staffing file that does not fit its layout
     * @throws InputException    when the city or a layout file is malformed, naming it
     */
    public static List<Integer> checkStaffingFiles(Scenario scenario) {
        List<Integer> unchecked = new ArrayList<>();
        List<Integer> checkable = new ArrayList<>();
        for (int i = 0; i < scenario.layouts().size(); i++) {
            LayoutSource s = scenario.layouts().get(i);
            if (s.staffing().isPresent()) {
                (s instanceof LayoutFile && scenario.city() instanceof CityFile ? checkable : unchecked).add(i);
            }
        }
        if (checkable.isEmpty()) {
            return unchecked;
        }
        City city = city(scenario);
        List<String> problems = new ArrayList<>();
        for (int i : checkable) {
            try {
                staffing(scenario, city, layout(scenario, city, i), i);
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return unchecked;
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
     * @throws InputException when the file is malformed or the layout cannot be drawn, naming it
     */
    public static GridLayout layout(Scenario scenario, City city, int i) {
        String file = scenario.file().getFileName().toString();
        LayoutSource s = scenario.layouts().get(i);
        if (s instanceof GeneratedLayout g) {
            LayoutGenerator.Result r;
            try {
                r = new LayoutGenerator(g.spec()).generate(city);
            } catch (LayoutInfeasibleException e) {
                throw new InputException(file + ": layouts[" + i + "] (" + s.name() + "): cannot be drawn: "
                        + e.getMessage());
            }
            if (r.city() != city) {
                throw new IllegalStateException("layout " + s.name() + " split buildings of an already split city");
            }
            return r.layout().withName(s.name());
        }
        return GeoJson.readLayout(((LayoutFile) s).file(), city).withName(s.name());
    }
}
