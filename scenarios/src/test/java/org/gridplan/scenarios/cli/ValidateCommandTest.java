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

/**
 * {@code gridplan validate} says ok only when {@code gridplan run} will start: both load the city
 * and every layout and check them by the same code, and both flag a layout that breaks the grid rules.
 */
class ValidateCommandTest {

    @TempDir
    Path dir;
    City city;

    /** A row of 8 buildings of 100 households along one street, community C1. */
    @BeforeEach
    void writeCity() {
        city = row(8);
        GeoJson.writeCity(city, dir.resolve("city.geojson"));
    }

    private static City row(int n) {
        double[] xs = new double[n];
        double[] ys = new double[n];
        List<Road> roads = new ArrayList<>();
        List<Building> buildings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            xs[i] = i * 100;
            if (i > 0) {
                roads.add(new Road(i - 1, i, 100, RoadClass.LOCAL));
            }
            buildings.add(new Building("B" + i, i * 100, 10, 100, 8, "S1", "C1"));
        }
        return new City("row", buildings, new RoadNetwork(xs, ys, roads), List.of());
    }

    /** Writes a layout of {@code of} in which building i is in grid {@code grids[i]}. */
    private Path layout(String name, City of, String... grids) {
        Map<String, String> gridOf = new LinkedHashMap<>();
        Map<String, String> communityOf = new LinkedHashMap<>();
        for (int i = 0; i < grids.length; i++) {
            gridOf.put("B" + i, grids[i]);
            communityOf.put(grids[i], "C1");
        }
        Path file = dir.resolve(name + ".geojson");
        GeoJson.writeLayout(of, new GridLayout(name, gridOf, communityOf), file);
        return file;
    }

    private Path scenario(String layoutFile) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "name: row\ncity: {file: city.geojson}\nlayouts:\n  - {name: mine, file: "
                + layoutFile + "}\nreplications: 1\nhorizonDays: 2\nwarmUpDays: 1\n");
        return file;
    }

    @Test
    void a_valid_layout_validates_without_warnings() throws IOException {
        layout("halves", city, "G1", "G1", "G1", "G1", "G2", "G2", "G2", "G2");
        CliRunner r = CliRunner.run("validate", scenario("halves.geojson").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("s.yaml: ok — scenario row: 1 layout × 1 sweep point × 1 replication = 1 run");
        assertThat(r.err()).doesNotContain("warning");
    }

    @Test
    void a_city_file_that_is_not_geojson_exits_2_naming_it() throws IOException {
        layout("halves", city, "G1", "G1", "G1", "G1", "G2", "G2", "G2", "G2");
        Files.writeString(dir.resolve("city.geojson"), "id,households\nB0,100\n");
        CliRunner r = CliRunner.run("validate", scenario("halves.geojson").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: city.geojson: malformed JSON at line 1, column");
        assertThat(r.out()).doesNotContain("ok");
    }

    @Test
    void a_layout_naming_a_building_the_city_lacks_exits_2() throws IOException {
        Files.writeString(dir.resolve("odd.geojson"), """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","geometry":{"type":"Point","coordinates":[0,10]},
                 "properties":{"id":"B0","households":100,"street":"S1","community":"C1","grid":"G1"}},
                {"type":"Feature","geometry":{"type":"Point","coordinates":[9000,10]},
                 "properties":{"id":"B99","households":100,"street":"S1","community":"C1","grid":"G1"}}
                ]}""");
        CliRunner r = CliRunner.run("validate", scenario("odd.geojson").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("error: odd.geojson: feature 1 (building B99): building is not in city row");
    }

    @Test
    void an_older_layout_leaving_buildings_out_exits_2_from_validate_and_run_before_anything_is_written()
            throws IOException {
        StringBuilder features = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            features.append(i == 0 ? "" : ",\n").append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                    + "\"coordinates\":[" + i * 100 + ",10]},\"properties\":{\"id\":\"B" + i + "\",\"households\":100,"
                    + "\"street\":\"S1\",\"community\":\"C1\",\"grid\":\"G" + i / 3 + "\"}}");
        }
        Files.writeString(dir.resolve("part.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[" + features
                + "]}");
        Path file = scenario("part.geojson");
        String message = "error: part.geojson: layouts[0] (mine): 2 of the 8 buildings of city row are in no grid: "
                + "B6, B7; every building of the city needs exactly one grid";
        CliRunner v = CliRunner.run("validate", file.toString());
        assertThat(v.exitCode()).isEqualTo(2);
        assertThat(v.err()).contains(message);
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("run", file.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        assertThat(out).doesNotExist();
    }

    @Test
    void simulate_with_an_older_layout_leaving_buildings_out_exits_2_naming_the_layout_file() throws IOException {
        StringBuilder features = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            features.append(i == 0 ? "" : ",\n").append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                    + "\"coordinates\":[" + i * 100 + ",10]},\"properties\":{\"id\":\"B" + i + "\",\"households\":100,"
                    + "\"street\":\"S1\",\"community\":\"C1\",\"grid\":\"G" + i / 4 + "\"}}");
        }
        Path file = dir.resolve("seven.geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}");
        CliRunner r = CliRunner.run("simulate", "--city", dir.resolve("city.geojson").toString(), "--layout",
                file.toString(), "--days", "2", "--warm-up", "1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo("error: seven.geojson: 1 of the 8 buildings of city row are in no grid "
                + "(first: B7); every building needs a grid to be simulated; was the layout drawn on another city? "
                + "'gridplan layout validate' lists every problem");
    }

    @Test
    void a_layout_drawn_on_another_city_is_named_as_such() throws IOException {
        layout("small", row(6), "G1", "G1", "G1", "G2", "G2", "G2");
        CliRunner r = CliRunner.run("validate", scenario("small.geojson").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("error: small.geojson: the layout was drawn on another city: row (6 buildings, "
                + "buildings hash sha256:").contains("; e.g. 2 buildings of city row are in no grid (e.g. B6)");
    }

    @Test
    void a_layout_breaking_the_300_to_500_household_rule_gets_a_warning_from_validate_and_run() throws IOException {
        layout("quarters", city, "G1", "G1", "G2", "G2", "G3", "G3", "G4", "G4");
        Path file = scenario("quarters.geojson");
        String warning = "warning: quarters.geojson: layouts[0] (mine): breaks the grid rules (300–500 households "
                + "per grid, grids inside their community, contiguous): 4 grids with fewer than 300 households (grid "
                + "G1: 200 households < min 300, grid G2: 200 households < min 300, grid G3: 200 households < min "
                + "300, ... 1 more); its runs go ahead as drawn";
        CliRunner v = CliRunner.run("validate", file.toString());
        assertThat(v.exitCode()).as(v.err()).isZero();
        assertThat(v.err()).contains(warning);
        CliRunner r = CliRunner.run("run", file.toString(), "--out", dir.resolve("out").toString(), "--no-report",
                "--threads", "1");
        assertThat(r.err()).contains(warning);
        assertThat(r.out()).contains("1 runs done");
    }
}
