package org.gridplan.scenarios.batch;

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
import org.gridplan.results.stats.Justification;
import org.gridplan.results.store.ResultsStore;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.scenarios.spec.ScenarioReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole batches on a small district: common random numbers and thread-count independence. */
class BatchRunnerIT {

    @TempDir
    static Path dir;
    static Scenario scenario;
    static ScenarioInputs inputs;

    @BeforeAll
    static void scenario() throws IOException {
        scenario = read(dir.resolve("crn.yaml"), new FieldStandardStaffing(), """
                city:
                  generate: {households: 20000, seed: 4}
                layouts:
                  - {name: grid-450, targetHouseholds: 450}
                  - {name: grid-320, targetHouseholds: 320}
                replications: 2
                horizonDays: 30
                warmUpDays: 2
                sweep:
                  parameters:
                    staffing.partTimePerCommunity: [0, 3]
                outputs: {incidents: true}
                """);
        inputs = ScenarioInputs.load(scenario);
    }

    /** Writes {@code yaml} to {@code file} and reads it for a build with {@code planner}. */
    static Scenario read(Path file, StaffingPlanner planner, String yaml) throws IOException {
        Files.writeString(file, yaml);
        return new ScenarioReader(planner.capabilities()).read(file);
    }

    /** Runs the whole batch into a fresh database {@code db} and checks that every run completed. */
    static Path runBatch(Path db, StaffingPlanner planner, int threads, Scenario scenario, ScenarioInputs inputs)
            throws SQLException {
        try (ResultsStore store = ResultsStore.open(db)) {
            BatchOutcome o = new BatchRunner(planner, threads, BatchProgress.silent()).run(scenario, inputs, store);
            assertThat(o.complete()).isTrue();
            assertThat(o.ran()).isEqualTo(scenario.runCount());
        }
        return db;
    }

    private static Path runBatch(String name, int threads) throws SQLException {
        assertThat(scenario.runCount()).isEqualTo(8);
        return runBatch(dir.resolve(name + ".duckdb"), new FieldStandardStaffing(), threads, scenario, inputs);
    }

    /** The field standard, for tests that change one answer of the planner. */
    private static class FieldStandardPlanner implements StaffingPlanner {
        private final FieldStandardStaffing standard = new FieldStandardStaffing();

        @Override
        public Scenario.Optimise capabilities() {
            return standard.capabilities();
        }

        @Override
        public org.gridplan.sim.agent.Staffing plan(org.gridplan.sim.model.City city,
                org.gridplan.sim.model.GridLayout layout, org.gridplan.scenarios.spec.RunSettings settings,
                Scenario.Optimise optimise) {
            return standard.plan(city, layout, settings, optimise);
        }
    }

