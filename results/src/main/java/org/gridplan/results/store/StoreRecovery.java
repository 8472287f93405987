package org.gridplan.results.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Opening a batch's results database that may be damaged (a disk that filled up, a copy cut
 * short, a file overwritten by something else), so that a damaged database never stops a batch
 * and never loses what it still holds.
 *
 * <p>{@link #open} opens the database as {@link ResultsStore#open} does and reads every table.
 * If DuckDB says the file is damaged (not a DuckDB file, a checksum that does not match, a file
 * shorter than its catalog says), the file and its
 * write-ahead log are moved aside, never deleted or overwritten, to
 * {@code results.duckdb.corrupt-<UTC time>} beside it, and a new database is started in its
 * place. Errors that are not damage (the database locked by another gridplan, no permission, a
 * database of a newer DuckDB) are thrown as they are: the file is not touched.
 *
 * <p>{@link #salvage} then copies the runs that can still be read from the moved-aside file into
 * the new one, each run with all its rows or not at all, so the resume skips them: only when the
 * moved-aside file says it holds the same batch (scenario hash and run count), so the salvage
 * never mixes two scenarios.
 */
public final class StoreRecovery {

    /** The attached alias of the moved-aside database while runs are copied from it. */
    private static final String ALIAS = "gridplan_salvage";

    /** What DuckDB says of a file it cannot read because the file is damaged. */
    private static final Pattern DAMAGE = Pattern.compile("not a valid DuckDB database file|Corrupt database file"
            + "|checksum|Could not read enough bytes|Serialization Error|Failed to deserialize|INTERNAL Error"
            + "|Invalid Input Error: Database file|block .* out of range|invalid block", Pattern.CASE_INSENSITIVE);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private StoreRecovery() {
    }

    /**
     * An opened store and, when the database there was damaged, where it went.
     *
     * @param store    the open store (a new database when {@code setAside} is present)
     * @param setAside the damaged file's new name and what DuckDB said of it
     */
    public record Opened(ResultsStore store, Optional<SetAside> setAside) {
    }

    /**
     * A damaged database moved aside.
     *
     * @param file   where it is now
     * @param reason the first line of DuckDB's error
     */
    public record SetAside(Path file, String reason) {
    }

    /**
     * What {@link #salvage} copied.
     *
     * @param runs runs copied with all their rows
     * @param lost runs the moved-aside file lists as done whose rows could not all be read
     * @param note why nothing was copied, empty when it tried
     */
    public record Salvaged(int runs, int lost, String note) {
    }

    /**
     * Opens {@code file} for writing, moving it aside and starting a new database when it is damaged.
     *
     * @param clock gives the time in the moved-aside file's name
     * @throws SQLException when the database cannot be opened for another reason than damage, the
     *                      damaged file cannot be moved aside (it is left as it was) or the new
     *                      database cannot be created
     */
    public static Opened open(Path file, Clock clock) throws SQLException {
        if (!Files.exists(file)) {
            return new Opened(ResultsStore.open(file), Optional.empty());
        }
        try {
            ResultsStore store = ResultsStore.open(file);
            try {
                check(store);
                return new Opened(store, Optional.empty());
            } catch (SQLException | RuntimeException e) {
                try {
                    store.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } catch (SQLException e) {
            if (!damaged(e)) {
                throw e;
            }
            Path aside;
            try {
                aside = moveAside(file, clock);
            } catch (IOException io) {
                throw new SQLException(firstLine(e) + "; it could not be moved aside to start a new database ("
                        + io.getMessage() + ")", e);
            }
            return new Opened(ResultsStore.open(file), Optional.of(new SetAside(aside, firstLine(e))));
        }
    }

    /**
     * Reads every value of every table, so damage anywhere shows now rather than in the middle of
     * the batch or its report (DuckDB checks a block's checksum when it reads it). DuckDB reads a
     * column at some hundred million values a second, so this costs a fraction of a second for
     * most batches.
     */
    private static void check(ResultsStore store) throws SQLException {
        store.batchInfo();
        store.completedRunIds();
        Connection c = store.connection();
        for (String t : StoreSchema.TABLES) {
            if (Table.physicalColumns(c, t).isEmpty()) {
                continue;
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT min(COLUMNS(*)) FROM "
                    + t)) {
                rs.next();
            }
            c.commit();
        }
    }

    /** Whether DuckDB's error (or one it wraps) says the file is damaged. */
    static boolean damaged(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && DAMAGE.matcher(t.getMessage()).find()) {
                return true;
            }
        }
        return false;
    }

    /** The first line of an error, a quoted path in it shortened to its file name. */
    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse("").trim().replaceAll("\"[^\"]*[/\\\\]([^\"/\\\\]+)\"", "\"$1\"");
    }

    /**
     * Moves {@code file} and its write-ahead log to {@code <file>.corrupt-<UTC time>} (and
     * {@code .wal}), a free name beside it; nothing is deleted or overwritten.
     */
    static Path moveAside(Path file, Clock clock) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        String base = file.getFileName() + ".corrupt-" + STAMP.format(clock.instant());
        Path aside = dir.resolve(base);
        for (int n = 2; Files.exists(aside) || Files.exists(wal(aside)); n++) {
            aside = dir.resolve(base + "-" + n);
        }
        Path wal = wal(file);
        Files.move(file, aside);
        if (Files.exists(wal)) {
            Files.move(wal, wal(aside));
        }
        return aside;
    }

    private static Path wal(Path db) {
        return db.resolveSibling(db.getFileName() + ".wal");
    }

    /**
     * Copies into {@code store} (a new database) the runs stored as done in the moved-aside
     * database {@code aside}, when it holds the batch {@code batch}; records {@code batch} in
     * {@code store} first, so its runs are never taken for another scenario's. Each run is copied
     * with all its rows of every run table or not at all; the plan's justifications and open
     * branches come along when they can be read. Rows that cannot be read are left behind, their
     * runs run again.
     */
    public static Salvaged salvage(ResultsStore store, Path aside, BatchInfo batch) throws SQLException {
        return salvage(store, aside, batch, List.of());
    }

    /**
     * As {@link #salvage(ResultsStore, Path, BatchInfo)}, also taking a moved-aside database that
     * recorded one of {@code earlierHashes} (the hashes earlier versions gave the same scenario)
     * for the batch.
     */
    public static Salvaged salvage(ResultsStore store, Path aside, BatchInfo batch, List<String> earlierHashes)
            throws SQLException {
        store.claim(batch);
        Connection c = store.connection();
        try (Statement st = c.createStatement()) {
            st.execute("ATTACH '" + aside.toAbsolutePath().toString().replace("'", "''") + "' AS " + ALIAS
                    + " (READ_ONLY)");
            c.commit();
        } catch (SQLException e) {
            rollback(store);
            return new Salvaged(0, 0, "it cannot be opened at all" + (damaged(e) ? "" : " (" + firstLine(e) + ")"));
        }
        try {
            Optional<BatchInfo> old;
            List<Integer> ids = new ArrayList<>();
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT scenario, scenario_hash, total_runs FROM " + ALIAS
                        + ".batch")) {
                    old = rs.next() ? Optional.of(new BatchInfo(rs.getString(1), rs.getString(2), rs.getInt(3)))
                            : Optional.empty();
                }
                if (old.isEmpty() || !old.get().scenarioHash().equals(batch.scenarioHash())
                        && !earlierHashes.contains(old.get().scenarioHash())
                        || old.get().totalRuns() != batch.totalRuns()) {
                    c.commit();
                    return new Salvaged(0, 0, old.isEmpty() ? "it records no batch"
                            : "it holds a batch of another scenario (or of the scenario before it changed)");
                }
                try (ResultSet rs = st.executeQuery("SELECT DISTINCT run_id FROM " + ALIAS + ".runs WHERE status = '"
                        + RunRecord.OK + "' ORDER BY run_id")) {
                    while (rs.next()) {
                        ids.add(rs.getInt(1));
                    }
                }
                c.commit();
            } catch (SQLException e) {
                rollback(store);
                return new Salvaged(0, 0, "its list of runs cannot be read (" + firstLine(e) + ")");
            }
            // The columns both databases have, by table (an older batch's tables may lack some).
            Map<String, List<String>> tables = new LinkedHashMap<>();
            for (String t : StoreSchema.RUN_TABLES) {
                List<String> both = columns(store, ALIAS, t);
                both.retainAll(columns(store, null, t));
                if (!both.isEmpty()) {
                    tables.put(t, both);
                }
            }
            int[] copied = {0};
            try {
                copy(store, tables, ids, 0, ids.size(), copied);
            } catch (SQLException e) {
                rollback(store);
                return new Salvaged(copied[0], ids.size() - copied[0], "its runs cannot be copied (" + firstLine(e)
                        + ")");
            }
            for (String t : List.of("justifications", "open_branches")) {
                copyTable(store, t);
            }
            return new Salvaged(copied[0], ids.size() - copied[0], "");
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute("DETACH " + ALIAS);
                c.commit();
            }
        }
    }

    /**
     * Copies runs {@code ids[from, to)}: all in one transaction, or, when a row of one cannot be
     * read, each half on its own, down to single runs, so one damaged block loses only its runs.
     */
    private static void copy(ResultsStore store, Map<String, List<String>> tables, List<Integer> ids, int from, int to,
            int[] copied) throws SQLException {
        if (from >= to) {
            return;
        }
        String where = "t.run_id BETWEEN " + ids.get(from) + " AND " + ids.get(to - 1);
        try {
            for (Map.Entry<String, List<String>> t : tables.entrySet()) {
                copyRows(store, t.getKey(), t.getValue(), where);
            }
            store.connection().commit();
            copied[0] += to - from;
        } catch (SQLException e) {
            rollback(store);
            if (!damaged(e)) {
                throw e;
            }
            if (to - from > 1) {
                int mid = (from + to) >>> 1;
                copy(store, tables, ids, from, mid, copied);
                copy(store, tables, ids, mid, to, copied);
            }
        }
    }

    /**
     * Inserts the rows of {@code table} of the done runs matching {@code where}, by column name, in
     * the open transaction.
     */
    private static void copyRows(ResultsStore store, String table, List<String> both, String where)
            throws SQLException {
        String cols = String.join(", ", both);
        String sql = "INSERT INTO " + table + " (" + cols + ") SELECT " + prefixed(both, "t") + " FROM " + ALIAS + "."
                + table + " t JOIN (SELECT DISTINCT run_id FROM " + ALIAS + ".runs WHERE status = '" + RunRecord.OK
                + "') status_ok ON t.run_id = status_ok.run_id WHERE " + where
                + (table.equals("runs") ? " AND t.status = '" + RunRecord.OK + "'" : "");
        try (Statement st = store.connection().createStatement()) {
            st.executeUpdate(sql);
        }
    }

    /** Copies a table that is not keyed by run, whole, if it can be read; else leaves it. */
    private static void copyTable(ResultsStore store, String table) {
        try {
            List<String> both = columns(store, ALIAS, table);
            both.retainAll(columns(store, null, table));
            if (both.isEmpty()) {
                return;
            }
            String cols = String.join(", ", both);
            try (Statement st = store.connection().createStatement()) {
                st.executeUpdate("INSERT INTO " + table + " (" + cols + ") SELECT " + cols + " FROM " + ALIAS + "."
                        + table);
            }
            store.connection().commit();
        } catch (SQLException e) {
            rollback(store);
        }
    }

    private static String prefixed(List<String> columns, String alias) {
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            out.add(alias + "." + c);
        }
        return String.join(", ", out);
    }

    /**
     * The columns of {@code table} in database {@code catalog} (null: the store's own), in order;
     * commits, so not to be called inside a run's copy.
     */
    private static List<String> columns(ResultsStore store, String catalog, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        String sql = "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_catalog = "
                + (catalog == null ? "current_database()" : "?") + " ORDER BY ordinal_position";
        try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
            ps.setString(1, table);
            if (catalog != null) {
                ps.setString(2, catalog);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        store.connection().commit();
        return out;
    }

    private static void rollback(ResultsStore store) {
        try {
            store.connection().rollback();
        } catch (SQLException ignored) {
            // The transaction is gone either way; the next statement starts a new one.
        }
    }
}
