package org.gridplan.results.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.gridplan.results.stats.ComparisonData;
import org.gridplan.results.stats.Justification;
import org.gridplan.results.stats.Kpi;
import org.gridplan.results.stats.ResponseHistogram;
import org.gridplan.results.stats.RunKpis;
import org.gridplan.results.stats.ScenarioSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The versioned schema: a database of an older batch, built here with the DDL of its time, is
 * migrated step by step to the current version when opened for writing, keeps its rows, ends with
 * the tables of a new database, and is read and written as one; and the schema of the current
 * version is pinned, so a changed table without a migration step fails here.
 */
class StoreSchemaTest {

    @TempDir
    Path dir;

    private static final String KEY = "run_id INTEGER, layout VARCHAR, point INTEGER, replication INTEGER";

    /** The database of the first batches (schema without a version, as {@code ResultsStore} made it then). */
    private static final List<String> FIRST_BATCHES = List.of(
            "CREATE TABLE batch (scenario VARCHAR, scenario_hash VARCHAR, total_runs INTEGER, created TIMESTAMP)",
            "CREATE TABLE runs (run_id INTEGER, layout VARCHAR, point INTEGER, sweep VARCHAR, replication INTEGER, "
                    + "seed BIGINT, status VARCHAR, error VARCHAR, seconds DOUBLE, finished TIMESTAMP)",
            "CREATE TABLE district_kpis (" + KEY + ", incidents BIGINT, generated BIGINT, patrol_discovered BIGINT, "
                    + "reached BIGINT, closed BIGINT, open BIGINT, response_mean DOUBLE, response_p50 DOUBLE, "
                    + "response_p90 DOUBLE, response_p95 DOUBLE, response_max DOUBLE, closure_mean DOUBLE, "
                    + "closure_p50 DOUBLE, closure_p90 DOUBLE, on_spot_share DOUBLE, escalated_community BIGINT, "
                    + "escalated_street BIGINT, escalated_department BIGINT, within5_share DOUBLE, "
                    + "within15_share DOUBLE, utilisation DOUBLE, full_time_utilisation DOUBLE, "
                    + "visit_target_share DOUBLE, backlog_open_mean DOUBLE, backlog_waiting_mean DOUBLE, "
                    + "workers INTEGER, grids INTEGER, events BIGINT)",
            "CREATE TABLE grid_kpis (" + KEY + ", grid VARCHAR, community VARCHAR, households INTEGER, "
                    + "incidents BIGINT, reached BIGINT, closed BIGINT, response_mean DOUBLE, response_p90 DOUBLE, "
                    + "closure_mean DOUBLE, on_spot_share DOUBLE, within15_share DOUBLE)",
            "CREATE TABLE worker_kpis (" + KEY + ", worker VARCHAR, type VARCHAR, role VARCHAR, grid VARCHAR, "
                    + "served BIGINT, busy_minutes DOUBLE, duty_minutes DOUBLE, utilisation DOUBLE, "
                    + "travel_metres DOUBLE, patrol_visits BIGINT, visits_per_month DOUBLE, "
                    + "meets_visit_target BOOLEAN)",
            "CREATE TABLE incidents (" + KEY + ", number INTEGER, category VARCHAR, grid VARCHAR, building VARCHAR, "
                    + "discovery VARCHAR, found_on_patrol BOOLEAN, worker VARCHAR, occurred DOUBLE, known DOUBLE, "
                    + "assigned DOUBLE, arrived DOUBLE, handled DOUBLE, escalation VARCHAR, work_order DOUBLE, "
                    + "level_done DOUBLE, closed DOUBLE, travel_metres DOUBLE)",
            "INSERT INTO batch VALUES ('old', 'abc123', 4, NULL)",
            "INSERT INTO runs VALUES (0, 'current', 0, '{}', 0, 100, 'ok', '', 1.5, NULL), "
                    + "(1, 'current', 0, '{}', 1, 101, 'ok', '', 1.5, NULL), "
                    + "(2, 'current', 0, '{}', 2, 102, 'failed', 'boom', 0.5, NULL)",
            "INSERT INTO district_kpis (run_id, layout, point, replication, incidents, response_mean, response_p90, "
                    + "utilisation) VALUES (0, 'current', 0, 0, 10, 12.5, 30, 0.4), (1, 'current', 0, 1, 12, 14.5, "
                            + "34, 0.5)",
            "INSERT INTO grid_kpis (run_id, layout, point, replication, grid, response_mean) "
                    + "VALUES (0, 'current', 0, 0, 'G1', 11)",
            "INSERT INTO worker_kpis (run_id, layout, point, replication, worker, served) "
                    + "VALUES (0, 'current', 0, 0, 'FT-1', 9)",
            "INSERT INTO incidents (run_id, layout, point, replication, number, category) "
                    + "VALUES (0, 'current', 0, 0, 1, 'repairs')");

