package org.gridplan.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridplan.results.SyntheticBatch;
import org.gridplan.results.chart.Lang;
import org.gridplan.results.stats.ComparisonData;
import org.gridplan.results.stats.Kpi;
import org.gridplan.results.stats.RunKpis;
import org.gridplan.results.stats.ScenarioSummary;
import org.gridplan.results.stats.SweepAxis;
import org.junit.jupiter.api.Test;

/** The sweep verdict table of every point, and the point of diminishing returns named. */
class SweepReportTest {

    /** One layout at 1, 2 and 3 full-time workers per grid whose p90 response falls 50 then 2 minutes. */
    static ComparisonData flattening(String field, List<String> together) {
        return flattening(field, together, false);
    }

    /**
     * As {@link #flattening(String, List)}; with {@code pools} each point's plan also has an emergency pool of 20 p.
     */
    static ComparisonData flattening(String field, List<String> together, boolean pools) {
        Map<Double, Map<String, String>> points = new LinkedHashMap<>();
        for (int p = 1; p <= 3; p++) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put(field, Integer.toString(p));
            together.forEach(t -> v.put(t, "4"));
            points.put((double) p, v);
        }
        ComparisonData.Builder b = ComparisonData.builder(new ScenarioSummary("staffing-sweep", "district", 40_000,
                Map.of("grid-400", 102), 5, 7, field, new SweepAxis(field, together, Map.of(), points)));
        double[] p90 = {100, 50, 48};
        for (int p = 1; p <= 3; p++) {
            for (int r = 0; r < 5; r++) {
                Map<Kpi, Double> m = new EnumMap<>(Kpi.class);
                m.put(Kpi.P90_RESPONSE, p90[p - 1] + 0.1 * r);
                m.put(Kpi.FULL_TIME_WORKERS, 102.0 * p);
                b.add(new RunKpis("grid-400", p, r, m));
                if (pools) {
                    b.add(new org.gridplan.results.stats.RunBreakdown("grid-400", p, r, List.of(), Map.of(
                            org.gridplan.results.stats.Staff.FULL_TIME, 102 * p,
                            org.gridplan.results.stats.Staff.EMERGENCY, 20 * p)));
                }
            }
        }
        return b.referencePoint(1).build();
    }

    @Test
    void the_point_of_diminishing_returns_is_named_with_what_the_next_step_costs_and_buys() {
        ComparisonData data = flattening("staffing.fullTimePerGrid", List.of());
        List<String> returns = new ReportWriter(ReportOptions.of(Lang.EN)).diminishingReturns(data);
        assertThat(returns).containsExactly(
                "grid-400: diminishing returns from full-time workers per grid = 2: going on "
                + "to full-time workers per grid = 3 (+102 full-time workers) improves p90 response by only +2.0 min "
                + "(95% CI +2.0 to +2.0), against +50.0 min for the step before.");
        String html = new ReportWriter(ReportOptions.of(Lang.EN)).html(data);
        assertThat(html).contains("<p class=\"v sweep\">grid-400: diminishing returns from full-time workers per grid "
                + "= 2");
        String zh = new ReportWriter(ReportOptions.of(Lang.ZH)).html(data);
        assertThat(zh).contains("grid-400：自每网格专职网格员数 = 2起收益递减：再到每网格专职网格员数 = 3（专职网格员 +102 人），"
                + "90%事件响应用时仅改善 +2.0 分钟");
    }

    @Test
    void the_sweep_table_has_a_row_for_every_point_and_layout_with_the_gain_of_each_step() {
        ComparisonData data = SyntheticBatch.data(5, 1);
        String html = new ReportWriter(ReportOptions.of(Lang.EN)).html(data);
        int at = html.indexOf("<table class=\"grid\" id=\"sweep-table\">");
        assertThat(at).isPositive();
        String table = html.substring(at, html.indexOf("</table>", at));
        // The header row, then a row per sweep point and layout.
        assertThat(table.split("<tr><th>", -1).length - 1).isEqualTo(1 + 3 * 3);
        for (String point : List.of("full-time workers per grid = 1", "full-time workers per grid = 1.50",
                "full-time workers per grid = 2")) {
            assertThat(table).contains("<tr><th>" + point + "</th>");
        }
        assertThat(html).contains(("These are the points at demand scale = 1.0; 'gridplan report --point N' reports "
                + "the slice of another point").replace("'", "&#39;"));
        assertThat(table).contains("<th>p90 response (minutes)</th>",
                "<th>gain in p90 response over the point before (min)</th>");
        // p90 falls by 3 minutes a step, steadily: no diminishing returns.
        assertThat(new ReportWriter(ReportOptions.of(Lang.EN)).diminishingReturns(data)).contains(
                "current: no diminishing returns within the sweep: every step up to full-time workers per grid = 2 "
                        + "improves p90 response clearly.");
    }

    @Test
    void the_headline_gives_a_headcount_as_a_whole_number() {
        String html = new ReportWriter(ReportOptions.of(Lang.EN))
                .html(flattening("staffing.fullTimePerGrid", List.of()));
        int at = html.indexOf("<section id=\"headline\">");
        String headline = html.substring(at, html.indexOf("</section>", at));
        assertThat(headline).contains("<tr><th>full-time grid workers (workers)</th><td>102</td></tr>")
                .doesNotContain("102.0");
    }

    @Test
    void a_factorial_sweep_of_one_layout_names_the_returns_of_staff_at_each_demand_scale() {
        // staffing-sweep.yaml: 1-3 full-time workers per grid × demand scale 0.5 and 2; at 0.5 the
        // p90 falls 50 then 2 minutes, at 2 it falls 60 then 55.
        Map<Double, Map<String, String>> points = new LinkedHashMap<>();
        double[][] p90 = {{100, 50, 48}, {300, 240, 185}};
        String[] scales = {"0.5", "2.0"};
        ComparisonData.Builder b = null;
        int n = 0;
        for (int staff = 1; staff <= 3; staff++) {
            for (String scale : scales) {
                Map<String, String> v = new LinkedHashMap<>();
                v.put("demand.scale", scale);
                v.put("staffing.fullTimePerGrid", Integer.toString(staff));
                points.put((double) n++, v);
            }
        }
        b = ComparisonData.builder(new ScenarioSummary("staffing-sweep", "district", 40_000, Map.of("grid-400", 102),
                5, 7, "", new SweepAxis("staffing.fullTimePerGrid", List.of(), Map.of(), points,
                        List.of("demand.scale"))));
        n = 0;
        for (int staff = 1; staff <= 3; staff++) {
            for (int s = 0; s < 2; s++) {
                for (int r = 0; r < 5; r++) {
                    b.add(new RunKpis("grid-400", n, r, Map.of(Kpi.P90_RESPONSE, p90[s][staff - 1] + 0.1 * r)));
                }
                n++;
            }
        }
        ComparisonData data = b.referencePoint(0).build();
        List<String> returns = new ReportWriter(ReportOptions.of(Lang.EN)).diminishingReturns(data);
        assertThat(returns).containsExactly("grid-400 (demand scale = 0.5): diminishing returns from full-time workers "
                + "per grid = 2: going on to full-time workers per grid = 3 improves p90 response by only +2.0 min "
                + "(95% CI +2.0 to +2.0), against +50.0 min for the step before.",
                "grid-400 (demand scale = 2.0): no diminishing returns within the sweep: every step up to full-time "
                        + "workers per grid = 3 improves p90 response clearly.");
        String html = new ReportWriter(ReportOptions.of(Lang.EN)).html(data);
        int at = html.indexOf("<table class=\"grid\" id=\"sweep-table\">");
        String table = html.substring(at, html.indexOf("</table>", at));
        // All six points, each step's gain taken within its demand scale.
        assertThat(table.split("<tr><th>", -1).length - 1).isEqualTo(1 + 6);
        assertThat(table).contains("<tr><th>full-time workers per grid = 3, demand scale = 2.0</th>")
                .contains("<td>+55.0 <small>");
        assertThat(html).contains("full-time workers per grid × demand scale: full-time workers per grid = 1, "
                + "demand scale = 0.5; ");
        // The trade-off: staff along x, a line per demand scale.
        org.jfree.chart.plot.XYPlot plot = new org.gridplan.results.chart.ComparisonCharts(
                new org.gridplan.results.stats.ComparisonStatistics(data), Lang.EN).staffingTradeoff().orElseThrow()
                .getXYPlot();
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(2);
        assertThat(plot.getDataset().getSeriesKey(0)).isEqualTo("demand scale = 0.5");
        assertThat(plot.getDataset().getSeriesKey(1)).isEqualTo("demand scale = 2.0");
        assertThat(plot.getDataset().getXValue(1, 2)).isEqualTo(3.0);
        assertThat(plot.getDataset().getYValue(1, 2)).isEqualTo(185.2, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("full-time workers per grid");
    }

    @Test
    void the_sweep_table_gives_each_points_headcount_by_kind_of_worker() {
        String html = new ReportWriter(ReportOptions.of(Lang.EN)).html(flattening("staffing.emergencyPool",
                List.of("surges[0].rateMultiplier"), true));
        int at = html.indexOf("<table class=\"grid\" id=\"sweep-table\">");
        String table = html.substring(at, html.indexOf("</table>", at));
        assertThat(table).contains("<th>full-time grid workers (workers)</th><th>emergency pool</th>");
        for (int p = 1; p <= 3; p++) {
            assertThat(table).contains("<td>" + 102 * p + "</td><td>" + 20 * p + "</td>");
        }
    }

    @Test
    void a_sweep_that_changes_more_than_staffing_has_no_returns_to_name() {
        ComparisonData data = flattening("staffing.emergencyPool", List.of("surges[0].rateMultiplier"));
        assertThat(new ReportWriter(ReportOptions.of(Lang.EN)).diminishingReturns(data)).isEmpty();
        String html = new ReportWriter(ReportOptions.of(Lang.EN)).html(data);
        assertThat(html).contains("id=\"sweep-table\"").doesNotContain("gain in p90 response over the point before",
                "diminishing returns");
    }

    @Test
    void a_verdict_over_many_sweep_points_gives_the_range_and_points_to_the_table() {
        Map<Double, Map<String, String>> points = new LinkedHashMap<>();
        for (int p = 1; p <= 6; p++) {
            points.put((double) p, Map.of("demand.scale", Integer.toString(p)));
        }
        ComparisonData.Builder b = ComparisonData.builder(new ScenarioSummary("demand", "district", 40_000,
                Map.of("grid-400", 102), 5, 7, "demand.scale", new SweepAxis("demand.scale", List.of(), Map.of(),
                points)));
        for (int p = 1; p <= 6; p++) {
            for (int r = 0; r < 5; r++) {
                Map<Kpi, Double> m = new EnumMap<>(Kpi.class);
                m.put(Kpi.P90_RESPONSE, 100.0 + 20 * p + 0.1 * r);
                b.add(new RunKpis("grid-400", p, r, m));
            }
        }
        String html = new ReportWriter(ReportOptions.of(Lang.EN)).html(b.referencePoint(1).build());

        assertThat(html).contains("from 120.2 min at demand scale = 1 to 220.2 min at demand scale = 6; every point, "
                + "with its 95% interval, is in the table \u201cEvery sweep point\u201d below.")
                .doesNotContain("demand scale = 3: 160.2 min");
        String zh = new ReportWriter(ReportOptions.of(Lang.ZH)).html(b.referencePoint(1).build());
        assertThat(zh).contains("各参数取值及其 95% 置信区间见下方\u201c各参数取值一览\u201d表");
    }
}
