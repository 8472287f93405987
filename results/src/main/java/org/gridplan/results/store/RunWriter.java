package org.gridplan.results.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.gridplan.results.stats.Justification;
import org.gridplan.results.stats.ResponseHistogram;
import org.gridplan.results.stats.RunBreakdown;
import org.gridplan.sim.engine.RunResult;

/**
 * The writer of a {@link ResultsStore}: the batch row, a run with all its rows in one transaction,
 * and the batch's description. The declared tables ({@link KpiTables}) are appended through their
 * {@link Table.Writer}s, laid out from the columns the database has when the writer is made (after
 * {@link StoreSchema#migrate}); the response histogram and the backlog (averaged down to at most
 * {@link ResultsStore#BACKLOG_POINTS} points) through appenders of their own; the plan's
 * justifications and open branches replace the rows stored for their layout and sweep point.
 *
 * <p><b>Atomicity.</b> A run's rows are appended into the run's transaction and flushed before it
 * commits. A failed transaction is rolled back and the appenders, which may still hold rows of it,
 * are dropped so that none of those rows reaches the database (see {@link #discardAppenders()}).
 * A run recorded as failed is deleted from every run table when it is written again.
 *
 * <p>Not thread-safe, like the store.
 */
final class RunWriter implements AutoCloseable {

    private final DuckDBConnection connection;
    private final Set<Integer> failed = new HashSet<>();
    /**
     * One appender per table, kept open from run to run: creating one costs about half a
     * millisecond of the writer's time, five or six times a run. Their rows are flushed into the
     * run's transaction before it commits.
     */
    private final Map<String, DuckDBAppender> appenders = new HashMap<>();
    /** The writer of every declared table, laid out from its physical columns when the store opened. */
    private final Map<String, Table.Writer<?>> writers = new HashMap<>();

    private RunWriter(DuckDBConnection connection) {
        this.connection = connection;
    }

