package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadClass;
import org.gridplan.sim.road.RoadNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandsIT {

    @TempDir
    Path dir;

    @Test
    void generate_city_then_layout_then_validate() throws IOException {
        Path city = dir.resolve("city.geojson");
        Path layout = dir.resolve("grid-300.geojson");
        CliRunner c = CliRunner.run("city", "generate", "--households", "20000", "--seed", "3", "--out",
                city.toString());
        assertThat(c.exitCode()).as(c.err()).isZero();
        assertThat(c.out()).startsWith("city generated-20000-s3: 20,000 households in");

        CliRunner l = CliRunner.run("layout", "generate", "--city", city.toString(), "--target", "300",
                "--out", layout.toString());
        assertThat(l.exitCode()).as(l.err()).isZero();
        assertThat(l.out()).startsWith("layout grid-300: ").contains("(rules 300-500)");
        // The layout records the city it divides: name, building count and the hash of its buildings.
        City read = GeoJson.readCity(city);
        assertThat(Files.readString(layout)).contains("\"city\":\"generated-20000-s3\",\"cityBuildings\":"
                + read.buildings().size() + ",\"cityHash\":\"" + GeoJson.buildingsHash(read) + "\"");

        CliRunner v = CliRunner.run("layout", "validate", "--city", city.toString(), layout.toString());
        assertThat(v.exitCode()).as(v.out()).isZero();
        assertThat(v.out()).contains("20,000 households").endsWith("valid\n");
    }

    @Test
    void same_seed_gives_byte_identical_files_and_another_seed_does_not() throws IOException {
        Path a = dir.resolve("a.geojson");
        Path b = dir.resolve("b.geojson");
        Path c = dir.resolve("c.geojson");
        CliRunner.run("city", "generate", "--households", "20000", "--seed", "9", "--out", a.toString());
        CliRunner.run("city", "generate", "--households", "20000", "--seed", "9", "--out", b.toString());
        CliRunner.run("city", "generate", "--households", "20000", "--seed", "10", "--out", c.toString());
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        assertThat(Files.readAllBytes(c)).isNotEqualTo(Files.readAllBytes(a));

        Path la = dir.resolve("la.geojson");
        Path lb = dir.resolve("lb.geojson");
        CliRunner.run("layout", "generate", "--city", a.toString(), "--out", la.toString());
        CliRunner.run("layout", "generate", "--city", b.toString(), "--out", lb.toString());
        assertThat(Files.readAllBytes(lb)).isEqualTo(Files.readAllBytes(la));
    }

    @Test
    void households_out_of_range_exit_two_and_write_nothing() {
        Path out = dir.resolve("city.geojson");
        CliRunner r = CliRunner.run("city", "generate", "--households", "5000", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo("error: --households 5000: below the minimum 20,000");
        assertThat(out).doesNotExist();
    }

    @Test
    void tower_above_the_maximum_is_split_and_the_split_city_written() {
        Path city = towerCity();
        Path layout = dir.resolve("layout.geojson");
        CliRunner r = CliRunner.run("layout", "generate", "--city", city.toString(), "--target", "400",
                "--out", layout.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path splitCity = dir.resolve("layout-city.geojson");
        assertThat(r.out()).contains("split building T (612 households > max 500) into T/1, T/2")
                .contains("use the city written to " + splitCity);
        City split = GeoJson.readCity(splitCity);
        assertThat(split.indexOf("T/1")).isPresent();
        assertThat(split.indexOf("T")).isEmpty();
        CliRunner v = CliRunner.run("layout", "validate", "--city", splitCity.toString(), layout.toString());
        assertThat(v.exitCode()).as(v.out()).isZero();
    }

    @Test
    void tower_above_the_maximum_with_no_split_exits_two_naming_it_and_writes_nothing() {
        Path city = towerCity();
        Path layout = dir.resolve("layout.geojson");
        CliRunner r = CliRunner.run("layout", "generate", "--city", city.toString(), "--no-split",
                "--out", layout.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("towers.geojson: building T: 612 households is more than the maximum grid size "
                + "500");
        assertThat(layout).doesNotExist();
    }

    @Test
    void community_too_small_for_a_grid_exits_two_naming_it() {
        Path city = towerCity();
        CliRunner r = CliRunner.run("layout", "generate", "--city", city.toString(), "--min", "450", "--max", "500",
                "--target", "480", "--out", dir.resolve("l.geojson").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: towers.geojson: community C1");
    }

    @Test
    void malformed_city_exits_two_naming_the_line_and_writes_nothing() throws IOException {
        Path city = dir.resolve("broken.geojson");
        Files.writeString(city, "{\"type\": \"FeatureCollection\",\n \"features\": [ {\"type\": \"Feature\",, ]}");
        Path layout = dir.resolve("layout.geojson");
        CliRunner r = CliRunner.run("layout", "generate", "--city", city.toString(), "--out", layout.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: broken.geojson: malformed JSON at line 2, column");
        assertThat(layout).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(city);
        }
    }

    /** One community: a 612-household tower and ten 40-household buildings along a street. */
    private Path towerCity() {
        int n = 11;
        double[] xs = new double[n];
        double[] ys = new double[n];
        List<Road> roads = new ArrayList<>();
        List<Building> buildings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            xs[i] = i * 80;
            if (i > 0) {
                roads.add(new Road(i - 1, i, 80, RoadClass.LOCAL));
            }
            buildings.add(i == 0 ? new Building("T", 0, 20, 612, 8, "S1", "C1")
                    : new Building("B" + i, i * 80, 20, 40, 2, "S1", "C1"));
        }
        City city = new City("towers", buildings, new RoadNetwork(xs, ys, roads), List.of());
        Path file = dir.resolve("towers.geojson");
        GeoJson.writeCity(city, file);
        return file;
    }
}
