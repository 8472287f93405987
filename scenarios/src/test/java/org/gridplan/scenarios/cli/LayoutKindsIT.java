package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridplan.results.store.ResultsStore;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redrawn and ensemble layouts in a scenario ({@code layouts[i].redraw}, {@code layouts[i].ensemble}):
 * a batch simulates a proposal against a repaired current layout and against layouts drawn from a
 * ReCom chain, and validate and run refuse bad entries naming the field.
 */
class LayoutKindsIT {

    @TempDir
    static Path district;
    static Path city;
    static Path layout;
    static Path broken;

    @TempDir
    Path dir;

    @BeforeAll
    static void cityAndLayouts() {
        city = district.resolve("city.geojson");
        layout = district.resolve("grid.geojson");
        CliRunner.generateDistrict(city, layout);
        City c = GeoJson.readCity(city);
        GridLayout l = GeoJson.readLayout(layout, c);
        String a = l.grids().get(0);
        String b = l.grids().get(1);
        Map<String, String> gridOf = new LinkedHashMap<>(l.gridOfBuilding());
        gridOf.replaceAll((id, g) -> g.equals(b) ? a : g);
        broken = district.resolve("broken.geojson");
        GeoJson.writeLayout(c, new GridLayout("broken", gridOf, l.communityOfGrid()), broken);
    }

    private Path scenario(String layouts) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "city: {file: " + city + "}\nlayouts:\n" + layouts
                + "replications: 2\nhorizonDays: 3\nwarmUpDays: 1\n");
        return file;
    }

    private static List<String> column(Path db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ResultsStore.openReadOnly(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void a_batch_runs_the_current_layout_its_redraw_and_an_ensemble_drawn_from_it() throws Exception {
        Path file = scenario("  - {name: current, file: " + layout + "}\n"
                + "  - {name: repaired, redraw: " + broken + "}\n"
                + "  - {name: chain, ensemble: {from: " + layout + ", steps: 60, sample: 3, seed: 2}}\n"
                + "  - {name: searched, optimise: {from: " + layout + ", steps: 20}}\n");
        CliRunner v = CliRunner.run("validate", file.toString());
        assertThat(v.exitCode()).as(v.err()).isZero();
        assertThat(v.out()).contains("6 layouts");
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("run", file.toString(), "--out", out.toString(), "--no-report");
        assertThat(r.exitCode()).as(r.err()).isZero();
        // The broken layout is repaired before it runs: no warning about its rules.
        assertThat(r.err()).doesNotContain("repaired): breaks the grid rules");
        Path db = out.resolve(RunCommand.DATABASE);
        assertThat(column(db, "SELECT DISTINCT layout FROM runs ORDER BY 1")).containsExactly("chain-1", "chain-2",
                "chain-3", "current", "repaired", "searched");
        // Each layout the batch ran is written beside the database; the ensemble's are valid and differ.
        for (String name : List.of("2-repaired", "3-chain-1", "5-chain-3", "6-searched")) {
            Path f = out.resolve("layouts").resolve(name + ".geojson");
            assertThat(f).exists();
            CliRunner ok = CliRunner.run("layout", "validate", "--city", city.toString(), f.toString());
            assertThat(ok.exitCode()).as(name + ": " + ok.out()).isZero();
        }
        assertThat(Files.readString(out.resolve("layouts/3-chain-1.geojson")).replace("chain-1", ""))
                .isNotEqualTo(Files.readString(out.resolve("layouts/5-chain-3.geojson")).replace("chain-3", ""));
    }

    @Test
    void bad_entries_are_refused_naming_the_field() throws IOException {
        Path file = scenario("  - {name: a, redraw: " + layout + ", communities: [nowhere]}\n"
                + "  - {name: b, ensemble: {steps: 0}}\n"
                + "  - {name: c, file: " + layout + ", communities: [C01]}\n"
                + "  - {name: d, ensemble: {from: " + layout + ", sample: 3}, targetHouseholds: 400}\n");
        CliRunner v = CliRunner.run("validate", file.toString());
        assertThat(v.exitCode()).isEqualTo(2);
        assertThat(v.err()).contains("layouts[1].ensemble.from: missing (required)")
                .contains("layouts[1].ensemble.steps").contains("layouts[2].communities: applies only to a redraw")
                .contains("layouts[3]: give exactly one of file, redraw, ensemble, optimise or targetHouseholds")
                .doesNotContain("\tat ");
        Path unknown = scenario("  - {name: a, redraw: " + layout + ", communities: [nowhere]}\n");
        CliRunner u = CliRunner.run("validate", unknown.toString());
        assertThat(u.exitCode()).isEqualTo(2);
        assertThat(u.err()).contains("layouts[0] (a): cannot be redrawn: community nowhere");
    }
}
