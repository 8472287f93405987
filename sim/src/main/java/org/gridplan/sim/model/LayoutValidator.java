package org.gridplan.sim.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a {@link GridLayout} against a {@link City} and {@link LayoutRules}, reporting every
 * violation at once.
 *
 * <p>Rules: every building in exactly one grid (a mapping cannot put a building in two, so this
 * means none is left out and none is unknown); households per grid within the bounds; each
 * grid contiguous on the {@link BuildingAdjacency} graph; grids inside their community unless
 * the rules allow crossing. Violations come in a stable order: buildings in city order, then
 * grids sorted by id with their rules in the order above.
 */
public final class LayoutValidator {

    private LayoutValidator() {
    }

    /** All violations; empty when the layout is valid. */
    public static List<Violation> validate(City city, GridLayout layout, LayoutRules rules) {
        List<Violation> out = new ArrayList<>();
        for (Building b : city.buildings()) {
            if (!layout.gridOfBuilding().containsKey(b.id())) {
                out.add(new Violation(Violation.Rule.UNASSIGNED_BUILDING, b.id(),
                        "building " + b.id() + ": not in any grid"));
            }
        }
        for (String id : layout.gridOfBuilding().keySet()) {
            if (city.indexOf(id).isEmpty()) {
                out.add(new Violation(Violation.Rule.UNKNOWN_BUILDING, id,
                        "building " + id + ": grid " + layout.gridOfBuilding().get(id)
                                + " names a building the city does not have"));
            }
        }
        BuildingAdjacency adjacency = city.adjacency();
        for (Map.Entry<String, List<Integer>> e : layout.buildingsByGrid(city).entrySet()) {
            String grid = e.getKey();
            List<Integer> members = e.getValue();
            if (members.isEmpty()) {
                out.add(new Violation(Violation.Rule.EMPTY_GRID, grid, "grid " + grid + ": has no buildings"));
                continue;
            }
            int households = 0;
            for (int i : members) {
                households += city.buildings().get(i).households();
            }
            if (households < rules.minHouseholds()) {
                out.add(new Violation(Violation.Rule.TOO_FEW_HOUSEHOLDS, grid,
                        "grid " + grid + ": " + households + " households < min " + rules.minHouseholds()));
            }
            if (households > rules.maxHouseholds()) {
                out.add(new Violation(Violation.Rule.TOO_MANY_HOUSEHOLDS, grid,
                        "grid " + grid + ": " + households + " households > max " + rules.maxHouseholds()));
            }
            List<int[]> parts = adjacency.components(members.stream().mapToInt(Integer::intValue).toArray());
            if (parts.size() > 1) {
                StringBuilder sizes = new StringBuilder();
                for (int[] p : parts) {
                    sizes.append(sizes.length() == 0 ? "" : ", ").append(p.length);
                }
                out.add(new Violation(Violation.Rule.NOT_CONTIGUOUS, grid,
                        "grid " + grid + ": not contiguous, " + parts.size() + " separate parts of "
                                + sizes + " buildings (e.g. " + city.buildings().get(parts.get(1)[0]).id()
                                + " is cut off from " + city.buildings().get(parts.get(0)[0]).id() + ")"));
            }
            if (!rules.allowCrossCommunity()) {
                String home = layout.communityOfGrid().get(grid);
                Map<String, Integer> foreign = new TreeMap<>();
                for (int i : members) {
                    String c = city.buildings().get(i).community();
                    if (!c.equals(home)) {
                        foreign.merge(c, 1, Integer::sum);
                    }
                }
                if (!foreign.isEmpty()) {
                    out.add(new Violation(Violation.Rule.CROSSES_COMMUNITY, grid,
                            "grid " + grid + ": in community " + home + " but has buildings of " + foreign
                                    .entrySet().stream().map(f -> f.getKey() + " (" + f.getValue() + ")")
                                    .reduce((a, b) -> a + ", " + b).orElse("")));
                }
            }
        }
        return out;
    }
}