    /**
     * The writer of {@code connection}'s database, which is at the current schema; reads the ids
     * of the runs stored as failed. {@code connection} has auto-commit off.
     */
    static RunWriter of(DuckDBConnection connection) throws SQLException {
        RunWriter w = new RunWriter(connection);
        for (Table<?> t : KpiTables.ALL) {
            w.writers.put(t.name(), t.writer(Table.physicalColumns(connection, t.name())));
        }
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT run_id FROM runs WHERE status = '" + RunRecord.FAILED + "'")) {
            while (rs.next()) {
                w.failed.add(rs.getInt(1));
            }
        }
        connection.commit();
        return w;
    }

    /** Records the batch row of a new database. */
    void writeBatch(BatchInfo info) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO batch VALUES (?, ?, ?, ?)")) {
            ps.setString(1, info.scenarioName());
            ps.setString(2, info.scenarioHash());
            ps.setInt(3, info.totalRuns());
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            ps.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Replaces the batch row's scenario hash {@code from} by {@code to}. */
    void rehash(String from, String to) throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE batch SET scenario_hash = ? WHERE scenario_hash = ?")) {
                ps.setString(1, to);
                ps.setString(2, from);
                ps.executeUpdate();
            }
        });
    }

    /** See {@link ResultsStore#writeRun(RunRecord, Optional, boolean, ResponseHistogram, List, List)}. */
    void writeRun(RunRecord record, Optional<RunResult> result, boolean withIncidents, ResponseHistogram response,
            List<Justification> justifications, List<String> openBranches) throws SQLException {
        int id = record.runId();
        inTransaction(() -> {
            if (failed.contains(id)) {
                for (String t : StoreSchema.RUN_TABLES) {
                    try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + t + " WHERE run_id = ?")) {
                        ps.setInt(1, id);
                        ps.executeUpdate();
                    }
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setInt(1, id);
                ps.setString(2, record.layout());
                ps.setInt(3, record.point());
                ps.setString(4, record.sweep());
                ps.setInt(5, record.replication());
                ps.setLong(6, record.seed());
                ps.setString(7, record.status());
                ps.setString(8, record.error());
                ps.setDouble(9, record.seconds());
                ps.setTimestamp(10, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            if (result.isPresent()) {
                writeKpis(record, result.get(), withIncidents);
                writeResponse(record, response);
                writeBacklog(record, result.get());
                if (!justifications.isEmpty()) {
                    replaceJustifications(record.layout(), record.point(), justifications);
                }
                if (!openBranches.isEmpty()) {
                    replaceOpenBranches(record.layout(), record.point(), openBranches);
                }
            }
            for (DuckDBAppender a : appenders.values()) {
                a.flush();
            }
        });
        if (record.status().equals(RunRecord.FAILED)) {
            failed.add(id);
        } else {
            failed.remove(id);
        }
    }

    /** Runs loaded from files per transaction: a few hundred files per table and statement. */
    private static final int LOAD_CHUNK = 200;

    /** See {@link ResultsStore#load}. */
    RunFiles.Loaded load(Path dir, Collection<Integer> runIds) throws SQLException {
        List<Integer> ids = new ArrayList<>(new TreeSet<>(runIds));
        int ok = 0;
        int failedRuns = 0;
        Set<String> justified = new HashSet<>();
        for (int from = 0; from < ids.size(); from += LOAD_CHUNK) {
            List<Integer> chunk = ids.subList(from, Math.min(ids.size(), from + LOAD_CHUNK));
            Map<Integer, String> status = new LinkedHashMap<>();
            inTransaction(() -> loadChunk(dir, chunk, status, justified));
            for (Map.Entry<Integer, String> e : status.entrySet()) {
                if (e.getValue().equals(RunRecord.OK)) {
                    failed.remove(e.getKey());
                    ok++;
                } else {
                    failed.add(e.getKey());
                    failedRuns++;
                }
            }
        }
        return new RunFiles.Loaded(ok, failedRuns);
    }

    /**
     * Loads the complete runs among {@code ids} in the current transaction: their rows in every run
     * table replace what is stored (a failed attempt, or rows of an interrupted load, never doubled),
     * the KPI tables of successful runs only; the plan tables of each layout and sweep point from its
     * first successful run loaded here, as a batch stores them with its first completed run.
     */
    private void loadChunk(Path dir, List<Integer> ids, Map<Integer, String> status, Set<String> justified)
            throws SQLException {
        status.clear();
        List<Integer> complete = new ArrayList<>();
        for (int id : ids) {
            if (Files.isRegularFile(RunFiles.file(dir, "runs", id))) {
                complete.add(id);
            }
        }
        if (complete.isEmpty()) {
            return;
        }
        Map<Integer, String[]> plans = new LinkedHashMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT run_id, status, layout, point FROM " + files(dir, "runs",
                        complete) + " ORDER BY run_id")) {
            while (rs.next()) {
                status.put(rs.getInt(1), rs.getString(2));
                if (rs.getString(2).equals(RunRecord.OK)) {
                    plans.put(rs.getInt(1), new String[] {rs.getString(3), Integer.toString(rs.getInt(4))});
                }
            }
        }
        String in = complete.stream().map(String::valueOf).collect(Collectors.joining(", "));
        for (String t : StoreSchema.RUN_TABLES) {
            try (Statement st = connection.createStatement()) {
                st.execute("DELETE FROM " + t + " WHERE run_id IN (" + in + ")");
            }
        }
        try (Statement st = connection.createStatement()) {
            st.execute("INSERT INTO runs BY NAME SELECT * FROM " + files(dir, "runs", complete));
        }
        List<Integer> good = new ArrayList<>(plans.keySet());
        for (String t : StoreSchema.RUN_TABLES) {
            if (t.equals("runs")) {
                continue;
            }
            List<Integer> with = good.stream().filter(id -> Files.isRegularFile(RunFiles.file(dir, t, id))).toList();
            if (!with.isEmpty()) {
                try (Statement st = connection.createStatement()) {
                    st.execute("INSERT INTO " + t + " BY NAME SELECT * FROM " + files(dir, t, with));
                }
            }
        }
        for (Map.Entry<Integer, String[]> e : plans.entrySet()) {
            String layout = e.getValue()[0];
            int point = Integer.parseInt(e.getValue()[1]);
            if (!justified.add(layout + "\n" + point)) {
                continue;
            }
            for (String t : RunFiles.PLAN_TABLES) {
                Path f = RunFiles.file(dir, t, e.getKey());
                if (!Files.isRegularFile(f)) {
                    continue;
                }
                try (PreparedStatement del = connection.prepareStatement(
                        "DELETE FROM " + t + " WHERE layout = ? AND point = ?")) {
                    del.setString(1, layout);
                    del.setInt(2, point);
                    del.executeUpdate();
                }
                try (Statement st = connection.createStatement()) {
                    st.execute("INSERT INTO " + t + " BY NAME SELECT * FROM " + files(dir, t, List.of(e.getKey())));
                }
            }
        }
    }

    /** {@code read_parquet} of {@code table}'s files of runs {@code ids} under {@code dir}. */
    private static String files(Path dir, String table, List<Integer> ids) {
        return "read_parquet([" + ids.stream().map(id -> RunFiles.literal(RunFiles.file(dir, table, id)))
                .collect(Collectors.joining(", ")) + "])";
    }

    private void writeKpis(RunRecord r, RunResult result, boolean withIncidents) throws SQLException {
        writer(KpiTables.DISTRICT).append(appender(KpiTables.DISTRICT.name()), r, result);
        writeRows(KpiTables.GRID, r, result.grids());
        writeRows(KpiTables.WORKER, r, result.workers());
        writeRows(KpiTables.BREAKDOWN, r, RunBreakdown.parts(result.breakdown()));
        if (withIncidents) {
            writeRows(KpiTables.INCIDENTS, r, result.incidents());
        }
    }

    private <T> void writeRows(Table<T> table, RunRecord r, List<T> rows) throws SQLException {
        Table.Writer<T> w = writer(table);
        DuckDBAppender a = appender(table.name());
        for (T row : rows) {
            w.append(a, r, row);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> Table.Writer<T> writer(Table<T> table) {
        return (Table.Writer<T>) writers.get(table.name());
    }

    private void writeResponse(RunRecord r, ResponseHistogram h) throws SQLException {
        double[] minutes = h.minutes();
        int[] counts = h.counts();
        DuckDBAppender a = appender("response_histogram");
        for (int i = 0; i < minutes.length; i++) {
            a.beginRow();
            key(a, r);
            a.append(minutes[i]);
            a.append(counts[i]);
            a.endRow();
        }
    }

    /** The backlog series averaged over buckets of equal length, at most {@link ResultsStore#BACKLOG_POINTS}. */
    private void writeBacklog(RunRecord r, RunResult result) throws SQLException {
        List<Integer> open = result.backlog().open();
        List<Integer> waiting = result.backlog().waiting();
        int n = Math.min(open.size(), waiting.size());
        int bucket = Math.max(1, (n + ResultsStore.BACKLOG_POINTS - 1) / ResultsStore.BACKLOG_POINTS);
        double hours = result.backlog().intervalMinutes() / 60;
        DuckDBAppender a = appender("backlog");
        for (int start = 0; start < n; start += bucket) {
            int end = Math.min(n, start + bucket);
            double t = 0;
            double o = 0;
            double w = 0;
            for (int k = start; k < end; k++) {
                t += k * hours;
                o += open.get(k);
                w += waiting.get(k);
            }
            int m = end - start;
            a.beginRow();
            key(a, r);
            a.append(t / m);
            a.append(o / m);
            a.append(w / m);
            a.endRow();
        }
    }

    private static void key(DuckDBAppender a, RunRecord r) throws SQLException {
        a.append(r.runId());
        a.append(r.layout());
        a.append(r.point());
        a.append(r.replication());
    }

    private void replaceOpenBranches(String layout, int point, List<String> sites) throws SQLException {
        replacePlanRows("open_branches", List.of("site"), layout, point,
                sites.stream().map(site -> new String[] {site}).toList());
    }

    private void replaceJustifications(String layout, int point, List<Justification> sentences) throws SQLException {
        // Rows without a point (stored before points were) stay: they stand for the points whose
        // runs finished then, and a report prefers a point's own rows to them.
        replacePlanRows("justifications", List.of("text", "text_zh"), layout, point,
                sentences.stream().map(j -> new String[] {j.english(), j.chinese()}).toList());
    }

    /**
     * Replaces the rows of a layout's plan at a sweep point in {@code table}: keyed by layout,
     * point and number (1, 2, ... in list order), with the text {@code columns} of each row.
     */
    private void replacePlanRows(String table, List<String> columns, String layout, int point, List<String[]> rows)
            throws SQLException {
        try (PreparedStatement del = connection.prepareStatement(
                "DELETE FROM " + table + " WHERE layout = ? AND point = ?")) {
            del.setString(1, layout);
            del.setInt(2, point);
            del.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table + " (layout, point, number, "
                + String.join(", ", columns) + ") VALUES (?, ?, ?" + ", ?".repeat(columns.size()) + ")")) {
            for (int i = 0; i < rows.size(); i++) {
                ps.setString(1, layout);
                ps.setInt(2, point);
                ps.setInt(3, i + 1);
                for (int c = 0; c < columns.size(); c++) {
                    ps.setString(4 + c, rows.get(i)[c]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** See {@link ResultsStore#describe}. */
    void describe(Map<String, String> settings, List<StoredLayout> layouts) throws SQLException {
        inTransaction(() -> {
            try (Statement st = connection.createStatement()) {
                st.execute("DELETE FROM settings");
                st.execute("DELETE FROM layouts");
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO settings VALUES (?, ?)")) {
                for (Map.Entry<String, String> e : settings.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO layouts VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < layouts.size(); i++) {
                    StoredLayout l = layouts.get(i);
                    ps.setInt(1, i);
                    ps.setString(2, l.name());
                    ps.setInt(3, l.grids());
                    ps.setString(4, l.file());
                    ps.executeUpdate();
                }
            }
        });
    }

    /** Work on the connection that may throw {@link SQLException}. */
    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    /** Runs {@code work} as one transaction: committed whole, or rolled back and rethrown. */
    private void inTransaction(SqlWork work) throws SQLException {
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            try {
                discardAppenders();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The open appender of {@code table}, created on first use. */
    private DuckDBAppender appender(String table) throws SQLException {
        DuckDBAppender a = appenders.get(table);
        if (a == null) {
            a = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
            appenders.put(table, a);
        }
        return a;
    }

    /**
     * Drops the appenders after a failed transaction. Rows of the failed run may still sit in
     * them, and closing an appender flushes its rows: a statement first opens a transaction (with
     * auto-commit off it stays open), the rows are flushed into it and it is rolled back, so no row
     * of a failed write is committed, then or with a later run. Without the open transaction the
     * flush would commit on its own.
     */
    private void discardAppenders() throws SQLException {
        if (appenders.isEmpty()) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT 1");
        }
        SQLException first = null;
        for (DuckDBAppender a : appenders.values()) {
            try {
                a.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        appenders.clear();
        connection.rollback();
        if (first != null) {
            throw first;
        }
    }

    /** Closes the appenders (empty after every commit), releasing their native buffers; not the connection. */
    @Override
    public void close() throws SQLException {
        for (DuckDBAppender a : appenders.values()) {
            a.close();
        }
        appenders.clear();
    }
}
