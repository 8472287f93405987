package org.gridplan.results.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.gridplan.results.stats.Justification;
import org.gridplan.results.stats.Kpi;
import org.gridplan.results.stats.ResponseHistogram;
import org.gridplan.results.stats.RunBreakdown;
import org.gridplan.results.stats.StaffKpis;
import org.gridplan.sim.engine.RunResult;
import org.gridplan.sim.engine.WorkerKpis;

/**
 * The results database of one batch: a DuckDB file with the tables
 * <ul>
 *   <li>{@code batch}: one row, the scenario name and hash and the number of runs;</li>
 *   <li>{@code runs}: one row per run attempted (run id, layout, sweep point and its values as JSON,
 *       replication, seed, status, error, wall seconds, finish time);</li>
 *   <li>{@code district_kpis}, {@code grid_kpis}, {@code worker_kpis}: the KPIs of every successful
 *       run, keyed by run id and repeating layout, point and replication for easy querying, the
 *       officials' time-limit figures, visit coverage and working hours included; their columns
 *       are declared once in {@link KpiTables};</li>
 *   <li>{@code response_breakdown}: the district's cases of every successful run by category and by
 *       working hours against out of hours (known, reached, response mean, p50 and p90, on-time
 *       response and closure), declared in {@link KpiTables};</li>
 *   <li>{@code response_histogram}: the response times of every successful run, rounded to 0.1
 *       minute, as (time, incidents) bins ({@link ResponseHistogram}): the distributions of the
 *       report (CDF, box plots, pooled percentiles) at a few kilobytes a run;</li>
 *   <li>{@code backlog}: open and waiting incidents over every successful run, averaged down to at
 *       most {@link #BACKLOG_POINTS} points a run;</li>
 *   <li>{@code incidents}: every counted incident of every run, when the scenario asks for it;</li>
 *   <li>{@code justifications}: the optimised plan's justifications per layout and sweep point, one
 *       sentence a row, in English ({@code text}) and Chinese ({@code text_zh});</li>
 *   <li>{@code open_branches}: the sites the optimised plan opens as branches, per layout and sweep
 *       point, when it sites branches;</li>
 *   <li>{@code settings}, {@code layouts}: what the report needs to describe the batch (master seed,
 *       replications, sweep mode, city file) and each layout's grids and GeoJSON file in the batch
 *       folder.</li>
 * </ul>
 * Durations are minutes, distances metres, the district's working hours hours per week; a KPI with
 * nothing to measure (no incidents in a grid) is NULL. A database of an older batch gains the
 * columns added since ({@code ALTER TABLE ... ADD COLUMN IF NOT EXISTS}, NULL in its rows) when it
 * is opened for writing; the readers ({@link #districtRows(Connection)}, the report loader,
 * {@link #export}) read a read-only one as it is, missing columns as NULL.
 *
 * <p><b>Atomicity.</b> {@link #writeRun} writes a run's row and all its KPI rows in one
 * transaction, so after a crash or a kill the database holds each run completely or not at all
 * (DuckDB's write-ahead log replays committed transactions on the next open and drops the rest).
 * A failed run is recorded with its error and replaced when the run succeeds on resume.
 *
 * <p>Not thread-safe: one thread (the batch's writer) uses a store at a time. DuckDB lets one
 * process open a database file for writing, so a second process gets an error on {@link #open}.
 */
public final class ResultsStore implements AutoCloseable {

    /** The tables in export order. */
    public static final List<String> TABLES = List.of("batch", "settings", "layouts", "runs", "district_kpis",
            "grid_kpis", "worker_kpis", "response_breakdown", "response_histogram", "backlog", "incidents",
            "justifications", "open_branches");

    /** Most backlog points stored per run; a chart draws no more than this anyway. */
    public static final int BACKLOG_POINTS = 720;

    /** The tables holding rows of a run, keyed by run id. */
    private static final List<String> RUN_TABLES = List.of("runs", "district_kpis", "grid_kpis", "worker_kpis",
            "response_breakdown", "response_histogram", "backlog", "incidents");

    private static final String RUN_KEY = "run_id INTEGER, layout VARCHAR, point INTEGER, replication INTEGER";

