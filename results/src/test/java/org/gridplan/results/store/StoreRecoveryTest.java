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
import java.util.Map;
import java.util.Optional;
import org.gridplan.results.stats.Justification;
import org.gridplan.results.stats.ResponseHistogram;
import org.gridplan.sim.demand.EscalationLevel;
import org.gridplan.sim.engine.GridKpis;
import org.gridplan.sim.engine.IncidentKpis;
import org.gridplan.sim.engine.RunResult;
import org.gridplan.sim.engine.Stats;
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

    /** A run with {@code grids} grids whose figures all differ, so its rows fill blocks of their own. */
    private static RunResult manyGrids(int run, int grids, java.util.Random random) {
        RunResult base = result(10 + run);
        List<GridKpis> out = new java.util.ArrayList<>();
        for (int g = 0; g < grids; g++) {
            double m = random.nextDouble() * 100;
            IncidentKpis k = new IncidentKpis(random.nextInt(1000), random.nextInt(50), random.nextInt(900),
                    random.nextInt(800), random.nextInt(20), new Stats(random.nextInt(900), m, m * 0.9, m * 2, m * 2.5,
                    m * 3), new Stats(random.nextInt(800), m * 10, m * 9, m * 20, m * 25, m * 30),
                    random.nextDouble(), Map.of(EscalationLevel.COMMUNITY, (long) random.nextInt(9)),
                    random.nextDouble(), random.nextDouble());
            out.add(new GridKpis(String.format(java.util.Locale.ROOT, "C%03d-G%05d-%d", g % 97, g, run), "C" + g % 97,
                    random.nextInt(600) + 1, k));
        }
        return new RunResult(base.city(), base.layout(), base.seed(), base.horizonDays(), base.warmUpDays(),
                base.generated(), base.events(), base.district(), out, base.workers(), base.visitTargetShare(),
                base.backlog(), List.of(), List.of());
    }

    /**
     * The first block holding only segments of {@code grid_kpis} rows of runs after the first 4000
     * rows (so not of run 0), by the segments of every table.
     */
    private static String blocksOfGridKpisOnly() {
        StringBuilder all = new StringBuilder();
        for (String t : StoreSchema.TABLES) {
            all.append(all.length() == 0 ? "" : " UNION ALL ").append("SELECT '").append(t).append("' AS t, block_id, ")
                    .append("row_group_id, start, persistent FROM pragma_storage_info('").append(t).append("')");
        }
        return "SELECT block_id FROM (" + all + ") WHERE persistent AND block_id >= 0 GROUP BY block_id "
                + "HAVING bool_and(t = 'grid_kpis' AND (row_group_id > 0 OR start >= 4000)) ORDER BY block_id LIMIT 1";
    }

    @Test
    void a_damaged_block_loses_only_the_runs_whose_rows_it_holds() throws SQLException {
        int runs = 40;
        int grids = 4000;
        BatchInfo info = new BatchInfo("big", "feed", runs);
        Path file = dir.resolve("results.duckdb");
        java.util.Random random = new java.util.Random(42);
        try (ResultsStore store = ResultsStore.open(file)) {
            store.claim(info);
            for (int id = 0; id < runs; id++) {
                store.writeRun(new RunRecord(id, "grid-400", 0, "{}", id, 100 + id, RunRecord.OK, "", 0.1),
                        Optional.of(manyGrids(id, grids, random)), false);
            }
        }
        // Damage one block that holds grid KPIs of some runs but not of the first ones: DuckDB says
        // where each column segment of every table is stored.
        long block;
        try (java.sql.Connection c = ResultsStore.openReadOnly(file); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(blocksOfGridKpisOnly())) {
            assertThat(rs.next()).as("a block of grid KPI rows of later runs only").isTrue();
            block = rs.getLong(1);
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.WRITE)) {
            // After the three 4 KiB headers, blocks of 256 KiB, each starting with its checksum.
            long at = 3 * 4096L + block * 262_144L + 64;
            ch.write(java.nio.ByteBuffer.wrap("damaged".repeat(100).getBytes(StandardCharsets.US_ASCII)), at);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        StoreRecovery.Opened o = StoreRecovery.open(file, CLOCK);
        try (ResultsStore store = o.store()) {
            assertThat(o.setAside()).as("the damage is found on opening").isPresent();
            assertThat(o.setAside().get().reason()).contains("checksum");
            StoreRecovery.Salvaged s = StoreRecovery.salvage(store, o.setAside().get().file(), info);
            assertThat(s.note()).isEmpty();
            assertThat(s.runs() + s.lost()).isEqualTo(runs);
            assertThat(s.lost()).as("runs in the damaged block").isPositive();
            assertThat(s.runs()).as("runs outside it").isPositive();
            assertThat(store.completedRunIds()).hasSize(s.runs());
            // Each copied run is whole.
            assertThat(count(store, "SELECT count(*) FROM grid_kpis")).isEqualTo(s.runs() * grids);
            assertThat(count(store, "SELECT count(*) FROM district_kpis")).isEqualTo(s.runs());
            assertThat(count(store, "SELECT count(*) FROM (SELECT run_id FROM grid_kpis GROUP BY run_id HAVING "
                    + "count(*) <> " + grids + ")")).isZero();
        }
    }
}
