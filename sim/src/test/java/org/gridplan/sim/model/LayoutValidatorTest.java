package org.gridplan.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.gridplan.sim.model.TestCities.byColumn;
import static org.gridplan.sim.model.TestCities.id;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gridplan.sim.model.Violation.Rule;
import org.junit.jupiter.api.Test;

class LayoutValidatorTest {

    private static final LayoutRules URBAN = LayoutRules.urban();

    /**
     * A strip of 2 columns in one grid {@code C1-G1} whose 4 buildings hold {@code total}
     * households ({@code total - 3 * base} in B0-0 and {@code base} in each other one).
     */
    private static City singleGridCity(int total, int base) {
        return TestCities.strip(new String[] {"C1", "C1"}, (c, r) -> c == 0 && r == 0 ? total - 3 * base : base);
    }

    private static List<Violation> validateSingleGrid(int total, int base, LayoutRules rules) {
        City city = singleGridCity(total, base);
        return LayoutValidator.validate(city, byColumn("one", city, "C1-G1", "C1-G1"), rules);
    }

    // --- the passing case shared by every rule -------------------------------------------------

    @Test
    void accepts_valid_urban_layout_with_no_violations() {
        City city = TestCities.twoCommunities();

        assertThat(LayoutValidator.validate(city, TestCities.validLayout(city), URBAN)).isEmpty();
    }

    // --- UNASSIGNED_BUILDING ---------------------------------------------------------------

    @Test
    void reports_building_left_out_of_every_grid() {
        City city = TestCities.twoCommunities();
        Map<String, String> assignment = new LinkedHashMap<>(TestCities.validLayout(city).gridOfBuilding());
        assignment.remove(id(3, 1));

        List<Violation> violations = LayoutValidator.validate(city, GridLayout.fromAssignment("gap", city, assignment),
                URBAN);

        assertThat(violations).containsExactly(
                new Violation(Rule.UNASSIGNED_BUILDING, "B3-1", "building B3-1: not in any grid"));
    }

    @Test
    void reports_unassigned_buildings_in_city_order() {
        City city = TestCities.strip(4, "C1", 100);
        GridLayout layout = byColumn("gaps", city, null, "C1-G1", "C1-G1", null);

        assertThat(LayoutValidator.validate(city, layout, URBAN))
                .filteredOn(v -> v.rule() == Rule.UNASSIGNED_BUILDING)
                .extracting(Violation::subject)
                .containsExactly("B0-0", "B0-1", "B3-0", "B3-1");
    }

    // --- UNKNOWN_BUILDING ------------------------------------------------------------------

    @Test
    void reports_building_id_the_city_does_not_have() {
        City city = TestCities.twoCommunities();
        Map<String, String> assignment = new LinkedHashMap<>(TestCities.validLayout(city).gridOfBuilding());
        assignment.put("X9", "C1-G1");

        List<Violation> violations = LayoutValidator.validate(city,
                GridLayout.fromAssignment("ghost", city, assignment), URBAN);

        assertThat(violations).containsExactly(new Violation(Rule.UNKNOWN_BUILDING, "X9",
                "building X9: grid C1-G1 names a building the city does not have"));
    }

    @Test
    void known_buildings_give_no_unknown_building_violation() {
        City city = TestCities.twoCommunities();

        assertThat(LayoutValidator.validate(city, TestCities.validLayout(city), URBAN))
                .extracting(Violation::rule)
                .doesNotContain(Rule.UNKNOWN_BUILDING);
    }

    // --- TOO_FEW_HOUSEHOLDS ----------------------------------------------------------------

    @Test
    void rejects_grid_with_299_households() {
        City city = TestCities.strip(new String[] {"C1", "C1", "C1"}, (c, r) -> c == 0 ? 150 - r : 100);
        GridLayout layout = byColumn("small", city, "C1-G1", "C1-G2", "C1-G2");

        assertThat(LayoutValidator.validate(city, layout, URBAN)).containsExactly(
                new Violation(Rule.TOO_FEW_HOUSEHOLDS, "C1-G1", "grid C1-G1: 299 households < min 300"));
    }

    @Test
    void accepts_grid_with_exactly_300_households() {
        assertThat(validateSingleGrid(300, 75, URBAN)).isEmpty();
    }