    /**
     * The tables not declared in {@link KpiTables}; those ({@code district_kpis}, {@code grid_kpis},
     * {@code worker_kpis}, {@code incidents}) are created and migrated from their declarations.
     */
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS batch (scenario VARCHAR, scenario_hash VARCHAR, total_runs INTEGER, "
                    + "created TIMESTAMP)",
            "CREATE TABLE IF NOT EXISTS runs (run_id INTEGER, layout VARCHAR, point INTEGER, sweep VARCHAR, "
                    + "replication INTEGER, seed BIGINT, status VARCHAR, error VARCHAR, seconds DOUBLE, "
                    + "finished TIMESTAMP)",
            "CREATE TABLE IF NOT EXISTS response_histogram (" + RUN_KEY + ", minutes DOUBLE, incidents INTEGER)",
            "CREATE TABLE IF NOT EXISTS backlog (" + RUN_KEY + ", hour DOUBLE, open DOUBLE, waiting DOUBLE)",
            "CREATE TABLE IF NOT EXISTS justifications (layout VARCHAR, number INTEGER, text VARCHAR, text_zh VARCHAR, "
                    + "point INTEGER)",
            // Databases of batches run before the Chinese text and the sweep point were stored (their
            // rows keep a NULL point: the plan of every point).
            "ALTER TABLE justifications ADD COLUMN IF NOT EXISTS text_zh VARCHAR",
            "ALTER TABLE justifications ADD COLUMN IF NOT EXISTS point INTEGER",
            "CREATE TABLE IF NOT EXISTS open_branches (layout VARCHAR, point INTEGER, number INTEGER, site VARCHAR)",
            "CREATE TABLE IF NOT EXISTS settings (name VARCHAR, value VARCHAR)",
            "CREATE TABLE IF NOT EXISTS layouts (position INTEGER, layout VARCHAR, grids INTEGER, file VARCHAR)");

    private final Path file;
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

