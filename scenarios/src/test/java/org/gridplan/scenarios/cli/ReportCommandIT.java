package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gridplan.results.stats.BatchStatus;
import org.gridplan.results.stats.ComparisonData;
import org.gridplan.results.stats.Kpi;
import org.gridplan.results.stats.PooledPercentiles;
import org.gridplan.results.stats.RunDetail;
import org.gridplan.results.stats.RunKpis;
import org.gridplan.results.store.BatchReportLoader;
import org.gridplan.results.store.ResultsStore;
import org.gridplan.sim.io.InputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small real batch (2 layouts × 2 replications over a few days) read back into the report's data,
 * and {@code gridplan report} on it and on every kind of bad input.
 */
class ReportCommandIT {

    @TempDir
    static Path dir;

    static Path batch;
    static CliRunner run;

    static final String SCENARIO = """
            name: small
            seed: 3
            city:
              generate: {households: 20000, seed: 4}
            layouts:
              - {name: current, targetHouseholds: 450}
              - {name: grid-350, targetHouseholds: 350}
            replications: 2
            horizonDays: 4
            warmUpDays: 1
            """;

    @BeforeAll
    static void runs_a_small_batch() throws IOException {
        Path file = dir.resolve("small.yaml");
        Files.writeString(file, SCENARIO);
        batch = dir.resolve("batch");
        run = CliRunner.run("run", file.toString(), "--out", batch.toString(), "--threads", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void run_writes_a_self_contained_batch_folder_and_its_report() throws IOException {
        assertThat(batch.resolve("city.geojson")).isRegularFile();
        assertThat(batch.resolve("layouts/1-current.geojson")).isRegularFile();
        assertThat(batch.resolve("layouts/2-grid-350.geojson")).isRegularFile();
        assertThat(run.out()).contains("report: " + batch.resolve("report.html"));
        String html = Files.readString(batch.resolve("report.html"));
        assertThat(html).contains("<title>Layout comparison: small</title>").contains("id=\"map-2\"")
                .contains("No plan was optimised in this batch").doesNotContain("NaN");
    }

    @Test
    void the_loader_reads_back_what_the_runs_stored() throws SQLException {
        ComparisonData data = BatchReportLoader.load(batch);
        assertThat(data.layouts()).containsExactly("current", "grid-350");
        assertThat(data.baseline()).isEqualTo("current");
        assertThat(data.scenario().name()).isEqualTo("small");
        assertThat(data.scenario().households()).isEqualTo(20000);
        assertThat(data.scenario().replications()).isEqualTo(2);
        assertThat(data.scenario().seed()).isEqualTo(3);
        assertThat(data.scenario().sweepParameter()).isEmpty();
        assertThat(data.status()).contains(new BatchStatus(4, 4, 0, false));
        assertThat(data.justifications()).isEmpty();
        assertThat(data.runs()).hasSize(4);
        assertThat(data.details()).hasSize(4);

        Map<String, double[]> stored = new HashMap<>();
        Map<String, Integer> staffed = new HashMap<>();
        Map<String, Double> gridP90 = new HashMap<>();
        try (Connection c = ResultsStore.openReadOnly(batch.resolve(RunCommand.DATABASE));
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT layout, replication, response_mean, response_p90, "
                    + "closure_mean, utilisation, reached, grids FROM district_kpis")) {
                while (rs.next()) {
                    stored.put(rs.getString(1) + "/" + rs.getInt(2), new double[] {rs.getDouble(3), rs.getDouble(4),
                        rs.getDouble(5), rs.getDouble(6), rs.getLong(7), rs.getInt(8)});
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT layout, replication, count(*) FROM worker_kpis "
                    + "WHERE duty_minutes > 0 GROUP BY ALL")) {
                while (rs.next()) {
                    staffed.put(rs.getString(1) + "/" + rs.getInt(2), rs.getInt(3));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT layout, replication, grid, response_p90 FROM grid_kpis "
                    + "WHERE response_p90 IS NOT NULL")) {
                while (rs.next()) {
                    gridP90.put(rs.getString(1) + "/" + rs.getInt(2) + "/" + rs.getString(3), rs.getDouble(4));
                }
            }
        }
        for (RunKpis r : data.runs()) {
            double[] s = stored.get(r.layout() + "/" + r.replication());
            assertThat(r.value(Kpi.MEAN_RESPONSE)).isEqualTo(s[0]);
            assertThat(r.value(Kpi.P90_RESPONSE)).isEqualTo(s[1]);
            assertThat(r.value(Kpi.MEAN_CLOSURE)).isEqualTo(s[2]);
            assertThat(r.value(Kpi.UTILISATION)).isEqualTo(s[3]);
        }
        for (RunDetail d : data.details()) {
            String key = d.layout() + "/" + d.replication();
            double[] s = stored.get(key);
            double[] response = d.responseMinutes();
            // Every reached incident is there, each rounded to 0.1 min: the mean and the nearest-rank
            // p90 of the samples are within half a bin of the exact ones.
            assertThat((long) response.length).as(key).isEqualTo((long) s[4]).isGreaterThan(20);
            assertThat(Arrays.stream(response).average().orElseThrow()).isCloseTo(s[0], within(0.05));
            double[] sorted = response.clone();
            Arrays.sort(sorted);
            assertThat(PooledPercentiles.rank(sorted, 0.9)).isCloseTo(s[1], within(0.0501));
            assertThat(d.workerUtilisation()).as(key).hasSize(staffed.get(key));
            // The backlog covers the four days from the start, hour by hour.
            double[] hours = d.backlogHours();
            assertThat(hours).hasSize(96);
            assertThat(hours[0]).isZero();
            assertThat(hours[95]).isEqualTo(95.0);
            assertThat(Arrays.stream(d.backlogOpen()).min().orElseThrow()).isGreaterThanOrEqualTo(0);
            assertThat(Arrays.stream(d.backlogOpen()).max().orElseThrow()).isGreaterThan(0);
            assertThat(d.gridKpis()).hasSize((int) s[5]);
            d.gridKpis().forEach((grid, m) -> {
                Double p90 = gridP90.get(key + "/" + grid);
                assertThat(m.get(Kpi.P90_RESPONSE)).as(grid).isEqualTo(p90);
                assertThat(m.get(Kpi.UTILISATION)).as(grid).isNotNull().isBetween(0.0, 2.0);
            });
        }
        assertThat(data.map()).hasValueSatisfying(m -> {
            assertThat(m.layouts().keySet()).containsExactly("current", "grid-350");
            assertThat(m.layouts().get("grid-350").gridCount())
                    .isEqualTo(data.scenario().gridsPerLayout().get("grid-350"))
                    .isGreaterThan(data.scenario().gridsPerLayout().get("current"));
            assertThat(m.city().households()).isEqualTo(20000);
        });
    }

