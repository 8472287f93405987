package org.gridplan.sim.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gridplan.sim.road.RoadAccess;
import org.gridplan.sim.road.RoadNetwork;

/**
 * A district: its buildings, road network and candidate branch sites.
 *
 * <p>The hierarchy district → street → community → building is carried by each building's street
 * and community; a community lies in exactly one street. Each building and site is attached to its
 * nearest road node (its access node); the straight-line distance to that node is its access
 * distance, walked at both ends of a trip.
 */
public final class City implements RoadAccess {

    private final String name;
    private final List<Building> buildings;
    private final RoadNetwork roads;
    private final List<Site> sites;
    private final Map<String, Integer> buildingIndex;
    private final Map<String, Integer> siteIndex;
    private final int[] buildingNode;
    private final double[] buildingAccess;
    private final int[] siteNode;
    private final double[] siteAccess;
    private final Map<String, String> streetOfCommunity;
    private BuildingAdjacency adjacency;

    /**
     * Creates a city.
     *
     * @param name      a name for reports and files
     * @param buildings the buildings, ids unique
     * @param roads     the road network
     * @param sites     candidate branch sites, ids unique; may be empty
     * @throws IllegalArgumentException on duplicate ids, no buildings, or a community that appears
     *                                  under two streets
     */
    public City(String name, List<Building> buildings, RoadNetwork roads, List<Site> sites) {
        this.name = name == null || name.isBlank() ? "city" : name;
        this.buildings = List.copyOf(buildings);
        this.roads = roads;
        this.sites = List.copyOf(sites);
        if (this.buildings.isEmpty()) {
            throw new IllegalArgumentException("city " + this.name + " has no buildings");
        }
        Map<String, Integer> bIndex = new HashMap<>(this.buildings.size() * 2);
        Map<String, String> streets = new TreeMap<>();
        buildingNode = new int[this.buildings.size()];
        buildingAccess = new double[this.buildings.size()];
        for (int i = 0; i < this.buildings.size(); i++) {
            Building b = this.buildings.get(i);
            if (bIndex.putIfAbsent(b.id(), i) != null) {
                throw new IllegalArgumentException("duplicate building id " + b.id());
            }
            String street = streets.putIfAbsent(b.community(), b.street());
            if (street != null && !street.equals(b.street())) {
                throw new IllegalArgumentException("community " + b.community() + " appears under two streets: "
                        + street + " and " + b.street() + " (building " + b.id() + ")");
            }
            buildingNode[i] = roads.nearestNode(b.x(), b.y());
            buildingAccess[i] = Math.hypot(b.x() - roads.x(buildingNode[i]), b.y() - roads.y(buildingNode[i]));
        }
        Map<String, Integer> sIndex = new HashMap<>();
        siteNode = new int[this.sites.size()];
        siteAccess = new double[this.sites.size()];
        for (int i = 0; i < this.sites.size(); i++) {
            Site s = this.sites.get(i);
            if (sIndex.putIfAbsent(s.id(), i) != null) {
                throw new IllegalArgumentException("duplicate site id " + s.id());
            }
            siteNode[i] = roads.nearestNode(s.x(), s.y());
            siteAccess[i] = Math.hypot(s.x() - roads.x(siteNode[i]), s.y() - roads.y(siteNode[i]));
        }
        this.buildingIndex = Collections.unmodifiableMap(bIndex);
        this.siteIndex = Collections.unmodifiableMap(sIndex);
        this.streetOfCommunity = Collections.unmodifiableMap(streets);
    }

    /**
     * A city without roads: its road network is one node per distinct building and site position
     * ({@link RoadNetwork#straightLine}), so every trip is the straight line times the detour factor.
     *
     * @param detourFactor road distance over straight-line distance, at least 1
     */
    public static City withoutRoads(String name, List<Building> buildings, List<Site> sites, double detourFactor) {
        Map<List<Double>, Integer> at = new LinkedHashMap<>();
        for (Building b : buildings) {
            at.putIfAbsent(List.of(b.x(), b.y()), at.size());
        }
        for (Site s : sites) {
            at.putIfAbsent(List.of(s.x(), s.y()), at.size());
        }
        double[] xs = new double[at.size()];
        double[] ys = new double[at.size()];
        for (Map.Entry<List<Double>, Integer> e : at.entrySet()) {
            xs[e.getValue()] = e.getKey().get(0);
            ys[e.getValue()] = e.getKey().get(1);
        }
        if (xs.length == 0) {
            throw new IllegalArgumentException("city " + name + " has no buildings");
        }
        return new City(name, buildings, RoadNetwork.straightLine(xs, ys, detourFactor), sites);
    }

    /**
     * For a city without roads, the sentence saying how its travel is reckoned, for every command
     * that reads it to print; empty for a city with roads.
     */
    public Optional<String> travelNote() {
        if (!roads.isStraightLine()) {
            return Optional.empty();
        }
        return Optional.of(String.format(java.util.Locale.ROOT, "city %s has no roads: travel is the straight line"
                + " times a detour factor of %s (road over straight-line distance; the default 1.3 is from the "
                + "1.2-1.4 circuity Ballou, Rahardja and Sakai 2002 report) at the mode's speed, and a grid's street "
                + "patrol walks the shortest tree joining its buildings times the factor", name,
                plainFactor(roads.detourFactor())));
    }

