package org.gridplan.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.gridplan.results.SyntheticBatch;
import org.gridplan.results.chart.ComparisonCharts;
import org.gridplan.results.chart.Lang;
import org.gridplan.results.stats.ComparisonData;
import org.gridplan.results.stats.ComparisonStatistics;
import org.gridplan.results.stats.Kpi;
import org.gridplan.results.stats.RunKpis;
import org.gridplan.results.stats.ScenarioSummary;
import org.gridplan.results.stats.Unit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

/** The officials' indicators in the report: headline and difference rows, and the verdict on them. */
class OfficialsReportTest {

    /**
     * Five replications of three layouts. grid-300 against current: on-time closure up by
     * d = 0.04, 0.05, 0.06, 0.05, 0.05 (mean 0.05, sd √0.00005, half-width 2.776445 · 0.0070711 / √5
     * = 0.0087798: +4.1 to +5.9 points); overdue cases down by 4, 4, 4, 4, 5 (mean −4.2, sd √0.2,
     * half-width 0.55529: −4.8 to −3.6); overtime up by 1.0, 1.1, 1.1, 1.0, 1.0 (mean 1.04, sd
     * √0.003, half-width 0.068007: +1.0 to +1.1); on-time response within noise. grid-400 is current
     * with a little noise of its own on everything.
     */
    static ComparisonData officials() {
        Map<String, Map<Kpi, double[]>> m = new LinkedHashMap<>();
        Map<Kpi, double[]> current = new EnumMap<>(Kpi.class);
        current.put(Kpi.P90_RESPONSE, new double[] {20, 22, 25, 21, 24});
        current.put(Kpi.ON_TIME_RESPONSE, new double[] {0.80, 0.82, 0.81, 0.79, 0.83});
        current.put(Kpi.ON_TIME_CLOSURE, new double[] {0.90, 0.91, 0.92, 0.91, 0.91});
        current.put(Kpi.OVERDUE_OPEN, new double[] {14, 15, 13, 14, 14});
        current.put(Kpi.OVERTIME_HOURS_WEEK, new double[] {3.0, 3.2, 2.8, 3.1, 2.9});
        Map<Kpi, double[]> grid300 = new EnumMap<>(Kpi.class);
        grid300.put(Kpi.P90_RESPONSE, new double[] {17, 19.5, 21, 18, 21.5});
        grid300.put(Kpi.ON_TIME_RESPONSE, new double[] {0.81, 0.81, 0.815, 0.785, 0.83});
        grid300.put(Kpi.ON_TIME_CLOSURE, new double[] {0.94, 0.96, 0.98, 0.96, 0.96});
        grid300.put(Kpi.OVERDUE_OPEN, new double[] {10, 11, 9, 10, 9});
        grid300.put(Kpi.OVERTIME_HOURS_WEEK, new double[] {4.0, 4.3, 3.9, 4.1, 3.9});
        double[] noise = {0.005, -0.005, 0.003, -0.002, 0.001};
        Map<Kpi, double[]> grid400 = new EnumMap<>(Kpi.class);
        current.forEach((k, v) -> {
            double[] w = v.clone();
            for (int r = 0; r < w.length; r++) {
                w[r] += k.unit() == Unit.PERCENT ? noise[r] : 100 * noise[r];
            }
            grid400.put(k, w);
        });
        m.put("current", current);
        m.put("grid-400", grid400);
        m.put("grid-300", grid300);
        ComparisonData.Builder b = ComparisonData.builder(new ScenarioSummary("s", "city", 1000, Map.of(), 5, 1, ""));
        m.forEach((layout, kpis) -> {
            for (int r = 0; r < 5; r++) {
                Map<Kpi, Double> values = new EnumMap<>(Kpi.class);
                int rep = r;
                kpis.forEach((k, v) -> values.put(k, v[rep]));
                b.add(new RunKpis(layout, 1.0, r, values));
            }
        });
        return b.build();
    }