    private ResultsStore(Path file, DuckDBConnection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens the database {@code file}, creating it and its tables if it does not exist.
     *
     * @throws SQLException when DuckDB cannot open it (e.g. another process has it open)
     */
    public static ResultsStore open(Path file) throws SQLException {
        Objects.requireNonNull(file, "file");
        DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        ResultsStore store = new ResultsStore(file, c);
        try (Statement st = c.createStatement()) {
            for (String ddl : SCHEMA) {
                st.execute(ddl);
            }
            for (Table<?> t : KpiTables.ALL) {
                st.execute(t.createDdl());
                // A database of an older batch gains the columns added since, NULL in its rows.
                for (String ddl : t.migrationDdl(Table.physicalColumns(c, t.name()))) {
                    st.execute(ddl);
                }
                store.writers.put(t.name(), t.writer(Table.physicalColumns(c, t.name())));
            }
            try (ResultSet rs = st.executeQuery("SELECT run_id FROM runs WHERE status = '" + RunRecord.FAILED + "'")) {
                while (rs.next()) {
                    store.failed.add(rs.getInt(1));
                }
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        c.setAutoCommit(false);
        return store;
    }

    /** Opens an existing database read-only, for queries and export while nothing writes it. */
    public static Connection openReadOnly(Path file) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw new SQLException(file + " does not exist");
        }
        java.util.Properties p = new java.util.Properties();
        p.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), p);
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** The batch this database belongs to; empty for a new database. */
    public Optional<BatchInfo> batchInfo() throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT scenario, scenario_hash, total_runs FROM batch")) {
            Optional<BatchInfo> out = rs.next() ? Optional.of(new BatchInfo(rs.getString(1), rs.getString(2),
                    rs.getInt(3))) : Optional.empty();
            connection.commit();
            return out;
        }
    }

    /**
     * Records {@code info} in a new database, or checks that an existing one belongs to the same
     * batch.
     *
     * @throws StoreMismatchException when the database holds another scenario (hash) or another
     *                                number of runs
     */
    public void claim(BatchInfo info) throws SQLException {
        Optional<BatchInfo> existing = batchInfo();
        if (existing.isPresent()) {
            BatchInfo e = existing.get();
            if (!e.scenarioHash().equals(info.scenarioHash()) || e.totalRuns() != info.totalRuns()) {
                throw new StoreMismatchException(file.getFileName() + " holds a batch of scenario '" + e.scenarioName()
                        + "' (hash " + shortHash(e.scenarioHash()) + ", " + e.totalRuns() + " runs), but the scenario "
                        + "now has hash " + shortHash(info.scenarioHash()) + " (" + info.totalRuns() + " runs): the "
                        + "scenario file, a file it refers to, or an override has changed since the batch started. "
                        + "Resuming would mix results of two scenarios; use another --out directory, or delete "
                        + file + " to start over.");
            }
            return;
        }
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

    private static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    /** Ids of the runs stored with status {@link RunRecord#OK}: the ones a resume skips. */
    public Set<Integer> completedRunIds() throws SQLException {
        Set<Integer> out = new HashSet<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT run_id FROM runs WHERE status = '" + RunRecord.OK + "'")) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        connection.commit();
        return out;
    }

    /** Number of rows in {@code runs} with the given status. */
    public int count(String status) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM runs WHERE status = ?")) {
            ps.setString(1, status);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int n = rs.getInt(1);
                connection.commit();
                return n;
            }
        }
    }

    /**
     * Writes one run in one transaction: its {@code runs} row and, when {@code result} is present,
     * its district, grid and worker KPIs and (with {@code withIncidents}) its incidents. A failed
     * record of the same run id is replaced.
     *
     * @param record        the run row
     * @param result        the run's result; empty for a failed run
     * @param withIncidents whether to store the result's incident log
     */
    public void writeRun(RunRecord record, Optional<RunResult> result, boolean withIncidents) throws SQLException {
        writeRun(record, result, withIncidents, result.map(r -> ResponseHistogram.of(r.incidents(),
                r.warmUpDays() * 24 * 60)).orElse(ResponseHistogram.EMPTY), List.of());
    }

    /**
     * Writes one run in one transaction, as {@link #writeRun(RunRecord, Optional, boolean)}, with
     * its response-time histogram (computed by the caller, so the incident log it comes from need
     * not be kept) and the justifications of its layout's plan at its sweep point, which replace
     * the stored ones of that layout and point when not empty.
     *
     * @param response       the run's response times; ignored for a failed run
     * @param justifications the plan's justifications, one sentence each; empty keeps what is stored
     */
    public void writeRun(RunRecord record, Optional<RunResult> result, boolean withIncidents,
            ResponseHistogram response, List<Justification> justifications) throws SQLException {
        writeRun(record, result, withIncidents, response, justifications, List.of());
    }

    /**
     * Writes one run in one transaction, as {@link #writeRun(RunRecord, Optional, boolean,
     * ResponseHistogram, List)}, with the branch sites its layout's plan at its sweep point opens,
     * which replace the stored ones of that layout and point when not empty (the report's map marks
     * them).
     *
     * @param openBranches ids of the city's sites the plan opens as branches; empty keeps what is stored
     */
    public void writeRun(RunRecord record, Optional<RunResult> result, boolean withIncidents,
            ResponseHistogram response, List<Justification> justifications, List<String> openBranches)
            throws SQLException {
        int id = record.runId();
        inTransaction(() -> {
            if (failed.contains(id)) {
                for (String t : RUN_TABLES) {
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

    private void writeKpis(RunRecord r, RunResult result, boolean withIncidents) throws SQLException {
        writeDistrict(r, result);
        writeGrids(r, result);
        writeWorkers(r, result);
        writeRows(KpiTables.BREAKDOWN, r, RunBreakdown.parts(result.breakdown()));
        if (withIncidents) {
            writeIncidents(r, result);
        }
    }

    private void writeDistrict(RunRecord r, RunResult result) throws SQLException {
        writer(KpiTables.DISTRICT).append(appender(KpiTables.DISTRICT.name()), r, result);
    }

    private void writeGrids(RunRecord r, RunResult result) throws SQLException {
        writeRows(KpiTables.GRID, r, result.grids());
    }

    private void writeWorkers(RunRecord r, RunResult result) throws SQLException {
        writeRows(KpiTables.WORKER, r, result.workers());
    }

    private void writeIncidents(RunRecord r, RunResult result) throws SQLException {
        writeRows(KpiTables.INCIDENTS, r, result.incidents());
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

    /** The backlog series averaged over buckets of equal length, at most {@link #BACKLOG_POINTS}. */
    private void writeBacklog(RunRecord r, RunResult result) throws SQLException {
        List<Integer> open = result.backlog().open();
        List<Integer> waiting = result.backlog().waiting();
        int n = Math.min(open.size(), waiting.size());
        int bucket = Math.max(1, (n + BACKLOG_POINTS - 1) / BACKLOG_POINTS);
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

    /**
     * Records what a report needs to describe the batch, replacing what was recorded before, in
     * one transaction: named settings (e.g. {@code seed}, {@code replications}, {@code sweep_mode},
     * {@code city_file}) and the layouts in scenario order.
     */
    public void describe(Map<String, String> settings, List<StoredLayout> layouts) throws SQLException {
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

    /**
     * Busy ÷ duty minutes summed over every worker with duty; NaN with no duty at all. The
     * workload share of the whole staff, weighting workers by their hours.
     */
    public static double pooledUtilisation(List<WorkerKpis> workers) {
        return StaffKpis.pooledUtilisation(workers);
    }

    private static void key(DuckDBAppender a, RunRecord r) throws SQLException {
        a.append(r.runId());
        a.append(r.layout());
        a.append(r.point());
        a.append(r.replication());
    }

    /** The headline district KPIs of every successful run, by run id. */
    public List<DistrictRow> districtRows() throws SQLException {
        return districtRows(connection);
    }

    /**
     * As {@link #districtRows()} over any connection to a results database; a KPI column that a
     * database of an older batch lacks reads as NaN.
     */
    public static List<DistrictRow> districtRows(Connection c) throws SQLException {
        List<DistrictRow> out = new ArrayList<>();
        Table<RunResult> t = KpiTables.DISTRICT;
        List<Kpi> kpis = List.copyOf(t.kpiColumns().keySet());
        String sql = "SELECT d.run_id, d.layout, d.point, r.sweep, d.replication, "
                + t.selectKpis(Table.physicalColumns(c, t.name()), "d")
                + " FROM district_kpis d JOIN runs r USING (run_id) WHERE r.status = 'ok' ORDER BY d.run_id";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Map<Kpi, Double> values = new EnumMap<>(Kpi.class);
                for (int k = 0; k < kpis.size(); k++) {
                    values.put(kpis.get(k), dbl(rs, 6 + k));
                }
                out.add(new DistrictRow(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5),
                        values));
            }
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
        return out;
    }

    private static double dbl(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    /** Exports every table of this database to {@code dir} (see {@link #export(Connection, Path, ExportFormat)}). */
    public List<Path> export(Path dir, ExportFormat format) throws SQLException {
        List<Path> out = export(connection, dir, format);
        connection.commit();
        return out;
    }

    /**
     * Exports every table of a results database to {@code dir/<table>.<format>} with DuckDB's
     * {@code COPY}, rows ordered by run id (and grid, worker or incident number), replacing
     * existing files. The directory is created if needed. A table the database does not have (a
     * batch stored before the table existed) is skipped.
     *
     * @return the files written, in {@link #TABLES} order
     */
    public static List<Path> export(Connection c, Path dir, ExportFormat format) throws SQLException {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        // A database of an older batch, opened read-only, may lack a table or column added since.
        Map<String, Set<String>> columns = new HashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT table_name, column_name FROM information_schema.columns")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
            }
        }
        List<Path> out = new ArrayList<>();
        for (String table : TABLES) {
            if (!columns.containsKey(table)) {
                continue;
            }
            String order = switch (table) {
                case "batch" -> "scenario";
                case "grid_kpis" -> "run_id, grid";
                case "worker_kpis" -> "run_id, worker";
                case "incidents" -> "run_id, number";
                case "response_breakdown" -> "run_id, kind";
                case "response_histogram" -> "run_id, minutes";
                case "backlog" -> "run_id, hour";
                case "justifications", "open_branches" -> "layout, point, number";
                case "settings" -> "name";
                case "layouts" -> "position";
                default -> "run_id";
            };
            order = String.join(", ", java.util.Arrays.stream(order.split(", "))
                    .filter(columns.get(table)::contains).toList());
            Path target = dir.resolve(table + "." + format.key()).toAbsolutePath();
            String options = format == ExportFormat.CSV ? "(HEADER, DELIMITER ',')" : "(FORMAT PARQUET)";
            try (Statement st = c.createStatement()) {
                st.execute("COPY (SELECT * FROM " + table + " ORDER BY " + order + ") TO '"
                        + target.toString().replace("'", "''") + "' " + options);
            }
            out.add(target);
        }
        return out;
    }

    /** Direct access for queries (tests, reports); do not change the schema through it. */
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        try {
            // Empty after every commit; closing them first releases their native buffers.
            for (DuckDBAppender a : appenders.values()) {
                a.close();
            }
            appenders.clear();
        } finally {
            connection.close();
        }
    }
}
