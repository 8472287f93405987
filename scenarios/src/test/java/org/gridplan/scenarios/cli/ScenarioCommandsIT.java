package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gridplan.results.store.ResultsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example scenario through the command line — quickstart at full size, the others reduced
 * with overrides — plus validate, export and the refusals (bad scenario, changed scenario).
 */
class ScenarioCommandsIT {

    static final Path EXAMPLES = Path.of("examples");

    @TempDir
    Path dir;

    private static String example(String name) {
        return EXAMPLES.resolve(name).toString();
    }

    @Test
    void every_example_validates() {
        for (String name : new String[] {"quickstart.yaml", "staffing-sweep.yaml", "typhoon-surge.yaml",
            "large-district.yaml", "shift-hours.yaml", "mmc-validation.yaml"}) {
            CliRunner r = CliRunner.run("validate", example(name));
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains(": ok — scenario ");
        }
    }

    /**
     * Where the quickstart batch and its report stay after the build, for the browser check
     * ({@code .ci/run}) and for a person to look at.
     */
    static final Path QUICKSTART = Path.of("target", "quickstart-report");

    @Test
    void quickstart_runs_at_full_size_and_prints_a_kpi_table_per_layout_and_writes_its_report() throws IOException {
        Path out = QUICKSTART;
        deleteRecursively(out);
        CliRunner r = CliRunner.run("run", example("quickstart.yaml"), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("3 layouts × 1 sweep point × 10 replications = 30 runs")
                .contains("30 runs done").contains("p90 min").contains("workload").contains("on-time")
                .doesNotContain("NaN").doesNotContain("n/a");
        for (String layout : new String[] {"current ", "grid-400 ", "grid-300 "}) {
            assertThat(r.out().lines().filter(l -> l.startsWith(layout))).singleElement().asString()
                    .contains("  10  ").contains(" ± ");
        }
        assertThat(r.err()).contains("progress: 30/30 runs (100%)");

        // The report: every chart, the map of every layout, and the verdict on each candidate.
        assertThat(r.out()).contains("report: " + out.resolve("report.html"));
        String html = Files.readString(out.resolve("report.html"));
        for (String id : new String[] {"response-cdf", "response-box", "kpi-minutes", "kpi-hours", "kpi-percent",
            "utilisation", "backlog", "map-1", "map-2", "map-3"}) {
            assertThat(html).contains("<figure id=\"" + id + "\">");
        }
        assertThat(html).contains("<p class=\"note\" id=\"no-tradeoff\">The batch has a single sweep point")
                .contains("Layout grid-400 ").contains("Layout grid-300 ").contains("versus current")
                .contains("<td>30 of 30</td>").doesNotContain("NaN").doesNotContain("<section id=\"incomplete\"");

        CliRunner export = CliRunner.run("export", out.toString(), "--format", "parquet");
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(out.resolve("export/district_kpis.parquet")).isRegularFile();
        assertThat(out.resolve("export/grid_kpis.parquet")).isRegularFile();
    }

    @Test
    void shift_hours_runs_reduced_and_longer_hours_answer_sooner() throws IOException, java.sql.SQLException {
        Path out = dir.resolve("shifts");
        CliRunner r = CliRunner.run("run", example("shift-hours.yaml"), "--out", out.toString(), "--days", "21",
                "--warm-up", "2", "--replications", "2", "--no-report");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 layout × 4 sweep points × 2 replications = 8 runs")
                .contains("staffing.fullTimeShift=08:00-20:00 mon-sun");
        List<Double> means = new ArrayList<>();
        try (Connection c = ResultsStore.openReadOnly(out.resolve("results.duckdb"));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT avg(response_mean) FROM district_kpis GROUP BY point "
                        + "ORDER BY point")) {
            while (rs.next()) {
                means.add(rs.getDouble(1));
            }
        }
        // Each longer shift leaves fewer incidents waiting for the next one.
        assertThat(means).hasSize(4).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(means.get(3)).isLessThan(means.get(0) / 10);
    }

    @Test
    void staffing_sweep_runs_reduced_and_exports_csv() throws IOException {
        Path out = dir.resolve("sweep");
        CliRunner r = CliRunner.run("run", example("staffing-sweep.yaml"), "--out", out.toString(), "--days", "15",
                "--warm-up", "1", "--replications", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 layout × 9 sweep points × 2 replications = 18 runs").contains("Sweep points:")
                .contains("staffing.fullTimePerGrid=3 demand.scale=2.0");
        assertThat(Files.readAllLines(out.resolve("export/runs.csv"))).hasSize(19);
        assertThat(Files.readAllLines(out.resolve("export/runs.csv")).get(1)).contains("staffing.fullTimePerGrid");
        // One layout: the report keeps all nine points (staffing crossed with the demand scale), the
        // trade-off curve runs along the staffing level with a line per demand scale, and the sweep
        // table has a row per point.
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<figure id=\"staffing-tradeoff\">").doesNotContain("id=\"no-tradeoff\"")
                .contains("full-time workers per grid × demand scale: full-time workers per grid = 1, demand scale = "
                        + "0.5; ")
                .contains(">demand scale = 2.0</text>");
        int at = html.indexOf("<table class=\"grid\" id=\"sweep-table\">");
        String table = html.substring(at, html.indexOf("</table>", at));
        assertThat(table.split("<tr><th>", -1).length - 1).isEqualTo(1 + 9);
        assertThat(table).contains("<tr><th>full-time workers per grid = 3, demand scale = 2.0</th>");
    }

