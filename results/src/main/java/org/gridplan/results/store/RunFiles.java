package org.gridplan.results.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;
import org.gridplan.results.stats.Justification;
import org.gridplan.results.stats.ResponseHistogram;
import org.gridplan.sim.engine.RunResult;

/**
 * A run's rows as Parquet files, for engines that simulate runs away from the batch's database
 * ({@code gridplan run --engine spark}): one file per table and run,
 * {@code <dir>/<table>/run-<run id>.parquet}, holding exactly the rows
 * {@link ResultsStore#writeRun(RunRecord, Optional, boolean, ResponseHistogram, List, List)} would
 * store. They are written through the same {@link RunWriter} into an in-memory DuckDB database and
 * copied out with {@code COPY ... (FORMAT PARQUET)}, so the columns stay declared once, in
 * {@link KpiTables}, and a run loaded from its files equals the run written directly.
 *
 * <p><b>Atomic, idempotent.</b> Each file is written under a temporary name in its folder and moved
 * into place atomically, replacing a file of the same run; the {@code runs} file comes last. A run's
 * files are complete when its {@code runs} file exists ({@link #complete}); a task that dies half way
 * leaves at most some of the other files, and the task tried again overwrites them rather than adding
 * rows. {@link ResultsStore#load} reads complete runs into a database, each run whole.
 *
 * <p>Not thread-safe: one instance per thread (each holds its own in-memory database).
 */
public final class RunFiles implements AutoCloseable {

    /** The folder of a table's files under the files' directory is the table's name. */
    public static final String SUFFIX = ".parquet";

    /** The tables of a layout's plan at a sweep point, stored per run here and once per plan in the database. */
    static final List<String> PLAN_TABLES = List.of("justifications", "open_branches");

    /** Tables written for a run, in writing order: the {@code runs} table, which completes a run, last. */
    static final List<String> WRITE_ORDER;

    static {
        List<String> order = new ArrayList<>(StoreSchema.RUN_TABLES);
        order.remove("runs");
        order.addAll(PLAN_TABLES);
        order.add("runs");
        WRITE_ORDER = List.copyOf(order);
    }

    private static final Pattern NAME = Pattern.compile("run-(\\d+)\\" + SUFFIX);

    private final DuckDBConnection connection;
    private final RunWriter writer;

    private RunFiles(DuckDBConnection connection, RunWriter writer) {
        this.connection = connection;
        this.writer = writer;
    }

    /** A writer of run files with its own in-memory database at the current schema. */
    public static RunFiles open() throws SQLException {
        DuckDBConnection c = (DuckDBConnection) ResultsStore.connect(() -> DriverManager.getConnection("jdbc:duckdb:"));
        try {
            c.setAutoCommit(false);
            StoreSchema.migrate(c);
            return new RunFiles(c, RunWriter.of(c));
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** The file of {@code table}'s rows of run {@code runId} under {@code dir}. */
    public static Path file(Path dir, String table, int runId) {
        return dir.resolve(table).resolve("run-" + runId + SUFFIX);
    }

    /**
     * Writes one run's files under {@code dir}, as {@link ResultsStore#writeRun(RunRecord, Optional,
     * boolean, ResponseHistogram, List, List)} would store the run; a table without rows of the run
     * has no file (one left by an earlier attempt is deleted).
     *
     * @param written told the table of each file once it is in place (the {@code runs} table last)
     */
    public void write(Path dir, RunRecord record, Optional<RunResult> result, boolean withIncidents,
            ResponseHistogram response, List<Justification> justifications, List<String> openBranches,
            Consumer<String> written) throws SQLException, IOException {
        clear();
        writer.writeRun(record, result, withIncidents, response, justifications, openBranches);
        for (String table : WRITE_ORDER) {
            Path target = file(dir, table, record.runId());
            if (!table.equals("runs") && rows(table) == 0) {
                Files.deleteIfExists(target);
                continue;
            }
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try {
                try (Statement st = connection.createStatement()) {
                    st.execute("COPY " + table + " TO " + literal(tmp) + " (FORMAT PARQUET)");
                }
                connection.commit();
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            written.accept(table);
        }
        clear();
    }

    /** Ids of the runs whose files under {@code dir} are complete (their {@code runs} file exists), ascending. */
    public static Set<Integer> complete(Path dir) throws IOException {
        Set<Integer> out = new TreeSet<>();
        Path runs = dir.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runs)) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches()) {
                    out.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        return out;
    }

    /**
     * Deletes the temporary files a writer that died left under {@code dir}; call it only while no
     * writer works there.
     *
     * @return the number of files deleted
     */
    public static int removeTemporaries(Path dir) throws IOException {
        int n = 0;
        for (String table : WRITE_ORDER) {
            Path folder = dir.resolve(table);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ".run-*.tmp")) {
                for (Path f : files) {
                    Files.deleteIfExists(f);
                    n++;
                }
            }
        }
        return n;
    }

    private int rows(String table) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM "
                + table)) {
            rs.next();
            int n = rs.getInt(1);
            connection.commit();
            return n;
        }
    }

    /** Empties the in-memory tables of a run. */
    private void clear() throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String table : WRITE_ORDER) {
                st.execute("DELETE FROM " + table);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /**
     * What {@link ResultsStore#load} read.
     *
     * @param ok     runs loaded with status ok
     * @param failed runs loaded with status failed (run again on the next resume)
     */
    public record Loaded(int ok, int failed) {
    }

    /** {@code path} as an SQL string literal. */
    static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
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
