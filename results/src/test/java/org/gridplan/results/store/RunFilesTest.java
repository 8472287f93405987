package org.gridplan.results.store;

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
import java.util.Optional;
import java.util.Set;
import org.gridplan.results.stats.Justification;
import org.gridplan.results.stats.ResponseHistogram;
import org.gridplan.sim.engine.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {

    @TempDir
    Path dir;

    private static final BatchInfo INFO = new BatchInfo("s", "abc123", 4);
    private static final List<Justification> WHY = List.of(new Justification("because", "因为"));

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
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

    private static RunResult run(int id) {
        return ResultsStoreTest.result(10 + id);
    }

    private static ResponseHistogram histogram(RunResult r) {
        return ResponseHistogram.of(r.incidents(), r.warmUpDays() * 24 * 60);
    }

    @Test
    void runs_loaded_from_their_files_equal_runs_written_directly_and_load_twice_without_doubling()
            throws SQLException, IOException {
        Path files = dir.resolve("parquet");
        List<String> written = new ArrayList<>();
        try (RunFiles w = RunFiles.open()) {
            for (int id = 0; id < 3; id++) {
                w.write(files, ResultsStoreTest.ok(id), Optional.of(run(id)), false, histogram(run(id)), WHY,
                        List.of("S1"), written::add);
            }
            w.write(files, new RunRecord(3, "grid-400", 0, "{}", 3, 103, RunRecord.FAILED, "boom", 0.1),
                    Optional.empty(), false, ResponseHistogram.EMPTY, List.of(), List.of(), written::add);
        }
        assertThat(written).endsWith("runs").contains("district_kpis", "grid_kpis", "justifications");
        assertThat(RunFiles.complete(files)).containsExactly(0, 1, 2, 3);
        try (ResultsStore direct = ResultsStore.open(dir.resolve("direct.duckdb"));
                ResultsStore loaded = ResultsStore.open(dir.resolve("loaded.duckdb"))) {
            direct.claim(INFO);
            loaded.claim(INFO);
            for (int id = 0; id < 3; id++) {
                direct.writeRun(ResultsStoreTest.ok(id), Optional.of(run(id)), false, histogram(run(id)),
                        id == 0 ? WHY : List.of(), id == 0 ? List.of("S1") : List.of());
            }
            direct.writeRun(new RunRecord(3, "grid-400", 0, "{}", 3, 103, RunRecord.FAILED, "boom", 0.1),
                    Optional.empty(), false);
            assertThat(loaded.load(files, Set.of(0, 1, 2, 3, 7))).isEqualTo(new RunFiles.Loaded(3, 1));
            assertThat(loaded.load(files, Set.of(1, 2))).isEqualTo(new RunFiles.Loaded(2, 0));
            for (String sql : QUERIES) {
                List<String> expected = rows(direct.connection(), sql);
                assertThat(rows(loaded.connection(), sql)).as(sql).isEqualTo(expected);
                if (!sql.contains("response_")) {
                    assertThat(expected).as(sql).isNotEmpty();
                }
            }
            assertThat(loaded.completedRunIds()).containsExactlyInAnyOrder(0, 1, 2);
        }
    }

    @Test
    void a_run_whose_files_are_incomplete_is_not_loaded_and_a_later_attempt_replaces_them()
            throws SQLException, IOException {
        Path files = dir.resolve("parquet");
        try (RunFiles w = RunFiles.open()) {
            // An attempt that died after its first files: no runs file, so the run is not complete.
            w.write(files, ResultsStoreTest.ok(0), Optional.of(run(0)), false, histogram(run(0)), WHY, List.of(),
                    t -> {
                        if (t.equals("grid_kpis")) {
                            throw new IllegalStateException("killed");
                        }
                    });
        } catch (IllegalStateException e) {
            assertThat(e).hasMessage("killed");
        }
        assertThat(Files.exists(RunFiles.file(files, "district_kpis", 0))).isTrue();
        assertThat(RunFiles.complete(files)).isEmpty();
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.duckdb"))) {
            store.claim(INFO);
            assertThat(store.load(files, Set.of(0))).isEqualTo(new RunFiles.Loaded(0, 0));
            assertThat(store.count(RunRecord.OK)).isZero();
            try (RunFiles w = RunFiles.open()) {
                w.write(files, ResultsStoreTest.ok(0), Optional.of(run(0)), false, histogram(run(0)), WHY,
                        List.of(), t -> { });
            }
            assertThat(RunFiles.removeTemporaries(files)).isZero();
            assertThat(store.load(files, Set.of(0))).isEqualTo(new RunFiles.Loaded(1, 0));
            assertThat(rows(store.connection(), "SELECT count(*) FROM district_kpis")).containsExactly("1|");
            assertThat(rows(store.connection(), "SELECT count(*) FROM grid_kpis")).containsExactly("2|");
        }
    }
}
