package org.gridplan.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridplan.results.store.ResultsStore;
import org.gridplan.scenarios.batch.BatchEngine;
import org.gridplan.scenarios.batch.BatchOutcome;
import org.gridplan.scenarios.batch.BatchProgress;
import org.gridplan.scenarios.batch.BatchRunner;
import org.gridplan.scenarios.batch.FieldStandardStaffing;
import org.gridplan.scenarios.batch.ScenarioInputs;
import org.gridplan.scenarios.cli.Main;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.scenarios.spec.ScenarioReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine in local mode against the local runner on one tiny batch (a 20,000-household
 * district, two layouts, two sweep points, two replications of eight days): the same rows, resume
 * without running again, and tasks killed half way retried without a doubled row.
 */
class SparkEngineIT {

    @TempDir
    static Path dir;
    static Path yaml;
    static Scenario scenario;
    static ScenarioInputs inputs;
    static Path local;

    /** Every table of a run's rows, in a fixed order; the runs table without its wall times. */
    private static final List<String> QUERIES = List.of(
            "SELECT * EXCLUDE (seconds, finished) FROM runs ORDER BY run_id",
            "SELECT * FROM district_kpis ORDER BY run_id",
            "SELECT * FROM grid_kpis ORDER BY run_id, grid",
            "SELECT * FROM worker_kpis ORDER BY run_id, worker",
            "SELECT * FROM response_breakdown ORDER BY run_id, kind",
            "SELECT * FROM response_histogram ORDER BY run_id, minutes",
            "SELECT * FROM backlog ORDER BY run_id, hour",
            "SELECT * FROM justifications ORDER BY layout, point, number",
            "SELECT * FROM open_branches ORDER BY layout, point, number");

    @BeforeAll
    static void batch() throws IOException, SQLException {
        yaml = dir.resolve("tiny.yaml");
        Files.writeString(yaml, """
                name: tiny
                city:
                  generate: {households: 20000, seed: 4}
                layouts:
                  - {name: grid-450, targetHouseholds: 450}
                  - {name: grid-320, targetHouseholds: 320}
                replications: 2
                horizonDays: 8
                warmUpDays: 1
                sweep:
                  parameters:
                    staffing.partTimePerCommunity: [0, 3]
                """);
        FieldStandardStaffing planner = new FieldStandardStaffing();
        scenario = new ScenarioReader(planner.capabilities()).read(yaml);
        inputs = ScenarioInputs.load(scenario);
        local = dir.resolve("local").resolve("results.duckdb");
        Files.createDirectories(local.getParent());
        try (ResultsStore store = ResultsStore.open(local)) {
            BatchOutcome o = new BatchRunner(planner, 2, BatchProgress.silent()).run(scenario, inputs, store);
            assertThat(o.complete()).isTrue();
        }
    }

    private static SparkBatchEngine engine(String master, TaskFault fault) {
        return new SparkBatchEngine(new BatchEngine.Request(yaml, Scenario.Overrides.NONE, new FieldStandardStaffing(),
                Optional.of(master), BatchProgress.silent(), new PrintWriter(new StringWriter())), fault);
    }

