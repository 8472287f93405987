package org.gridplan.results.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;

/**
 * The geometry for district maps: the city (building positions in metres, candidate branch
 * sites), each layout's building → grid mapping, and the branch sites chosen for each layout.
 *
 * @param city         the district
 * @param layouts      layout name → layout; the layouts to map
 * @param branchSites  layout name → ids of the sites its plan opens as branches; a layout absent
 *                     here is drawn with every candidate site of the city
 */
public record MapData(City city, Map<String, GridLayout> layouts, Map<String, List<String>> branchSites) {

    public MapData {
        Objects.requireNonNull(city, "city");
        layouts = Collections.unmodifiableMap(new LinkedHashMap<>(layouts));
        Map<String, List<String>> sites = new LinkedHashMap<>();
        branchSites.forEach((layout, ids) -> {
            for (String id : ids) {
                if (city.siteIndexOf(id).isEmpty()) {
                    throw new IllegalArgumentException("layout " + layout + ": branch site " + id
                            + " is not a site of city " + city.name());
                }
            }
            sites.put(layout, List.copyOf(ids));
        });
        branchSites = Collections.unmodifiableMap(sites);
    }

    /** Maps of {@code layouts} with every candidate site shown. */
    public static MapData of(City city, List<GridLayout> layouts) {
        return of(city, layouts, Map.of());
    }

    /** Maps of {@code layouts}, with the open branches of those in {@code branchSites}. */
    public static MapData of(City city, List<GridLayout> layouts, Map<String, List<String>> branchSites) {
        Map<String, GridLayout> byName = new LinkedHashMap<>();
        for (GridLayout l : layouts) {
            byName.put(l.name(), l);
        }
        return new MapData(city, byName, branchSites);
    }
}
