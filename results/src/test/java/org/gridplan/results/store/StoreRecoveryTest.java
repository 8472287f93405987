package org.gridplan.results.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridplan.results.store.ResultsStoreTest.ok;
import static org.gridplan.results.store.ResultsStoreTest.result;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gridplan.results.stats.Justification;
import org.gridplan.results.stats.ResponseHistogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreRecoveryTest {

    @TempDir
    Path dir;

    private static final BatchInfo INFO = new BatchInfo("s", "abc123", 6);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T08:15:30Z"), ZoneOffset.UTC);

    /** A database of {@link #INFO} with runs 0–3 done and run 4 failed. */
    private Path batchOfFourRuns(String name) throws SQLException {
        Path file = dir.resolve(name);
        try (ResultsStore store = ResultsStore.open(file)) {
            store.claim(INFO);
            for (int id = 0; id < 4; id++) {
                store.writeRun(ok(id), Optional.of(result(10 + id)), false, ResponseHistogram.EMPTY,
                        id == 0 ? List.of(new Justification("because", "因为")) : List.of());
            }
            store.writeRun(new RunRecord(4, "grid-400", 0, "{}", 4, 104, RunRecord.FAILED, "boom", 0.1),
                    Optional.empty(), false);
        }
        return file;
    }

    private static int count(ResultsStore store, String sql) throws SQLException {
        try (Statement st = store.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            int n = rs.getInt(1);
            store.connection().commit();
            return n;
        }
    }

    @Test
    void a_readable_database_is_opened_as_it_is() throws SQLException, IOException {
        Path file = batchOfFourRuns("results.duckdb");
        StoreRecovery.Opened o = StoreRecovery.open(file, CLOCK);
        try (ResultsStore store = o.store()) {
            assertThat(o.setAside()).isEmpty();
            assertThat(store.completedRunIds()).containsExactlyInAnyOrder(0, 1, 2, 3);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("corrupt"));
        }
    }

    @Test
    void a_file_of_garbage_is_moved_aside_with_its_bytes_and_a_new_database_starts() throws SQLException,
            IOException {
        Path file = dir.resolve("results.duckdb");
        byte[] garbage = "not a database, just bytes\n".repeat(300).getBytes(StandardCharsets.UTF_8);
        Files.write(file, garbage);
        StoreRecovery.Opened o = StoreRecovery.open(file, CLOCK);
        try (ResultsStore store = o.store()) {
            assertThat(o.setAside()).hasValueSatisfying(a -> {
                assertThat(a.file()).isEqualTo(dir.resolve("results.duckdb.corrupt-20261207-081530"));
                assertThat(a.reason()).contains("not a valid DuckDB database file");
            });
            assertThat(Files.readAllBytes(o.setAside().get().file())).isEqualTo(garbage);
            assertThat(store.batchInfo()).isEmpty();
            store.claim(INFO);
            store.writeRun(ok(0), Optional.of(result(1)), false);
            assertThat(store.completedRunIds()).containsExactly(0);

            StoreRecovery.Salvaged s = StoreRecovery.salvage(store, o.setAside().get().file(), INFO);
            assertThat(s.runs()).isZero();
            assertThat(s.note()).startsWith("it cannot be opened");
        }
    }

    @Test
    void a_second_damaged_file_in_the_same_second_gets_a_free_name_and_the_first_is_kept() throws IOException {
        Path file = dir.resolve("results.duckdb");
        Files.writeString(file, "first");
        Path first = StoreRecovery.moveAside(file, CLOCK);
        Files.writeString(file, "second");
        Path second = StoreRecovery.moveAside(file, CLOCK);
        assertThat(second).isEqualTo(dir.resolve("results.duckdb.corrupt-20261207-081530-2"));
        assertThat(Files.readString(first)).isEqualTo("first");
        assertThat(Files.readString(second)).isEqualTo("second");
        assertThat(file).doesNotExist();
    }

    @Test
    void a_database_cut_short_is_moved_aside_and_its_runs_are_run_again() throws SQLException, IOException {
        Path file = batchOfFourRuns("results.duckdb");
        byte[] whole = Files.readAllBytes(file);
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        Files.write(file, cut);
        StoreRecovery.Opened o = StoreRecovery.open(file, CLOCK);
        try (ResultsStore store = o.store()) {
            assertThat(o.setAside()).isPresent();
            assertThat(Files.readAllBytes(o.setAside().get().file())).isEqualTo(cut);
            StoreRecovery.Salvaged s = StoreRecovery.salvage(store, o.setAside().get().file(), INFO);
            assertThat(s.runs()).isZero();
            assertThat(store.completedRunIds()).isEmpty();
            assertThat(store.batchInfo()).contains(INFO);
        }
    }

    @Test
    void the_readable_runs_of_a_moved_aside_database_of_the_same_batch_are_copied_whole() throws SQLException,
            IOException {
        Path aside = StoreRecovery.moveAside(batchOfFourRuns("results.duckdb"), CLOCK);
        try (ResultsStore store = ResultsStore.open(dir.resolve("results.duckdb"))) {
            StoreRecovery.Salvaged s = StoreRecovery.salvage(store, aside, INFO);
            assertThat(s).isEqualTo(new StoreRecovery.Salvaged(4, 0, ""));
            assertThat(store.batchInfo()).contains(INFO);
            assertThat(store.completedRunIds()).containsExactlyInAnyOrder(0, 1, 2, 3);
            assertThat(count(store, "SELECT count(*) FROM runs")).as("the failed run is not copied").isEqualTo(4);
            assertThat(store.districtRows()).extracting(DistrictRow::responseMean).containsExactly(10.0, 11.0, 12.0,
                    13.0);
            for (String table : List.of("district_kpis", "grid_kpis", "worker_kpis", "backlog")) {
                assertThat(count(store, "SELECT count(DISTINCT run_id) FROM " + table)).as(table).isEqualTo(4);
            }
            try (java.sql.Connection old = ResultsStore.openReadOnly(aside)) {
                for (String table : StoreSchema.RUN_TABLES) {
                    try (Statement st = old.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM "
                            + table + " WHERE run_id IN (SELECT run_id FROM runs WHERE status = 'ok')")) {
                        rs.next();
                        assertThat(count(store, "SELECT count(*) FROM " + table)).as(table).isEqualTo(rs.getInt(1));
                    }
                }
            }
            assertThat(count(store, "SELECT count(*) FROM grid_kpis")).isEqualTo(8);
            assertThat(count(store, "SELECT count(*) FROM justifications")).isEqualTo(1);
            // The store goes on as usual: the rest of the batch is written beside the copied runs.
            store.writeRun(ok(4), Optional.of(result(14)), false);
            assertThat(store.completedRunIds()).hasSize(5);
            assertThat(count(store, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'runs'"))
                    .as("the moved-aside database is detached").isEqualTo(10);
        }
        assertThat(aside).exists();
    }

    @Test
    void runs_of_another_scenario_are_not_copied() throws SQLException, IOException {
        Path aside = StoreRecovery.moveAside(batchOfFourRuns("results.duckdb"), CLOCK);
        BatchInfo changed = new BatchInfo("s", "def456", 6);
        try (ResultsStore store = ResultsStore.open(dir.resolve("results.duckdb"))) {
            StoreRecovery.Salvaged s = StoreRecovery.salvage(store, aside, changed);
            assertThat(s.runs()).isZero();
            assertThat(s.note()).contains("another scenario");
            assertThat(store.completedRunIds()).isEmpty();
            assertThat(store.batchInfo()).contains(changed);
        }
    }

    @Test
    void a_locked_or_unreadable_database_is_not_taken_for_a_damaged_one() {
        assertThat(StoreRecovery.damaged(new SQLException("IO Error: Could not set lock on file \"r.duckdb\": "
                + "Conflicting lock is held in java (PID 1)"))).isFalse();
        assertThat(StoreRecovery.damaged(new SQLException("IO Error: Cannot open file \"r.duckdb\": Permission "
                + "denied"))).isFalse();
        assertThat(StoreRecovery.damaged(new SQLException("IO Error: Corrupt database file: computed checksum 1 "
                + "does not match stored checksum 2 in block at location 3"))).isTrue();
        assertThat(StoreRecovery.damaged(new SQLException("wrapped", new SQLException("IO Error: Could not read "
                + "enough bytes from file \"r.duckdb\"")))).isTrue();
    }
}
