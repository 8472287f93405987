package org.gridplan.results.store;

import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import org.duckdb.DuckDBAppender;
import org.gridplan.results.stats.Kpi;

/**
 * One column of a results table declared in {@link KpiTables}: its name, SQL type, how its value
 * is drawn from the table's row source {@code T} (a run result, a grid's, a worker's or an
 * incident's record), and the {@link Kpi} it holds, if any. The typed factories tie the SQL type
 * to the Java value appended, so a column cannot be declared BIGINT and fed a double.
 *
 * @param <T> what one row is made from
 */
final class Column<T> {

    /** The SQL types the tables use. */
    enum Type {
        INTEGER, BIGINT, DOUBLE, VARCHAR, BOOLEAN
    }

    /** Appends this column's value of one row. */
    @FunctionalInterface
    interface Appending<T> {
        void append(DuckDBAppender a, T row) throws SQLException;
    }

    private final String name;
    private final Type type;
    private final Kpi kpi;
    private final Appending<T> appending;

    private Column(String name, Type type, Kpi kpi, Appending<T> appending) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("bad column name " + name);
        }
        this.name = name;
        this.type = Objects.requireNonNull(type, "type");
        this.kpi = kpi;
        this.appending = Objects.requireNonNull(appending, "appending");
    }

    /** An INTEGER column. */
    static <T> Column<T> integer(String name, ToIntFunction<T> value) {
        return new Column<>(name, Type.INTEGER, null, (a, row) -> a.append(value.applyAsInt(row)));
    }

    /** A BIGINT column (a count). */
    static <T> Column<T> bigint(String name, ToLongFunction<T> value) {
        return new Column<>(name, Type.BIGINT, null, (a, row) -> a.append(value.applyAsLong(row)));
    }

    /** A DOUBLE column; NaN (nothing to measure) is stored as NULL. */
    static <T> Column<T> dbl(String name, ToDoubleFunction<T> value) {
        return new Column<>(name, Type.DOUBLE, null, (a, row) -> num(a, value.applyAsDouble(row)));
    }

    /** A VARCHAR column; null is stored as NULL. */
    static <T> Column<T> text(String name, Function<T, String> value) {
        return new Column<>(name, Type.VARCHAR, null, (a, row) -> a.append(value.apply(row)));
    }

    /** A BOOLEAN column. */
    static <T> Column<T> bool(String name, Predicate<T> value) {
        return new Column<>(name, Type.BOOLEAN, null, (a, row) -> a.append(value.test(row)));
    }

    /**
     * The column holding {@code kpi}, in its stored unit: DOUBLE, or BIGINT for a count; NaN is
     * stored as NULL.
     */
    static <T> Column<T> kpi(String name, Kpi kpi, ToDoubleFunction<T> value) {
        Objects.requireNonNull(kpi, "kpi");
        if (kpi.unit() == org.gridplan.results.stats.Unit.COUNT) {
            return new Column<>(name, Type.BIGINT, kpi, (a, row) -> {
                double v = value.applyAsDouble(row);
                if (Double.isNaN(v)) {
                    a.append((String) null);
                } else {
                    a.append(Math.round(v));
                }
            });
        }
        return new Column<>(name, Type.DOUBLE, kpi, (a, row) -> num(a, value.applyAsDouble(row)));
    }

    /** Appends a double, NULL for NaN (nothing to measure). */
    static void num(DuckDBAppender a, double v) throws SQLException {
        if (Double.isNaN(v)) {
            a.append((String) null);
        } else {
            a.append(v);
        }
    }

    String name() {
        return name;
    }

    Type type() {
        return type;
    }

    /** The KPI this column holds; empty for other columns. */
    Optional<Kpi> kpi() {
        return Optional.ofNullable(kpi);
    }

    /** The column as a DDL fragment, e.g. {@code response_mean DOUBLE}. */
    String ddl() {
        return name + " " + type.name();
    }

    void append(DuckDBAppender a, T row) throws SQLException {
        appending.append(a, row);
    }

    @Override
    public String toString() {
        return ddl();
    }
}