    static List<String> rows(Path db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ResultsStore.openReadOnly(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(rs.getString(i)).append('|');
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    @Test
    void the_same_batch_gives_identical_results_with_one_and_two_threads_and_layouts_share_incident_streams()
            throws SQLException {
        Path one = runBatch("one", 1);
        Path two = runBatch("two", 2);
        for (String sql : List.of(
                "SELECT * EXCLUDE (seconds, finished) FROM runs ORDER BY run_id",
                "SELECT * FROM district_kpis ORDER BY run_id",
                "SELECT * FROM grid_kpis ORDER BY run_id, grid",
                "SELECT * FROM worker_kpis ORDER BY run_id, worker",
                "SELECT * FROM incidents ORDER BY run_id, number")) {
            List<String> a = rows(one, sql);
            assertThat(a).as(sql).isNotEmpty().isEqualTo(rows(two, sql));
        }

        // Common random numbers: in replication r, both layouts and both sweep points see the same
        // incidents (occurrence time, building, category), though grids and outcomes differ.
        String stream = "SELECT number, occurred, building, category FROM incidents i JOIN runs r USING (run_id) "
                + "WHERE r.layout = '%s' AND r.point = %d AND r.replication = %d ORDER BY number";
        for (int rep = 0; rep < 2; rep++) {
            List<String> base = rows(one, String.format(stream, "grid-450", 0, rep));
            assertThat(base).hasSizeGreaterThan(100);
            assertThat(rows(one, String.format(stream, "grid-320", 0, rep))).isEqualTo(base);
            assertThat(rows(one, String.format(stream, "grid-320", 1, rep))).isEqualTo(base);
            assertThat(rows(one, String.format(stream, "grid-450", 1 - rep, 1 - rep))).isNotEqualTo(base);
        }
        assertThat(rows(one, "SELECT count(DISTINCT grid) FROM grid_kpis WHERE layout = 'grid-450'"))
                .isNotEqualTo(rows(one, "SELECT count(DISTINCT grid) FROM grid_kpis WHERE layout = 'grid-320'"));
    }

    @Test
    void a_rerun_on_a_complete_database_runs_nothing() throws SQLException {
        Path db = runBatch("again", 2);
        try (ResultsStore store = ResultsStore.open(db)) {
            BatchOutcome o = new BatchRunner(new FieldStandardStaffing(), 2, BatchProgress.silent())
                    .run(scenario, inputs, store);
            assertThat(o.resumed()).isEqualTo(8);
            assertThat(o.ran()).isZero();
            assertThat(o.complete()).isTrue();
        }
    }

    @Test
    void stores_each_runs_response_histogram_from_its_incidents_and_the_plans_justifications_for_the_report()
            throws SQLException {
        Path folder = dir.resolve("justified");
        StaffingPlanner planner = new FieldStandardPlanner() {
            @Override
            public List<Justification> justifications(org.gridplan.sim.model.City city,
                    org.gridplan.sim.model.GridLayout layout, org.gridplan.scenarios.spec.RunSettings settings,
                    Scenario.Optimise optimise) {
                // Each sweep point (0 or 3 part-time workers per community) has a plan of its own.
                int n = settings.staffing().partTimePerCommunity();
                return layout.name().equals("grid-320") ? List.of(
                        new Justification("Every grid keeps one full-time worker.", "每个网格保留一名专职网格员。"),
                        new Justification(n + " part-time workers per community.", "每个社区 " + n + " 名兼职网格员。"))
                        : List.of();
            }
        };
        Path db = folder.resolve("results.duckdb");
        try (ResultsStore store = ResultsStore.open(createDirectories(folder).resolve("results.duckdb"))) {
            assertThat(new BatchRunner(planner, 2, BatchProgress.silent()).run(scenario, inputs, store).complete())
                    .isTrue();
        }
        // The histogram holds every reached incident of the log, each rounded to 0.1 min.
        List<String> fromLog = rows(db, "SELECT run_id, count(*), round(avg(arrived - known), 1) FROM incidents "
                + "WHERE arrived IS NOT NULL GROUP BY run_id ORDER BY run_id");
        List<String> fromHistogram = rows(db, "SELECT run_id, sum(incidents), round(sum(minutes * incidents) / "
                + "sum(incidents), 1) FROM response_histogram GROUP BY run_id ORDER BY run_id");
        assertThat(fromHistogram).hasSize(8);
        for (int k = 0; k < 8; k++) {
            String[] a = fromLog.get(k).split("\\|");
            String[] b = fromHistogram.get(k).split("\\|");
            assertThat(b[1]).isEqualTo(a[1]);
            assertThat(Double.parseDouble(b[2])).isCloseTo(Double.parseDouble(a[2]),
                    org.assertj.core.data.Offset.offset(0.11));
        }
        assertThat(rows(db, "SELECT layout, point, number, text, text_zh FROM justifications ORDER BY point, number"))
                .containsExactly(
                        "grid-320|0|1|Every grid keeps one full-time worker.|每个网格保留一名专职网格员。|",
                        "grid-320|0|2|0 part-time workers per community.|每个社区 0 名兼职网格员。|",
                        "grid-320|1|1|Every grid keeps one full-time worker.|每个网格保留一名专职网格员。|",
                        "grid-320|1|2|3 part-time workers per community.|每个社区 3 名兼职网格员。|");

        var data = org.gridplan.results.store.BatchReportLoader.load(folder);
        assertThat(data.justifications()).extracting(Justification::english).containsExactly(
                "grid-320: Every grid keeps one full-time worker.", "grid-320: 0 part-time workers per community.");
        assertThat(data.justifications()).extracting(Justification::chinese).containsExactly(
                "grid-320：每个网格保留一名专职网格员。", "grid-320：每个社区 0 名兼职网格员。");
        String html = new org.gridplan.results.report.ReportWriter(org.gridplan.results.report.ReportOptions.of(
                org.gridplan.results.chart.Lang.EN)).html(data);
        assertThat(html).contains("<li>grid-320: 0 part-time workers per community.</li>")
                .doesNotContain("No plan was optimised");
        // The report at the second sweep point shows that point's plan.
        assertThat(org.gridplan.results.store.BatchReportLoader.load(folder, 1).justifications())
                .extracting(Justification::english).containsExactly(
                        "grid-320: Every grid keeps one full-time worker.",
                                "grid-320: 3 part-time workers per community.");
        // Rows stored before sweep points were (point NULL) stand in only where a point has none of its own.
        try (ResultsStore store = ResultsStore.open(db); java.sql.Statement st = store.connection().createStatement()) {
            st.execute("INSERT INTO justifications (layout, number, text, text_zh) VALUES "
                    + "('grid-450', 1, 'Stored before points.', NULL), ('grid-320', 1, 'Old grid-320 text.', NULL)");
            store.connection().commit();
        }
        assertThat(org.gridplan.results.store.BatchReportLoader.load(folder, 1).justifications())
                .extracting(Justification::english).containsExactly("grid-450: Stored before points.",
                        "grid-320: Every grid keeps one full-time worker.",
                                "grid-320: 3 part-time workers per community.");
    }

    @Test
    void a_batch_with_failed_runs_is_reported_from_the_runs_that_completed_and_says_so() throws SQLException {
        Path folder = dir.resolve("failing");
        StaffingPlanner planner = new FieldStandardPlanner() {
            @Override
            public org.gridplan.sim.agent.Staffing plan(org.gridplan.sim.model.City city,
                    org.gridplan.sim.model.GridLayout layout, org.gridplan.scenarios.spec.RunSettings settings,
                    Scenario.Optimise optimise) {
                if (layout.name().equals("grid-320")) {
                    throw new IllegalStateException("no plan for " + layout.name());
                }
                return super.plan(city, layout, settings, optimise);
            }
        };
        try (ResultsStore store = ResultsStore.open(createDirectories(folder).resolve("results.duckdb"))) {
            BatchOutcome o = new BatchRunner(planner, 2, BatchProgress.silent()).run(scenario, inputs, store);
            assertThat(o.failed()).isEqualTo(4);
        }
        var data = org.gridplan.results.store.BatchReportLoader.load(folder);
        assertThat(data.status()).contains(new org.gridplan.results.stats.BatchStatus(8, 4, 4, false));
        assertThat(data.layouts()).containsExactly("grid-450");
        // Two sweep points (part-time workers per community 0 and 3) × two replications.
        assertThat(data.runs()).hasSize(4);
        assertThat(data.sweepPoints()).containsExactly(0.0, 3.0);
        String html = new org.gridplan.results.report.ReportWriter(org.gridplan.results.report.ReportOptions.of(
                org.gridplan.results.chart.Lang.EN)).html(data);
        assertThat(html).contains("Only 4 of the batch&#39;s 8 runs are stored (4 failed).")
                .contains("Only one layout (grid-450) was simulated, so the sweep points are compared instead")
                .doesNotContain("NaN");
    }

    private static Path createDirectories(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
