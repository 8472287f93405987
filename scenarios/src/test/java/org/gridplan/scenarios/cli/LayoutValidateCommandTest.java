package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadClass;
import org.gridplan.sim.road.RoadNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutValidateCommandTest {

    @TempDir
    Path dir;
    Path cityFile;
    City city;

    /** A row of 8 buildings of 100 households along one street, community C1. */
    @BeforeEach
    void writeCity() {
        double[] xs = new double[8];
        double[] ys = new double[8];
        List<Road> roads = new ArrayList<>();
        List<Building> buildings = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            xs[i] = i * 100;
            if (i > 0) {
                roads.add(new Road(i - 1, i, 100, RoadClass.LOCAL));
            }
            buildings.add(new Building("B" + i, i * 100, 10, 100, 8, "S1", "C1"));
        }
        city = new City("row", buildings, new RoadNetwork(xs, ys, roads), List.of());
        cityFile = dir.resolve("city.geojson");
        GeoJson.writeCity(city, cityFile);
    }

    private Path layout(String name, String... gridOfEachBuilding) {
        Map<String, String> gridOf = new LinkedHashMap<>();
        Map<String, String> communityOf = new LinkedHashMap<>();
        for (int i = 0; i < gridOfEachBuilding.length; i++) {
            gridOf.put("B" + i, gridOfEachBuilding[i]);
            communityOf.put(gridOfEachBuilding[i], "C1");
        }
        Path file = dir.resolve(name + ".geojson");
        GeoJson.writeLayout(city, new GridLayout(name, gridOf, communityOf), file);
        return file;
    }

    @Test
    void valid_layout_exits_zero_and_says_valid() {
        Path file = layout("halves", "G1", "G1", "G1", "G1", "G2", "G2", "G2", "G2");
        CliRunner r = CliRunner.run("layout", "validate", "--city", cityFile.toString(), file.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("layout halves: 2 grids, 8 buildings, 800 households (grid sizes 400-400; rules "
                + "300-500)")
                .contains("valid");
    }

    @Test
    void broken_layout_exits_one_and_lists_every_violation() {
        // G1 = B0..B3 and B6..B7: 600 households in two pieces; G2 = B4, B5: 200 households.
        Path file = layout("bad", "G1", "G1", "G1", "G1", "G2", "G2", "G1", "G1");
        CliRunner r = CliRunner.run("layout", "validate", "--city", cityFile.toString(), file.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("grid G1: 600 households > max 500")
                .contains("grid G1: not contiguous, 2 separate parts of 4, 2 buildings (e.g. B6 is cut off from B0)")
                .contains("grid G2: 200 households < min 300")
                .contains("3 violations");
    }

    @Test
    void custom_bounds_apply() {
        Path file = layout("bad", "G1", "G1", "G1", "G1", "G2", "G2", "G1", "G1");
        CliRunner r = CliRunner.run("layout", "validate", "--city", cityFile.toString(), "--min", "200", "--max", "600",
                file.toString());
        assertThat(r.out()).contains("1 violation").doesNotContain("households >").doesNotContain("households <");
    }

    @Test
    void missing_city_file_exits_two_naming_it() {
        Path file = layout("halves", "G1", "G1", "G1", "G1", "G2", "G2", "G2", "G2");
        CliRunner r = CliRunner.run("layout", "validate", "--city", dir.resolve("none.geojson").toString(),
                file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: none.geojson: file not found");
    }

    @Test
    void layout_naming_unknown_building_exits_two_naming_the_feature() throws IOException {
        Path file = dir.resolve("unknown.geojson");
        Files.writeString(file, """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","geometry":{"type":"Point","coordinates":[0,10]},
                 "properties":{"id":"B42","households":100,"street":"S1","community":"C1","grid":"G1"}}]}""");
        CliRunner r = CliRunner.run("layout", "validate", "--city", cityFile.toString(), file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo("error: unknown.geojson: feature 0 (building B42): building is not in "
                + "city row; was the layout drawn on another city? ('gridplan layout generate' records the city it "
                + "divides)");
    }

    @Test
    void a_layout_drawn_on_another_city_exits_two_naming_the_city_it_was_drawn_on() {
        // The layout of a city whose B3 has 120 households, validated against the city with 100.
        List<Building> changed = new ArrayList<>(city.buildings());
        changed.set(3, new Building("B3", 300, 10, 120, 8, "S1", "C1"));
        City other = new City("row-2025", changed, city.roads(), city.sites());
        Map<String, String> gridOf = new LinkedHashMap<>();
        for (Building b : other.buildings()) {
            gridOf.put(b.id(), b.id().compareTo("B4") < 0 ? "G1" : "G2");
        }
        Path file = dir.resolve("old.geojson");
        GeoJson.writeLayout(other, new GridLayout("old", gridOf, Map.of("G1", "C1", "G2", "C1")), file);
        CliRunner r = CliRunner.run("layout", "validate", "--city", cityFile.toString(), file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: old.geojson: the layout was drawn on another city: row-2025 (8 "
                + "buildings, buildings hash sha256:").contains("), not row (8 buildings, buildings hash sha256:")
                .contains("; e.g. feature 3 (building B3): 120 households, but city row gives the building 100");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void rural_with_bounds_is_a_usage_error() {
        Path file = layout("halves", "G1", "G1", "G1", "G1", "G2", "G2", "G2", "G2");
        CliRunner r = CliRunner.run("layout", "validate", "--city", cityFile.toString(), "--rural", "--min", "50",
                file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("give either --rural or --min/--max, not both");
    }

    @Test
    void help_explains_rules_and_exit_codes() {
        CliRunner r = CliRunner.run("layout", "validate", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--city").contains("--min").contains("--rural").contains("contiguous")
                .contains("1   the layout breaks at least one rule");
    }
}
