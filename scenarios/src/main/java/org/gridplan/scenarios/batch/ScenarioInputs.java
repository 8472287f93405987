package org.gridplan.scenarios.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gridplan.scenarios.layout.LayoutGenerator;
import org.gridplan.scenarios.layout.LayoutInfeasibleException;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.scenarios.spec.Scenario.CityFile;
import org.gridplan.scenarios.spec.Scenario.GeneratedCity;
import org.gridplan.scenarios.spec.Scenario.GeneratedLayout;
import org.gridplan.scenarios.spec.Scenario.LayoutFile;
import org.gridplan.scenarios.spec.Scenario.LayoutSource;
import org.gridplan.sim.generate.CityGenerator;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.io.InputException;
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
 * @param city    the city
 * @param layouts the layouts in scenario order, each named as in the scenario
 * @param travel  shortest-path travel times over the city, shared by all runs (thread-safe)
 */
public record ScenarioInputs(City city, List<GridLayout> layouts, TravelTimes travel) {

    public ScenarioInputs {
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(travel, "travel");
        layouts = List.copyOf(layouts);
    }

    /**
     * Loads or generates the city and every layout of {@code scenario}.
     *
     * @throws InputException when a file is malformed or a layout cannot be drawn, naming it
     */
    public static ScenarioInputs load(Scenario scenario) {
        City city = city(scenario);
        List<GridLayout> layouts = new ArrayList<>();
        for (int i = 0; i < scenario.layouts().size(); i++) {
            layouts.add(layout(scenario, city, i));
        }
        return new ScenarioInputs(city, layouts, new TravelTimes(city));
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