    @Test
    void rejects_single_grid_of_299_households_at_the_urban_lower_edge() {
        assertThat(validateSingleGrid(299, 75, URBAN)).containsExactly(
                new Violation(Rule.TOO_FEW_HOUSEHOLDS, "C1-G1", "grid C1-G1: 299 households < min 300"));
    }

    // --- TOO_MANY_HOUSEHOLDS ---------------------------------------------------------------

    @Test
    void rejects_grid_with_612_households_naming_grid_and_numbers() {
        City city = TestCities.strip(new String[] {"C07", "C07", "C07"}, (c, r) -> c < 2 ? 153 : 150);
        GridLayout layout = byColumn("big", city, "C07-G12", "C07-G12", "C07-G13");

        assertThat(LayoutValidator.validate(city, layout, URBAN)).containsExactly(
                new Violation(Rule.TOO_MANY_HOUSEHOLDS, "C07-G12", "grid C07-G12: 612 households > max 500"));
    }

    @Test
    void accepts_grid_with_exactly_500_households() {
        assertThat(validateSingleGrid(500, 75, URBAN)).isEmpty();
    }

    @Test
    void rejects_grid_with_501_households() {
        assertThat(validateSingleGrid(501, 75, URBAN)).containsExactly(
                new Violation(Rule.TOO_MANY_HOUSEHOLDS, "C1-G1", "grid C1-G1: 501 households > max 500"));
    }

    // --- NOT_CONTIGUOUS --------------------------------------------------------------------

    @Test
    void rejects_grid_in_two_separate_parts_naming_part_sizes_and_a_cut_off_building() {
        // C1-G1 = columns 0, 1 and 3; column 2 (C1-G2) cuts column 3 off.
        City city = TestCities.strip(new String[] {"C1", "C1", "C1", "C1"}, (c, r) -> c == 2 ? 150 : 80);
        GridLayout layout = byColumn("split", city, "C1-G1", "C1-G1", "C1-G2", "C1-G1");

        assertThat(LayoutValidator.validate(city, layout, URBAN)).containsExactly(new Violation(Rule.NOT_CONTIGUOUS,
                "C1-G1", "grid C1-G1: not contiguous, 2 separate parts of 4, 2 buildings (e.g. B3-0 is cut off from "
                        + "B0-0)"));
    }

    @Test
    void reports_every_part_of_a_grid_in_three_pieces_largest_first() {
        // C1-G1 = columns 0, 2, 3 and 5; C1-G2 = columns 1 and 4, itself in two parts.
        City city = TestCities.strip(new String[] {"C1", "C1", "C1", "C1", "C1", "C1"},
                (c, r) -> c == 1 || c == 4 ? 100 : 60);
        GridLayout layout = byColumn("pieces", city, "C1-G1", "C1-G2", "C1-G1", "C1-G1", "C1-G2", "C1-G1");

        assertThat(LayoutValidator.validate(city, layout, URBAN)).containsExactly(
                new Violation(Rule.NOT_CONTIGUOUS, "C1-G1",
                        "grid C1-G1: not contiguous, 3 separate parts of 4, 2, 2 buildings (e.g. B0-0 is cut off "
                                + "from B2-0)"),
                new Violation(Rule.NOT_CONTIGUOUS, "C1-G2",
                        "grid C1-G2: not contiguous, 2 separate parts of 2, 2 buildings (e.g. B4-0 is cut off from "
                                + "B1-0)"));
    }

    @Test
    void accepts_grid_of_neighbouring_columns_as_contiguous() {
        City city = TestCities.strip(4, "C1", 100);
        GridLayout layout = byColumn("joined", city, "C1-G1", "C1-G1", "C1-G2", "C1-G2");

        assertThat(LayoutValidator.validate(city, layout, URBAN)).isEmpty();
    }

    // --- CROSSES_COMMUNITY -----------------------------------------------------------------

    /** Columns 0–2 in C1, 3–5 in C2; grid C1-G2 takes columns 2 (C1) and 3 (C2). */
    private static City crossingCity() {
        return TestCities.strip(new String[] {"C1", "C1", "C1", "C2", "C2", "C2"}, (c, r) -> 100);
    }

    private static GridLayout crossingLayout(City city) {
        return byColumn("cross", city, "C1-G1", "C1-G1", "C1-G2", "C1-G2", "C2-G1", "C2-G1");
    }

