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
import java.util.List;
import org.gridplan.results.store.ResultsStore;
import org.gridplan.sim.io.GeoJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A layout's staffing file ({@code layouts[i].staffing}) through {@code validate}, {@code run} and
 * {@code simulate --scenario}: its workers are the ones that run, with the scenario's duty roster
 * and branch pools, and a file that is missing or does not fit its layout stops everything with
 * exit 2 before anything is written.
 */
class LayoutStaffingIT {

    @TempDir
    static Path district;
    static Path city;
    static Path layout;
    static List<String> grids;

    @TempDir
    Path dir;

    @BeforeAll
    static void cityAndLayout() {
        city = district.resolve("city.geojson");
        layout = district.resolve("grid.geojson");
        CliRunner.generateDistrict(city, layout);
        grids = GeoJson.readLayout(layout, GeoJson.readCity(city)).grids();
    }

    /** One full-time worker W-&lt;grid&gt; per grid and a professional in the first grid; the file's ids. */
    private List<String> writeStaffing(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        StringBuilder csv = new StringBuilder("id,type,grid,shift\n");
        for (String g : grids) {
            csv.append("W-").append(g).append(",full-time,").append(g).append(",\n");
            ids.add("W-" + g);
        }
        csv.append("EXPERT-1,professional,").append(grids.get(0)).append(",always\n");
        ids.add("EXPERT-1");
        Files.writeString(file, csv);
        return ids;
    }

