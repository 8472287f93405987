package org.gridplan.results.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.duckdb.DuckDBConnection;
import org.gridplan.results.stats.Justification;
import org.gridplan.results.stats.Kpi;
import org.gridplan.results.stats.ResponseHistogram;
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
 * nothing to measure (no incidents in a grid) is NULL. Table {@code schema_version} holds the
 * schema's version: a database of an older batch is migrated to the current one, step by numbered
 * step ({@link StoreSchema}), when it is opened for writing, the columns added since NULL in its
 * rows; the readers ({@link #districtRows(Connection)}, the report loader, {@link #export}) read a
 * read-only one as it is, a missing table skipped and a missing column read as NULL.
 *
 * <p>This class is the store's entry point; the schema and its migration are {@link StoreSchema}'s,
 * the writing {@link RunWriter}'s and the export {@link StoreExport}'s.
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
    public static final List<String> TABLES = StoreSchema.TABLES;

    /** Most backlog points stored per run; a chart draws no more than this anyway. */
    public static final int BACKLOG_POINTS = 720;

    private final Path file;
    private final DuckDBConnection connection;
    private final RunWriter writer;

    private ResultsStore(Path file, DuckDBConnection connection, RunWriter writer) {
        this.file = file;
        this.connection = connection;
        this.writer = writer;
    }

    /**
     * Opens the database {@code file}, creating it and its tables if it does not exist and
     * migrating it to the current schema if it is of an older batch.
     *
     * @throws SQLException when DuckDB cannot open it (e.g. another process has it open)
     */
    public static ResultsStore open(Path file) throws SQLException {
        Objects.requireNonNull(file, "file");
        DuckDBConnection c = (DuckDBConnection) connect(() -> DriverManager.getConnection("jdbc:duckdb:"
                + file.toAbsolutePath()));
        try {
            c.setAutoCommit(false);
            StoreSchema.migrate(c);
            return new ResultsStore(file, c, RunWriter.of(c));
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Opens an existing database read-only, for queries and export while nothing writes it. */
    public static Connection openReadOnly(Path file) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw new SQLException(file + " does not exist");
        }
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        return connect(() -> DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), p));
    }

    /** Opens a connection. */
    @FunctionalInterface
    interface Connector {
        Connection open() throws SQLException;
    }

    /**
     * Opens a connection with {@code connector}, turning a DuckDB native library that cannot be
     * loaded (its class initialiser fails, e.g. when extracting the library to the temporary
     * folder hits {@code ulimit -f} or a full disk) into one clear {@link SQLException}.
     */
    static Connection connect(Connector connector) throws SQLException {
        try {
            return connector.open();
        } catch (LinkageError e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            throw new SQLException("the DuckDB database library could not be loaded (" + detail.lines().findFirst()
                    .orElse("") + "); it is unpacked into the temporary folder " + System.getProperty("java.io.tmpdir")
                    + " on first use: check that the folder is writable with about 100 MB free and that the file size "
                    + "limit (ulimit -f) allows it, or point -Djava.io.tmpdir (GRIDPLAN_JAVA_OPTS) elsewhere", e);
        }
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
        claim(info, List.of());
    }

    /**
     * As {@link #claim(BatchInfo)}, also accepting a database that recorded one of
     * {@code earlierHashes}, the hashes an earlier version of gridplan gave the same scenario; its
     * hash is then brought to {@code info}'s, so the next resume matches it directly.
     */
    public void claim(BatchInfo info, Collection<String> earlierHashes) throws SQLException {
        Optional<BatchInfo> existing = batchInfo();
        if (existing.isPresent()) {
            BatchInfo e = existing.get();
            if (earlierHashes.contains(e.scenarioHash()) && e.totalRuns() == info.totalRuns()
                    && !e.scenarioHash().equals(info.scenarioHash())) {
                writer.rehash(e.scenarioHash(), info.scenarioHash());
                return;
            }
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
        writer.writeBatch(info);
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
        writer.writeRun(record, result, withIncidents, response, justifications, openBranches);
    }

    /**
     * Loads the runs among {@code runIds} whose {@link RunFiles} under {@code dir} are complete, each
     * run whole (a few hundred runs a transaction): a run's rows replace any stored for its run id, so
     * loading a run twice, or a failed run that later succeeded, never doubles a row; the KPI rows of
     * runs that failed are not loaded. Runs without complete files are left out.
     */
    public RunFiles.Loaded load(Path dir, Collection<Integer> runIds) throws SQLException {
        return writer.load(dir, runIds);
    }

    /**
     * Records what a report needs to describe the batch, replacing what was recorded before, in
     * one transaction: named settings (e.g. {@code seed}, {@code replications}, {@code sweep_mode},
     * {@code city_file}) and the layouts in scenario order.
     */
    public void describe(Map<String, String> settings, List<StoredLayout> layouts) throws SQLException {
        writer.describe(settings, layouts);
    }

    /**
     * Busy ÷ duty minutes summed over every worker with duty; NaN with no duty at all. The
     * workload share of the whole staff, weighting workers by their hours.
     */
    public static double pooledUtilisation(List<WorkerKpis> workers) {
        return StaffKpis.pooledUtilisation(workers);
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
        return StoreExport.export(c, dir, format);
    }

    /** Direct access for queries (tests, reports); do not change the schema through it. */
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        try {
            writer.close();
        } finally {
            connection.close();
        }
    }
}