    @Test
    void rejects_grid_crossing_into_another_community_when_crossing_is_not_allowed() {
        City city = crossingCity();

        assertThat(LayoutValidator.validate(city, crossingLayout(city), URBAN)).containsExactly(
                new Violation(Rule.CROSSES_COMMUNITY, "C1-G2",
                        "grid C1-G2: in community C1 but has buildings of C2 (2)"));
    }

    @Test
    void accepts_grid_crossing_communities_when_crossing_is_allowed() {
        City city = crossingCity();

        assertThat(LayoutValidator.validate(city, crossingLayout(city), URBAN.withAllowCrossCommunity(true))).isEmpty();
    }

    @Test
    void lists_every_foreign_community_sorted_with_its_building_count() {
        // Grid G in community C2 holding 2 buildings of C1, 2 of C2 and 1 of C3.
        City city = TestCities.strip(new String[] {"C3", "C1", "C2"}, (c, r) -> 80);
        Map<String, String> assignment = new LinkedHashMap<>(TestCities.assignment("G", "G", "G"));
        assignment.remove(id(0, 1));
        assignment.put(id(0, 1), "H");
        GridLayout layout = new GridLayout("three", assignment, Map.of("G", "C2", "H", "C3"));

        assertThat(LayoutValidator.validate(city, layout, URBAN.withAllowCrossCommunity(false)))
                .filteredOn(v -> v.rule() == Rule.CROSSES_COMMUNITY)
                .containsExactly(new Violation(Rule.CROSSES_COMMUNITY, "G",
                        "grid G: in community C2 but has buildings of C1 (2), C3 (1)"));
    }

    // --- EMPTY_GRID ------------------------------------------------------------------------

    @Test
    void rejects_grid_without_buildings() {
        City city = TestCities.twoCommunities();
        GridLayout valid = TestCities.validLayout(city);
        Map<String, String> communities = new TreeMap<>(valid.communityOfGrid());
        communities.put("C1-G9", "C1");
        GridLayout layout = new GridLayout("empty", valid.gridOfBuilding(), communities);

        assertThat(LayoutValidator.validate(city, layout, URBAN)).containsExactly(
                new Violation(Rule.EMPTY_GRID, "C1-G9", "grid C1-G9: has no buildings"));
    }

    @Test
    void grid_of_only_unknown_buildings_is_both_unknown_and_empty() {
        City city = TestCities.twoCommunities();
        Map<String, String> assignment = new LinkedHashMap<>(TestCities.validLayout(city).gridOfBuilding());
        assignment.put("X1", "C2-G9");

        assertThat(LayoutValidator.validate(city, GridLayout.fromAssignment("ghost", city, assignment), URBAN))
                .containsExactly(
                        new Violation(Rule.UNKNOWN_BUILDING, "X1",
                                "building X1: grid C2-G9 names a building the city does not have"),
                        new Violation(Rule.EMPTY_GRID, "C2-G9", "grid C2-G9: has no buildings"));
    }

    // --- every rule has a failing case above ---------------------------------------------------

    @Test
    void every_rule_is_reported_by_some_layout() {
        Set<Rule> seen = EnumSet.noneOf(Rule.class);
        City two = TestCities.twoCommunities();
        Map<String, String> broken = new LinkedHashMap<>(TestCities.validLayout(two).gridOfBuilding());
        broken.remove(id(0, 0));
        broken.put("X9", "C1-G1");
        broken.put(id(4, 0), "C1-G1");
        broken.put(id(7, 0), "C1-G2");
        broken.put(id(7, 1), "C1-G2");
        Map<String, String> communities = new TreeMap<>(Map.of("C1-G1", "C1", "C1-G2", "C1", "C2-G1", "C2",
                "C2-G2", "C2", "C2-G3", "C2"));
        seen.addAll(LayoutValidator.validate(two, new GridLayout("broken", broken, communities), URBAN)
                .stream().map(Violation::rule).toList());

        assertThat(seen).containsExactlyInAnyOrder(Rule.values());
    }

    // --- all at once -----------------------------------------------------------------------

