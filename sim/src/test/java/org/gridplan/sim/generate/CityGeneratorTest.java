package org.gridplan.sim.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gridplan.sim.generate.CityGenerator.BuildingType;
import org.gridplan.sim.generate.CityGenerator.Spec;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.Site;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadClass;
import org.gridplan.sim.road.RoadNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CityGeneratorTest {

    private static City generate(int households, long seed) {
        return new CityGenerator(Spec.of(households, seed)).generate();
    }

    @Test
    void same_seed_gives_identical_city() {
        City a = generate(20_000, 42);
        City b = generate(20_000, 42);

        assertThat(b.name()).isEqualTo(a.name());
        // Records compare every field: id, x, y, households, units, street, community.
        assertThat(b.buildings()).isEqualTo(a.buildings());
        assertThat(b.roads().roads()).isEqualTo(a.roads().roads());
        assertThat(b.roads().nodeCount()).isEqualTo(a.roads().nodeCount());
        for (int i = 0; i < a.roads().nodeCount(); i++) {
            assertThat(b.roads().x(i)).isEqualTo(a.roads().x(i));
            assertThat(b.roads().y(i)).isEqualTo(a.roads().y(i));
        }
        assertThat(b.sites()).isEqualTo(a.sites());
    }

    @Test
    void different_seed_gives_different_city() {
        City a = generate(20_000, 1);
        City b = generate(20_000, 2);

        assertThat(b.buildings()).isNotEqualTo(a.buildings());
        assertThat(b.roads().roads()).isNotEqualTo(a.roads().roads());
        assertThat(b.sites()).isNotEqualTo(a.sites());
    }

    @Test
    void changing_the_number_of_sites_leaves_buildings_and_roads_as_they_were() {
        Spec spec = Spec.of(20_000, 5);
        City a = new CityGenerator(spec).generate();
        City b = new CityGenerator(spec.withSites(12)).generate();

        assertThat(b.sites()).hasSize(12);
        assertThat(b.buildings()).isEqualTo(a.buildings());
        assertThat(b.roads().roads()).isEqualTo(a.roads().roads());
    }

    @ParameterizedTest
    @ValueSource(ints = {20_000, 33_333, 60_000})
    void household_total_equals_the_target_exactly(int households) {
        assertThat(generate(households, 3).households()).isEqualTo(households);
    }

    @ParameterizedTest
    @CsvSource({"20000, 11", "60000, 12"})
    void every_building_is_of_a_type_and_the_mix_is_near_the_stated_shares(int households, long seed) {
        City city = generate(households, seed);
        Map<BuildingType, Integer> counts = new EnumMap<>(BuildingType.class);
        for (Building b : city.buildings()) {
            assertThat(BuildingType.of(b.households()))
                    .as("type of %s with %d households", b.id(), b.households()).isPresent();
            BuildingType type = BuildingType.of(b.households()).orElseThrow();
            assertThat(b.units()).as("units of %s", b.id()).isEqualTo(type.units(b.households()));
            counts.merge(type, 1, Integer::sum);
        }
        int n = city.buildings().size();
        for (BuildingType type : BuildingType.values()) {
            // At least ~300 buildings: a binomial share has a standard error under 3 points.
            assertThat(counts.getOrDefault(type, 0) / (double) n).as("share of %s", type)
                    .isBetween(type.share() - 0.07, type.share() + 0.07);
        }
    }

    @Test
    void units_come_from_two_households_per_floor_per_unit() {
        assertThat(BuildingType.LOW_RISE.units(6)).isEqualTo(1);
        assertThat(BuildingType.LOW_RISE.units(24)).isEqualTo(2);
        assertThat(BuildingType.MID_RISE.units(44)).isEqualTo(2);
        assertThat(BuildingType.MID_RISE.units(45)).isEqualTo(3);
        assertThat(BuildingType.HIGH_RISE.units(300)).isEqualTo(5);
        assertThat(BuildingType.of(80)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"20000, 4", "60000, 5"})
    void road_network_is_connected(int households, long seed) {
        assertThat(generate(households, seed).roads().isConnected()).isTrue();
    }

    @Test
    void half_the_local_links_missing_still_leaves_a_connected_network() {
        City city = new CityGenerator(Spec.of(20_000, 6).withMissingLinkShare(0.5)).generate();

        assertThat(city.roads().isConnected()).isTrue();
    }

    @Test
    void about_the_requested_share_of_local_links_is_missing() {
        Spec spec = Spec.of(60_000, 8);
        long full = localRoads(new CityGenerator(spec.withMissingLinkShare(0)).generate());
        long thinned = localRoads(new CityGenerator(spec).generate());

        // The lattice is drawn from its own stream, so both cities share it; a few removed
        // links are put back to keep the network connected.
        double missing = (full - thinned) / (double) full;
        assertThat(missing).isBetween(0.06, CityGenerator.DEFAULT_MISSING_LINK_SHARE + 0.005);
    }

    private static long localRoads(City city) {
        return city.roads().roads().stream().filter(r -> r.roadClass() == RoadClass.LOCAL).count();
    }

    @Test
    void arterials_are_straight_lines_across_the_whole_district() {
        Spec spec = Spec.of(60_000, 9).withArterials(4);
        City city = new CityGenerator(spec).generate();
        RoadNetwork net = city.roads();
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < net.nodeCount(); i++) {
            minX = Math.min(minX, net.x(i));
            maxX = Math.max(maxX, net.x(i));
            minY = Math.min(minY, net.y(i));
            maxY = Math.max(maxY, net.y(i));
        }
        Map<Double, List<Road>> eastWest = new TreeMap<>();
        Map<Double, List<Road>> northSouth = new TreeMap<>();
        for (Road r : net.roads()) {
            if (r.roadClass() != RoadClass.ARTERIAL) {
                continue;
            }
            if (net.y(r.from()) == net.y(r.to())) {
                eastWest.computeIfAbsent(net.y(r.from()), k -> new ArrayList<>()).add(r);
            } else {
                assertThat(net.x(r.from())).as("arterial %s is neither east-west nor north-south", r)
                        .isEqualTo(net.x(r.to()));
                northSouth.computeIfAbsent(net.x(r.from()), k -> new ArrayList<>()).add(r);
            }
        }
        assertThat(eastWest).hasSize(2);
        assertThat(northSouth).hasSize(2);
        double slack = 2 * CityGenerator.NODE_JITTER_METRES;
        for (List<Road> line : eastWest.values()) {
            double lo = line.stream().mapToDouble(r -> Math.min(net.x(r.from()), net.x(r.to()))).min().orElseThrow();
            double hi = line.stream().mapToDouble(r -> Math.max(net.x(r.from()), net.x(r.to()))).max().orElseThrow();
            double length = line.stream().mapToDouble(Road::metres).sum();
            assertThat(lo).isLessThanOrEqualTo(minX + slack);
            assertThat(hi).isGreaterThanOrEqualTo(maxX - slack);
            assertThat(length).isCloseTo(hi - lo, within(1e-6));
        }
        for (List<Road> line : northSouth.values()) {
            double lo = line.stream().mapToDouble(r -> Math.min(net.y(r.from()), net.y(r.to()))).min().orElseThrow();
            double hi = line.stream().mapToDouble(r -> Math.max(net.y(r.from()), net.y(r.to()))).max().orElseThrow();
            assertThat(lo).isLessThanOrEqualTo(minY + slack);
            assertThat(hi).isGreaterThanOrEqualTo(maxY - slack);
        }
    }

    @ParameterizedTest
    @CsvSource({"20000, 13", "60000, 14"})
    void every_community_lies_in_one_street_and_is_contiguous(int households, long seed) {
        Spec spec = Spec.of(households, seed);
        City city = new CityGenerator(spec).generate();
        Map<String, String> streetOf = city.streetOfCommunity();

        assertThat(streetOf).hasSize(spec.communities());
        assertThat(new TreeSet<>(streetOf.values())).hasSize(spec.streets());
        for (Building b : city.buildings()) {
            assertThat(b.street()).isEqualTo(streetOf.get(b.community()));
        }
        city.buildingsByCommunity().forEach((community, members) -> assertThat(
                city.adjacency().components(members.stream().mapToInt(Integer::intValue).toArray()))
                .as("parts of community %s", community).hasSize(1));
    }

    @Test
    void default_communities_hold_about_6400_households() {
        City city = generate(60_000, 15);
        Map<String, Integer> households = new TreeMap<>();
        for (Building b : city.buildings()) {
            households.merge(b.community(), b.households(), Integer::sum);
        }
        assertThat(households).hasSize(9);
        assertThat(households.values()).allSatisfy(h -> assertThat(h).isBetween(4_000, 9_000));
    }

    @Test
    void defaults_follow_the_field_figures() {
        Spec big = Spec.of(500_000, 1);
        assertThat(big.communities()).isEqualTo(78);
        assertThat(big.streets()).isEqualTo(14);
        assertThat(big.sites()).isEqualTo(150);
        assertThat(big.arterials()).isEqualTo(7);
        assertThat(big.missingLinkShare()).isEqualTo(0.08);
        assertThat(big.name()).isEqualTo("generated-500000-s1");

        Spec small = Spec.of(20_000, 1);
        assertThat(small.communities()).isEqualTo(3);
        assertThat(small.streets()).isEqualTo(1);
        assertThat(small.sites()).isEqualTo(6);
        assertThat(small.arterials()).isEqualTo(2);
    }

    @Test
    void builder_values_override_the_defaults() {
        Spec spec = Spec.builder(30_000).seed(4).streets(2).communities(6).sites(10).arterials(0)
                .missingLinkShare(0).name("test-town").build();
        City city = new CityGenerator(spec).generate();

        assertThat(city.name()).isEqualTo("test-town");
        assertThat(city.streetOfCommunity()).hasSize(6);
        assertThat(new TreeSet<>(city.streetOfCommunity().values())).containsExactly("S01", "S02");
        assertThat(city.sites()).hasSize(10);
        assertThat(city.roads().roads()).allSatisfy(r -> assertThat(r.roadClass()).isEqualTo(RoadClass.LOCAL));
    }

    @Test
    void ids_are_zero_padded_and_numbered_in_order() {
        City city = generate(20_000, 16);
        for (int i = 0; i < city.buildings().size(); i++) {
            assertThat(city.buildings().get(i).id()).isEqualTo(String.format("B%06d", i + 1));
        }
        assertThat(city.streetOfCommunity()).containsOnlyKeys("C01", "C02", "C03");
        assertThat(city.streetOfCommunity().values()).containsOnly("S01");
        for (int i = 0; i < city.sites().size(); i++) {
            assertThat(city.sites().get(i).id()).isEqualTo(String.format("P%03d", i + 1));
        }
    }

    @Test
    void buildings_stand_at_distinct_positions() {
        City city = generate(60_000, 17);
        Set<List<Double>> positions = new HashSet<>();
        for (Building b : city.buildings()) {
            assertThat(positions.add(List.of(b.x(), b.y()))).as("position of %s", b.id()).isTrue();
        }
    }

    @Test
    void sites_stand_at_distinct_junctions_spread_over_the_district() {
        City city = generate(60_000, 18);
        RoadNetwork net = city.roads();
        double maxX = 0;
        double maxY = 0;
        for (int i = 0; i < net.nodeCount(); i++) {
            maxX = Math.max(maxX, net.x(i));
            maxY = Math.max(maxY, net.y(i));
        }
        assertThat(city.sites()).hasSize(18);
        Set<Integer> nodes = new HashSet<>();
        int[] quadrant = new int[4];
        for (int s = 0; s < city.sites().size(); s++) {
            Site site = city.sites().get(s);
            assertThat(city.siteAccessMetres(s)).as("site %s off its junction", site.id()).isZero();
            assertThat(nodes.add(city.siteAccessNode(s))).as("site %s shares a junction", site.id()).isTrue();
            quadrant[(site.x() < maxX / 2 ? 0 : 1) + (site.y() < maxY / 2 ? 0 : 2)]++;
        }
        for (int q = 0; q < 4; q++) {
            assertThat(quadrant[q]).as("sites in quadrant %d", q).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void sites_denser_than_junctions_still_stand_at_distinct_junctions() {
        City city = new CityGenerator(Spec.of(20_000, 19).withSites(100)).generate();

        assertThat(city.sites()).hasSize(100);
        Set<Integer> nodes = new HashSet<>();
        for (int s = 0; s < city.sites().size(); s++) {
            assertThat(city.siteAccessMetres(s)).isZero();
            assertThat(nodes.add(city.siteAccessNode(s))).as("site %s shares a junction", city.sites().get(s).id())
                    .isTrue();
        }
    }

    @Test
    void rejects_households_outside_20000_to_500000() {
        assertThatThrownBy(() -> Spec.of(19_999, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target households 19999 outside 20000..500000");
        assertThatThrownBy(() -> Spec.of(500_001, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target households 500001 outside 20000..500000");
    }

    @Test
    void rejects_more_communities_than_the_lattice_has_blocks() {
        Spec spec = Spec.builder(20_000).communities(500).build();

        assertThatThrownBy(() -> new CityGenerator(spec).generate()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("500 communities need as many blocks, but the ");
    }
}
