package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.gridplan.results.stats.MeanInterval;
import org.gridplan.results.store.DistrictRow;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.scenarios.spec.SweepPoint;

/**
 * The KPI table of a batch: one row per layout and sweep point with the mean over replications
 * and its 95 % Student-t interval of the mean and 90th-percentile response time, the mean closure
 * time and the utilisation. With one replication there is no interval, and the table says so.
 */
final class KpiTable {

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
        String header = String.format(Locale.ROOT, "%-" + layoutWidth + "s %s%4s  %-22s %-22s %-22s %-18s", "layout",
                sweep ? String.format(Locale.ROOT, "%5s ", "point") : "", "n", "response mean (min)",
                "response p90 (min)", "closure mean (h)", "utilisation (%)");
        out.println(header);
        out.println("-".repeat(header.length()));
        boolean anySingle = false;
        for (Map.Entry<String, List<DistrictRow>> e : groups.entrySet()) {
            String[] key = e.getKey().split("\u0000");
            List<DistrictRow> g = e.getValue();
            MeanInterval response = interval(g, DistrictRow::responseMean);
            MeanInterval p90 = interval(g, DistrictRow::responseP90);
            MeanInterval closure = interval(g, r -> r.closureMean() / 60);
            MeanInterval util = interval(g, r -> 100 * r.utilisation());
            anySingle |= g.size() == 1;
            out.printf(Locale.ROOT, "%-" + layoutWidth + "s %s%4d  %-22s %-22s %-22s %-18s%n", key[0],
                    sweep ? String.format(Locale.ROOT, "%5s ", key[1]) : "", g.size(), cell(response), cell(p90),
                    cell(closure), cell(util));
        }
        out.println();
        out.println("Mean over replications ± half-width of the 95% Student-t interval of the mean; "
                + "replication r of every row shares its incident stream (common random numbers).");
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

    private static MeanInterval interval(List<DistrictRow> rows, ToDoubleFunction<DistrictRow> f) {
        return MeanInterval.of(rows.stream().mapToDouble(f).toArray());
    }

    private static String cell(MeanInterval m) {
        if (m.n() == 0) {
            return "-";
        }
        String hw = m.halfWidth().isPresent() ? String.format(Locale.ROOT, "%.1f", m.halfWidth().getAsDouble()) : "n/a";
        return String.format(Locale.ROOT, "%.1f ± %s", m.mean(), hw);
    }
}