    @Test
    void typhoon_surge_runs_reduced_with_its_incident_log() throws IOException {
        Path out = dir.resolve("typhoon");
        CliRunner r = CliRunner.run("run", example("typhoon-surge.yaml"), "--out", out.toString(), "--days", "63",
                "--warm-up", "55", "--replications", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 layouts × 3 sweep points × 2 replications = 12 runs");
        CliRunner export = CliRunner.run("export", out.resolve(RunCommand.DATABASE).toString(), "--out",
                dir.resolve("csv").toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(Files.lines(dir.resolve("csv/incidents.csv")).count()).isGreaterThan(100);
        assertThat(Files.lines(dir.resolve("csv/worker_kpis.csv")).filter(l -> l.contains(",emergency,")).count())
                .isGreaterThan(0);
        // A zip sweep: the summary names the emergency pool, the surge size varying with it; the
        // trade-off chart runs along the named points, never as a staffing level.
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<figure id=\"staffing-tradeoff\">")
                .contains("emergency pool (varied together with ").contains("): 20, 60, 120")
                .contains(">p90 response at each sweep point (band: 95% CI)</text>")
                .contains(">surge multiplier = 8, emergency pool = 120</text>")
                .doesNotContain("Staffing level vs. p90 response");
        // The surge window's own figures at every point, not only averages over the run.
        assertThat(html).contains("<section id=\"surge\">", "from day 60 to day 63 of the run (3 days)",
                "<table class=\"grid\" id=\"surge-table\">",
                        "<p class=\"v surge\">In the surge at surge multiplier = 8, "
                        + "emergency pool = 120: at grid-400 the open cases peak at ");
        for (String point : new String[] {"surge multiplier = 2, emergency pool = 20",
            "surge multiplier = 4, emergency pool = 60", "surge multiplier = 8, emergency pool = 120"}) {
            assertThat(html).contains("<tr><th>" + point + "</th><th><span class=\"sw s0\"></span>grid-400</th>");
        }
    }

    @Test
    void large_district_runs_reduced_and_says_intervals_need_two_replications() {
        CliRunner r = CliRunner.run("run", example("large-district.yaml"), "--out", dir.resolve("large").toString(),
                "--days", "4", "--warm-up", "1", "--replications", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 runs done").contains("± n/a")
                .contains("Intervals are unavailable (n/a) with one replication").doesNotContain("NaN");
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var files = Files.walk(p)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    @Test
    void a_bad_scenario_exits_2_lists_every_problem_and_writes_nothing() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                city:
                  generate: {households: 20000}
                layouts:
                  - {name: a, targetHouseholds: 400}
                  - {name: b, targetHouseholds: 900}
                replications: 0
                """);
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("run", file.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("error: bad.yaml:5 layouts[1].targetHouseholds: 900 is above the maximum grid "
                + "size 500")
                .contains("error: bad.yaml:6 replications: 0 is below the minimum 1").contains("2 problems");
        assertThat(out).doesNotExist();
        assertThat(CliRunner.run("validate", file.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void a_changed_scenario_is_refused_for_resume() throws IOException {
        Path file = dir.resolve("small.yaml");
        String yaml = """
                city:
                  generate: {households: 20000, seed: 2}
                layouts:
                  - {name: grid-400, targetHouseholds: 400}
                replications: 2
                horizonDays: 5
                warmUpDays: 1
                """;
        Files.writeString(file, yaml);
        Path out = dir.resolve("small");
        assertThat(CliRunner.run("run", file.toString(), "--out", out.toString()).exitCode()).isZero();
        Files.writeString(file, yaml.replace("replications: 2", "replications: 3"));
        CliRunner r = CliRunner.run("run", file.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("has changed since the batch started").contains("another --out");
    }

    @Test
    void a_scenario_changed_only_in_comments_layout_and_key_order_resumes_and_a_changed_value_is_refused()
            throws IOException {
        Path file = dir.resolve("edited.yaml");
        Files.writeString(file, """
                city:
                  generate: {households: 20000, seed: 2}
                layouts:
                  - {name: grid-400, targetHouseholds: 400}
                replications: 2
                horizonDays: 5
                warmUpDays: 1
                """);
        Path out = dir.resolve("edited");
        assertThat(CliRunner.run("run", file.toString(), "--out", out.toString(), "--no-report").exitCode()).isZero();
        String edited = """
                # Re-formatted by hand: comments, keys in another order, block style, CRLF line ends.
                warmUpDays: 1     # a day to fill the queues
                horizonDays: 5

                replications: 2
                layouts:
                  - name: "grid-400"
                    targetHouseholds: 400
                city:
                  generate:
                    seed: 2
                    households: 20_000
                """.replace("\n", "\r\n");
        Files.writeString(file, edited);
        CliRunner resumed = CliRunner.run("run", file.toString(), "--out", out.toString(), "--no-report");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming: 2 of 2 runs already stored");
        assertThat(resumed.out()).contains("0 runs done");
        Files.writeString(file, edited.replace("horizonDays: 5", "horizonDays: 6"));
        CliRunner refused = CliRunner.run("run", file.toString(), "--out", out.toString(), "--no-report");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("has changed since the batch started");
    }

    @Test
    void a_results_database_of_garbage_is_moved_aside_with_its_bytes_and_the_batch_runs_into_a_new_one()
            throws IOException {
        Path file = dir.resolve("damaged.yaml");
        Files.writeString(file, """
                city:
                  generate: {households: 20000, seed: 2}
                layouts:
                  - {name: grid-400, targetHouseholds: 400}
                replications: 2
                horizonDays: 5
                warmUpDays: 1
                """);
        Path out = dir.resolve("damaged");
        Files.createDirectories(out);
        byte[] garbage = "these bytes were a results database once\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        Files.write(out.resolve(RunCommand.DATABASE), garbage);
        CliRunner r = CliRunner.run("run", file.toString(), "--out", out.toString(), "--no-report");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<Path> aside;
        try (var files = Files.list(out)) {
            aside = files.filter(p -> p.getFileName().toString().startsWith(RunCommand.DATABASE + ".corrupt-"))
                    .toList();
        }
        assertThat(aside).singleElement().satisfies(p -> assertThat(Files.readAllBytes(p)).isEqualTo(garbage));
        List<String> warnings = r.err().lines().filter(l -> l.startsWith("warning: results database")).toList();
        assertThat(warnings).singleElement().asString().contains("not a valid DuckDB database file")
                .contains("moved it to " + aside.get(0)).contains("none of its runs could be kept");
        assertThat(r.out()).contains("2 runs done");
        // The new database is the batch's: the next run resumes it and leaves the moved-aside file alone.
        CliRunner again = CliRunner.run("run", file.toString(), "--out", out.toString(), "--no-report");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("resuming: 2 of 2 runs already stored").doesNotContain("warning:");
        assertThat(Files.readAllBytes(aside.get(0))).isEqualTo(garbage);
    }

    @Test
    void a_results_database_cut_short_is_moved_aside_and_its_runs_run_again() throws IOException {
        Path file = dir.resolve("cut.yaml");
        Files.writeString(file, """
                city:
                  generate: {households: 20000, seed: 2}
                layouts:
                  - {name: grid-400, targetHouseholds: 400}
                replications: 2
                horizonDays: 5
                warmUpDays: 1
                """);
        Path out = dir.resolve("cut");
        assertThat(CliRunner.run("run", file.toString(), "--out", out.toString(), "--no-report").exitCode()).isZero();
        Path db = out.resolve(RunCommand.DATABASE);
        byte[] whole = Files.readAllBytes(db);
        Files.write(db, java.util.Arrays.copyOf(whole, whole.length / 2));
        CliRunner r = CliRunner.run("run", file.toString(), "--out", out.toString(), "--no-report");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: results database").contains(".corrupt-");
        assertThat(r.out()).contains("2 runs done");
    }

    @Test
    void a_batch_started_by_an_earlier_version_with_the_hash_of_the_file_bytes_resumes() throws Exception {
        Path file = dir.resolve("older.yaml");
        Files.writeString(file, """
                city:
                  generate: {households: 20000, seed: 2}
                layouts:
                  - {name: grid-400, targetHouseholds: 400}
                replications: 2
                horizonDays: 5
                warmUpDays: 1
                """);
        Path out = dir.resolve("older");
        assertThat(CliRunner.run("run", file.toString(), "--out", out.toString(), "--no-report").exitCode()).isZero();
        org.gridplan.scenarios.spec.Scenario s = new org.gridplan.scenarios.spec.ScenarioReader().read(file);
        String earlier = s.earlierHashes().get(0);
        try (ResultsStore store = ResultsStore.open(out.resolve(RunCommand.DATABASE));
                Statement st = store.connection().createStatement()) {
            st.execute("UPDATE batch SET scenario_hash = '" + earlier + "'");
            store.connection().commit();
        }
        CliRunner r = CliRunner.run("run", file.toString(), "--out", out.toString(), "--no-report");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("resuming: 2 of 2 runs already stored");
        try (ResultsStore store = ResultsStore.open(out.resolve(RunCommand.DATABASE))) {
            assertThat(store.batchInfo().orElseThrow().scenarioHash()).isEqualTo(s.hash());
        }
    }
}
