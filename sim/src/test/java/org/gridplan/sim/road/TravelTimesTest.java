package org.gridplan.sim.road;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.Site;
import org.gridplan.sim.model.TestCities;
import org.jgrapht.alg.shortestpath.FloydWarshallShortestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TravelTimesTest {

    /** Road distances are floats inside the trees; every trip here is under 10 km. */
    private static final double TOLERANCE = 1e-3;

    /** A city of 40 buildings (some sharing a position) and 5 sites at random over a random network. */
    private static City randomCity(long seed) {
        RoadNetwork network = RandomRoads.network(seed);
        Random random = new Random(seed * 31);
        List<Building> buildings = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double x = random.nextDouble() * 2200 - 100;
            double y = random.nextDouble() * 2200 - 100;
            buildings.add(new Building("B" + i, x, y, 1 + random.nextInt(300), 1, "S1", "C" + random.nextInt(3)));
            if (random.nextInt(8) == 0) {
                buildings.add(new Building("B" + i + "/2", x, y, 50, 1, "S1", "C0"));
            }
        }
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sites.add(new Site("P" + i, random.nextDouble() * 2000, random.nextDouble() * 2000));
        }
        return new City("random", buildings, network, sites);
    }

    private static double access(RoadNetwork network, double x, double y) {
        int node = RandomRoads.bruteNearest(network, x, y);
        return Math.hypot(x - network.x(node), y - network.y(node));
    }

    @ParameterizedTest
    @ValueSource(longs = {61, 62, 63, 64, 65})
    void building_trip_is_access_plus_shortest_road_plus_access_for_every_pair(long seed) {
        City city = randomCity(seed);
        RoadNetwork network = city.roads();
        FloydWarshallShortestPaths<Integer, ?> road = new FloydWarshallShortestPaths<>(network.graph());
        TravelTimes times = new TravelTimes(city);
        List<Building> buildings = city.buildings();

        int reachable = 0;
        int unreachable = 0;
        for (int i = 0; i < buildings.size(); i++) {
            Building a = buildings.get(i);
            int na = RandomRoads.bruteNearest(network, a.x(), a.y());
            assertThat(city.accessNode(i)).isEqualTo(na);
            assertThat(city.accessMetres(i)).isCloseTo(access(network, a.x(), a.y()), within(1e-9));
            for (int j = 0; j < buildings.size(); j++) {
                Building b = buildings.get(j);
                OptionalDouble metres = times.buildingMetres(i, j);
                double roadMetres = road.getPathWeight(na, RandomRoads.bruteNearest(network, b.x(), b.y()));
                if (i == j) {
                    assertThat(metres).hasValue(0.0);
                } else if (Double.isInfinite(roadMetres)) {
                    unreachable++;
                    assertThat(metres).as("seed %d: %d→%d", seed, i, j).isEmpty();
                    assertThat(times.buildingMetresOrInfinity(i, j)).isInfinite();
                    assertThat(times.buildingMinutes(i, j, TravelMode.WALK)).isEmpty();
                } else {
                    reachable++;
                    double want = access(network, a.x(), a.y()) + roadMetres + access(network, b.x(), b.y());
                    if (na == RandomRoads.bruteNearest(network, b.x(), b.y())) {
                        want = Math.min(want, Math.hypot(a.x() - b.x(), a.y() - b.y()));
                    }
                    assertThat(metres).as("seed %d: %d→%d", seed, i, j).hasValueCloseTo(want, within(TOLERANCE));
                    assertThat(times.buildingMetresOrInfinity(i, j)).isCloseTo(want, within(TOLERANCE));
                }
            }
        }
        assertThat(reachable).isPositive();
        assertThat(unreachable).isPositive();
    }

    @ParameterizedTest
    @ValueSource(longs = {71, 72, 73})
    void site_to_building_trip_matches_brute_force(long seed) {
        City city = randomCity(seed);
        RoadNetwork network = city.roads();
        double[][] road = RandomRoads.floydWarshall(network);
        TravelTimes times = new TravelTimes(city);

        for (int s = 0; s < city.sites().size(); s++) {
            Site site = city.sites().get(s);
            int ns = RandomRoads.bruteNearest(network, site.x(), site.y());
            assertThat(city.siteAccessNode(s)).isEqualTo(ns);
            for (int b = 0; b < city.buildings().size(); b++) {
                Building building = city.buildings().get(b);
                double r = road[ns][RandomRoads.bruteNearest(network, building.x(), building.y())];
                OptionalDouble metres = times.siteToBuildingMetres(s, b);
                if (Double.isInfinite(r)) {
                    assertThat(metres).isEmpty();
                    assertThat(times.siteToBuildingMinutes(s, b, TravelMode.EBIKE)).isEmpty();
                } else {
                    double want = access(network, site.x(), site.y()) + r + access(network, building.x(), building.y());
                    assertThat(metres).hasValueCloseTo(want, within(TOLERANCE));
                    assertThat(times.siteToBuildingMinutes(s, b, TravelMode.EBIKE))
                            .hasValueCloseTo(want / 250, within(TOLERANCE));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {81, 82})
    void building_trips_are_symmetric(long seed) {
        City city = randomCity(seed);
        TravelTimes times = new TravelTimes(city);

        for (int i = 0; i < city.buildings().size(); i++) {
            for (int j = 0; j < i; j++) {
                OptionalDouble there = times.buildingMetres(i, j);
                OptionalDouble back = times.buildingMetres(j, i);
                assertThat(back.isPresent()).isEqualTo(there.isPresent());
                if (there.isPresent()) {
                    assertThat(back).hasValueCloseTo(there.getAsDouble(), within(TOLERANCE));
                }
            }
        }
    }

    @Test
    void trip_along_a_lattice_is_access_plus_blocks_plus_access() {
        // Strip city: B0-0 at (10, 40) on node (0, 0); B3-1 at (310, 140) on node (300, 100).
        City city = TestCities.strip(4, "C1", 100);
        TravelTimes times = new TravelTimes(city);
        int from = city.indexOf("B0-0").orElseThrow();
        int to = city.indexOf("B3-1").orElseThrow();
        double metres = TestCities.STRIP_ACCESS + 400 + TestCities.STRIP_ACCESS;

        assertThat(times.buildingMetres(from, to)).hasValueCloseTo(metres, within(1e-9));
        assertThat(times.buildingMinutes(from, to, TravelMode.WALK)).hasValueCloseTo(metres / 72, within(1e-9));
        assertThat(times.buildingMinutes(from, to, TravelMode.EBIKE)).hasValueCloseTo(metres / 250, within(1e-9));
        assertThat(times.nodeMetres(0, 8)).hasValueCloseTo(400.0, within(1e-9));
    }

    @Test
    void trip_to_the_same_building_is_zero_even_off_the_road_network() {
        // Building A's access node (the isolated node 2) joins nothing.
        RoadNetwork network = RoadNetwork.of(new double[] {0, 100, 5000}, new double[] {0, 0, 5000},
                new Road(0, 1, 100, RoadClass.LOCAL));
        City city = new City("c", List.of(TestCities.building("A", 5000, 5010), TestCities.building("B", 0, 10)),
                network, List.of());
        TravelTimes times = new TravelTimes(city);

        assertThat(times.buildingMetres(0, 0)).hasValue(0.0);
        assertThat(times.buildingMinutes(0, 0, TravelMode.WALK)).hasValue(0.0);
        assertThat(times.buildingMetres(0, 1)).isEmpty();
        assertThat(times.nodeMetres(2, 0)).isEmpty();
        assertThat(times.nodeMetres(2, 2)).hasValue(0.0);
    }

    @Test
    void two_buildings_on_one_access_node_walk_straight_across() {
        City city = TestCities.of(TestCities.building("A", 10, 40), TestCities.building("B", 40, 10));
        TravelTimes times = new TravelTimes(city);

        assertThat(city.accessNode(0)).isEqualTo(city.accessNode(1));
        assertThat(times.buildingMetres(0, 1)).hasValueCloseTo(Math.hypot(30, 30), within(1e-9));
    }

    @Test
    void parts_of_a_split_tower_are_zero_apart() {
        City city = TestCities.of(new Building("T", 10, 40, 900, 9, "S1", "C1"), TestCities.building("B", 40, 10))
                .splitOversized(500);
        TravelTimes times = new TravelTimes(city);

        assertThat(city.buildings().get(0).id()).isEqualTo("T/1");
        assertThat(times.buildingMetres(0, 1)).hasValue(0.0);
        assertThat(times.buildingMetres(0, 2)).hasValueCloseTo(Math.hypot(30, 30), within(1e-9));
    }

    @Test
    void minutes_are_metres_over_the_mode_speed() {
        assertThat(TravelTimes.minutes(720, TravelMode.WALK)).isEqualTo(10.0);
        assertThat(TravelTimes.minutes(1000, TravelMode.EBIKE)).isEqualTo(4.0);
        assertThat(TravelMode.WALK.metresPerMinute()).isEqualTo(72.0);
        assertThat(TravelMode.EBIKE.metresPerMinute()).isEqualTo(250.0);
    }

    @ParameterizedTest
    @ValueSource(longs = {91, 92})
    void building_minutes_are_building_metres_over_the_mode_speed(long seed) {
        City city = randomCity(seed);
        TravelTimes times = new TravelTimes(city);

        for (int i = 0; i < city.buildings().size(); i += 3) {
            for (int j = 0; j < city.buildings().size(); j += 2) {
                OptionalDouble metres = times.buildingMetres(i, j);
                if (metres.isPresent()) {
                    assertThat(times.buildingMinutes(i, j, TravelMode.WALK))
                            .hasValueCloseTo(metres.getAsDouble() / 72, within(1e-9));
                    assertThat(times.buildingMinutes(i, j, TravelMode.EBIKE))
                            .hasValueCloseTo(metres.getAsDouble() / 250, within(1e-9));
                } else {
                    assertThat(times.buildingMinutes(i, j, TravelMode.EBIKE)).isEmpty();
                }
            }
        }
    }

    @Test
    void warm_computes_each_distinct_source_once() {
        City city = randomCity(101);
        TravelTimes times = new TravelTimes(city);

        int warmed = times.warm(new int[] {3, 7, 3, 12, 7, 7, 0});

        assertThat(warmed).isEqualTo(4);
        assertThat(times.trees().searches()).isEqualTo(4);
        times.nodeMetres(3, 5);
        times.nodeMetres(12, 0);
        times.warm(new int[] {0, 7});
        assertThat(times.trees().searches()).isEqualTo(4);
    }

    @Test
    void building_trips_reuse_the_tree_of_the_start_access_node() {
        City city = TestCities.strip(4, "C1", 100);
        TravelTimes times = new TravelTimes(city);

        for (int j = 0; j < city.buildings().size(); j++) {
            times.buildingMetres(0, j);
        }

        assertThat(times.trees().searches()).isEqualTo(1);
    }

    @Test
    void shares_a_tree_cache_over_the_same_network() {
        City city = TestCities.twoCommunities();
        ShortestPathTrees trees = new ShortestPathTrees(city.roads());
        trees.from(city.accessNode(0));

        TravelTimes times = new TravelTimes(city, trees);
        times.buildingMetres(0, 5);

        assertThat(times.trees()).isSameAs(trees);
        assertThat(times.city()).isSameAs(city);
        assertThat(trees.searches()).isEqualTo(1);
    }

    @Test
    void rejects_a_tree_cache_over_another_network() {
        City city = TestCities.twoCommunities();
        ShortestPathTrees other = new ShortestPathTrees(TestCities.lattice(2, 2, 100));

        assertThatThrownBy(() -> new TravelTimes(city, other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tree cache is over a different road network");
    }

    @Test
    void travel_mode_parses_keys_case_insensitively_with_or_without_hyphen() {
        assertThat(TravelMode.fromKey("walk")).isEqualTo(TravelMode.WALK);
        assertThat(TravelMode.fromKey("E-Bike")).isEqualTo(TravelMode.EBIKE);
        assertThat(TravelMode.EBIKE.key()).isEqualTo("ebike");
        assertThatThrownBy(() -> TravelMode.fromKey("car"))
                .hasMessage("unknown travel mode 'car' (expected walk or ebike)");
    }
}
