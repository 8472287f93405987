package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridplan.results.stats.Kpi;
import org.gridplan.results.stats.MeanInterval;
import org.gridplan.results.store.DistrictRow;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.scenarios.spec.SweepPoint;

/**
 * The KPI table of a batch: one row per layout and sweep point with the mean over replications
 * and the half-width of its 95 % Student-t interval of the 90th-percentile response time, the
 * workload (share of the full-time workers' shift spent working) and the officials' figures:
 * on-time response (all cases and urgent ones) and closure, household visit coverage, and the
 * full-time grid workers' routine and overtime hours per week. The mean closure time and every
 * other KPI are in the report and the database. With one replication there is no interval, and the
 * table says so; a figure the runs did not measure (no time limits, no visit cycle) is a dash. The
 * header takes two lines so the table fits 120 columns.
 */
final class KpiTable {

    /** A column: two header lines, the KPI and the factor from its stored unit to the one printed. */
    private record Column(String name, String unit, Kpi kpi, double factor) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("response", "p90 min", Kpi.P90_RESPONSE, 1),
            new Column("workload", "% of shift", Kpi.WORKLOAD, 100),
            new Column("on-time", "response %", Kpi.ON_TIME_RESPONSE, 100),
            new Column("urgent", "on-time %", Kpi.URGENT_ON_TIME_RESPONSE, 100),
            new Column("on-time", "closure %", Kpi.ON_TIME_CLOSURE, 100),
            new Column("visit", "coverage %", Kpi.VISIT_COVERAGE, 100),
            new Column("routine", "h/week", Kpi.ROUTINE_HOURS_WEEK, 1),
            new Column("overtime", "h/week", Kpi.OVERTIME_HOURS_WEEK, 1));

    private KpiTable() {
    }

    static void print(PrintWriter out, Scenario scenario, List<DistrictRow> rows) {
        Map<String, List<DistrictRow>> groups = new LinkedHashMap<>();
        for (Scenario.LayoutSource l : scenario.layouts()) {
            for (SweepPoint p : scenario.points()) {
                groups.put(l.name() + "\u0000" + p.index(), new ArrayList<>());
            }
        }
        for (DistrictRow r : rows) {
            List<DistrictRow> g = groups.get(r.layout() + "\u0000" + r.point());
            if (g != null) {
                g.add(r);
            }
        }
        boolean sweep = scenario.points().size() > 1;
        int layoutWidth = Math.max(6, scenario.layouts().stream().mapToInt(l -> l.name().length()).max().orElse(6));
        // Cells first, so every column is as wide as its widest cell or header line.
        List<String[]> lines = new ArrayList<>();
        boolean anySingle = false;
        for (Map.Entry<String, List<DistrictRow>> e : groups.entrySet()) {
            List<DistrictRow> g = e.getValue();
            String[] cells = new String[COLUMNS.size()];
            for (int c = 0; c < cells.length; c++) {
                Column col = COLUMNS.get(c);
                cells[c] = cell(MeanInterval.of(g.stream().mapToDouble(r -> col.factor() * r.value(col.kpi()))
                        .toArray()));
            }
            anySingle |= g.size() == 1;
            lines.add(cells);
        }
        int[] widths = new int[COLUMNS.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.max(COLUMNS.get(c).name().length(), COLUMNS.get(c).unit().length());
            for (String[] cells : lines) {
                widths[c] = Math.max(widths[c], cells[c].length());
            }
        }
        String lead = "%-" + layoutWidth + "s " + (sweep ? "%5s " : "%s") + "%3s";
        StringBuilder top = new StringBuilder(String.format(Locale.ROOT, lead, "", "", ""));
        StringBuilder bottom = new StringBuilder(String.format(Locale.ROOT, lead, "layout", sweep ? "point" : "", "n"));
        for (int c = 0; c < widths.length; c++) {
            top.append("  ").append(pad(COLUMNS.get(c).name(), widths[c]));
            bottom.append("  ").append(pad(COLUMNS.get(c).unit(), widths[c]));
        }
        out.println(top.toString().stripTrailing());
        out.println(bottom.toString().stripTrailing());
        out.println("-".repeat(bottom.toString().stripTrailing().length()));
        int i = 0;
        for (Map.Entry<String, List<DistrictRow>> e : groups.entrySet()) {
            String[] key = e.getKey().split("\u0000");
            String[] cells = lines.get(i++);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, lead, key[0], sweep ? key[1] : "",
                    Integer.toString(e.getValue().size())));
            for (int c = 0; c < cells.length; c++) {
                line.append("  ").append(pad(cells[c], widths[c]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println();
        out.println("Mean over replications ± half-width of the 95% Student-t interval of the mean; replication r of "
                + "every row");
        out.println("shares its incident stream (common random numbers). On-time shares are over the cases decided by "
                + "the end;");
        out.println("routine and overtime are the full-time grid workers' mean hours a week; - where the runs measured "
                + "nothing.");
        if (anySingle) {
            out.println("Intervals are unavailable (n/a) with one replication: run at least 2.");
        }
        if (sweep) {
            out.println("Sweep points:");
            for (SweepPoint p : scenario.points()) {
                out.printf(Locale.ROOT, "  %5d  %s%n", p.index(), p.label());
            }
        }
        out.flush();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    static String cell(MeanInterval m) {
        if (m.n() == 0) {
            return "-";
        }
        String hw = m.halfWidth().isPresent() ? String.format(Locale.ROOT, "%.1f", m.halfWidth().getAsDouble()) : "n/a";
        return String.format(Locale.ROOT, "%.1f ± %s", m.mean(), hw);
    }
}
