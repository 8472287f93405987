package org.gridplan.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.gridplan.sim.model.TestCities.building;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CityTest {

    private static Building tower(String id, int households, int units) {
        return new Building(id, 110, 140, households, units, "S1", "C1");
    }

    private static City withTower(Building tower) {
        return TestCities.of(building("A", 10, 40), tower, building("Z", 210, 40));
    }

    // --- construction ----------------------------------------------------------------------

    @Test
    void rejects_duplicate_building_id_naming_it() {
        assertThatThrownBy(() -> TestCities.of(building("A", 0, 0), building("B", 50, 0), building("A", 100, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate building id A");
    }

    @Test
    void rejects_duplicate_site_id_naming_it() {
        List<Building> buildings = List.of(building("A", 0, 0));
        List<Site> sites = List.of(new Site("P1", 0, 0), new Site("P2", 100, 0), new Site("P1", 200, 0));

        assertThatThrownBy(() -> new City("c", buildings, TestCities.lattice(3, 3, 100), sites))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate site id P1");
    }

    @Test
    void rejects_community_under_two_streets_naming_both_and_the_building() {
        Building a = new Building("A", 0, 0, 100, 1, "S1", "C1");
        Building b = new Building("B", 100, 0, 100, 1, "S2", "C1");

        assertThatThrownBy(() -> TestCities.of(a, b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("community C1 appears under two streets: S1 and S2 (building B)");
    }

    @Test
    void rejects_city_without_buildings() {
        assertThatThrownBy(() -> new City("empty", List.of(), TestCities.lattice(2, 2, 100), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("city empty has no buildings");
    }

    @Test
    void names_an_unnamed_city_city() {
        assertThat(new City(" ", List.of(building("A", 0, 0)), TestCities.lattice(2, 2, 100), List.of()).name())
                .isEqualTo("city");
    }

    @Test
    void attaches_buildings_and_sites_to_their_nearest_road_node() {
        City city = new City("c", List.of(building("A", 10, 40), building("B", 190, 170)),
                TestCities.lattice(3, 3, 100), List.of(new Site("P", 105, 96)));

        assertThat(city.accessNode(0)).isZero();
        assertThat(city.accessMetres(0)).isCloseTo(Math.hypot(10, 40), within(1e-9));
        assertThat(city.accessNode(1)).isEqualTo(8);
        assertThat(city.accessMetres(1)).isCloseTo(Math.hypot(10, 30), within(1e-9));
        assertThat(city.siteAccessNode(0)).isEqualTo(4);
        assertThat(city.siteAccessMetres(0)).isCloseTo(Math.hypot(5, 4), within(1e-9));
    }

    @Test
    void indexes_buildings_and_sites_by_id() {
        City city = new City("c", List.of(building("A", 0, 0), building("B", 100, 0)),
                TestCities.lattice(2, 2, 100), List.of(new Site("P", 0, 0)));

        assertThat(city.indexOf("B")).contains(1);
        assertThat(city.indexOf("nope")).isEmpty();
        assertThat(city.siteIndexOf("P")).contains(0);
        assertThat(city.siteIndexOf("A")).isEmpty();
    }

    @Test
    void groups_buildings_by_community_and_maps_communities_to_streets() {
        City city = TestCities.twoCommunities();

        assertThat(city.households()).isEqualTo(1600);
        assertThat(city.streetOfCommunity()).containsExactly(Map.entry("C1", "S1"), Map.entry("C2", "S1"));
        assertThat(city.buildingsByCommunity()).containsOnlyKeys("C1", "C2");
        assertThat(city.buildingsByCommunity().get("C1")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(city.buildingsByCommunity().get("C2")).containsExactly(8, 9, 10, 11, 12, 13, 14, 15);
    }

    @Test
    void building_list_is_a_copy_of_the_input() {
        List<Building> input = new ArrayList<>(List.of(building("A", 0, 0)));
        City city = new City("c", input, TestCities.lattice(2, 2, 100), List.of());
        input.add(building("B", 10, 0));

        assertThat(city.buildings()).hasSize(1);
        assertThatThrownBy(() -> city.buildings().add(building("C", 0, 0)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    // --- splitOversized --------------------------------------------------------------------

    @Test
    void splits_612_household_8_unit_tower_into_two_parts_of_306_households_and_4_units() {
        City city = withTower(tower("T", 612, 8));

        City split = city.splitOversized(500);

        assertThat(split.buildings()).containsExactly(
                building("A", 10, 40),
                new Building("T/1", 110, 140, 306, 4, "S1", "C1"),
                new Building("T/2", 110, 140, 306, 4, "S1", "C1"),
                building("Z", 210, 40));
        assertThat(split.households()).isEqualTo(city.households());
        assertThat(split.indexOf("T")).isEmpty();
        assertThat(split.roads()).isSameAs(city.roads());
        assertThat(split.name()).isEqualTo(city.name());
    }

    @Test
    void splits_1201_household_tower_into_three_parts_of_401_400_400() {
        City split = withTower(tower("T", 1201, 6)).splitOversized(500);

        assertThat(split.buildings()).filteredOn(b -> b.id().startsWith("T/"))
                .extracting(Building::id, Building::households, Building::units)
                .containsExactly(
                        tuple("T/1", 401, 2),
                        tuple("T/2", 400, 2),
                        tuple("T/3", 400, 2));
    }

    @Test
    void shares_units_as_evenly_as_whole_numbers_allow_larger_first() {
        City split = withTower(tower("T", 1201, 7)).splitOversized(500);

        assertThat(split.buildings()).filteredOn(b -> b.id().startsWith("T/"))
                .extracting(Building::units).containsExactly(3, 2, 2);
    }

    @Test
    void gives_each_part_one_unit_when_the_tower_has_fewer_units_than_parts() {
        City split = withTower(tower("T", 612, 1)).splitOversized(500);

        assertThat(split.buildings()).filteredOn(b -> b.id().startsWith("T/"))
                .extracting(Building::households, Building::units)
                .containsExactly(tuple(306, 1), tuple(306, 1));
    }

    @Test
    void parts_keep_position_street_and_community_and_share_the_access_node() {
        Building t = new Building("T", 110, 140, 1001, 4, "S9", "C9");
        City city = withTower(t);

        City split = city.splitOversized(500);

        for (int k = 1; k <= 3; k++) {
            int i = split.indexOf("T/" + k).orElseThrow();
            Building part = split.buildings().get(i);
            assertThat(part.x()).isEqualTo(110);
            assertThat(part.y()).isEqualTo(140);
            assertThat(part.street()).isEqualTo("S9");
            assertThat(part.community()).isEqualTo("C9");
            assertThat(split.accessNode(i)).isEqualTo(city.accessNode(1));
            assertThat(split.accessMetres(i)).isEqualTo(city.accessMetres(1));
        }
    }

    @Test
    void leaves_a_tower_of_exactly_the_maximum_whole() {
        City city = withTower(tower("T", 500, 8));

        assertThat(city.splitOversized(500)).isSameAs(city);
    }

    @Test
    void returns_the_same_city_when_nothing_is_oversized() {
        City city = TestCities.twoCommunities();

        assertThat(city.splitOversized(500)).isSameAs(city);
    }

    @Test
    void brings_every_building_within_the_maximum() {
        City city = TestCities.of(tower("T", 999, 3), new Building("U", 10, 10, 2500, 10, "S1", "C1"),
                building("A", 200, 200));

        City split = city.splitOversized(400);

        assertThat(split.oversized(400)).isEmpty();
        assertThat(split.households()).isEqualTo(city.households());
        assertThat(split.buildings()).extracting(Building::id)
                .containsExactly("T/1", "T/2", "T/3", "U/1", "U/2", "U/3", "U/4", "U/5", "U/6", "U/7", "A");
    }

    @Test
    void rejects_split_maximum_below_one() {
        assertThatThrownBy(() -> TestCities.twoCommunities().splitOversized(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maximum households 0 < 1");
    }

    @Test
    void lists_oversized_buildings_in_file_order() {
        City city = TestCities.of(tower("T", 612, 8), building("A", 0, 0),
                new Building("U", 10, 10, 501, 2, "S1", "C1"));

        assertThat(city.oversized(500)).containsExactly(Map.entry("T", 612), Map.entry("U", 501));
        assertThat(city.oversized(612)).isEmpty();
    }

    // --- Building and Site -----------------------------------------------------------------

    @Test
    void building_rejects_zero_households() {
        assertThatThrownBy(() -> new Building("T", 0, 0, 0, 1, "S1", "C1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("building T: households 0 < 1");
    }

    @Test
    void building_rejects_zero_units() {
        assertThatThrownBy(() -> new Building("T", 0, 0, 10, 0, "S1", "C1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("building T: units 0 < 1");
    }

    @Test
    void building_rejects_blank_id_street_or_community() {
        assertThatThrownBy(() -> new Building(" ", 0, 0, 10, 1, "S1", "C1")).hasMessage("building id is blank");
        assertThatThrownBy(() -> new Building("T", 0, 0, 10, 1, "", "C1")).hasMessage("building street is blank");
        assertThatThrownBy(() -> new Building("T", 0, 0, 10, 1, "S1", "\t")).hasMessage("building community is blank");
        assertThatThrownBy(() -> new Building(null, 0, 0, 10, 1, "S1", "C1")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void building_rejects_non_finite_position() {
        assertThatThrownBy(() -> new Building("T", Double.NaN, 0, 10, 1, "S1", "C1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("building T: position (NaN, 0.0) is not finite");
        assertThatThrownBy(() -> new Building("T", 0, Double.POSITIVE_INFINITY, 10, 1, "S1", "C1"))
                .hasMessage("building T: position (0.0, Infinity) is not finite");
    }

    @Test
    void building_distance_is_euclidean_metres() {
        assertThat(building("A", 0, 0).distanceTo(building("B", 30, 40))).isEqualTo(50.0);
    }

    @Test
    void site_rejects_blank_id_and_non_finite_position() {
        assertThatThrownBy(() -> new Site("", 0, 0)).hasMessage("site id is blank");
        assertThatThrownBy(() -> new Site("P", 0, Double.NaN)).hasMessage("site P: position (0.0, NaN) is not finite");
    }

    @Test
    void split_that_would_reuse_an_existing_id_is_refused() {
        City city = TestCities.of(new Building("T", 0, 0, 900, 9, "S1", "C1"),
                new Building("T/2", 50, 0, 10, 1, "S1", "C1"));
        assertThatThrownBy(() -> city.splitOversized(500)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot split building T (900 households > max 500): sub-building id T/2 is already used");
    }
}
