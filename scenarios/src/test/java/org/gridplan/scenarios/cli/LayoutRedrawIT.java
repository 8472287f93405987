package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridplan layout redraw}: a broken layout repaired with few moves, a valid one unchanged, bad input refused.
 */
class LayoutRedrawIT {

    @TempDir
    Path dir;

    Path city;
    Path layout;

    @BeforeEach
    void district() {
        city = dir.resolve("city.geojson");
        layout = dir.resolve("grid-400.geojson");
        assertThat(CliRunner.run("city", "generate", "--households", "20000", "--seed", "4", "--out",
                city.toString()).exitCode()).isZero();
        assertThat(CliRunner.run("layout", "generate", "--city", city.toString(), "--target", "400", "--out",
                layout.toString()).exitCode()).isZero();
    }

    @Test
    void repairs_a_grid_that_took_in_its_neighbour_and_leaves_a_valid_layout_alone() throws Exception {
        City c = GeoJson.readCity(city);
        GridLayout l = GeoJson.readLayout(layout, c);
        // Two grids of the first community under one id: one grid of 600 to 1,000 households.
        String a = l.grids().get(0);
        String b = l.grids().get(1);
        Map<String, String> gridOf = new LinkedHashMap<>(l.gridOfBuilding());
        gridOf.replaceAll((id, g) -> g.equals(b) ? a : g);
        Path broken = dir.resolve("broken.geojson");
        GeoJson.writeLayout(c, new GridLayout("broken", gridOf, l.communityOfGrid()), broken);
        assertThat(CliRunner.run("layout", "validate", "--city", city.toString(), broken.toString()).exitCode())
                .isEqualTo(1);

        Path fixed = dir.resolve("fixed.geojson");
        CliRunner r = CliRunner.run("layout", "redraw", "--city", city.toString(), "--from", broken.toString(),
                "--out", fixed.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("layout broken: ").contains("redrawn as broken-redraw: ")
                .contains("buildings (").contains("households) moved").contains("was: grid " + a);
        CliRunner v = CliRunner.run("layout", "validate", "--city", city.toString(), fixed.toString());
        assertThat(v.exitCode()).as(v.out()).isZero();

        Path same = dir.resolve("same.geojson");
        CliRunner unchanged = CliRunner.run("layout", "redraw", "--city", city.toString(), "--from",
                layout.toString(), "--out", same.toString());
        assertThat(unchanged.exitCode()).as(unchanged.err()).isZero();
        assertThat(unchanged.out()).contains("0 violations").contains(": 0 buildings (0 households) moved; 0 grids"
                + " repaired");
        assertThat(GeoJson.readLayout(same, c).gridOfBuilding()).isEqualTo(l.gridOfBuilding());
    }

    @Test
    void bad_input_gets_one_message_exit_2_and_the_input_kept() throws Exception {
        byte[] before = Files.readAllBytes(layout);
        CliRunner onto = CliRunner.run("layout", "redraw", "--city", city.toString(), "--from", layout.toString(),
                "--out", layout.toString());
        assertThat(onto.exitCode()).isEqualTo(2);
        assertThat(onto.err()).contains("is the input --from");
        assertThat(Files.readAllBytes(layout)).isEqualTo(before);
        CliRunner nowhere = CliRunner.run("layout", "redraw", "--city", city.toString(), "--from", layout.toString(),
                "--communities", "nowhere", "--out", dir.resolve("x.geojson").toString());
        assertThat(nowhere.exitCode()).isEqualTo(2);
        assertThat(nowhere.err()).contains("--communities: community nowhere: the city has no such community");
        assertThat(dir.resolve("x.geojson")).doesNotExist();
        CliRunner target = CliRunner.run("layout", "redraw", "--city", city.toString(), "--from", layout.toString(),
                "--target", "900", "--out", dir.resolve("y.geojson").toString());
        assertThat(target.exitCode()).isEqualTo(2);
        assertThat(target.err()).contains("--target 900: must be within the grid bounds 300 to 500");
    }
}
