package org.gridplan.results.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.gridplan.results.stats.BatchStatus;
import org.gridplan.results.stats.CasePart;
import org.gridplan.results.stats.ComparisonData;
import org.gridplan.results.stats.Justification;
import org.gridplan.results.stats.Kpi;
import org.gridplan.results.stats.MapData;
import org.gridplan.results.stats.ResponseHistogram;
import org.gridplan.results.stats.RunBreakdown;
import org.gridplan.results.stats.RunDetail;
import org.gridplan.results.stats.RunKpis;
import org.gridplan.results.stats.ScenarioSummary;
import org.gridplan.results.stats.Staff;
import org.gridplan.results.stats.SurgeRun;
import org.gridplan.results.stats.SweepAxis;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.io.InputException;
import org.gridplan.sim.io.SafePaths;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;

/**
 * Reads a batch folder — the results database and the city and layout GeoJSON files beside it —
 * into the {@link ComparisonData} of its report.
 *
 * <p><b>What goes in.</b> The baseline is the first layout of the scenario. The headline table,
 * the distributions and the maps are drawn at a reference sweep point (the first one unless
 * another is asked for). A report compares layouts along one swept quantity: the first numeric
 * swept field, a {@code staffing.*} field if there is one. With a factorial sweep of several
 * fields the report holds the points where the other fields are at the reference point's values
 * (the summary names them); with a zip sweep every point; with no numeric field only the
 * reference point. Distributions are read only for the reference point's runs, so the memory a
 * report needs grows with the runs at one point, not with the batch.
 *
 * <p>Only successful runs are read. A batch with missing or failed runs is still reported, and
 * {@link ComparisonData#status()} says how many runs are stored out of how many.
 */
public final class BatchReportLoader {

    /** The results database inside a batch folder. */
    public static final String DATABASE = "results.duckdb";

    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchReportLoader() {
    }

    /**
     * Loads the batch in folder {@code dir} at its first sweep point, opening its database
     * read-only.
     *
     * @throws InputException when the folder, its database or a GeoJSON file is missing or holds
     *                        nothing to report; the message names the file and what is wrong
     */
    public static ComparisonData load(Path dir) {
        return load(dir, 0);
    }

