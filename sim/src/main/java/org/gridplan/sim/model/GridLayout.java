package org.gridplan.sim.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A grid layout (网格划分): a name, the grid of every building, and the community each grid is
 * nested in.
 *
 * <p>A layout is a plain mapping; whether it is a good one (coverage, sizes, contiguity,
 * nesting) is for {@link LayoutValidator} to say, so a layout read from a planner's file can
 * be held and reported on even when it breaks the rules.
 *
 * @param name              layout name, e.g. {@code current} or {@code grid-400}
 * @param gridOfBuilding    building id → grid id
 * @param communityOfGrid   grid id → community id; every grid named in {@code gridOfBuilding}
 *                          must appear here
 */
public record GridLayout(String name, Map<String, String> gridOfBuilding, Map<String, String> communityOfGrid) {

    public GridLayout {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("layout name is blank");
        }
        gridOfBuilding = Collections.unmodifiableMap(new LinkedHashMap<>(gridOfBuilding));
        communityOfGrid = Collections.unmodifiableMap(new TreeMap<>(communityOfGrid));
        for (Map.Entry<String, String> e : gridOfBuilding.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                throw new IllegalArgumentException("layout " + name + ": building " + e.getKey()
                        + " has a blank grid id");
            }
            if (!communityOfGrid.containsKey(e.getValue())) {
                throw new IllegalArgumentException("layout " + name + ": grid " + e.getValue()
                        + " (building " + e.getKey() + ") has no community");
            }
        }
    }

    /**
     * A layout whose grids take the community of their first building in city order; for
     * layouts whose grids do not cross communities.
     */
    public static GridLayout fromAssignment(String name, City city, Map<String, String> gridOfBuilding) {
        Map<String, String> communityOfGrid = new TreeMap<>();
        for (Building b : city.buildings()) {
            String grid = gridOfBuilding.get(b.id());
            if (grid != null) {
                communityOfGrid.putIfAbsent(grid, b.community());
            }
        }
        for (String grid : gridOfBuilding.values()) {
            communityOfGrid.putIfAbsent(grid, "?");
        }
        return new GridLayout(name, gridOfBuilding, communityOfGrid);
    }

    /** This layout under another name. */
    public GridLayout withName(String newName) {
        return new GridLayout(newName, gridOfBuilding, communityOfGrid);
    }

    /** The grid ids, sorted. */
    public List<String> grids() {
        return new ArrayList<>(communityOfGrid.keySet());
    }

    /** Number of grids. */
    public int gridCount() {
        return communityOfGrid.size();
    }

    /**
     * Grid id → indices of its buildings in {@code city}, grids sorted by id. Buildings the city
     * does not have are skipped (the validator reports them).
     */
    public Map<String, List<Integer>> buildingsByGrid(City city) {
        Map<String, List<Integer>> out = new TreeMap<>();
        for (String grid : communityOfGrid.keySet()) {
            out.put(grid, new ArrayList<>());
        }
        for (Map.Entry<String, String> e : gridOfBuilding.entrySet()) {
            city.indexOf(e.getKey()).ifPresent(i -> out.get(e.getValue()).add(i));
        }
        for (List<Integer> l : out.values()) {
            Collections.sort(l);
        }
        return out;
    }

    /** Grid id → households, for the buildings the city has. */
    public Map<String, Integer> householdsByGrid(City city) {
        Map<String, Integer> out = new TreeMap<>();
        buildingsByGrid(city).forEach((g, members) -> {
            int sum = 0;
            for (int i : members) {
                sum += city.buildings().get(i).households();
            }
            out.put(g, sum);
        });
        return out;
    }
}
