package org.gridplan.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridplan.results.SyntheticBatch;
import org.gridplan.results.chart.ComparisonCharts;
import org.gridplan.results.chart.Lang;
import org.gridplan.results.stats.ComparisonData;
import org.gridplan.results.stats.ComparisonStatistics;
import org.gridplan.results.stats.RunDetail;
import org.gridplan.results.stats.SurgeRun;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A batch with a surge (days 30-33 of the synthetic backlog, as typhoon-surge.yaml's days 60-63):
 * the report gives the surge window's own figures, not only averages over the whole run.
 */
class SurgeReportTest {

    private static ComparisonData data;
    private static String en;
    private static String zh;

    @BeforeAll
    static void report() {
        ComparisonData base = SyntheticBatch.data(5, 1);
        ComparisonData.Builder b = ComparisonData.builder(base.scenario()).baseline("current").referencePoint(1.0);
        for (String l : base.layouts()) {
            for (double p : base.sweepPoints()) {
                base.runs(l, p).forEach(b::add);
            }
            for (RunDetail d : base.details(l, 1.0)) {
                b.add(d);
                b.add(SurgeRun.of(l, 1.0, d.replication(), 30, 3, d.backlogHours(), d.backlogOpen(),
                        d.backlogOpen()));
            }
        }
        base.map().ifPresent(b::map);
        data = b.build();
        en = new ReportWriter(ReportOptions.of(Lang.EN)).html(data);
        zh = new ReportWriter(ReportOptions.of(Lang.ZH)).html(data);
    }

    @Test
    void the_verdict_names_the_surge_windows_peak_waiting_and_recovery_for_every_layout() {
        List<String> sentences = new ReportWriter(ReportOptions.of(Lang.EN)).surgeVerdicts(data);
        assertThat(sentences).hasSize(3);
        for (String l : data.layouts()) {
            assertThat(sentences).anyMatch(s -> s.startsWith("In the surge: at " + l
                    + " the open cases peak at ") && s.contains(" before the surge); waiting for a worker when the "
                    + "surge ends: ") && s.contains("h after it ends"));
        }
        String verdict = en.substring(en.indexOf("<section id=\"verdict\""), en.indexOf("</section>",
                en.indexOf("<section id=\"verdict\"")));
        assertThat(verdict).contains("<p class=\"v surge\">In the surge: at current the open cases peak at ");
    }

    @Test
    void the_surge_table_gives_every_layout_its_figures_of_the_window_not_of_the_whole_run() {
        int at = en.indexOf("<section id=\"surge\">");
        assertThat(at).isGreaterThan(en.indexOf("<section id=\"verdict\""))
                .isLessThan(en.indexOf("<section id=\"summary\""));
        String section = en.substring(at, en.indexOf("</section>", at));
        assertThat(section).contains("from day 30 to day 33 of the run (3 days)", "not averages over the whole run",
                "<th>open cases before the surge</th>", "<th>peak open cases</th>",
                "<th>cases waiting for a worker when the surge ends</th>", "<th>recovery after the surge (h)</th>");
        for (String l : data.layouts()) {
            assertThat(section).contains("</span>" + l + "</th><td>");
        }
        // The synthetic surge adds 60 open cases to about 40: the peak is well above the level before.
        SurgeRun r = data.surges("current", 1.0).get(0);
        assertThat(r.peakOpen()).isGreaterThan(r.before() + 50);
        // current, with the fewest grids, recovers more slowly (96 h decay against 48 h).
        double slow = data.surges("current", 1.0).stream().mapToDouble(SurgeRun::recoveryHours).average().orElseThrow();
        double fast = data.surges("grid-400", 1.0).stream().mapToDouble(SurgeRun::recoveryHours).average()
                .orElseThrow();
        assertThat(slow).isGreaterThan(fast);
    }

    @Test
    void the_backlog_chart_shades_the_surge_window() {
        JFreeChart backlog = new ComparisonCharts(new ComparisonStatistics(data), Lang.EN).backlog();
        java.util.Collection<?> markers = backlog.getXYPlot().getDomainMarkers(Layer.BACKGROUND);
        assertThat(markers).hasSize(1);
        IntervalMarker m = (IntervalMarker) markers.iterator().next();
        assertThat(m.getStartValue()).isEqualTo(30.0);
        assertThat(m.getEndValue()).isEqualTo(33.0);
        assertThat(m.getLabel()).isEqualTo("surge");
        assertThat(new ComparisonCharts(new ComparisonStatistics(SyntheticBatch.data(5, 1)), Lang.EN).backlog()
                .getXYPlot().getDomainMarkers(Layer.BACKGROUND)).isNull();
    }

    @Test
    void a_batch_without_a_surge_has_no_surge_section() {
        String plain = new ReportWriter(ReportOptions.of(Lang.EN)).html(SyntheticBatch.data(5, 1));
        assertThat(plain).doesNotContain("id=\"surge\"", "class=\"v surge\"");
    }

    @Test
    void the_chinese_surge_section_is_in_chinese() {
        // Spaced as the rest of the Chinese report: a space between Chinese and a name or a number.
        assertThat(zh).contains("<h2>突发期（平急转换）</h2>", "突发期为第 30 天至第 33 天（共 3 天）", "未办结事件峰值（件）",
                "突发期：current 未办结事件最多 ");
        assertThat(zh).doesNotContainPattern("current未办结|最多\\d|第\\d+天");
        assertThat(ExplainedReportTest.englishLeft(zh, ExplainedReportTest.givenNames(data))).isEmpty();
    }
}
