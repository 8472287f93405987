package org.gridplan.sim.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridplan.sim.generate.CityGenerator.BuildingType;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.BuildingAdjacency;
import org.gridplan.sim.model.City;

/**
 * The last stage, making the placed city valid on {@link City#adjacency()}: every community must
 * be contiguous, so parts of a community cut off from it (by the Delaunay triangulation at the
 * edge of its rectangle) join the neighbouring community they share most adjacencies with,
 * taking its street; then every building must be placeable in a grid of its community, which
 * {@link Placeability} ensures by swapping households between buildings. It owns the working
 * copy of each building's community and households, which both repairs change, while positions,
 * ids and the adjacency (a function of positions only, computed once) stay as they were. The
 * city is returned itself when nothing had to change.
 */
final class ConnectivityRepair {

    /** Most rounds of joining cut-off parts. */
    private static final int JOIN_ROUNDS = 8;

    private final City city;
    private final BuildingAdjacency adjacency;
    private final String[] community;
    private final int[] households;
    private final double[] xs;
    private final double[] ys;

    private ConnectivityRepair(City city) {
        this.city = city;
        this.adjacency = city.adjacency();
        List<Building> buildings = city.buildings();
        int n = buildings.size();
        community = new String[n];
        households = new int[n];
        xs = new double[n];
        ys = new double[n];
        for (int i = 0; i < n; i++) {
            Building b = buildings.get(i);
            community[i] = b.community();
            households[i] = b.households();
            xs[i] = b.x();
            ys[i] = b.y();
        }
    }

    /**
     * Makes every community of {@code city} contiguous and every building placeable, returning
     * {@code city} itself when nothing had to change.
     */
    static City repair(City city) {
        return new ConnectivityRepair(city).run();
    }

    private City run() {
        boolean joined = joinCutOffParts();
        boolean swapped = new Placeability(adjacency, community, households, xs, ys).ensure();
        if (!joined && !swapped) {
            return city;
        }
        List<Building> buildings = city.buildings();
        int n = buildings.size();
        Map<String, String> streetOf = city.streetOfCommunity();
        List<Building> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Building b = buildings.get(i);
            if (community[i].equals(b.community()) && households[i] == b.households()) {
                out.add(b);
            } else {
                int h = households[i];
                out.add(new Building(b.id(), b.x(), b.y(), h, BuildingType.of(h).orElseThrow().units(h),
                        streetOf.get(community[i]), community[i]));
            }
        }
        return new City(city.name(), out, city.roads(), city.sites());
    }

    /**
     * Moves parts of communities that are cut off on the adjacency graph into the neighbouring
     * community they share most adjacencies with (ties to the smaller id), until every community
     * is contiguous; returns whether anything moved.
     */
    private boolean joinCutOffParts() {
        boolean changedAny = false;
        for (int round = 0; round < JOIN_ROUNDS; round++) {
            Map<String, List<Integer>> byCommunity = new TreeMap<>();
            for (int i = 0; i < community.length; i++) {
                byCommunity.computeIfAbsent(community[i], c -> new ArrayList<>()).add(i);
            }
            boolean changed = false;
            for (Map.Entry<String, List<Integer>> e : byCommunity.entrySet()) {
                List<int[]> parts = adjacency.components(e.getValue().stream().mapToInt(Integer::intValue).toArray());
                for (int p = 1; p < parts.size(); p++) {
                    Map<String, Integer> shared = new TreeMap<>();
                    for (int i : parts.get(p)) {
                        for (int k = 0; k < adjacency.degree(i); k++) {
                            String other = community[adjacency.neighbour(i, k)];
                            if (!other.equals(e.getKey())) {
                                shared.merge(other, 1, Integer::sum);
                            }
                        }
                    }
                    String target = null;
                    int most = 0;
                    for (Map.Entry<String, Integer> s : shared.entrySet()) {
                        if (s.getValue() > most) {
                            most = s.getValue();
                            target = s.getKey();
                        }
                    }
                    if (target != null) {
                        for (int i : parts.get(p)) {
                            community[i] = target;
                        }
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
            changedAny = true;
        }
        return changedAny;
    }
}