    @Test
    void reports_all_violations_of_a_layout_breaking_three_rules_at_once_in_stable_order() {
        // Columns 0–2 in C1 and 3–5 in C2, 100 households per building. C1-G1 takes columns 0–2
        // (600 households), C2-G1 columns 3–4 (400), C2-G2 only B5-0 (100); B5-1 is left out.
        City city = TestCities.strip(new String[] {"C1", "C1", "C1", "C2", "C2", "C2"}, (c, r) -> 100);
        Map<String, String> assignment = new LinkedHashMap<>(
                TestCities.assignment("C1-G1", "C1-G1", "C1-G1", "C2-G1", "C2-G1"));
        assignment.put(id(5, 0), "C2-G2");

        List<Violation> violations = LayoutValidator.validate(city, GridLayout.fromAssignment("bad", city, assignment),
                URBAN);

        assertThat(violations).containsExactly(
                new Violation(Rule.UNASSIGNED_BUILDING, "B5-1", "building B5-1: not in any grid"),
                new Violation(Rule.TOO_MANY_HOUSEHOLDS, "C1-G1", "grid C1-G1: 600 households > max 500"),
                new Violation(Rule.TOO_FEW_HOUSEHOLDS, "C2-G2", "grid C2-G2: 100 households < min 300"));
    }

    @Test
    void reports_size_contiguity_and_crossing_of_one_grid_together_in_rule_order() {
        // Grid G (community C1) = columns 0 and 2, column 2 in C2; 4 × 150 = 600 households.
        City city = TestCities.strip(new String[] {"C1", "C1", "C2"}, (c, r) -> 150);
        GridLayout layout = new GridLayout("all", TestCities.assignment("G", "H", "G"), Map.of("G", "C1", "H", "C1"));

        assertThat(LayoutValidator.validate(city, layout, URBAN)).extracting(Violation::subject, Violation::rule)
                .containsExactly(
                        tuple("G", Rule.TOO_MANY_HOUSEHOLDS),
                        tuple("G", Rule.NOT_CONTIGUOUS),
                        tuple("G", Rule.CROSSES_COMMUNITY));
    }

    // --- rules --------------------------------------------------------------------------------

    @Test
    void urban_rules_are_300_to_500_inside_one_community() {
        assertThat(URBAN).isEqualTo(new LayoutRules(300, 500, false));
    }

    @Test
    void rural_rules_with_tolerance_20_are_50_to_90_inside_one_community() {
        assertThat(LayoutRules.rural(20)).isEqualTo(new LayoutRules(50, 90, false));
    }

    @Test
    void rural_bounds_50_and_90_pass_and_49_and_91_fail() {
        LayoutRules rural = LayoutRules.rural(20);

        assertThat(validateSingleGrid(50, 10, rural)).isEmpty();
        assertThat(validateSingleGrid(90, 10, rural)).isEmpty();
        assertThat(validateSingleGrid(49, 10, rural)).containsExactly(
                new Violation(Rule.TOO_FEW_HOUSEHOLDS, "C1-G1", "grid C1-G1: 49 households < min 50"));
        assertThat(validateSingleGrid(91, 10, rural)).containsExactly(
                new Violation(Rule.TOO_MANY_HOUSEHOLDS, "C1-G1", "grid C1-G1: 91 households > max 90"));
    }

    @Test
    void rejects_rural_tolerance_outside_0_to_69() {
        assertThat(LayoutRules.rural(0)).isEqualTo(new LayoutRules(70, 70, false));
        assertThat(LayoutRules.rural(69)).isEqualTo(new LayoutRules(1, 139, false));
        assertThatThrownBy(() -> LayoutRules.rural(70)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rural tolerance 70 outside 0..69");
        assertThatThrownBy(() -> LayoutRules.rural(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rural tolerance -1 outside 0..69");
    }

    @Test
    void rejects_rules_with_minimum_below_one_or_maximum_below_minimum() {
        assertThatThrownBy(() -> new LayoutRules(0, 10, false)).hasMessage("minimum households per grid 0 < 1");
        assertThatThrownBy(() -> new LayoutRules(300, 299, false))
                .hasMessage("maximum households per grid 299 < minimum 300");
    }

    @Test
    void with_allow_cross_community_changes_only_the_crossing_flag() {
        assertThat(LayoutRules.rural(20).withAllowCrossCommunity(true)).isEqualTo(new LayoutRules(50, 90, true));
    }

    @Test
    void violation_prints_as_its_message() {
        assertThat(new Violation(Rule.EMPTY_GRID, "G", "grid G: has no buildings"))
                .hasToString("grid G: has no buildings");
    }
}