    @Test
    void report_writes_the_chinese_report_where_asked() throws IOException {
        Path target = dir.resolve("zh/report-zh.html");
        CliRunner r = CliRunner.run("report", batch.toString(), "--lang", "zh", "--out", target.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("report: " + target + " (");
        assertThat(r.err()).isEmpty();
        String html = Files.readString(target);
        assertThat(html).contains("<html lang=\"zh-CN\">").contains("网格划分方案比选：small").contains("本批次未进行方案优化")
                .doesNotContain("NaN");
        for (String id : List.of("response-cdf", "response-box", "kpi-minutes", "kpi-hours", "kpi-percent",
                "utilisation", "backlog", "no-tradeoff", "map-1", "map-2")) {
            assertThat(html).contains("id=\"" + id + "\"");
        }
    }

    @Test
    void report_accepts_the_database_file_for_its_folder() throws IOException {
        Path target = dir.resolve("from-db.html");
        CliRunner r = CliRunner.run("report", batch.resolve("results.duckdb").toString(), "--out", target.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(target)).isEqualTo(Files.readString(batch.resolve("report.html")));
    }

    @Test
    void report_help_explains_every_option() {
        // picocli warns on System.err about a stray % in a description and prints the raw text.
        java.io.PrintStream systemErr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        CliRunner r;
        CliRunner run;
        try {
            System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
            r = CliRunner.run("report", "--help");
            run = CliRunner.run("run", "--help");
        } finally {
            System.setErr(systemErr);
        }
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("BATCH").contains("--lang").contains("--out").contains("--point")
                .contains("self-contained HTML").contains("95% intervals").contains("missing or failed runs");
        assertThat(r.err()).isEmpty();
        assertThat(run.out()).contains("95% intervals").contains("--no-report");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void a_missing_folder_exits_2_and_writes_nothing() {
        Path missing = dir.resolve("nowhere");
        CliRunner r = CliRunner.run("report", missing.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + missing + ": no such batch folder\n");
        assertThat(missing).doesNotExist();
    }

    @Test
    void a_folder_without_a_results_database_exits_2_and_writes_nothing() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRunner r = CliRunner.run("report", empty.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("error: " + empty + ": no results database results.duckdb");
        try (Stream<Path> files = Files.list(empty)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void bad_options_exit_2_naming_the_option() throws IOException {
        CliRunner lang = CliRunner.run("report", batch.toString(), "--lang", "fr", "--out",
                dir.resolve("fr.html").toString());
        assertThat(lang.exitCode()).isEqualTo(2);
        assertThat(lang.err()).isEqualTo("error: --lang fr: expected en or zh\n");
        CliRunner point = CliRunner.run("report", batch.toString(), "--point", "3", "--out",
                dir.resolve("p3.html").toString());
        assertThat(point.exitCode()).isEqualTo(2);
        assertThat(point.err()).contains("sweep point 3 has no stored runs; points with runs: [0]");
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        CliRunner out = CliRunner.run("report", batch.toString(), "--out", folder.toString());
        assertThat(out.exitCode()).isEqualTo(2);
        assertThat(out.err()).contains("--out " + folder + ": is a folder");
        assertThat(dir.resolve("fr.html")).doesNotExist();
        assertThat(dir.resolve("p3.html")).doesNotExist();
    }

    @Test
    void a_batch_folder_missing_its_city_file_exits_2_naming_it() throws IOException {
        Path copy = copyOfBatch("no-city");
        Files.delete(copy.resolve("city.geojson"));
        CliRunner r = CliRunner.run("report", copy.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(copy.resolve("city.geojson") + ": the batch's city file is missing");
        assertThat(copy.resolve("report.html")).doesNotExist();
    }

    @Test
    void an_incomplete_batch_is_reported_with_a_warning_on_the_console_and_in_the_report() throws Exception {
        Path copy = copyOfBatch("incomplete");
        try (ResultsStore store = ResultsStore.open(copy.resolve(RunCommand.DATABASE));
                Statement st = store.connection().createStatement()) {
            st.execute("UPDATE runs SET status = 'failed', error = 'killed' WHERE run_id = 3");
            st.execute("DELETE FROM district_kpis WHERE run_id = 3");
            store.connection().commit();
        }
        CliRunner r = CliRunner.run("report", copy.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: incomplete batch: 3 of 4 runs stored (1 failed)");
        String html = Files.readString(copy.resolve("report.html"));
        assertThat(html).contains("<section id=\"incomplete\"").contains("Only 3 of the batch&#39;s 4 runs are stored "
                + "(1 failed)").contains("3 of 4, 1 failed").doesNotContain("NaN");
    }

    @Test
    void a_database_with_no_completed_run_exits_2() throws Exception {
        Path copy = copyOfBatch("none");
        try (ResultsStore store = ResultsStore.open(copy.resolve(RunCommand.DATABASE));
                Statement st = store.connection().createStatement()) {
            st.execute("UPDATE runs SET status = 'failed', error = 'killed'");
            store.connection().commit();
        }
        CliRunner r = CliRunner.run("report", copy.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no run of batch 'small' has completed (4 failed of 4)");
        assertThat(copy.resolve("report.html")).doesNotExist();
    }

    @Test
    void report_writes_every_chart_as_png_and_svg_when_asked() throws IOException {
        Path charts = dir.resolve("charts");
        CliRunner r = CliRunner.run("report", batch.toString(), "--out", dir.resolve("with-charts.html").toString(),
                "--charts", charts.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("charts: " + charts);
        for (String id : List.of("response-cdf", "response-box", "utilisation", "backlog")) {
            byte[] png = Files.readAllBytes(charts.resolve(id + ".png"));
            assertThat(png.length).as(id).isGreaterThan(1000);
            assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
            assertThat(Files.readString(charts.resolve(id + ".svg"))).as(id).contains("<svg");
        }
        // Every SVG, charts and maps, is a well-formed XML document with the SVG root (xmlns was written twice).
        List<Path> svgs;
        try (Stream<Path> files = Files.list(charts)) {
            svgs = files.filter(f -> f.toString().endsWith(".svg")).sorted().toList();
        }
        assertThat(svgs).hasSizeGreaterThan(4);
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (Path svg : svgs) {
            org.w3c.dom.Element root;
            try {
                root = factory.newDocumentBuilder().parse(svg.toFile()).getDocumentElement();
            } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
                throw new AssertionError(svg.getFileName() + " is not well-formed XML: " + e.getMessage(), e);
            }
            assertThat(root.getLocalName()).as(svg.getFileName().toString()).isEqualTo("svg");
            assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        }
    }

    @Test
    void report_refuses_to_write_over_a_file_of_the_batch() throws IOException {
        Path copy = copyOfBatch("over-city");
        byte[] city = Files.readAllBytes(copy.resolve("city.geojson"));
        CliRunner r = CliRunner.run("report", copy.toString(), "--out", copy.resolve("layouts/../city.geojson")
                .toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().trim()).startsWith("error: --out " + copy.resolve("layouts/../city.geojson"))
                .contains("is the input BATCH " + copy.resolve("city.geojson")).doesNotContain("\n");
        assertThat(Files.readAllBytes(copy.resolve("city.geojson"))).isEqualTo(city);
    }

    @Test
    void a_layout_file_the_database_names_outside_the_batch_folder_is_refused() throws Exception {
        Path copy = copyOfBatch("escaping-layout");
        Path outside = dir.resolve("outside.geojson");
        try (Stream<Path> layouts = Files.list(copy.resolve("layouts"))) {
            // A real layout file, so only where it lies is wrong.
            Files.copy(layouts.sorted().findFirst().orElseThrow(), outside);
        }
        try (ResultsStore store = ResultsStore.open(copy.resolve(RunCommand.DATABASE));
                Statement st = store.connection().createStatement()) {
            st.execute("UPDATE layouts SET file = '../outside.geojson' WHERE position = (SELECT min(position) FROM "
                    + "layouts)");
            store.connection().commit();
        }
        CliRunner r = CliRunner.run("report", copy.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().trim()).contains("'../outside.geojson', which is outside the batch folder " + copy)
                .doesNotContain("\n");
        assertThat(copy.resolve("report.html")).doesNotExist();
    }

    @Test
    void a_file_given_for_the_batch_folder_is_named_as_a_file() throws IOException {
        Path file = dir.resolve("not-a-batch.txt");
        Files.writeString(file, "x");
        CliRunner r = CliRunner.run("report", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("not-a-batch.txt: a file, not a batch folder");
    }

    @Test
    void the_loader_names_the_folder_when_it_is_not_a_batch() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BatchReportLoader.load(dir.resolve("nowhere")))
                .isInstanceOf(InputException.class).hasMessageContaining("nowhere: no such batch folder");
    }

    @Test
    void a_single_replication_batch_says_intervals_are_unavailable_and_never_prints_nan() throws IOException {
        Path file = dir.resolve("one.yaml");
        Files.writeString(file, SCENARIO.replace("replications: 2", "replications: 1").replace("name: small",
                "name: one"));
        Path out = dir.resolve("one");
        CliRunner r = CliRunner.run("run", file.toString(), "--out", out.toString(), "--threads", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("intervals unavailable (1 replication)")
                .contains("Value of the single replication; intervals unavailable (1 replication).")
                .doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void run_writes_no_report_when_told_not_to_and_the_scenarios_language_otherwise() throws IOException {
        Path file = dir.resolve("zh.yaml");
        Files.writeString(file, SCENARIO.replace("replications: 2", "replications: 1")
                + "outputs: {reportLanguage: zh}\n");
        Path skipped = dir.resolve("skipped");
        CliRunner no = CliRunner.run("run", file.toString(), "--out", skipped.toString(), "--no-report");
        assertThat(no.exitCode()).as(no.err()).isZero();
        assertThat(no.out()).doesNotContain("report:");
        assertThat(skipped.resolve("report.html")).doesNotExist();
        // The same batch resumed (nothing left to run) writes the report, in the scenario's language.
        CliRunner zh = CliRunner.run("run", file.toString(), "--out", skipped.toString());
        assertThat(zh.exitCode()).as(zh.err()).isZero();
        assertThat(Files.readString(skipped.resolve("report.html"))).contains("<html lang=\"zh-CN\">");

        Path off = dir.resolve("off");
        Files.writeString(file, SCENARIO.replace("replications: 2", "replications: 1") + "outputs: {report: false}\n");
        CliRunner r = CliRunner.run("run", file.toString(), "--out", off.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(off.resolve("report.html")).doesNotExist();
        assertThat(off.resolve("city.geojson")).isRegularFile();
    }

    /** A copy of the batch folder (its database, city and layouts) to damage. */
    private static Path copyOfBatch(String name) throws IOException {
        Path copy = dir.resolve(name);
        try (Stream<Path> files = Files.walk(batch)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(batch.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("report.html")) {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }
}
