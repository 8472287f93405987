package org.gridplan.results.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridplan.results.stats.Justification;
import org.gridplan.results.stats.ResponseHistogram;
import org.gridplan.sim.agent.WorkerRole;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.demand.EscalationLevel;
import org.gridplan.sim.engine.BacklogSeries;
import org.gridplan.sim.engine.GridKpis;
import org.gridplan.sim.engine.IncidentKpis;
import org.gridplan.sim.engine.RunResult;
import org.gridplan.sim.engine.Stats;
import org.gridplan.sim.engine.WorkerKpis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {

    @Test
    void a_duckdb_library_that_cannot_load_is_one_clear_error_not_a_stack_trace() {
        // What DuckDB's class initialiser throws when unpacking its library hits ulimit -f.
        assertThatThrownBy(() -> ResultsStore.connect(() -> {
            throw new ExceptionInInitializerError(new java.io.IOException("File too large"));
        })).isInstanceOf(SQLException.class)
                .hasMessageStartingWith("the DuckDB database library could not be loaded (File too large)")
                .hasMessageContaining("ulimit -f").hasMessageContaining(System.getProperty("java.io.tmpdir"));
        // Every later use of the class fails with NoClassDefFoundError.
        assertThatThrownBy(() -> ResultsStore.connect(() -> {
            throw new NoClassDefFoundError("Could not initialize class org.duckdb.DuckDBNative");
        })).isInstanceOf(SQLException.class).hasMessageContaining("could not be loaded (Could not initialize class");
    }

    @TempDir
    Path dir;

    private static final BatchInfo INFO = new BatchInfo("s", "abc123", 4);

    static RunResult result(double responseMean) {
        IncidentKpis k = new IncidentKpis(10, 2, 9, 8, 2, new Stats(9, responseMean, 10, 20, 25, 30),
                new Stats(8, 100, 90, 200, 250, 300), 0.6, Map.of(EscalationLevel.COMMUNITY, 3L), 0.5, 0.8);
        IncidentKpis empty = new IncidentKpis(0, 0, 0, 0, 0, Stats.EMPTY, Stats.EMPTY, Double.NaN,
                Map.of(), Double.NaN, Double.NaN);
        return new RunResult("c", "grid-400", 7, 30, 3, 12, 1000, k,
                List.of(new GridKpis("C1-G01", "C1", 400, k), new GridKpis("C1-G02", "C1", 350, empty)),
                List.of(new WorkerKpis("FT-C1-G01", WorkerType.FULL_TIME, WorkerRole.PRIMARY, "C1-G01", 9, 300, 1000,
                        0.3, 5000, 20, 22, false)),
                0.0, new BacklogSeries(60, List.of(1, 2, 3), List.of(0, 1, 0)), List.of(), List.of());
    }

    static RunRecord ok(int id) {
        return new RunRecord(id, "grid-400", 0, "{}", id, 100 + id, RunRecord.OK, "", 0.1);
    }

    @Test
    void writes_a_run_with_its_kpis_and_stores_nan_as_null() throws SQLException {
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.duckdb"))) {
            store.claim(INFO);
            store.writeRun(ok(0), Optional.of(result(12.5)), false);
            assertThat(store.completedRunIds()).containsExactly(0);
            assertThat(store.districtRows()).singleElement()
                    .satisfies(r -> assertThat(r.responseMean()).isEqualTo(12.5))
                    .satisfies(r -> assertThat(r.utilisation()).isEqualTo(0.3));
            try (Statement st = store.connection().createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*), count(response_mean) FROM grid_kpis")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
                assertThat(rs.getInt(2)).isEqualTo(1);
            }
        }
    }

    @Test
    void a_failed_run_is_replaced_when_it_succeeds_later() throws SQLException {
        Path file = dir.resolve("r.duckdb");
        try (ResultsStore store = ResultsStore.open(file)) {
            store.claim(INFO);
            store.writeRun(new RunRecord(1, "grid-400", 0, "{}", 1, 101, RunRecord.FAILED, "boom", 0.1),
                    Optional.empty(), false);
            assertThat(store.completedRunIds()).isEmpty();
        }
        try (ResultsStore store = ResultsStore.open(file)) {
            store.claim(INFO);
            store.writeRun(ok(1), Optional.of(result(3)), false);
            assertThat(store.count(RunRecord.OK)).isEqualTo(1);
            assertThat(store.count(RunRecord.FAILED)).isZero();
        }
    }

    @Test
    void a_write_that_fails_half_way_leaves_no_row_behind_for_the_next_run() throws SQLException {
        RunResult good = result(12.5);
        // A worker without a type fails the write after the district and grid rows are appended.
        RunResult broken = new RunResult(good.city(), good.layout(), good.seed(), good.horizonDays(),
                good.warmUpDays(), good.generated(), good.events(), good.district(), good.grids(),
                List.of(new WorkerKpis("FT-C1-G01", null, WorkerRole.PRIMARY, "C1-G01", 9, 300, 1000, 0.3, 5000,
                        20, 22, false)),
                0.0, good.backlog(), List.of(), List.of());
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.duckdb"))) {
            store.claim(INFO);
            assertThatThrownBy(() -> store.writeRun(ok(1), Optional.of(broken), false))
                    .isInstanceOf(NullPointerException.class);
            store.writeRun(ok(2), Optional.of(good), false);
            assertThat(store.completedRunIds()).containsExactly(2);
            for (String table : List.of("runs", "district_kpis", "grid_kpis", "worker_kpis", "backlog")) {
                try (Statement st = store.connection().createStatement();
                        ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE run_id = 1), "
                                + "count(*) FILTER (WHERE run_id = 2) FROM " + table)) {
                    rs.next();
                    assertThat(rs.getInt(1)).as(table + " rows of the failed write").isZero();
                    assertThat(rs.getInt(2)).as(table + " rows of the next run").isPositive();
                }
            }
        }
    }

    @Test
    void a_database_from_before_the_chinese_justifications_gains_the_column_and_keeps_its_rows() throws SQLException {
        Path file = dir.resolve("old.duckdb");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE justifications (layout VARCHAR, number INTEGER, text VARCHAR)");
            st.execute("INSERT INTO justifications VALUES ('current', 1, 'Stored in English only.')");
        }
        try (ResultsStore store = ResultsStore.open(file);
                Statement st = store.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT layout, text, text_zh FROM justifications")) {
            rs.next();
            assertThat(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
                    .isEqualTo("current|Stored in English only.|null");
        }
    }

    @Test
    void exports_a_database_stored_before_a_table_or_column_existed() throws SQLException {
        Path file = dir.resolve("older.duckdb");
        try (ResultsStore store = ResultsStore.open(file)) {
            store.claim(INFO);
            store.writeRun(ok(0), Optional.of(result(12.5)), false);
            try (Statement st = store.connection().createStatement()) {
                st.execute("DROP TABLE open_branches");
                st.execute("ALTER TABLE justifications DROP COLUMN point");
            }
            store.connection().commit();
        }
        try (java.sql.Connection c = ResultsStore.openReadOnly(file)) {
            List<Path> files = ResultsStore.export(c, dir.resolve("older"), ExportFormat.CSV);
            assertThat(files).hasSize(ResultsStore.TABLES.size() - 1)
                    .noneMatch(f -> f.getFileName().toString().startsWith("open_branches"));
            assertThat(dir.resolve("older/justifications.csv")).exists();
        }
    }

    @Test
    void refuses_a_database_of_another_scenario() throws SQLException {
        Path file = dir.resolve("r.duckdb");
        try (ResultsStore store = ResultsStore.open(file)) {
            store.claim(INFO);
        }
        try (ResultsStore store = ResultsStore.open(file)) {
            assertThatThrownBy(() -> store.claim(new BatchInfo("s", "def456", 4)))
                    .isInstanceOf(StoreMismatchException.class)
                    .hasMessageContaining("abc123").hasMessageContaining("def456").hasMessageContaining("changed");
        }
    }

    @Test
    void a_database_of_an_earlier_hash_of_the_same_scenario_is_claimed_and_takes_the_new_hash() throws SQLException {
        Path file = dir.resolve("r.duckdb");
        try (ResultsStore store = ResultsStore.open(file)) {
            store.claim(new BatchInfo("s", "bytes-hash", 4));
            store.writeRun(ok(0), Optional.of(result(1)), false);
        }
        try (ResultsStore store = ResultsStore.open(file)) {
            assertThatThrownBy(() -> store.claim(INFO)).isInstanceOf(StoreMismatchException.class);
            assertThatThrownBy(() -> store.claim(new BatchInfo("s", "abc123", 5), List.of("bytes-hash")))
                    .as("another run count is another batch").isInstanceOf(StoreMismatchException.class);
            store.claim(INFO, List.of("bytes-hash"));
            assertThat(store.batchInfo()).contains(INFO);
            assertThat(store.completedRunIds()).containsExactly(0);
        }
        try (ResultsStore store = ResultsStore.open(file)) {
            store.claim(INFO);
        }
    }

    @Test
    void exports_every_table_to_csv_and_parquet() throws Exception {
        Path file = dir.resolve("r.duckdb");
        try (ResultsStore store = ResultsStore.open(file)) {
            store.claim(INFO);
            store.writeRun(ok(0), Optional.of(result(12.5)), false);
            store.writeRun(ok(1), Optional.of(result(13.5)), false);
            List<Path> csv = store.export(dir.resolve("csv"), ExportFormat.CSV);
            assertThat(csv).hasSize(ResultsStore.TABLES.size()).allMatch(Files::isRegularFile);
            assertThat(Files.readAllLines(dir.resolve("csv/district_kpis.csv"))).hasSize(3);
            store.export(dir.resolve("pq"), ExportFormat.PARQUET);
            try (Statement st = store.connection().createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('"
                            + dir.resolve("pq/grid_kpis.parquet").toAbsolutePath() + "')")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(4);
            }
            store.connection().commit();
        }
    }

    @Test
    void stores_the_response_histogram_the_backlog_and_the_justifications_with_the_run() throws SQLException {
        ResponseHistogram h = ResponseHistogram.of(new double[] {0, 3.04, 2.96, 7.5, Double.NaN});
        List<Integer> open = new java.util.ArrayList<>();
        for (int k = 0; k < 2 * ResultsStore.BACKLOG_POINTS + 1; k++) {
            open.add(k % 2 == 0 ? 4 : 2);
        }
        RunResult base = result(12.5);
        RunResult r = new RunResult(base.city(), base.layout(), base.seed(), base.horizonDays(), base.warmUpDays(),
                base.generated(), base.events(), base.district(), base.grids(), base.workers(),
                base.visitTargetShare(), new BacklogSeries(60, open, open), List.of(), List.of());
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.duckdb"))) {
            store.claim(INFO);
            store.writeRun(ok(0), Optional.of(r), false, h,
                    List.of(new Justification("Grid C1-G01 keeps its worker.", "网格 C1-G01 保留其网格员。")));
            store.writeRun(ok(1), Optional.of(r), false, h, List.of());
            try (Statement st = store.connection().createStatement()) {
                // 0, 3.0 (twice, 3.04 and 2.96 both round to it), 7.5: three bins of four incidents.
                try (ResultSet rs = st.executeQuery("SELECT list(minutes ORDER BY minutes), sum(incidents) "
                        + "FROM response_histogram WHERE run_id = 0")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("[0.0, 3.0, 7.5]");
                    assertThat(rs.getInt(2)).isEqualTo(4);
                }
                // 1,441 hourly points in buckets of 3: 481 points, each the mean of 4, 2, 4 or 2, 4, 2,
                // but the last, which holds only the final point (4).
                try (ResultSet rs = st.executeQuery("SELECT count(*), min(open), max(open), min(hour), max(hour) "
                        + "FROM backlog WHERE run_id = 0")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(481).isLessThanOrEqualTo(ResultsStore.BACKLOG_POINTS);
                    assertThat(rs.getDouble(2)).isCloseTo(8.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
                    assertThat(rs.getDouble(3)).isEqualTo(4.0);
                    assertThat(rs.getDouble(4)).isEqualTo(1.0);
                    assertThat(rs.getDouble(5)).isEqualTo(1440.0);
                }
                // An empty list (a resumed run whose planner was never asked) keeps what is stored.
                try (ResultSet rs = st.executeQuery("SELECT layout, number, text, text_zh FROM justifications")) {
                    rs.next();
                    assertThat(rs.getString(1) + rs.getInt(2) + rs.getString(3) + rs.getString(4))
                            .isEqualTo("grid-4001Grid C1-G01 keeps its worker.网格 C1-G01 保留其网格员。");
                    assertThat(rs.next()).isFalse();
                }
            }
            store.connection().commit();
        }
    }

    @Test
    void a_failed_run_replaced_later_keeps_one_copy_of_its_histogram_and_backlog() throws SQLException {
        Path file = dir.resolve("r.duckdb");
        ResponseHistogram h = ResponseHistogram.of(new double[] {1, 2, 2});
        try (ResultsStore store = ResultsStore.open(file)) {
            store.claim(INFO);
            store.writeRun(new RunRecord(1, "grid-400", 0, "{}", 1, 101, RunRecord.FAILED, "boom", 0.1),
                    Optional.empty(), false, h, List.of());
        }
        try (ResultsStore store = ResultsStore.open(file)) {
            store.claim(INFO);
            store.writeRun(ok(1), Optional.of(result(3)), false, h, List.of());
            try (Statement st = store.connection().createStatement();
                    ResultSet rs = st.executeQuery("SELECT (SELECT sum(incidents) FROM response_histogram), "
                            + "(SELECT count(*) FROM backlog), (SELECT count(*) FROM runs)")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
                assertThat(rs.getInt(2)).isEqualTo(3);
                assertThat(rs.getInt(3)).isEqualTo(1);
            }
            store.connection().commit();
        }
    }
}