    /**
     * What the batches of schema version 4 added to the first ones: the report's tables, the
     * Chinese justifications, and open branches per layout alone (before sweep points).
     */
    private static final List<String> VERSION_4 = List.of(
            "CREATE TABLE response_histogram (" + KEY + ", minutes DOUBLE, incidents INTEGER)",
            "CREATE TABLE backlog (" + KEY + ", hour DOUBLE, open DOUBLE, waiting DOUBLE)",
            "CREATE TABLE justifications (layout VARCHAR, number INTEGER, text VARCHAR, text_zh VARCHAR)",
            "CREATE TABLE settings (name VARCHAR, value VARCHAR)",
            "CREATE TABLE layouts (position INTEGER, layout VARCHAR, grids INTEGER, file VARCHAR)",
            "CREATE TABLE open_branches (layout VARCHAR, number INTEGER, site VARCHAR)",
            "INSERT INTO response_histogram VALUES (0, 'current', 0, 0, 1.5, 3)",
            "INSERT INTO justifications VALUES ('current', 1, 'Stored before points.', '存于点之前。')",
            "INSERT INTO open_branches VALUES ('current', 1, 'S1')");

    private static Path build(Path file, List<String> ddl) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement st = c.createStatement()) {
            for (String sql : ddl) {
                st.execute(sql);
            }
        }
        return file;
    }

    private static List<String> plus(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Every table of {@code c}'s database → its columns with their types, in physical order. */
    private static Map<String, List<String>> tables(Connection c) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT table_name, column_name, data_type FROM "
                        + "information_schema.columns ORDER BY table_name, ordinal_position")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2) + " "
                        + rs.getString(3));
            }
        }
        return out;
    }

    private Map<String, List<String>> newDatabaseTables() throws SQLException {
        try (ResultsStore store = ResultsStore.open(dir.resolve("new.duckdb"))) {
            Map<String, List<String>> out = tables(store.connection());
            store.connection().commit();
            return out;
        }
    }

    private static List<Object> column(Connection c, String sql) throws SQLException {
        List<Object> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getObject(1));
            }
        }
        return out;
    }

    @Test
    void a_new_database_is_created_at_the_current_version() throws SQLException {
        try (ResultsStore store = ResultsStore.open(dir.resolve("new.duckdb"))) {
            Connection c = store.connection();
            assertThat(StoreSchema.version(c)).isEqualTo(OptionalInt.of(StoreSchema.VERSION));
            assertThat(tables(c).keySet()).containsAll(StoreSchema.TABLES).contains(StoreSchema.VERSION_TABLE)
                    .hasSize(StoreSchema.TABLES.size() + 1);
            c.commit();
        }
    }

    @Test
    void a_database_of_the_first_batches_is_migrated_and_read_and_written_as_a_new_one() throws Exception {
        Map<String, List<String>> current = newDatabaseTables();
        Path file = build(dir.resolve("first.duckdb"), FIRST_BATCHES);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath())) {
            assertThat(StoreSchema.version(c)).isEmpty();
        }
        try (ResultsStore store = ResultsStore.open(file)) {
            Connection c = store.connection();
            assertThat(StoreSchema.version(c)).isEqualTo(OptionalInt.of(StoreSchema.VERSION));
            // The same tables and columns, in the same order, as a new database.
            assertThat(tables(c)).isEqualTo(current);
            c.commit();

            // The old rows, read through the store.
            assertThat(store.batchInfo()).contains(new BatchInfo("old", "abc123", 4));
            assertThat(store.completedRunIds()).containsExactlyInAnyOrder(0, 1);
            List<DistrictRow> rows = store.districtRows();
            assertThat(rows).extracting(DistrictRow::runId).containsExactly(0, 1);
            assertThat(rows.get(1).responseP90()).isEqualTo(34.0);
            assertThat(rows.get(0).value(Kpi.ON_TIME_CLOSURE)).isNaN();
            assertThat(column(c, "SELECT response_mean FROM grid_kpis")).containsExactly(11.0);
            assertThat(column(c, "SELECT outcome FROM incidents")).containsOnlyNulls().hasSize(1);
            c.commit();

            // Resuming: the failed run is replaced, with its plan, as in a new database.
            store.claim(new BatchInfo("old", "abc123", 4));
            store.writeRun(new RunRecord(2, "current", 0, "{}", 2, 102, RunRecord.OK, "", 0.1),
                    Optional.of(KpiTablesTest.distinct()),
                    true, ResponseHistogram.of(List.of(), 0), List.of(new Justification("Why.", "为何。")),
                    List.of("S2"));
            assertThat(store.count(RunRecord.OK)).isEqualTo(3);
            assertThat(store.count(RunRecord.FAILED)).isZero();
            assertThat(column(c, "SELECT routine_hours_week IS NOT NULL FROM district_kpis WHERE run_id = 2"))
                    .containsExactly(true);
            assertThat(column(c, "SELECT site FROM open_branches WHERE point = 0")).containsExactly("S2");
            c.commit();

            List<Path> files = store.export(dir.resolve("export"), ExportFormat.CSV);
            assertThat(files).hasSize(StoreSchema.TABLES.size()).allMatch(Files::isRegularFile);
            assertThat(Files.readAllLines(dir.resolve("export/district_kpis.csv"))).hasSize(4);
        }
        try (Connection c = ResultsStore.openReadOnly(file)) {
            ComparisonData.Builder b = ComparisonData.builder(new ScenarioSummary("s", "c", 1, Map.of(), 3, 1, ""));
            BatchReportLoader.readRuns(c, new BatchReportLoader.Axis(Map.of(0, 1.0), ""), b);
            List<RunKpis> runs = b.build().runs();
            assertThat(runs).hasSize(3);
            assertThat(runs.get(0).value(Kpi.P90_RESPONSE)).isEqualTo(30.0);
            assertThat(runs.get(0).value(Kpi.VISIT_COVERAGE)).isNaN();
        }
    }

    @Test
    void a_database_of_a_recorded_version_takes_the_steps_after_it() throws SQLException {
        Path file = build(dir.resolve("v4.duckdb"), plus(plus(FIRST_BATCHES, VERSION_4),
                List.of("CREATE TABLE schema_version (version INTEGER)", "INSERT INTO schema_version VALUES (4)")));
        try (ResultsStore store = ResultsStore.open(file)) {
            Connection c = store.connection();
            assertThat(StoreSchema.version(c)).isEqualTo(OptionalInt.of(StoreSchema.VERSION));
            Map<String, List<String>> t = tables(c);
            // Step 5: the point, NULL in the rows stored before (the plan of every point).
            assertThat(t.get("justifications")).endsWith("point INTEGER");
            assertThat(t.get("open_branches")).endsWith("point INTEGER");
            assertThat(column(c, "SELECT text_zh || coalesce(point, -1) FROM justifications"))
                    .containsExactly("存于点之前。-1");
            // Steps 6 and 7.
            assertThat(t.get("district_kpis")).contains("workload_share DOUBLE");
            assertThat(t).containsKey("response_breakdown");
            c.commit();
            // The open branches of a sweep point replace that point's alone.
            store.writeRun(new RunRecord(3, "current", 0, "{}", 3, 103, RunRecord.OK, "", 0.1),
                    Optional.of(ResultsStoreTest.result(12.5)),
                    false, ResponseHistogram.EMPTY, List.of(), List.of("S7"));
            assertThat(column(c, "SELECT site || coalesce(point, -1) FROM open_branches ORDER BY site"))
                    .containsExactly("S1-1", "S70");
            c.commit();
        }
    }

    @Test
    void every_step_is_applied_once_in_order() throws SQLException {
        Path file = dir.resolve("r.duckdb");
        try (ResultsStore store = ResultsStore.open(file)) {
            store.claim(new BatchInfo("s", "abc123", 4));
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement st = c.createStatement()) {
            // Were step 2 applied again, it would create the table dropped here.
            st.execute("DROP TABLE layouts");
        }
        try (ResultsStore store = ResultsStore.open(file)) {
            assertThat(tables(store.connection())).doesNotContainKey("layouts");
            store.connection().commit();
        }
        assertThat(StoreSchema.STEPS).extracting(StoreSchema.Step::version)
                .containsExactly(java.util.stream.IntStream.rangeClosed(1, StoreSchema.VERSION).boxed()
                        .toArray(Integer[]::new));
    }

    @Test
    void a_database_of_a_newer_version_is_left_as_it_is() throws SQLException {
        Path file = dir.resolve("newer.duckdb");
        try (ResultsStore store = ResultsStore.open(file)) {
            store.claim(new BatchInfo("s", "abc123", 4));
            try (Statement st = store.connection().createStatement()) {
                st.execute("UPDATE schema_version SET version = " + (StoreSchema.VERSION + 1));
                st.execute("ALTER TABLE district_kpis ADD COLUMN later_kpi DOUBLE");
            }
            store.connection().commit();
        }
        try (ResultsStore store = ResultsStore.open(file)) {
            store.writeRun(ResultsStoreTest.ok(0), Optional.of(ResultsStoreTest.result(12.5)), false);
            assertThat(StoreSchema.version(store.connection())).isEqualTo(OptionalInt.of(StoreSchema.VERSION + 1));
            assertThat(store.districtRows()).singleElement()
                    .satisfies(r -> assertThat(r.responseMean()).isEqualTo(12.5));
        }
    }

    @Test
    void a_step_that_fails_leaves_the_database_at_the_version_before_it() throws SQLException {
        // A view where step 2 creates the table: the step fails, the store does not open.
        Path file = build(dir.resolve("bad.duckdb"), plus(FIRST_BATCHES,
                List.of("CREATE VIEW backlog AS SELECT 1 AS hour")));
        assertThatThrownBy(() -> ResultsStore.open(file)).isInstanceOf(SQLException.class)
                .hasMessageContaining("schema version 2");
        try (Connection c = ResultsStore.openReadOnly(file)) {
            assertThat(StoreSchema.version(c)).isEqualTo(OptionalInt.of(1));
            assertThat(tables(c)).doesNotContainKeys("response_histogram", "justifications");
        }
    }

    /**
     * The schema of {@link StoreSchema#VERSION}, as in {@code schema.sql}. Changing a table (a
     * column declared in {@link KpiTables} included) without a migration step fails here: add the
     * step at the end of {@link StoreSchema#STEPS} and write the new schema to {@code schema.sql}.
     */
    @Test
    void the_schema_of_the_current_version_is_pinned() throws IOException {
        List<String> pinned;
        try (InputStream in = StoreSchemaTest.class.getResourceAsStream("schema.sql")) {
            pinned = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
        List<String> current = new ArrayList<>();
        current.add("-- schema_version " + StoreSchema.VERSION);
        current.addAll(StoreSchema.ddl());
        assertThat(current).as("the schema changed: add a step to StoreSchema.STEPS and write the new schema to "
                + "results/src/test/resources/org/gridplan/results/store/schema.sql").isEqualTo(pinned);
    }
}
