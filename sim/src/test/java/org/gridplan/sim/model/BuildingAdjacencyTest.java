package org.gridplan.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridplan.sim.model.TestCities.building;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuildingAdjacencyTest {

    /** A 3 × 3 lattice of buildings 100 m apart; building {@code 3 r + c} at (100 c, 100 r), centre 4. */
    private static City lattice3x3() {
        List<Building> buildings = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                buildings.add(building("L" + r + c, 100 * c, 100 * r));
            }
        }
        return TestCities.of(buildings.toArray(Building[]::new));
    }

    private static void assertSymmetricSortedWithoutSelf(BuildingAdjacency adjacency) {
        for (int i = 0; i < adjacency.size(); i++) {
            int[] nbrs = adjacency.neighbours(i);
            assertThat(nbrs).as("neighbours of %d", i).isSorted().doesNotContain(i).doesNotHaveDuplicates();
            assertThat(adjacency.degree(i)).isEqualTo(nbrs.length);
            for (int k = 0; k < nbrs.length; k++) {
                assertThat(adjacency.neighbour(i, k)).isEqualTo(nbrs[k]);
                assertThat(adjacency.neighbours(nbrs[k])).as("neighbours of %d", nbrs[k]).contains(i);
            }
        }
    }

    private static int[] all(BuildingAdjacency adjacency) {
        return IntStream.range(0, adjacency.size()).toArray();
    }

    @Test
    void lattice_centre_is_adjacent_to_its_four_orthogonal_neighbours() {
        BuildingAdjacency adjacency = lattice3x3().adjacency();

        assertThat(adjacency.size()).isEqualTo(9);
        assertThat(adjacency.neighbours(4)).contains(1, 3, 5, 7);
        assertThat(adjacency.degree(4)).isBetween(4, 8);
    }

    @Test
    void lattice_adjacency_is_symmetric_and_connected() {
        BuildingAdjacency adjacency = lattice3x3().adjacency();

        assertSymmetricSortedWithoutSelf(adjacency);
        assertThat(adjacency.components(all(adjacency))).hasSize(1);
    }

    @Test
    void lattice_joins_every_pair_of_orthogonal_neighbours_and_no_building_two_steps_apart() {
        BuildingAdjacency adjacency = lattice3x3().adjacency();

        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                int i = 3 * r + c;
                if (c + 1 < 3) {
                    assertThat(adjacency.neighbours(i)).contains(i + 1);
                }
                if (r + 1 < 3) {
                    assertThat(adjacency.neighbours(i)).contains(i + 3);
                }
                // No Delaunay edge spans two lattice steps in a row or column: its circle would hold the middle point.
                if (c + 2 < 3) {
                    assertThat(adjacency.neighbours(i)).doesNotContain(i + 2);
                }
                if (r + 2 < 3) {
                    assertThat(adjacency.neighbours(i)).doesNotContain(i + 6);
                }
            }
        }
    }

    @Test
    void co_located_buildings_are_adjacent_and_share_the_neighbours_of_their_position() {
        City city = TestCities.of(
                building("A", 0, 0), building("T/1", 100, 0), building("B", 200, 0),
                building("T/2", 100, 0), building("C", 100, 100), building("T/3", 100, 0));
        BuildingAdjacency adjacency = city.adjacency();

        assertThat(adjacency.neighbours(1)).contains(3, 5);
        assertThat(adjacency.neighbours(3)).contains(1, 5);
        assertThat(adjacency.neighbours(5)).contains(1, 3);
        // Each part's neighbours outside the tower are the same.
        List<Integer> outside1 = outside(adjacency.neighbours(1), 1, 3, 5);
        assertThat(outside1).contains(0, 2, 4);
        assertThat(outside(adjacency.neighbours(3), 1, 3, 5)).isEqualTo(outside1);
        assertThat(outside(adjacency.neighbours(5), 1, 3, 5)).isEqualTo(outside1);
        // And every neighbour of the position sees all three parts.
        for (int h : outside1) {
            assertThat(adjacency.neighbours(h)).contains(1, 3, 5);
        }
        assertSymmetricSortedWithoutSelf(adjacency);
    }

    private static List<Integer> outside(int[] nbrs, int... group) {
        List<Integer> out = new ArrayList<>();
        for (int n : nbrs) {
            if (IntStream.of(group).noneMatch(g -> g == n)) {
                out.add(n);
            }
        }
        return out;
    }

    @Test
    void parts_of_a_split_tower_are_adjacent_to_each_other_and_to_the_towers_neighbours() {
        City city = TestCities.of(building("A", 0, 0), new Building("T", 100, 0, 1201, 6, "S1", "C1"),
                building("B", 200, 0), building("C", 100, 100));
        int[] towerNeighbours = city.adjacency().neighbours(1);

        City split = city.splitOversized(500);
        BuildingAdjacency adjacency = split.adjacency();

        // Indices: A 0, T/1 1, T/2 2, T/3 3, B 4, C 5.
        assertThat(towerNeighbours).containsExactly(0, 2, 3);
        for (int part = 1; part <= 3; part++) {
            int self = part;
            assertThat(adjacency.neighbours(part)).as("T/%d", part)
                    .containsExactly(IntStream.rangeClosed(0, 5).filter(j -> j != self).toArray());
        }
    }

    @Test
    void components_split_a_non_contiguous_subset_largest_first() {
        BuildingAdjacency adjacency = TestCities.strip(5, "C1", 100).adjacency();
        // Columns 0, 1 and 3: indices 0–3 and 6–7; column 2 (4–5) is left out.

        List<int[]> parts = adjacency.components(new int[] {7, 6, 3, 0, 2, 1});

        assertThat(parts).containsExactly(new int[] {0, 1, 2, 3}, new int[] {6, 7});
    }

    @Test
    void components_of_equal_size_come_in_order_of_smallest_member() {
        BuildingAdjacency adjacency = TestCities.strip(5, "C1", 100).adjacency();

        List<int[]> parts = adjacency.components(new int[] {9, 8, 4, 5, 1, 0});

        assertThat(parts).containsExactly(new int[] {0, 1}, new int[] {4, 5}, new int[] {8, 9});
    }

    @Test
    void components_of_a_contiguous_subset_is_one_sorted_component() {
        BuildingAdjacency adjacency = TestCities.strip(5, "C1", 100).adjacency();

        assertThat(adjacency.components(new int[] {5, 2, 4, 3})).containsExactly(new int[] {2, 3, 4, 5});
        assertThat(adjacency.components(new int[0])).isEmpty();
    }

    @Test
    void strip_columns_are_adjacent_only_to_neighbouring_columns() {
        BuildingAdjacency adjacency = TestCities.strip(5, "C1", 100).adjacency();

        for (int i = 0; i < adjacency.size(); i++) {
            int col = i / 2;
            for (int j : adjacency.neighbours(i)) {
                assertThat(Math.abs(j / 2 - col)).as("%d-%d", i, j).isLessThanOrEqualTo(1);
            }
            assertThat(adjacency.neighbours(i)).contains(i ^ 1);
        }
    }

    @Test
    void a_single_building_has_no_neighbours_and_is_one_component() {
        BuildingAdjacency adjacency = TestCities.of(building("A", 5, 5)).adjacency();

        assertThat(adjacency.size()).isEqualTo(1);
        assertThat(adjacency.neighbours(0)).isEmpty();
        assertThat(adjacency.components(new int[] {0})).containsExactly(new int[] {0});
    }

    @Test
    void two_buildings_are_adjacent() {
        BuildingAdjacency adjacency = TestCities.of(building("A", 0, 0), building("B", 900, 700)).adjacency();

        assertThat(adjacency.neighbours(0)).containsExactly(1);
        assertThat(adjacency.neighbours(1)).containsExactly(0);
    }

    @Test
    void two_buildings_at_the_same_position_are_adjacent() {
        BuildingAdjacency adjacency = TestCities.of(building("A", 7, 7), building("B", 7, 7)).adjacency();

        assertThat(adjacency.neighbours(0)).containsExactly(1);
        assertThat(adjacency.neighbours(1)).containsExactly(0);
    }

    @Test
    void two_buildings_at_one_position_and_a_third_elsewhere_are_all_adjacent() {
        BuildingAdjacency adjacency = TestCities.of(building("T/1", 7, 7), building("A", 300, 7),
                building("T/2", 7, 7)).adjacency();

        assertThat(adjacency.neighbours(0)).containsExactly(1, 2);
        assertThat(adjacency.neighbours(1)).containsExactly(0, 2);
        assertThat(adjacency.neighbours(2)).containsExactly(0, 1);
    }

    @Test
    void collinear_buildings_form_a_path() {
        BuildingAdjacency adjacency = TestCities.of(building("A", 0, 0), building("C", 200, 0),
                building("B", 100, 0), building("D", 300, 0)).adjacency();

        assertThat(adjacency.neighbours(0)).containsExactly(2);
        assertThat(adjacency.neighbours(2)).containsExactly(0, 1);
        assertThat(adjacency.neighbours(1)).containsExactly(2, 3);
        assertThat(adjacency.neighbours(3)).containsExactly(1);
    }

    @Test
    void buildings_at_zero_and_negative_zero_are_the_same_position() {
        BuildingAdjacency adjacency = TestCities.of(building("A", 0.0, 0), building("B", 100, 0),
                building("C", 0, 100), building("D", -0.0, 0)).adjacency();

        assertThat(adjacency.neighbours(3)).contains(0, 1, 2);
        assertThat(adjacency.components(all(adjacency))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void random_buildings_are_symmetric_connected_and_join_each_nearest_neighbour(long seed) {
        Random random = new Random(seed);
        int n = 40 + random.nextInt(40);
        List<Building> buildings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Integer metres, so some buildings share a position.
            buildings.add(building("R" + i, random.nextInt(30) * 20, random.nextInt(30) * 20));
        }
        City city = TestCities.of(buildings.toArray(Building[]::new));
        BuildingAdjacency adjacency = city.adjacency();

        assertSymmetricSortedWithoutSelf(adjacency);
        assertThat(adjacency.components(all(adjacency))).hasSize(1);
        for (int i = 0; i < n; i++) {
            // The nearest other position is always a Delaunay neighbour (nearest-neighbour graph ⊂ Delaunay).
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                double d = buildings.get(i).distanceTo(buildings.get(j));
                if (d > 0) {
                    best = Math.min(best, d);
                }
            }
            for (int j = 0; j < n; j++) {
                double d = buildings.get(i).distanceTo(buildings.get(j));
                if (j != i && (d == 0 || d == best)) {
                    assertThat(adjacency.neighbours(i)).as("seed %d: %d-%d", seed, i, j).contains(j);
                }
            }
        }
    }

    @Test
    void buildings_a_rounding_error_apart_are_one_position() {
        double x = 500_000.123;
        City city = TestCities.of(TestCities.building("A", x, 100), TestCities.building("B", Math.nextUp(x), 100),
                TestCities.building("C", x + 50, 100), TestCities.building("D", x, 150));
        BuildingAdjacency adjacency = city.adjacency();

        assertThat(adjacency.neighbours(0)).contains(1);
        assertThat(adjacency.components(new int[] {0, 1, 2, 3})).hasSize(1);
    }
}