    /** As {@link #load(Path)} at sweep point {@code point} (0 = the first). */
    public static ComparisonData load(Path dir, int point) {
        if (Files.isRegularFile(dir)) {
            throw new InputException(dir + ": a file, not a batch folder (give the folder gridplan run wrote, or its "
                    + DATABASE + ")");
        }
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + ": no such batch folder");
        }
        Path db = dir.resolve(DATABASE);
        if (!Files.isRegularFile(db)) {
            throw new InputException(dir + ": no results database " + DATABASE
                    + " in this folder (is it the --out folder of 'gridplan run'?)");
        }
        try (Connection c = ResultsStore.openReadOnly(db)) {
            return load(dir, c, point);
        } catch (SQLException e) {
            throw new InputException(db + ": cannot read the results database: " + firstLine(e.getMessage()));
        }
    }

    /**
     * Loads the batch whose database {@code c} is open (e.g. by the batch that just ran) and whose
     * GeoJSON files are in {@code dir}, at sweep point {@code point}.
     */
    public static ComparisonData load(Path dir, Connection c, int point) throws SQLException {
        Objects.requireNonNull(dir, "dir");
        Path db = dir.resolve(DATABASE);
        for (String table : List.of("batch", "settings", "layouts", "runs", "response_histogram", "backlog")) {
            if (!hasTable(c, table)) {
                throw new InputException(db + ": table " + table + " is missing: the database was not written by "
                        + "this version of 'gridplan run'; run the scenario again into a new folder");
            }
        }
        String scenarioName;
        int totalRuns;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT scenario, total_runs FROM batch")) {
            if (!rs.next()) {
                throw new InputException(db + ": holds no batch (table batch is empty)");
            }
            scenarioName = rs.getString(1);
            totalRuns = rs.getInt(2);
        }
        Map<String, String> settings = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name, value FROM settings")) {
            while (rs.next()) {
                settings.put(rs.getString(1), rs.getString(2));
            }
        }
        for (String key : List.of("seed", "replications", "city_file")) {
            if (!settings.containsKey(key)) {
                throw new InputException(db + ": table settings has no '" + key + "': the batch never started "
                        + "(run 'gridplan run' on its scenario)");
            }
        }
        List<StoredLayout> layouts = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT layout, grids, file FROM layouts ORDER BY position")) {
            while (rs.next()) {
                layouts.add(new StoredLayout(rs.getString(1), rs.getInt(2), rs.getString(3)));
            }
        }

        // Runs: how many are stored, and the sweep values of every point.
        int ok = 0;
        int failed = 0;
        Map<Integer, String> sweepJson = new TreeMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT point, sweep, status FROM runs ORDER BY run_id")) {
            while (rs.next()) {
                if (RunRecord.OK.equals(rs.getString(3))) {
                    ok++;
                    sweepJson.putIfAbsent(rs.getInt(1), rs.getString(2));
                } else {
                    failed++;
                }
            }
        }
        if (ok == 0) {
            throw new InputException(db + ": no run of batch '" + scenarioName + "' has completed (" + failed
                    + " failed of " + totalRuns + "), so there is nothing to report");
        }
        if (!sweepJson.containsKey(point)) {
            throw new InputException(db + ": sweep point " + point + " has no stored runs; points with runs: "
                    + sweepJson.keySet());
        }
        int layoutCount;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM layouts")) {
            rs.next();
            layoutCount = rs.getInt(1);
        }
        Axis axis = axis(sweepJson, point, settings.getOrDefault("sweep_mode", "factorial"), layoutCount == 1);

        Map<String, Integer> grids = new LinkedHashMap<>();
        for (StoredLayout l : layouts) {
            grids.put(l.name(), l.grids());
        }
        City city = readCity(dir, settings.get("city_file"));
        ScenarioSummary summary = new ScenarioSummary(scenarioName, city.name(), city.households(), grids,
                Integer.parseInt(settings.get("replications")), Long.parseLong(settings.get("seed")), axis.label(),
                axis.sweep());
        ComparisonData.Builder b = ComparisonData.builder(summary);
        readRuns(c, axis, b);
        readDetails(c, point, axis.x().get(point), b);
        // The breakdown of every point of the axis: the report's cost per sweep point is its headcount.
        for (Map.Entry<Integer, Double> e : axis.x().entrySet()) {
            readBreakdowns(c, e.getKey(), e.getValue(), b);
        }
        readSurges(c, axis, settings.get("surge_windows"), b);

        List<GridLayout> mapped = new ArrayList<>();
        for (StoredLayout l : layouts) {
            Path file = insideBatch(dir, l.file(), "table layouts names the layout file of '" + l.name() + "' as");
            if (!Files.isRegularFile(file)) {
                throw new InputException(file + ": layout file of '" + l.name() + "' is missing from the batch "
                        + "folder (table layouts names it)");
            }
            mapped.add(GeoJson.readLayout(file, city).withName(l.name()));
        }
        // The plan of the report's sweep point: its open branches and justifications.
        Map<String, List<String>> open = new LinkedHashMap<>();
        if (hasTable(c, "open_branches")) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT layout, site FROM open_branches WHERE point = ? ORDER BY layout, number")) {
                ps.setInt(1, point);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        open.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
        }
        open.keySet().retainAll(layouts.stream().map(StoredLayout::name).toList());
        try {
            b.map(MapData.of(city, mapped, open));
        } catch (IllegalArgumentException e) {
            throw new InputException(db + ": table open_branches: " + e.getMessage());
        }

        List<Justification> justifications = new ArrayList<>();
        Map<String, List<Justification>> byLayout = new LinkedHashMap<>();
        Map<String, List<Justification>> unpointed = new LinkedHashMap<>();
        // Databases of batches run before the Chinese text or the sweep point was stored have no
        // text_zh or point column; their sentences are shown at every point.
        boolean chinese = hasColumn(c, "justifications", "text_zh");
        boolean perPoint = hasColumn(c, "justifications", "point");
        try (PreparedStatement ps = c.prepareStatement("SELECT layout, text, " + (chinese ? "text_zh" : "NULL") + ", "
                + (perPoint ? "point" : "NULL") + " FROM justifications"
                + (perPoint ? " WHERE point = ? OR point IS NULL" : "") + " ORDER BY layout, number")) {
            if (perPoint) {
                ps.setInt(1, point);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getInt(4);
                    (rs.wasNull() ? unpointed : byLayout).computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Justification(rs.getString(2), rs.getString(3)));
                }
            }
        }
        for (StoredLayout l : layouts) {
            // The point's own plan; rows stored before points were stand in where it has none.
            List<Justification> own = byLayout.getOrDefault(l.name(), List.of());
            for (Justification j : own.isEmpty() ? unpointed.getOrDefault(l.name(), List.of()) : own) {
                justifications.add(j.about(l.name()));
            }
        }
        b.justifications(justifications);
        String optimise = settings.getOrDefault("optimise", "none");
        b.status(new BatchStatus(totalRuns, ok, failed, !optimise.equals("none")));
        if (!layouts.isEmpty()) {
            b.baseline(layouts.get(0).name());
        }
        b.referencePoint(axis.x().get(point));
        if (!c.getAutoCommit()) {
            c.commit();
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new InputException(db + ": " + e.getMessage());
        }
    }

    /**
     * The swept quantity of a report: each point of the slice → its value on the axis, the axis
     * label (English, field paths as they are) and what it varies by field path.
     */
    record Axis(Map<Integer, Double> x, String label, SweepAxis sweep) {
        Axis(Map<Integer, Double> x, String label) {
            this(x, label, SweepAxis.NONE);
        }
    }

    static Axis axis(Map<Integer, String> sweepJson, int reference, String mode) {
        return axis(sweepJson, reference, mode, false);
    }

    /**
     * As {@link #axis(Map, int, String)}; with {@code everyPoint} (a batch of one layout, whose
     * only comparison is between its sweep points) a sweep without a numeric field keeps every
     * point, numbered along the axis, instead of the reference point alone.
     */
    static Axis axis(Map<Integer, String> sweepJson, int reference, String mode, boolean everyPoint) {
        Map<Integer, Map<String, JsonNode>> values = new TreeMap<>();
        sweepJson.forEach((p, json) -> values.put(p, parse(json)));
        Map<String, JsonNode> ref = values.get(reference);
        if (ref.isEmpty()) {
            return new Axis(Map.of(reference, 0.0), "");
        }
        List<String> params = new ArrayList<>(ref.keySet());
        String xParam = null;
        for (String p : params) {
            boolean numeric = values.values().stream().allMatch(v -> v.containsKey(p) && v.get(p).isNumber());
            if (numeric && (xParam == null || (!xParam.startsWith("staffing.") && p.startsWith("staffing.")))) {
                xParam = p;
            }
        }
        if (xParam != null) {
            List<String> others = new ArrayList<>(params);
            others.remove(xParam);
            if (everyPoint && !mode.equals("zip") && !others.isEmpty() && values.size() > 1) {
                // One layout, a factorial sweep: every point is reported (its only comparison is
                // between points), numbered, with the axis field read from each point's values.
                Map<Integer, Double> x = new LinkedHashMap<>();
                Map<Double, Map<String, String>> pointValues = new LinkedHashMap<>();
                for (Map.Entry<Integer, Map<String, JsonNode>> e : values.entrySet()) {
                    x.put(e.getKey(), (double) e.getKey());
                    pointValues.put((double) e.getKey(), texts(e.getValue()));
                }
                return new Axis(x, xParam + " × " + String.join(" × ", others),
                        new SweepAxis(xParam, List.of(), Map.of(), pointValues, others));
            }
            Map<Integer, Double> x = new LinkedHashMap<>();
            Map<Double, Map<String, String>> pointValues = new LinkedHashMap<>();
            Set<Double> seen = new HashSet<>();
            boolean distinct = true;
            for (Map.Entry<Integer, Map<String, JsonNode>> e : values.entrySet()) {
                boolean inSlice = mode.equals("zip") || others.stream()
                        .allMatch(o -> Objects.equals(e.getValue().get(o), ref.get(o)));
                if (inSlice) {
                    double v = e.getValue().get(xParam).asDouble();
                    distinct &= seen.add(v);
                    x.put(e.getKey(), v);
                    pointValues.put(v, texts(e.getValue()));
                }
            }
            if (distinct) {
                String label = xParam;
                Map<String, String> fixed = new LinkedHashMap<>();
                List<String> together = new ArrayList<>();
                if (!others.isEmpty()) {
                    StringBuilder s = new StringBuilder();
                    for (String o : others) {
                        s.append(s.length() == 0 ? "" : ", ")
                                .append(mode.equals("zip") ? o : o + " = " + text(ref.get(o)));
                        if (mode.equals("zip")) {
                            together.add(o);
                        } else {
                            fixed.put(o, text(ref.get(o)));
                        }
                    }
                    label += mode.equals("zip") ? " (varied together with " + s + ")" : " (at " + s + ")";
                }
                return new Axis(x, label, new SweepAxis(xParam, together, fixed, pointValues));
            }
        }
        StringBuilder s = new StringBuilder();
        for (String p : params) {
            s.append(s.length() == 0 ? "" : ", ").append(p).append(" = ").append(text(ref.get(p)));
        }
        String label = "sweep point (" + s + ")";
        if (everyPoint && values.size() > 1) {
            Map<Integer, Double> x = new LinkedHashMap<>();
            Map<Double, Map<String, String>> pointValues = new LinkedHashMap<>();
            for (Map.Entry<Integer, Map<String, JsonNode>> e : values.entrySet()) {
                x.put(e.getKey(), (double) e.getKey());
                pointValues.put((double) e.getKey(), texts(e.getValue()));
            }
            return new Axis(x, "sweep point", new SweepAxis("", List.of(), Map.of(), pointValues));
        }
        return new Axis(Map.of(reference, (double) reference), label, new SweepAxis("", List.of(), Map.of(),
                Map.of((double) reference, texts(ref))));
    }

    private static Map<String, String> texts(Map<String, JsonNode> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, text(v)));
        return out;
    }

    private static Map<String, JsonNode> parse(String json) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        try {
            JsonNode n = JSON.readTree(json == null || json.isBlank() ? "{}" : json);
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new InputException("runs.sweep: not a JSON object: " + json);
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null ? "-" : n.isTextual() ? n.asText() : n.toString();
    }

    /**
     * {@code file}, a path the database holds, resolved in the batch folder {@code dir}; it must lie
     * inside it (a database is data, and may have been altered or copied from elsewhere).
     *
     * @throws InputException naming the database's entry and the folder
     */
    static Path insideBatch(Path dir, String file, String entry) {
        Path path;
        boolean absolute;
        try {
            absolute = Path.of(file).isAbsolute();
            path = dir.resolve(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputException(dir.resolve(DATABASE) + ": " + entry + " '" + file
                    + "', which is not a valid path");
        }
        if (absolute || !SafePaths.inside(dir, path)) {
            throw new InputException(dir.resolve(DATABASE) + ": " + entry + " '" + file + "', which is outside the "
                    + "batch folder " + dir + "; a batch reads only its own files (was the database altered?)");
        }
        return path;
    }

    private static City readCity(Path dir, String file) {
        Path path = insideBatch(dir, file, "table settings names the city file (city_file) as");
        if (!Files.isRegularFile(path)) {
            throw new InputException(path + ": the batch's city file is missing from the batch folder (table "
                    + "settings names it as city_file)");
        }
        return GeoJson.readCity(path);
    }

    private static final String OK_RUNS = "SELECT run_id FROM runs WHERE status = 'ok'";

    /**
     * The district KPIs of every successful run on the axis, from the columns of
     * {@code district_kpis} tagged with a KPI ({@link KpiTables#DISTRICT}); a column that a
     * database of an older batch lacks reads as NaN.
     */
    static void readRuns(Connection c, Axis axis, ComparisonData.Builder b) throws SQLException {
        Table<?> t = KpiTables.DISTRICT;
        List<Kpi> kpis = List.copyOf(t.kpiColumns().keySet());
        String sql = "SELECT layout, point, replication, " + t.selectKpis(Table.physicalColumns(c, t.name()), "")
                + " FROM district_kpis WHERE run_id IN (" + OK_RUNS + ") ORDER BY run_id";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Double x = axis.x().get(rs.getInt(2));
                if (x == null) {
                    continue;
                }
                Map<Kpi, Double> values = new EnumMap<>(Kpi.class);
                for (int k = 0; k < kpis.size(); k++) {
                    values.put(kpis.get(k), dbl(rs, 4 + k));
                }
                b.add(new RunKpis(rs.getString(1), x, rs.getInt(3), values));
            }
        }
    }

    /** A successful run's layout and replication. */
    private record Run(String layout, int replication) {
    }

    /** The successful runs at sweep point {@code point}, by run id in id order. */
    private static Map<Integer, Run> okRuns(Connection c, int point) throws SQLException {
        Map<Integer, Run> runs = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT run_id, layout, replication FROM runs "
                + "WHERE status = 'ok' AND point = ? ORDER BY run_id")) {
            ps.setInt(1, point);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.put(rs.getInt(1), new Run(rs.getString(2), rs.getInt(3)));
                }
            }
        }
        return runs;
    }

    /**
     * The distributions of the runs at sweep point {@code point} (value {@code x} on the axis),
     * read table by table: response histograms, worker utilisations, backlog series, grid KPIs.
     */
    private static void readDetails(Connection c, int point, double x, ComparisonData.Builder b) throws SQLException {
        Map<Integer, Run> runs = okRuns(c, point);
        Map<Integer, double[][]> hist = rows(c, "SELECT run_id, minutes, incidents FROM response_histogram "
                + "WHERE point = ? ORDER BY run_id, minutes", point, 2);
        Map<Integer, double[][]> util = rows(c, "SELECT run_id, utilisation FROM worker_kpis WHERE point = ? "
                + "AND duty_minutes > 0 AND utilisation IS NOT NULL ORDER BY run_id, worker", point, 1);
        Map<Integer, double[][]> backlog = rows(c, "SELECT run_id, hour, open FROM backlog WHERE point = ? "
                + "ORDER BY run_id, hour", point, 2);
        Map<Integer, Map<String, Map<Kpi, Double>>> grids = new HashMap<>();
        List<Kpi> gridKpis = List.copyOf(KpiTables.GRID.kpiColumns().keySet());
        try (PreparedStatement ps = c.prepareStatement("SELECT run_id, grid, "
                + KpiTables.GRID.selectKpis(Table.physicalColumns(c, KpiTables.GRID.name()), "")
                + " FROM grid_kpis WHERE point = ? ORDER BY run_id, grid")) {
            ps.setInt(1, point);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<Kpi, Double> values = new EnumMap<>(Kpi.class);
                    for (int k = 0; k < gridKpis.size(); k++) {
                        values.put(gridKpis.get(k), dbl(rs, 3 + k));
                    }
                    grids.computeIfAbsent(rs.getInt(1), r -> new LinkedHashMap<>()).put(rs.getString(2), values);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT run_id, grid, sum(busy_minutes) / sum(duty_minutes) "
                + "FROM worker_kpis WHERE point = ? AND duty_minutes > 0 GROUP BY run_id, grid")) {
            ps.setInt(1, point);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<Kpi, Double> values = grids.getOrDefault(rs.getInt(1), Map.of()).get(rs.getString(2));
                    if (values != null) {
                        values.put(Kpi.UTILISATION, dbl(rs, 3));
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT run_id, grid, type, role, count(*) FROM worker_kpis "
                + "WHERE point = ? AND grid IS NOT NULL GROUP BY run_id, grid, type, role")) {
            ps.setInt(1, point);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<Kpi, Double> values = grids.getOrDefault(rs.getInt(1), Map.of()).get(rs.getString(2));
                    if (values != null && Staff.of(rs.getString(3), rs.getString(4)) == Staff.FULL_TIME) {
                        values.merge(Kpi.FULL_TIME_WORKERS, (double) rs.getInt(5), Double::sum);
                    }
                }
            }
        }
        for (Map<String, Map<Kpi, Double>> run : grids.values()) {
            run.values().forEach(v -> v.putIfAbsent(Kpi.FULL_TIME_WORKERS, 0.0));
        }
        for (Map.Entry<Integer, Run> e : runs.entrySet()) {
            int id = e.getKey();
            double[][] none = {new double[0], new double[0]};
            double[][] h = hist.getOrDefault(id, none);
            int[] counts = new int[h[1].length];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = (int) h[1][i];
            }
            double[][] bl = backlog.getOrDefault(id, none);
            b.add(new RunDetail(e.getValue().layout(), x, e.getValue().replication(),
                    new ResponseHistogram(h[0], counts).samples(), util.getOrDefault(id, none)[0], bl[0], bl[1],
                    grids.getOrDefault(id, Map.of())));
        }
    }

    /**
     * The figures of the surge window of every run at every sweep point, from its backlog series;
     * {@code windows} is the batch's {@code surge_windows} setting ("point@startDay:durationDays;..."),
     * null for a batch without a surge or stored before the setting was.
     */
    static void readSurges(Connection c, Axis axis, String windows, ComparisonData.Builder b) throws SQLException {
        if (windows == null || windows.isBlank()) {
            return;
        }
        Map<Integer, double[]> byPoint = new HashMap<>();
        for (String w : windows.split(";")) {
            try {
                String[] pw = w.split("@", 2);
                String[] sd = pw[1].split(":", 2);
                byPoint.put(Integer.parseInt(pw[0].trim()), new double[] {Double.parseDouble(sd[0]),
                    Double.parseDouble(sd[1])});
            } catch (RuntimeException e) {
                // A window the report cannot read is left out, not a reason to refuse the report.
            }
        }
        boolean hasWaiting = Table.physicalColumns(c, "backlog").contains("waiting");
        try (PreparedStatement ps = c.prepareStatement("SELECT b.run_id, r.layout, r.point, r.replication, b.hour, "
                + "b.open, " + (hasWaiting ? "b.waiting" : "NULL")
                        + " FROM backlog b JOIN runs r ON r.run_id = b.run_id "
                + "WHERE r.status = 'ok' ORDER BY b.run_id, b.hour")) {
            try (ResultSet rs = ps.executeQuery()) {
                int run = -1;
                String layout = null;
                int point = 0;
                int rep = 0;
                List<double[]> rows = new ArrayList<>();
                while (true) {
                    boolean more = rs.next();
                    if (!more || rs.getInt(1) != run) {
                        if (run >= 0 && byPoint.containsKey(point) && axis.x().containsKey(point)) {
                            double[] w = byPoint.get(point);
                            double[] h = new double[rows.size()];
                            double[] o = new double[rows.size()];
                            double[] q = new double[rows.size()];
                            for (int k = 0; k < h.length; k++) {
                                h[k] = rows.get(k)[0];
                                o[k] = rows.get(k)[1];
                                q[k] = rows.get(k)[2];
                            }
                            b.add(SurgeRun.of(layout, axis.x().get(point), rep, w[0], w[1], h, o,
                                    hasWaiting ? q : null));
                        }
                        if (!more) {
                            break;
                        }
                        run = rs.getInt(1);
                        layout = rs.getString(2);
                        point = rs.getInt(3);
                        rep = rs.getInt(4);
                        rows = new ArrayList<>();
                    }
                    rows.add(new double[] {rs.getDouble(5), rs.getDouble(6), rs.getDouble(7)});
                }
            }
        }
    }

    /**
     * The case breakdown ({@code response_breakdown}; a database of an older batch has none) and the
     * headcount by kind of worker ({@code worker_kpis}) of the runs at sweep point {@code point}.
     */
    static void readBreakdowns(Connection c, int point, double x, ComparisonData.Builder b)
            throws SQLException {
        Map<Integer, Run> runs = okRuns(c, point);
        Map<Integer, List<CasePart>> parts = new HashMap<>();
        if (hasTable(c, KpiTables.BREAKDOWN.name())) {
            try (PreparedStatement ps = c.prepareStatement("SELECT run_id, kind, name, urgent, known, reached, "
                    + "response_mean, response_p50, response_p90, on_time_response_share, on_time_closure_share "
                    + "FROM response_breakdown WHERE point = ? ORDER BY run_id, rowid")) {
                ps.setInt(1, point);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        CasePart.Kind kind;
                        try {
                            kind = CasePart.Kind.of(rs.getString(2));
                        } catch (IllegalArgumentException | NullPointerException e) {
                            continue;
                        }
                        parts.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new CasePart(kind,
                                Objects.requireNonNullElse(rs.getString(3), ""), rs.getBoolean(4), dbl(rs, 5),
                                dbl(rs, 6), dbl(rs, 7), dbl(rs, 8), dbl(rs, 9), dbl(rs, 10), dbl(rs, 11)));
                    }
                }
            }
        }
        Map<Integer, Map<Staff, Integer>> staff = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT run_id, type, role, count(*) FROM worker_kpis "
                + "WHERE point = ? GROUP BY run_id, type, role")) {
            ps.setInt(1, point);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    staff.computeIfAbsent(rs.getInt(1), k -> new java.util.EnumMap<>(Staff.class))
                            .merge(Staff.of(rs.getString(2), rs.getString(3)), rs.getInt(4), Integer::sum);
                }
            }
        }
        for (Map.Entry<Integer, Run> e : runs.entrySet()) {
            int id = e.getKey();
            b.add(new RunBreakdown(e.getValue().layout(), x, e.getValue().replication(),
                    parts.getOrDefault(id, List.of()), staff.getOrDefault(id, Map.of())));
        }
    }

    /**
     * The columns of {@code sql} (run id, then {@code width} numbers, ordered by run id) by run id,
     * for one sweep point: {@code out.get(run)[k]} is the k-th number column of the run's rows. Read
     * into primitive arrays, since a large batch has millions of rows at one point.
     */
    private static Map<Integer, double[][]> rows(Connection c, String sql, int point, int width)
            throws SQLException {
        Map<Integer, double[][]> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, point);
            try (ResultSet rs = ps.executeQuery()) {
                int run = Integer.MIN_VALUE;
                double[][] cols = new double[width][64];
                int n = 0;
                while (rs.next()) {
                    int id = rs.getInt(1);
                    if (id != run) {
                        if (n > 0) {
                            out.put(run, trim(cols, n));
                        }
                        run = id;
                        n = 0;
                    }
                    if (n == cols[0].length) {
                        for (int k = 0; k < width; k++) {
                            cols[k] = Arrays.copyOf(cols[k], 2 * n);
                        }
                    }
                    for (int k = 0; k < width; k++) {
                        cols[k][n] = rs.getDouble(2 + k);
                    }
                    n++;
                }
                if (n > 0) {
                    out.put(run, trim(cols, n));
                }
            }
        }
        return out;
    }

    private static double[][] trim(double[][] cols, int n) {
        double[][] out = new double[cols.length][];
        for (int k = 0; k < cols.length; k++) {
            out[k] = Arrays.copyOf(cols[k], n);
        }
        return out;
    }

    private static double dbl(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static boolean hasTable(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM information_schema.columns WHERE table_name = ? AND column_name = ?")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