    /** A scenario in {@link #dir} over the test district; {@code layouts} are its layout items. */
    private Path scenario(String layouts, String rest) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "city: {file: " + city + "}\n"
                + "layouts:\n" + layouts
                + "replications: 2\nhorizonDays: 3\nwarmUpDays: 1\n" + rest);
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
    void runs_exactly_the_file_s_workers_with_the_duty_roster_and_branch_pools_and_ignores_worker_counts()
            throws IOException, SQLException {
        List<String> ids = writeStaffing(dir.resolve("staffing.csv"));
        Path file = scenario("  - {name: own, file: " + layout + ", staffing: staffing.csv}\n"
                + "  - {name: planned, file: " + layout + "}\n",
                "staffing: {fullTimePerGrid: 2, partTimePerCommunity: 1, branchPoolPerCommunity: 1}\n");
        CliRunner v = CliRunner.run("validate", file.toString());
        assertThat(v.exitCode()).as(v.err()).isZero();
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("run", file.toString(), "--out", out.toString(), "--no-report");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path db = out.resolve(RunCommand.DATABASE);

        // Exactly the file's workers, in both replications; the pools are the scenario's.
        assertThat(column(db, "SELECT DISTINCT worker FROM worker_kpis WHERE layout = 'own' AND role <> "
                + "'branch-pool' ORDER BY 1")).containsExactlyElementsOf(ids.stream().sorted().toList());
        assertThat(column(db, "SELECT count(*) FROM worker_kpis WHERE layout = 'own' AND role <> 'branch-pool'"))
                .containsExactly(Integer.toString(2 * ids.size()));
        assertThat(column(db, "SELECT count(DISTINCT worker) FROM worker_kpis WHERE layout = 'own' AND role = "
                + "'branch-pool'")).isEqualTo(column(db, "SELECT count(DISTINCT worker) FROM worker_kpis WHERE layout "
                + "= 'planned' AND role = 'branch-pool'")).doesNotContain("0");
        // The default duty roster draws its nightly duty from the file's full-time workers.
        assertThat(Double.parseDouble(column(db, "SELECT sum(on_call_minutes) FROM worker_kpis WHERE layout = "
                + "'own' AND worker LIKE 'W-%'").get(0))).isPositive();
        // The worker counts apply to the planned layout only: two full-time workers per grid there.
        assertThat(column(db, "SELECT count(DISTINCT worker) FROM worker_kpis WHERE layout = 'planned' AND type = "
                + "'full-time'")).containsExactly(Integer.toString(2 * grids.size()));

        // simulate --scenario runs the same workers.
        Path written = dir.resolve("used.csv");
        CliRunner sim = CliRunner.run("simulate", "--scenario", file.toString(), "--layout", "own", "--staffing-out",
                written.toString());
        assertThat(sim.exitCode()).as(sim.err()).isZero();
        assertThat(Files.readAllLines(written).stream().skip(1).map(l -> l.split(",")[0]))
                .containsExactlyElementsOf(ids);
    }

    @Test
    void a_changed_staffing_file_refuses_resume() throws IOException {
        Path csv = dir.resolve("staffing.csv");
        writeStaffing(csv);
        Path file = scenario("  - {name: own, file: " + layout + ", staffing: staffing.csv}\n", "");
        Path out = dir.resolve("out");
        CliRunner first = CliRunner.run("run", file.toString(), "--out", out.toString(), "--no-report",
                "--replications", "1");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Files.writeString(csv, Files.readString(csv).replace(",always", ",08:00-20:00 mon-sun"));
        CliRunner again = CliRunner.run("run", file.toString(), "--out", out.toString(), "--no-report",
                "--replications", "1");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("has changed since the batch started");
    }

    @Test
    void a_missing_staffing_file_exits_2_naming_the_field_and_writes_nothing() throws IOException {
        Path file = scenario("  - {name: own, file: " + layout + ", staffing: none.csv}\n", "");
        Path out = dir.resolve("out");
        for (CliRunner r : List.of(CliRunner.run("validate", file.toString()),
                CliRunner.run("run", file.toString(), "--out", out.toString()))) {
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("error: s.yaml:3 layouts[0].staffing: file not found: "
                    + dir.toAbsolutePath().resolve("none.csv").normalize());
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void a_staffing_file_naming_an_unknown_grid_exits_2_with_its_line_and_column_and_writes_nothing()
            throws IOException {
        Files.writeString(dir.resolve("staffing.csv"), "id,type,grid\nW-1,full-time," + grids.get(0)
                + "\nW-2,full-time,NOPE\n");
        Path file = scenario("  - {name: own, file: " + layout + ", staffing: staffing.csv}\n", "");
        Path out = dir.resolve("out");
        String message = "error: s.yaml:3 layouts[0].staffing: staffing.csv: line 3, column 'grid': worker W-2 is "
                + "assigned to grid NOPE, which layout own does not have";
        CliRunner v = CliRunner.run("validate", file.toString());
        assertThat(v.exitCode()).isEqualTo(2);
        assertThat(v.err()).contains(message).contains("1 problem; nothing was run.");
        CliRunner r = CliRunner.run("run", file.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        assertThat(r.out()).doesNotContain("runs done");
        assertThat(out).doesNotExist();
    }

    @Test
    void a_staffing_file_leaving_a_grid_without_a_full_time_or_professional_worker_exits_2() throws IOException {
        Path csv = dir.resolve("staffing.csv");
        writeStaffing(csv);
        String last = grids.get(grids.size() - 1);
        Files.writeString(csv, Files.readString(csv).replace("W-" + last + ",full-time,", "W-" + last + ",part-time,"));
        Path file = scenario("  - {name: own, file: " + layout + ", staffing: staffing.csv}\n", "");
        CliRunner r = CliRunner.run("validate", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("error: s.yaml:3 layouts[0].staffing: staffing.csv: 1 grid of layout own with "
                + "households but no full-time or professional worker, which every grid with demand needs: " + last);
    }

    @Test
    void a_generated_layout_s_staffing_file_is_checked_by_validate_and_before_any_run() throws IOException {
        Files.writeString(dir.resolve("staffing.csv"), "id,type,grid\nW-1,full-time,NOPE\n");
        Path file = scenario("  - {name: drawn, targetHouseholds: 400, staffing: staffing.csv}\n", "");
        String message = "error: s.yaml:3 layouts[0].staffing: staffing.csv: line 2, column 'grid': "
                + "worker W-1 is assigned to grid NOPE, which layout drawn does not have";
        // validate draws the layout as run does, so it finds what run would.
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
    void optimise_workers_with_a_staffing_file_exits_2_naming_both_fields() throws IOException {
        writeStaffing(dir.resolve("staffing.csv"));
        Path file = scenario("  - {name: own, file: " + layout + ", staffing: staffing.csv}\n",
                "optimise: {workers: true}\n");
        Path out = dir.resolve("out");
        for (CliRunner r : List.of(CliRunner.run("validate", file.toString()),
                CliRunner.run("run", file.toString(), "--out", out.toString()))) {
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("error: s.yaml:7 optimise.workers: true cannot be used with a layout "
                    + "staffing file: the optimiser would replace the workers that s.yaml:3 layouts[0].staffing "
                    + "gives layout own");
        }
        assertThat(out).doesNotExist();
    }
}
