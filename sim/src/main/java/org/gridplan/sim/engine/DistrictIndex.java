package org.gridplan.sim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;

/**
 * The district of a run indexed by number: grids in layout order, buildings in city order,
 * communities in order of first appearance among the grids. It holds which grid each building is
 * in, the buildings and cumulative households of each grid and of the district (for draws in
 * proportion to households), the grids of each community, a grid's neighbours (the other grids
 * of its community), the community office of a set of grids and, when patrol needs them, the road
 * metres of each grid. Built once per simulation; the arrays are read, never written, by the
 * rest of the engine, which reads them directly like {@link IncidentTable}'s.
 */
final class DistrictIndex {

    final City city;
    /** Grid ids, by grid number. */
    final String[] gridIds;
    /** Community name of each grid. */
    final String[] gridCommunity;
    /** Community number of each grid. */
    final int[] communityOfGrid;
    /** The grids of each community, in grid order. */
    final int[][] gridsOfCommunity;
    /** Per grid, the other grids of its community, in grid order. */
    final int[][] neighbourGrids;
    final int[] gridHouseholds;
    /** The buildings of each grid, in city order. */
    final int[][] gridBuildings;
    /** Per grid, cumulative households over {@link #gridBuildings}. */
    final long[][] gridCumHouseholds;
    final int[] buildingGrid;
    /** Cumulative households over the city's buildings. */
    final long[] cumHouseholds;
    final long totalHouseholds;
    /** Road metres of each grid ({@link GridRoads}); all zero unless built with them. */
    final double[] gridRoadMetres;

    private final Map<String, Integer> gridIndex = new HashMap<>();
    private final Map<String, Integer> buildingIndex = new HashMap<>();
    /** Community names in name order, each to its number. */
    private final TreeMap<String, Integer> communityIndex = new TreeMap<>();

    /**
     * Indexes {@code city} under {@code layout}.
     *
     * @param withRoadMetres whether to measure each grid's road metres (patrol lengths)
     * @throws ConfigException when a building has no grid in the layout
     */
    DistrictIndex(City city, GridLayout layout, boolean withRoadMetres) {
        this.city = city;
        gridIds = layout.grids().toArray(new String[0]);
        int nGrids = gridIds.length;
        for (int g = 0; g < nGrids; g++) {
            gridIndex.put(gridIds[g], g);
        }
        gridCommunity = new String[nGrids];
        for (int g = 0; g < nGrids; g++) {
            gridCommunity[g] = layout.communityOfGrid().get(gridIds[g]);
        }
        int nb = city.buildings().size();
        buildingGrid = new int[nb];
        cumHouseholds = new long[nb];
        long sum = 0;
        for (int b = 0; b < nb; b++) {
            String id = city.buildings().get(b).id();
            String grid = layout.gridOfBuilding().get(id);
            if (grid == null) {
                throw new ConfigException("layout.gridOfBuilding", "building " + id + " has no grid in layout "
                        + layout.name());
            }
            buildingGrid[b] = gridIndex.get(grid);
            sum += city.buildings().get(b).households();
            cumHouseholds[b] = sum;
        }
        totalHouseholds = sum;
        for (int b = 0; b < nb; b++) {
            buildingIndex.put(city.buildings().get(b).id(), b);
        }
        List<List<Integer>> members = lists(nGrids);
        for (int b = 0; b < nb; b++) {
            members.get(buildingGrid[b]).add(b);
        }
        gridBuildings = new int[nGrids][];
        gridCumHouseholds = new long[nGrids][];
        gridHouseholds = new int[nGrids];
        for (int g = 0; g < nGrids; g++) {
            gridBuildings[g] = members.get(g).stream().mapToInt(Integer::intValue).toArray();
            gridCumHouseholds[g] = new long[gridBuildings[g].length];
            long s = 0;
            for (int k = 0; k < gridBuildings[g].length; k++) {
                s += city.buildings().get(gridBuildings[g][k]).households();
                gridCumHouseholds[g][k] = s;
            }
            gridHouseholds[g] = (int) s;
        }

        for (String c : gridCommunity) {
            communityIndex.putIfAbsent(c, communityIndex.size());
        }
        communityOfGrid = new int[nGrids];
        for (int g = 0; g < nGrids; g++) {
            communityOfGrid[g] = communityIndex.get(gridCommunity[g]);
        }
        gridsOfCommunity = toArrays(groupBy(communityOfGrid, communityIndex.size()));
        neighbourGrids = new int[nGrids][];
        for (int g = 0; g < nGrids; g++) {
            final int self = g;
            neighbourGrids[g] = Arrays.stream(gridsOfCommunity[communityOfGrid[g]]).filter(h -> h != self).toArray();
        }
        gridRoadMetres = withRoadMetres ? GridRoads.metres(city, buildingGrid, nGrids) : new double[nGrids];
    }

