package org.gridplan.results.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The export of a results database: every table of {@link StoreSchema#TABLES} to
 * {@code <table>.<format>} with DuckDB's {@code COPY}, rows in a fixed order (run id, then grid,
 * worker, incident number, ...). A database of an older batch, opened read-only, may lack a table
 * or a column added since: a missing table is skipped and a missing column left out of the order.
 */
final class StoreExport {

    private StoreExport() {
    }

    /** See {@link ResultsStore#export(Connection, Path, ExportFormat)}. */
    static List<Path> export(Connection c, Path dir, ExportFormat format) throws SQLException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SQLException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        Map<String, Set<String>> columns = new HashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT table_name, column_name FROM information_schema.columns")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
            }
        }
        List<Path> out = new ArrayList<>();
        for (String table : StoreSchema.TABLES) {
            if (!columns.containsKey(table)) {
                continue;
            }
            String order = String.join(", ", Arrays.stream(order(table).split(", "))
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

    /** The columns {@code table}'s rows are exported in the order of. */
    private static String order(String table) {
        return switch (table) {
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
    }
}
