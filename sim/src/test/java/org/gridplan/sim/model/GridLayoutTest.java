package org.gridplan.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridplan.sim.model.TestCities.id;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridLayoutTest {

    @Test
    void groups_building_indices_by_grid_sorted_by_grid_and_index() {
        City city = TestCities.strip(4, "C1", 100);
        // Assigned in reverse city order, to show the indices come back sorted.
        Map<String, String> assignment = new LinkedHashMap<>();
        assignment.put(id(3, 1), "G-b");
        assignment.put(id(3, 0), "G-b");
        assignment.put(id(2, 0), "G-a");
        assignment.put(id(1, 1), "G-a");
        assignment.put(id(0, 0), "G-b");
        GridLayout layout = new GridLayout("l", assignment, Map.of("G-b", "C1", "G-a", "C1", "G-c", "C1"));

        Map<String, List<Integer>> byGrid = layout.buildingsByGrid(city);

        assertThat(byGrid).containsExactly(
                Map.entry("G-a", List.of(3, 4)),
                Map.entry("G-b", List.of(0, 6, 7)),
                Map.entry("G-c", List.of()));
    }

    @Test
    void skips_buildings_the_city_does_not_have() {
        City city = TestCities.strip(2, "C1", 100);
        GridLayout layout = new GridLayout("l", Map.of(id(1, 0), "G", "ghost", "G"), Map.of("G", "C1"));

        assertThat(layout.buildingsByGrid(city)).containsExactly(Map.entry("G", List.of(2)));
        assertThat(layout.householdsByGrid(city)).containsExactly(Map.entry("G", 100));
    }

    @Test
    void sums_households_by_grid_with_zero_for_empty_grids() {
        City city = TestCities.strip(new String[] {"C1", "C1", "C1"}, (c, r) -> 10 * (c + 1) + r);
        GridLayout layout = new GridLayout("l", TestCities.assignment("A", "A", "B"),
                Map.of("A", "C1", "B", "C1", "E", "C1"));

        assertThat(layout.householdsByGrid(city)).containsExactly(
                Map.entry("A", 10 + 11 + 20 + 21), Map.entry("B", 30 + 31), Map.entry("E", 0));
    }

    @Test
    void from_assignment_gives_each_grid_the_community_of_its_first_building_in_city_order() {
        City city = TestCities.strip(new String[] {"C2", "C1", "C1"}, (c, r) -> 100);
        // Grid X's first building in city order is B0-1 (C2), though B2-0 (C1) is listed first.
        Map<String, String> assignment = new LinkedHashMap<>();
        assignment.put(id(2, 0), "X");
        assignment.put(id(0, 1), "X");
        assignment.put(id(1, 0), "Y");

        GridLayout layout = GridLayout.fromAssignment("l", city, assignment);

        assertThat(layout.communityOfGrid()).containsExactly(Map.entry("X", "C2"), Map.entry("Y", "C1"));
        assertThat(layout.gridOfBuilding()).containsExactlyEntriesOf(assignment);
        assertThat(layout.name()).isEqualTo("l");
    }

    @Test
    void from_assignment_gives_a_grid_of_only_unknown_buildings_community_question_mark() {
        City city = TestCities.strip(1, "C1", 100);

        GridLayout layout = GridLayout.fromAssignment("l", city, Map.of(id(0, 0), "A", "ghost", "B"));

        assertThat(layout.communityOfGrid()).containsExactly(Map.entry("A", "C1"), Map.entry("B", "?"));
    }

    @Test
    void rejects_grid_without_a_community() {
        assertThatThrownBy(() -> new GridLayout("plan", Map.of("B1", "G9"), Map.of("G1", "C1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layout plan: grid G9 (building B1) has no community");
    }

    @Test
    void rejects_blank_grid_id() {
        assertThatThrownBy(() -> new GridLayout("plan", Map.of("B1", " "), Map.of(" ", "C1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layout plan: building B1 has a blank grid id");
        Map<String, String> nullGrid = new HashMap<>();
        nullGrid.put("B1", null);
        assertThatThrownBy(() -> new GridLayout("plan", nullGrid, Map.of("G1", "C1")))
                .hasMessage("layout plan: building B1 has a blank grid id");
    }

    @Test
    void rejects_blank_name() {
        assertThatThrownBy(() -> new GridLayout(" ", Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layout name is blank");
    }

    @Test
    void lists_grids_sorted_and_counts_them() {
        GridLayout layout = new GridLayout("l", Map.of("B1", "G2", "B2", "G1"),
                Map.of("G2", "C1", "G1", "C1", "G3", "C2"));

        assertThat(layout.grids()).containsExactly("G1", "G2", "G3");
        assertThat(layout.gridCount()).isEqualTo(3);
    }

    @Test
    void copies_its_maps_so_later_changes_to_the_input_do_not_leak_in() {
        Map<String, String> grids = new LinkedHashMap<>(Map.of("B1", "G1"));
        Map<String, String> communities = new HashMap<>(Map.of("G1", "C1"));
        GridLayout layout = new GridLayout("l", grids, communities);
        grids.put("B2", "G1");
        communities.put("G2", "C1");

        assertThat(layout.gridOfBuilding()).containsOnlyKeys("B1");
        assertThat(layout.communityOfGrid()).containsOnlyKeys("G1");
        assertThatThrownBy(() -> layout.gridOfBuilding().put("B3", "G1"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void with_name_keeps_the_mapping() {
        City city = TestCities.twoCommunities();
        GridLayout layout = TestCities.validLayout(city);

        GridLayout renamed = layout.withName("grid-400");

        assertThat(renamed.name()).isEqualTo("grid-400");
        assertThat(renamed.gridOfBuilding()).isEqualTo(layout.gridOfBuilding());
        assertThat(renamed.communityOfGrid()).isEqualTo(layout.communityOfGrid());
    }
}
