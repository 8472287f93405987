package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-district example: the shipped Cambridge files become a city by the import command of
 * data/cambridge/README.md, which layouts divide and the example scenario runs on.
 */
class CambridgeIT {

    static final Path DATA = Path.of("..", "data", "cambridge");

    @TempDir
    Path dir;

    @Test
    void the_shipped_open_data_become_a_city_that_the_example_scenario_runs_on() throws Exception {
        Path city = dir.resolve("city.geojson");
        CliRunner r = CliRunner.run("city", "import", "--name", "cambridge",
                "--buildings", DATA.resolve("DEMOGRAPHICS_Blocks2000.geojson").toString(), "--id-field", "BLOCK_ID",
                "--persons-field", "POP_LAB", "--persons-per-household", "2.3784", "--split-above", "100",
                "--communities", DATA.resolve("BOUNDARY_CDDNeighborhoods.geojson").toString(),
                "--community-name-field", "NAME", "--merge-small-communities",
                "--roads", DATA.resolve("TRANS_Centerlines.geojson").toString(), "--node-fields", "FromNode,ToNode",
                "--oneway-field", "Direction", "--out", city.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("city cambridge: 42,625 households in 844 buildings (886 rows read, 206 "
                        + "dropped with no households")
                .contains("105 polygons with more than 100 households split into 269 buildings")
                .contains("households estimated as residents (POP_LAB) / 2.3784 per household")
                .contains("13 boundaries, 13 with buildings; 844 buildings inside one")
                .contains("community Cambridge Highlands (284 households, fewer than 300) merged into Strawberry Hill")
                .contains("8 line ends joined by node id").contains("3,997 one-way segments")
                .contains("101 line ends share a node id with an end more than 25 m away and were not joined by it");
        City c = GeoJson.readCity(city);
        Map<String, Integer> households = c.buildings().stream().collect(Collectors.groupingBy(Building::community,
                Collectors.summingInt(Building::households)));
        assertThat(households).hasSize(12).containsEntry("Strawberry Hill", 982 + 284)
                .doesNotContainKey("Cambridge Highlands");
        assertThat(c.buildings()).allMatch(b -> b.households() <= 100);
        // The city spans about 6 km by 4 km around its centre.
        double w = c.buildings().stream().mapToDouble(Building::x).max().orElseThrow()
                - c.buildings().stream().mapToDouble(Building::x).min().orElseThrow();
        assertThat(w).isBetween(4_000.0, 8_000.0);

        // The example scenario, pointed at this city, runs a short trial of its three layouts.
        String yaml = Files.readString(Path.of("examples", "cambridge.yaml"))
                .replace("file: ../../data/cambridge/city.geojson", "file: " + city.toAbsolutePath());
        assertThat(yaml).contains("file: " + city.toAbsolutePath());
        Path scenario = dir.resolve("cambridge.yaml");
        Files.writeString(scenario, yaml);
        CliRunner run = CliRunner.run("run", scenario.toString(), "--days", "10", "--warm-up", "2",
                "--replications", "1", "--no-report", "--out", dir.resolve("batch").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 runs done").contains("current").contains("grid-400").contains("grid-300");

        // Back in longitude and latitude for a GIS, with the grids of a layout the batch drew.
        Path layout;
        try (var files = Files.list(dir.resolve("batch").resolve("layouts"))) {
            layout = files.filter(f -> f.getFileName().toString().contains("grid-400")).findFirst().orElseThrow();
        }
        Path lonLat = dir.resolve("cambridge-wgs84.geojson");
        CliRunner back = CliRunner.run("city", "lonlat", "--city", city.toString(), "--layout", layout.toString(),
                "--out", lonLat.toString());
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(back.out()).startsWith("cambridge, layout grid-400: 844 buildings and");
        String text = Files.readString(lonLat);
        // The first centreline's first vertex, -71.09966196611784, 42.37357651649618, comes back to 7 decimals.
        assertThat(text).contains("[-71.099662,42.3735765]").contains("\"grid\":\"");
    }
}