    int gridCount() {
        return gridIds.length;
    }

    int communityCount() {
        return communityIndex.size();
    }

    /** Grid number of {@code id}, or null for a grid the layout does not have. */
    Integer grid(String id) {
        return gridIndex.get(id);
    }

    /** Building number of {@code id}, or null for a building the city does not have. */
    Integer building(String id) {
        return buildingIndex.get(id);
    }

    /** The communities as (name, number) in name order. */
    Iterable<Map.Entry<String, Integer>> communitiesByName() {
        return communityIndex.entrySet();
    }

    /** Whether grid {@code g} has buildings (a layout may list an empty grid). */
    boolean housed(int g) {
        return gridBuildings[g].length > 0;
    }

    /** Every grid number, in order. */
    int[] allGrids() {
        int[] a = new int[gridIds.length];
        for (int g = 0; g < a.length; g++) {
            a[g] = g;
        }
        return a;
    }

    /** Squared straight-line distance between buildings, for ranking candidates cheaply. */
    double straightLine(int a, int b) {
        double dx = city.buildings().get(a).x() - city.buildings().get(b).x();
        double dy = city.buildings().get(a).y() - city.buildings().get(b).y();
        return dx * dx + dy * dy;
    }

    /** The buildings of {@code grids}, grid by grid. */
    int[] buildingsOf(int[] grids) {
        return Arrays.stream(grids).flatMap(g -> Arrays.stream(gridBuildings[g])).toArray();
    }

    /** The building of {@code grids} nearest their household-weighted centre (the community office). */
    int officeOf(int[] grids) {
        double sx = 0;
        double sy = 0;
        double sw = 0;
        for (int g : grids) {
            for (int b : gridBuildings[g]) {
                double h = city.buildings().get(b).households();
                sx += city.buildings().get(b).x() * h;
                sy += city.buildings().get(b).y() * h;
                sw += h;
            }
        }
        int best = gridBuildings[grids[0]][0];
        double bestD = Double.POSITIVE_INFINITY;
        for (int g : grids) {
            for (int b : gridBuildings[g]) {
                double d = Math.hypot(city.buildings().get(b).x() - sx / sw, city.buildings().get(b).y() - sy / sw);
                if (d < bestD) {
                    bestD = d;
                    best = b;
                }
            }
        }
        return best;
    }

    /** Items {@code 0..key.length-1} grouped by {@code key[item]} into {@code n} lists, in item order. */
    private static List<List<Integer>> groupBy(int[] key, int n) {
        List<List<Integer>> out = lists(n);
        for (int i = 0; i < key.length; i++) {
            out.get(key[i]).add(i);
        }
        return out;
    }

    static List<List<Integer>> lists(int n) {
        List<List<Integer>> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(new ArrayList<>());
        }
        return out;
    }

    static int[][] toArrays(List<List<Integer>> lists) {
        int[][] out = new int[lists.size()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = lists.get(k).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }
}