    private static int count(String haystack, String needle) {
        return haystack.split(Pattern.quote(needle), -1).length - 1;
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\"");
        return html.substring(start, html.indexOf("</section>", start));
    }

    @Test
    void the_verdict_names_each_significant_officials_difference_with_both_means_and_its_paired_interval() {
        List<String> en = new ReportWriter(ReportOptions.of(Lang.EN)).officialVerdicts(officials());
        assertThat(en).containsExactly(
                "Against current, grid-400 is not distinguishable on any officials' indicator (every paired 95% "
                        + "interval contains 0).",
                "Against current, grid-300 raises on-time closure from 91.0% to 96.0% (paired difference +5.0 points, "
                        + "95% CI +4.1 to +5.9), cuts overdue open cases from 14.0 to 9.8 (paired difference -4.2 "
                        + "cases, 95% CI -4.8 to -3.6) and raises overtime hours per week from 3.0 to 4.0 h (paired "
                        + "difference +1.0 h, 95% CI +1.0 to +1.1).");
        List<String> zh = new ReportWriter(ReportOptions.of(Lang.ZH)).officialVerdicts(officials());
        assertThat(zh).containsExactly(
                "与 current 相比，方案 grid-400 的各项考核指标均无显著差异（配对差值的95%置信区间均包含0）。",
                "与 current 相比，方案 grid-300 的按期办结率由 91.0% 提高到 96.0%（配对差值 +5.0 个百分点，95% 置信区间 "
                        + "+4.1 至 +5.9）；超期未办结由 14.0 件减少到 9.8 件（配对差值 -4.2 件，95% 置信区间 -4.8 至 -3.6）；"
                        + "每周加班小时由 3.0 小时增加到 4.0 小时（配对差值 +1.0 小时，95% 置信区间 +1.0 至 +1.1）。");
    }

    @Test
    void the_verdict_section_marks_mixed_and_indistinguishable_layouts_and_names_the_indicators_it_judged() {
        String html = new ReportWriter(ReportOptions.of(Lang.EN)).html(officials());
        String verdict = section(html, "verdict");
        assertThat(verdict).contains("<p class=\"v official mixed\">Against current, grid-300 raises on-time closure",
                "<p class=\"v official same\">Against current, grid-400 is not distinguishable",
                "Officials&#39; indicators (on-time response, on-time closure, overdue open cases, overtime hours per "
                        + "week): each layout against current, paired by replication under common random numbers");
        // The p90 verdict is still there, first.
        assertThat(verdict.indexOf("Layout grid-300 cuts p90 response"))
                .isLessThan(verdict.indexOf("id=\"officials\""));
        String zh = section(new ReportWriter(ReportOptions.of(Lang.ZH)).html(officials()), "verdict");
        assertThat(zh).contains("考核指标（按时响应率、按期办结率、超期未办结、每周加班小时）：各方案与 current 按重复配对比较");
    }

    @Test
    void headline_and_difference_tables_show_the_measured_officials_indicators_with_intervals() {
        String html = new ReportWriter(ReportOptions.of(Lang.EN)).html(officials());
        String headline = section(html, "headline");
        assertThat(headline).contains("<tr><th>on-time closure (%)</th><td>91.0 <small>(",
                "<tr><th>overdue open cases (cases)</th>", "<tr><th>overtime hours per week (hours)</th>")
                // Not measured by any layout: no row of dashes.
                .doesNotContain("household visit coverage", "urgent on-time response", "routine work hours");
        // p90 and four officials' indicators, each with an interval for 3 layouts.
        assertThat(count(headline, "<small>(")).isEqualTo(5 * 3);
        String diff = section(html, "differences");
        assertThat(diff).contains("<tr><th>on-time closure (percentage points)</th>",
                "<tr><th>overdue open cases (cases)</th>").doesNotContain("household visit coverage");
        String zh = section(new ReportWriter(ReportOptions.of(Lang.ZH)).html(officials()), "headline");
        assertThat(zh).contains("<th>按时响应率（%）</th>", "<th>按期办结率（%）</th>", "<th>超期未办结（件）</th>",
                "<th>每周加班小时（小时）</th>");
    }

    @Test
    void the_sample_batch_shows_every_indicator_and_judges_the_officials_ones() {
        ComparisonData data = SyntheticBatch.withOfficials(5, 1);
        String html = new ReportWriter(ReportOptions.of(Lang.EN)).html(data);
        // Every indicator with its interval, but the headcount: the same in every replication, it is
        // a whole number with no interval "(84–84)".
        assertThat(count(section(html, "headline"), "<small>(")).isEqualTo((Kpi.values().length - 1) * 3);
        assertThat(new ReportWriter(ReportOptions.of(Lang.EN)).officialVerdicts(data)).hasSize(2)
                .allMatch(s -> s.startsWith("Against current, grid-"))
                .anyMatch(s -> s.contains("raises on-time closure from"));
        String zh = new ReportWriter(ReportOptions.of(Lang.ZH)).html(data);
        assertThat(zh).contains("入户走访覆盖率", "每周常规工作小时", "紧急事件按时响应率").doesNotContain("NaN");
        // The bar charts keep their indicators; the officials' ones are in the tables and verdict.
        ComparisonCharts charts = new ComparisonCharts(new ComparisonStatistics(data), Lang.EN);
        CategoryDataset percent = ((CategoryPlot) charts.kpiBars(Unit.PERCENT).getPlot()).getDataset();
        assertThat(percent.getColumnKeys()).containsExactly("utilisation", "resolved on the spot",
                "reached within 5 min", "reached within 15 min");
    }

    @Test
    void a_small_difference_called_worse_is_printed_with_the_decimals_that_show_it() {
        // Visit coverage 99.965% against 99.963%: significantly lower, by 0.002 points.
        ComparisonData.Builder b = ComparisonData.builder(new ScenarioSummary("s", "city", 1000, Map.of(), 5, 1, ""));
        for (int r = 0; r < 5; r++) {
            double common = 0.00001 * r;
            b.add(new RunKpis("current", 1.0, r, Map.of(Kpi.VISIT_COVERAGE, 0.99965 - common,
                    Kpi.P90_RESPONSE, 100.0 + r)));
            b.add(new RunKpis("grid-400", 1.0, r, Map.of(Kpi.VISIT_COVERAGE, 0.99963 - common - 0.000001 * r,
                    Kpi.P90_RESPONSE, 99.0 + r)));
        }
        String html = new ReportWriter(ReportOptions.of(Lang.EN)).html(b.build());
        String diff = section(html, "differences");
        int row = diff.indexOf("<th>household visit coverage (percentage points)</th>");
        String cell = diff.substring(row, diff.indexOf("</tr>", row));
        assertThat(cell).contains("class=\"worse\">-0.002 <small>(").doesNotContain(">0.0 <small>(0.0 to 0.0)");
    }

    @Test
    void the_report_opens_with_a_one_page_summary_of_cost_and_the_officials_indicators() {
        ComparisonData data = SyntheticBatch.withOfficials(5, 1);
        String html = new ReportWriter(ReportOptions.of(Lang.EN)).html(data);
        int glance = html.indexOf("<section id=\"glance\" class=\"glance\">");
        assertThat(glance).isPositive().isLessThan(html.indexOf("<section id=\"verdict\""));
        String section = html.substring(glance, html.indexOf("</section>", glance));
        assertThat(section).contains("<h2>At a glance</h2>", "mean over 5 replications",
                "<th>p90 response (minutes)</th>", "<th>on-time response (%)</th>", "<th>on-time closure (%)</th>");
        for (String l : data.layouts()) {
            assertThat(section).contains("</span>" + l + "</th>");
        }
        // Marked only where the paired interval says so, as in the verdict.
        assertThat(section).contains("<td class=\"better\">");
        // Printed, the summary is page one.
        assertThat(html).contains("#glance{break-after:page;page-break-after:always}", "@page{size:A4");
        String one = new ReportWriter(ReportOptions.of(Lang.EN)).html(SyntheticBatch.withOfficials(1, 1));
        assertThat(one).contains("simulated, one replication, so nothing is called better or worse than current")
                .doesNotContain("1 replications");
    }

    @Test
    void with_one_replication_the_officials_verdict_says_there_are_no_intervals() {
        List<String> en = new ReportWriter(ReportOptions.of(Lang.EN)).officialVerdicts(SyntheticBatch.withOfficials(1,
                1));
        assertThat(en).containsExactly(
                "Against current, grid-400 has no intervals on the officials' indicators (1 replication), so no "
                        + "difference is named.",
                "Against current, grid-300 has no intervals on the officials' indicators (1 replication), so no "
                        + "difference is named.");
    }

    @Test
    void a_batch_without_officials_indicators_has_no_officials_verdict_and_no_rows_for_them() {
        ComparisonData data = SyntheticBatch.data(5, 1);
        ReportWriter w = new ReportWriter(ReportOptions.of(Lang.EN));
        assertThat(w.officialVerdicts(data)).isEmpty();
        String html = w.html(data);
        assertThat(html).doesNotContain("id=\"officials\"", "on-time closure", "overdue open cases");
    }

    @Test
    void a_small_significant_difference_is_printed_with_enough_decimals_to_exclude_zero() {
        // d = −0.03, −0.04, −0.02, −0.03, −0.03: mean −0.03, half-width 0.0087798, CI [−0.0388, −0.0212],
        // which one decimal would print as "-0.0 to -0.0".
        double[] current = {0.30, 0.32, 0.28, 0.31, 0.29};
        double[] cut = {0.03, 0.04, 0.02, 0.03, 0.03};
        ComparisonData.Builder b = ComparisonData.builder(new ScenarioSummary("s", "city", 1000, Map.of(), 5, 1, ""));
        for (int r = 0; r < 5; r++) {
            b.add(new RunKpis("current", 1.0, r, Map.of(Kpi.OVERTIME_HOURS_WEEK, current[r])));
            b.add(new RunKpis("grid-300", 1.0, r, Map.of(Kpi.OVERTIME_HOURS_WEEK, current[r] - cut[r])));
        }
        assertThat(new ReportWriter(ReportOptions.of(Lang.EN)).officialVerdicts(b.build())).containsExactly(
                "Against current, grid-300 cuts overtime hours per week from 0.30 to 0.27 h (paired difference -0.03 "
                        + "h, "
                        + "95% CI -0.04 to -0.02).");
    }
}
