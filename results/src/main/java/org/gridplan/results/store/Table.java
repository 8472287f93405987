package org.gridplan.results.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.gridplan.results.stats.Kpi;

/**
 * A results table of run rows declared once: the run key ({@code run_id}, {@code layout},
 * {@code point}, {@code replication}) followed by its {@link Column}s. The DDL, the migration of an
 * older database and the appender's column order are all derived from the declaration.
 *
 * <p>The appender writes a row by position, so the {@link Writer} is laid out from the columns the
 * table physically has, in their order, matched by name: a database of an older batch, whose new
 * columns were added at the end by {@code ALTER TABLE}, is written correctly, and reordering the
 * declaration cannot put a value into another column. A physical column the declaration lacks
 * gets NULL.
 *
 * @param <T> what one row is made from
 */
final class Table<T> {

    /** The run key every run table starts with. */
    static final List<String> KEY = List.of("run_id", "layout", "point", "replication");
    /** The run key as DDL. */
    static final String KEY_DDL = "run_id INTEGER, layout VARCHAR, point INTEGER, replication INTEGER";

    private final String name;
    private final List<Column<T>> columns;

    Table(String name, List<Column<T>> columns) {
        this.name = name;
        this.columns = List.copyOf(columns);
        Set<String> seen = new HashSet<>(KEY);
        for (Column<T> c : this.columns) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException(name + ": column " + c.name() + " declared twice");
            }
        }
    }

    String name() {
        return name;
    }

    /** The declared columns after the run key, in declaration order. */
    List<Column<T>> columns() {
        return columns;
    }

    /** The declared column {@code column}; empty if there is none (the key columns included). */
    Optional<Column<T>> column(String column) {
        return columns.stream().filter(c -> c.name().equals(column)).findFirst();
    }

    /** Column name → the KPI it holds, for the columns that hold one, in declaration order. */
    Map<Kpi, String> kpiColumns() {
        Map<Kpi, String> out = new LinkedHashMap<>();
        for (Column<T> c : columns) {
            c.kpi().ifPresent(k -> {
                if (out.put(k, c.name()) != null) {
                    throw new IllegalStateException(name + ": two columns hold " + k);
                }
            });
        }
        return out;
    }

    /** {@code CREATE TABLE IF NOT EXISTS} with the key and every declared column. */
    String createDdl() {
        StringBuilder s = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(name).append(" (").append(KEY_DDL);
        for (Column<T> c : columns) {
            s.append(", ").append(c.ddl());
        }
        return s.append(")").toString();
    }

    /**
     * {@code ALTER TABLE ... ADD COLUMN IF NOT EXISTS} for every declared column the table does not
     * have yet ({@code existing}): a database of an older batch gains them, NULL in its rows.
     */
    List<String> migrationDdl(Collection<String> existing) {
        List<String> out = new ArrayList<>();
        for (Column<T> c : columns) {
            if (!existing.contains(c.name())) {
                out.add("ALTER TABLE " + name + " ADD COLUMN IF NOT EXISTS " + c.ddl());
            }
        }
        return out;
    }

    /** The columns table {@code table} has in {@code c}'s database, in their physical order; empty if no such table. */
    static List<String> physicalColumns(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name FROM information_schema.columns "
                + "WHERE table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * The select list of the KPI columns of this table as {@code physical} has them, one
     * expression per KPI of {@link #kpiColumns()} in that order: the column, qualified by
     * {@code alias} if not empty, or {@code NULL} where the table (of an older batch) lacks it.
     */
    String selectKpis(Collection<String> physical, String alias) {
        List<String> out = new ArrayList<>();
        for (String column : kpiColumns().values()) {
            out.add(physical.contains(column) ? (alias.isEmpty() ? "" : alias + ".") + column : "NULL");
        }
        return String.join(", ", out);
    }

    /** A writer for the table laid out as {@code physical} (its columns in order). */
    Writer<T> writer(List<String> physical) {
        List<Slot<T>> slots = new ArrayList<>();
        Set<String> missing = new HashSet<>(KEY);
        for (String p : physical) {
            missing.remove(p);
            slots.add(switch (p) {
                case "run_id" -> (a, key, row) -> a.append(key.runId());
                case "layout" -> (a, key, row) -> a.append(key.layout());
                case "point" -> (a, key, row) -> a.append(key.point());
                case "replication" -> (a, key, row) -> a.append(key.replication());
                default -> column(p).<Slot<T>>map(c -> (a, key, row) -> c.append(a, row))
                        .orElse((a, key, row) -> a.append((String) null));
            });
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(name + " has no column " + missing + " of the run key");
        }
        return new Writer<>(slots);
    }

    /** Appends one physical column of a row. */
    @FunctionalInterface
    private interface Slot<T> {
        void append(DuckDBAppender a, RunRecord key, T row) throws SQLException;
    }

    /** Appends rows of a table in its physical column order. */
    static final class Writer<T> {
        private final List<Slot<T>> slots;

        private Writer(List<Slot<T>> slots) {
            this.slots = List.copyOf(slots);
        }

        /** Appends the row of {@code row} keyed by the run {@code key}. */
        void append(DuckDBAppender a, RunRecord key, T row) throws SQLException {
            a.beginRow();
            for (Slot<T> s : slots) {
                s.append(a, key, row);
            }
            a.endRow();
        }
    }
}
