package org.gridplan.results.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The schema of a results database and the migration of a database of an older batch to it.
 *
 * <p><b>Tables.</b> Every table's {@code CREATE TABLE IF NOT EXISTS} at its current shape: the
 * declared KPI tables' from their declarations in {@link KpiTables}, the others' written here.
 *
 * <p><b>Version.</b> The one row of table {@code schema_version} holds the number of the last
 * {@link #STEPS step} applied; a database without it (every batch stored before the version was
 * recorded, or a new file) is at version 0. Opening a database for writing applies the steps after
 * its version in order, each with the new version in one transaction, so a database is always at
 * one version: an interrupted migration goes on from there on the next open. A database of a newer
 * version (written by a later gridplan) is left as it is.
 *
 * <p><b>Steps.</b> A step creates a missing table at its current shape, so the steps that add
 * columns to it later find them there; they add only what is missing ({@code ADD COLUMN IF NOT
 * EXISTS}, NULL in the rows stored before). Every step is safe on a database of any age, which a
 * database at version 0 needs: it runs them all. Changing a table (a column in {@link KpiTables}
 * included) takes a new step at the end, numbered {@link #VERSION} + 1; {@code StoreSchemaTest}
 * holds the schema of the current version and fails until there is one.
 *
 * <p>Readers open a database read-only and read it as it is, missing tables and columns as none
 * or NULL: only a writer migrates.
 */
final class StoreSchema {

    private StoreSchema() {
    }

    /** The tables in export order. */
    static final List<String> TABLES = List.of("batch", "settings", "layouts", "runs", "district_kpis",
            "grid_kpis", "worker_kpis", "response_breakdown", "response_histogram", "backlog", "incidents",
            "justifications", "open_branches");

    /** The tables holding rows of a run, keyed by run id. */
    static final List<String> RUN_TABLES = List.of("runs", "district_kpis", "grid_kpis", "worker_kpis",
            "response_breakdown", "response_histogram", "backlog", "incidents");

    /** The table holding the schema version; not a table of results, so not exported. */
    static final String VERSION_TABLE = "schema_version";

    /** Table → its {@code CREATE TABLE IF NOT EXISTS} at its current shape, in {@link #TABLES} order. */
    private static final Map<String, String> CREATE = new LinkedHashMap<>();

    static {
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("batch", "scenario VARCHAR, scenario_hash VARCHAR, total_runs INTEGER, created TIMESTAMP");
        plain.put("settings", "name VARCHAR, value VARCHAR");
        plain.put("layouts", "position INTEGER, layout VARCHAR, grids INTEGER, file VARCHAR");
        plain.put("runs", "run_id INTEGER, layout VARCHAR, point INTEGER, sweep VARCHAR, replication INTEGER, "
                + "seed BIGINT, status VARCHAR, error VARCHAR, seconds DOUBLE, finished TIMESTAMP");
        plain.put("response_histogram", Table.KEY_DDL + ", minutes DOUBLE, incidents INTEGER");
        plain.put("backlog", Table.KEY_DDL + ", hour DOUBLE, open DOUBLE, waiting DOUBLE");
        plain.put("justifications", "layout VARCHAR, number INTEGER, text VARCHAR, text_zh VARCHAR, point INTEGER");
        plain.put("open_branches", "layout VARCHAR, point INTEGER, number INTEGER, site VARCHAR");
        for (String t : TABLES) {
            String ddl = plain.containsKey(t) ? "CREATE TABLE IF NOT EXISTS " + t + " (" + plain.get(t) + ")"
                    : KpiTables.ALL.stream().filter(d -> d.name().equals(t)).findFirst()
                            .orElseThrow(() -> new IllegalStateException("no DDL for table " + t)).createDdl();
            CREATE.put(t, ddl);
        }
    }

    /** The statements of a step, which may depend on what the database holds already. */
    @FunctionalInterface
    interface Statements {
        List<String> of(Connection c) throws SQLException;
    }

    /**
     * One migration step: the schema {@code version} it brings a database to, what changed, as the
     * batches of that time saw it, and its statements.
     */
    record Step(int version, String change, Statements statements) {
    }

    /**
     * Every schema change since the first batches, in order; step k brings a database from
     * version k - 1 to k.
     */
    static final List<Step> STEPS = List.of(
            create(1, "the first batches: the batch, its runs, district, grid and worker KPIs, incidents",
                    "batch", "runs", "district_kpis", "grid_kpis", "worker_kpis", "incidents"),
            create(2, "what the report needs: response histograms, backlog, justifications, settings, layouts",
                    "response_histogram", "backlog", "justifications", "settings", "layouts"),
            fixed(3, "justifications in Chinese beside the English",
                    "ALTER TABLE justifications ADD COLUMN IF NOT EXISTS text_zh VARCHAR"),
            create(4, "the sites the optimised plan opens as branches", "open_branches"),
            fixed(5, "justifications and open branches per sweep point (rows stored before keep a NULL point: "
                            + "the plan of every point)",
                    "ALTER TABLE justifications ADD COLUMN IF NOT EXISTS point INTEGER",
                    "ALTER TABLE open_branches ADD COLUMN IF NOT EXISTS point INTEGER"),
            new Step(6, "the officials' KPIs (time limits, visit coverage, work hours, workload, headcount): "
                    + "the KPI tables gain the columns declared since the first batches", StoreSchema::declaredColumns),
            create(7, "the response breakdown by category and by working hours", "response_breakdown"));

    /** The version of a database with every step applied. */
    static final int VERSION = STEPS.size();

    static {
        for (int i = 0; i < STEPS.size(); i++) {
            if (STEPS.get(i).version() != i + 1) {
                throw new IllegalStateException("step " + STEPS.get(i).version() + " is step " + (i + 1));
            }
        }
    }

    /** The step creating the missing {@code tables} at their current shape. */
    private static Step create(int version, String change, String... tables) {
        List<String> ddl = new ArrayList<>();
        for (String t : tables) {
            ddl.add(createDdl(t));
        }
        return fixed(version, change, ddl.toArray(String[]::new));
    }

    private static Step fixed(int version, String change, String... ddl) {
        List<String> statements = List.of(ddl);
        return new Step(version, change, c -> statements);
    }

    /** {@code ADD COLUMN} for every column declared in {@link KpiTables} that its table lacks. */
    private static List<String> declaredColumns(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Table<?> t : KpiTables.ALL) {
            List<String> physical = Table.physicalColumns(c, t.name());
            // A table not there yet is created by a later step, at its current shape.
            if (!physical.isEmpty()) {
                out.addAll(t.migrationDdl(physical));
            }
        }
        return out;
    }

    /** {@code CREATE TABLE IF NOT EXISTS} of {@code table} (one of {@link #TABLES}) at its current shape. */
    static String createDdl(String table) {
        String ddl = CREATE.get(table);
        if (ddl == null) {
            throw new IllegalArgumentException("no table " + table);
        }
        return ddl;
    }

    /** The current schema: every table's {@code CREATE TABLE IF NOT EXISTS}, in {@link #TABLES} order. */
    static List<String> ddl() {
        return List.copyOf(CREATE.values());
    }

    /**
     * The schema version of {@code c}'s database: empty when it has no version recorded (a new
     * file, or a batch stored before versions were), which {@link #migrate} takes for version 0.
     */
    static OptionalInt version(Connection c) throws SQLException {
        if (Table.physicalColumns(c, VERSION_TABLE).isEmpty()) {
            return OptionalInt.empty();
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT max(version) FROM " + VERSION_TABLE)) {
            rs.next();
            int v = rs.getInt(1);
            return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(v);
        }
    }

    /**
     * Brings {@code c}'s database to {@link #VERSION}: applies every step after its version in
     * order, each in its own transaction with the version it reaches. {@code c} has auto-commit off.
     *
     * @return the version the database was at (0 without one)
     * @throws SQLException when a step fails; the database stays at the version before it
     */
    static int migrate(Connection c) throws SQLException {
        if (c.getAutoCommit()) {
            throw new IllegalStateException("migrate needs auto-commit off");
        }
        int from;
        try {
            from = version(c).orElse(0);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
        for (Step step : STEPS) {
            if (step.version() <= from) {
                continue;
            }
            try (Statement st = c.createStatement()) {
                for (String sql : step.statements().of(c)) {
                    st.execute(sql);
                }
                st.execute("CREATE TABLE IF NOT EXISTS " + VERSION_TABLE + " (version INTEGER)");
                st.execute("DELETE FROM " + VERSION_TABLE);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + VERSION_TABLE + " VALUES (?)")) {
                    ps.setInt(1, step.version());
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                if (e instanceof SQLException s) {
                    throw new SQLException("migrating to schema version " + step.version() + " (" + step.change()
                            + "): " + s.getMessage(), s.getSQLState(), s);
                }
                throw e;
            }
        }
        return from;
    }
}