    private static String plainFactor(double f) {
        return java.math.BigDecimal.valueOf(f).stripTrailingZeros().toPlainString();
    }

    public String name() {
        return name;
    }

    /** The buildings, in file order; a building's position in this list is its index. */
    public List<Building> buildings() {
        return buildings;
    }

    @Override
    public RoadNetwork roads() {
        return roads;
    }

    /** Candidate branch sites, in file order. */
    public List<Site> sites() {
        return sites;
    }

    /** Index of the building with this id, if any. */
    public Optional<Integer> indexOf(String buildingId) {
        return Optional.ofNullable(buildingIndex.get(buildingId));
    }

    /** Index of the site with this id, if any. */
    public Optional<Integer> siteIndexOf(String siteId) {
        return Optional.ofNullable(siteIndex.get(siteId));
    }

    /** The road node building {@code i} is attached to. */
    @Override
    public int accessNode(int buildingIndex) {
        return buildingNode[buildingIndex];
    }

    /** Straight-line metres from building {@code i} to its access node. */
    @Override
    public double accessMetres(int buildingIndex) {
        return buildingAccess[buildingIndex];
    }

    /** The road node site {@code i} is attached to. */
    @Override
    public int siteAccessNode(int siteIndex) {
        return siteNode[siteIndex];
    }

    /** Straight-line metres from site {@code i} to its access node. */
    @Override
    public double siteAccessMetres(int siteIndex) {
        return siteAccess[siteIndex];
    }

    /** Straight-line metres between buildings {@code from} and {@code to}. */
    @Override
    public double straightMetres(int from, int to) {
        return buildings.get(from).distanceTo(buildings.get(to));
    }

    /** Total households in the district. */
    public long households() {
        long sum = 0;
        for (Building b : buildings) {
            sum += b.households();
        }
        return sum;
    }

    /** Community id → its street id, sorted by community id. */
    public Map<String, String> streetOfCommunity() {
        return streetOfCommunity;
    }

    /** Community id → indices of its buildings, communities sorted by id. */
    public Map<String, List<Integer>> buildingsByCommunity() {
        Map<String, List<Integer>> out = new TreeMap<>();
        for (int i = 0; i < buildings.size(); i++) {
            out.computeIfAbsent(buildings.get(i).community(), k -> new ArrayList<>()).add(i);
        }
        return out;
    }

    /** The building adjacency graph used for grid contiguity; built on first use. */
    public synchronized BuildingAdjacency adjacency() {
        if (adjacency == null) {
            adjacency = BuildingAdjacency.of(this);
        }
        return adjacency;
    }

    /**
     * A copy of this city in which every building with more than {@code maxHouseholds}
     * households is replaced by unit-level sub-buildings.
     *
     * <p>A tower of 612 households in 8 units, with a maximum of 500, becomes two sub-buildings
     * {@code T1/1} and {@code T1/2} of 306 households and 4 units each. The number of parts is the
     * smallest that brings every part within the maximum; households and units are shared as
     * evenly as whole numbers allow (a building with fewer units than parts gets one unit per
     * part, since a unit is the finest level the hierarchy records). Sub-buildings keep the
     * position, street and community of their building, so they are adjacent to each other and
     * to its neighbours.
     *
     * @return this city when nothing exceeds the maximum
     */
    public City splitOversized(int maxHouseholds) {
        if (maxHouseholds < 1) {
            throw new IllegalArgumentException("maximum households " + maxHouseholds + " < 1");
        }
        List<Building> out = new ArrayList<>(buildings.size());
        boolean changed = false;
        for (Building b : buildings) {
            if (b.households() <= maxHouseholds) {
                out.add(b);
                continue;
            }
            changed = true;
            int parts = (b.households() + maxHouseholds - 1) / maxHouseholds;
            int[] units = share(Math.max(b.units(), parts), parts);
            int[] households = share(b.households(), parts);
            for (int k = 0; k < parts; k++) {
                if (buildingIndex.containsKey(b.id() + "/" + (k + 1))) {
                    throw new IllegalArgumentException("cannot split building " + b.id() + " (" + b.households()
                            + " households > max " + maxHouseholds + "): sub-building id " + b.id() + "/" + (k + 1)
                            + " is already used");
                }
                out.add(new Building(b.id() + "/" + (k + 1), b.x(), b.y(), households[k], units[k],
                        b.street(), b.community()));
            }
        }
        if (!changed) {
            return this;
        }
        return roads.isStraightLine() ? withoutRoads(name, out, sites, roads.detourFactor())
                : new City(name, out, roads, sites);
    }

    /** Splits {@code total} into {@code parts} integers differing by at most one, larger first. */
    private static int[] share(int total, int parts) {
        int[] out = new int[parts];
        for (int k = 0; k < parts; k++) {
            out[k] = total / parts + (k < total % parts ? 1 : 0);
        }
        return out;
    }

    /** Buildings whose households exceed {@code maxHouseholds}, keyed by id, in file order. */
    public Map<String, Integer> oversized(int maxHouseholds) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Building b : buildings) {
            if (b.households() > maxHouseholds) {
                out.put(b.id(), b.households());
            }
        }
        return out;
    }
}