    private static BatchOutcome runSpark(Path db, String master, TaskFault fault) throws SQLException, IOException {
        Files.createDirectories(db.getParent());
        try (ResultsStore store = ResultsStore.open(db); SparkBatchEngine e = engine(master, fault)) {
            return e.run(scenario, inputs, store, r -> true);
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

    /** The Spark batch's database holds exactly the local runner's rows, each once. */
    private static void assertSameAsLocal(Path db) throws SQLException {
        for (String sql : QUERIES) {
            List<String> expected = rows(local, sql);
            assertThat(rows(db, sql)).as(sql).isEqualTo(expected);
        }
        assertThat(rows(local, "SELECT count(*) FROM grid_kpis")).isNotEqualTo(List.of("0|"));
        for (String t : List.of("runs", "district_kpis")) {
            assertThat(rows(db, "SELECT run_id FROM " + t + " GROUP BY run_id HAVING count(*) > 1")).as(t).isEmpty();
        }
    }

    @Test
    void spark_in_local_mode_gives_the_local_runners_kpis_and_a_second_run_resumes_without_running()
            throws SQLException, IOException {
        assertThat(scenario.runCount()).isEqualTo(8);
        Path db = dir.resolve("spark").resolve("results.duckdb");
        BatchOutcome first = runSpark(db, "local[2]", TaskFault.NONE);
        assertThat(first.complete()).as(first.errors().toString()).isTrue();
        assertThat(first.ran()).isEqualTo(8);
        assertThat(first.threads()).isEqualTo(2);
        assertSameAsLocal(db);

        BatchOutcome again = runSpark(db, "local[2]", TaskFault.NONE);
        assertThat(again.resumed()).isEqualTo(8);
        assertThat(again.ran()).isZero();
        assertSameAsLocal(db);

        // A driver that stopped before loading what its tasks wrote: the next session loads the
        // files instead of running the runs again (no Spark job at all).
        Files.delete(db);
        BatchOutcome reloaded = runSpark(db, "local[2]", TaskFault.NONE);
        assertThat(reloaded.resumed()).isEqualTo(8);
        assertThat(reloaded.ran()).isZero();
        assertThat(reloaded.threads()).isZero();
        assertSameAsLocal(db);
    }

    @Test
    void tasks_killed_half_way_are_retried_by_spark_and_leave_no_doubled_row() throws SQLException, IOException {
        Path db = dir.resolve("killed").resolve("results.duckdb");
        // Run 1 dies after two of its files, run 6 after its last (the run is complete and may be
        // loaded before the retry writes it again): each on its first attempt only.
        TaskFault fault = (runId, attempt, table) -> {
            if (attempt == 0 && (runId == 1 && table.equals("grid_kpis") || runId == 6 && table.equals("runs"))) {
                throw new IllegalStateException("task killed (test)");
            }
        };
        BatchOutcome o = runSpark(db, "local[2,2]", fault);
        assertThat(o.complete()).as(o.errors().toString()).isTrue();
        assertThat(o.ran()).isEqualTo(8);
        assertThat(o.failed()).isZero();
        assertSameAsLocal(db);
    }

    @Test
    void a_task_that_fails_every_attempt_stops_the_job_and_the_next_run_completes_the_batch()
            throws SQLException, IOException {
        Path db = dir.resolve("failing").resolve("results.duckdb");
        TaskFault fault = (runId, attempt, table) -> {
            if (runId == 3 && table.equals("district_kpis")) {
                throw new IllegalStateException("task killed (test)");
            }
        };
        BatchOutcome o = runSpark(db, "local[2,2]", fault);
        assertThat(o.complete()).isFalse();
        assertThat(o.ran()).isLessThan(8);
        assertThat(o.failed()).isEqualTo(8 - o.ran());
        assertThat(o.errors()).singleElement().asString().startsWith("the Spark job stopped (")
                .contains("task killed (test)").endsWith("run the same command again to resume");
        BatchOutcome resumed = runSpark(db, "local[2]", TaskFault.NONE);
        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.resumed()).isEqualTo(o.ran());
        assertSameAsLocal(db);
    }

    @Test
    void gridplan_run_with_engine_spark_finds_the_engine_and_writes_the_batch() throws SQLException {
        Path out = dir.resolve("cli");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.commandLine(new PrintWriter(stdout, true), new PrintWriter(stderr, true)).execute("run",
                yaml.toString(), "--engine", "spark", "--master", "local[2]", "--out", out.toString(), "--no-report");
        assertThat(code).as(stderr.toString()).isZero();
        assertThat(stdout.toString()).startsWith("scenario tiny: ").contains("engine spark, master local[2]")
                .contains("8 runs done");
        assertSameAsLocal(out.resolve("results.duckdb"));
    }
}
