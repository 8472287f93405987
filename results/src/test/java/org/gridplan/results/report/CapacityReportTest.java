package org.gridplan.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridplan.results.chart.CapacityCharts;
import org.gridplan.results.chart.Lang;
import org.gridplan.results.stats.CapacityStudy;
import org.gridplan.results.stats.CapacityStudy.Headcount;
import org.gridplan.results.stats.CapacityStudy.Layout;
import org.gridplan.results.stats.CapacityStudy.ModelPoint;
import org.gridplan.results.stats.CapacityStudy.RosterOption;
import org.gridplan.results.stats.CapacityStudy.SimulatedPoint;
import org.gridplan.results.stats.Interval;
import org.gridplan.sim.agent.DutyRoster;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

/**
 * The capacity report on a constructed study: grid-400 answered at 18 professionals (17 fall short),
 * grid-300 not met within 6; also writes {@code target/sample-report/capacity-en.html} and
 * {@code capacity-zh.html} for the browser check.
 */
class CapacityReportTest {

    /** A study with one layout answered and one not met. */
    static CapacityStudy study() {
        List<ModelPoint> curve = new ArrayList<>();
        for (int k = 0; k <= 30; k++) {
            curve.add(new ModelPoint(k, 0.980 + 0.0008 * Math.sqrt(k) * 3, 0.999, 500 - k));
        }
        List<SimulatedPoint> sim = List.of(point(8, 0.9830, 0.9815, false), point(9, 0.9835, 0.9822, false),
                point(18, 0.9877, 0.9864, true), point(17, 0.9852, 0.9840, false));
        Layout answered = new Layout("grid-400", 102, DutyRoster.defaults(),
                List.of(new RosterOption(DutyRoster.NONE, 0.353), new RosterOption(DutyRoster.defaults(), 1.0)), 30,
                curve, sim, OptionalInt.of(18));
        List<ModelPoint> shortCurve = curve.subList(0, 7);
        Layout notMet = new Layout("grid-300", 122, DutyRoster.defaults(),
                List.of(new RosterOption(DutyRoster.NONE, 0.36), new RosterOption(DutyRoster.defaults(), 1.0)), 6,
                shortCurve, List.of(new SimulatedPoint(6, new Headcount(122, 44, 6, 0, 13), 5, 0.9841,
                        new Interval(0.9829, 0.9853), 0.9833, 0.998, 0.995, 480, false)), OptionalInt.empty());
        return new CapacityStudy("quickstart", "generated-40000", 0.985, 0.95, 0.95, List.of(answered, notMet));
    }

    private static SimulatedPoint point(int professionals, double mean, double low, boolean meets) {
        double half = (mean - low) * 1.3;
        return new SimulatedPoint(professionals, new Headcount(102, 40, professionals, 0, 12), 5, mean,
                new Interval(mean - half, mean + half), low, 0.999, 0.997, 470, meets);
    }

    @Test
    void the_answer_is_one_sentence_whose_counts_come_from_the_answers_plan() {
        CapacityStudy s = study();
        assertThat(new CapacityReport(Lang.EN).answers(s)).containsExactly(
                "grid-400 needs 102 full-time workers, 40 part-time workers, 18 professionals and 12 on duty at "
                        + "night to reach 98.5% of cases on time with 95% confidence (simulated 98.77%, lower bound "
                        + "98.64%; 17 professionals fall short at 98.40%).",
                "grid-300 does not reach 98.5% of cases on time with 95% confidence within 6 professionals added: "
                        + "the best simulated plan, 122 full-time workers, 44 part-time workers, 6 professionals and "
                        + "13 on duty at night, reaches 98.41% (lower bound 98.33%).");
        assertThat(new CapacityReport(Lang.ZH).answers(s)).containsExactly(
                "grid-400 需要专职网格员 102 人、兼职网格员 40 人、专业力量 18 人，夜间值班 12 人，才能在 95% 置信度下达到按时响应率 "
                        + "98.5%（仿真 98.77%，置信下限 98.64%；专业力量 17 人时置信下限为 98.40%，未达标）。",
                "grid-300 在增加专业力量不超过 6 人的范围内，无法在 95% 置信度下达到按时响应率 98.5%：仿真最好的方案（专职网格员 122 人、"
                        + "兼职网格员 44 人、专业力量 6 人，夜间值班 13 人）按时响应率 98.41%（置信下限 98.33%）。");
    }

    @Test
    void the_sentence_names_the_plan_with_nobody_added_or_on_duty_and_an_urgent_shortfall() {
        Layout l = new Layout("small", 3, DutyRoster.NONE, List.of(new RosterOption(DutyRoster.NONE, 0.97)), 3,
                List.of(new ModelPoint(0, 0.99, 0.97, 10), new ModelPoint(1, 0.995, 0.98, 9)),
                List.of(new SimulatedPoint(0, new Headcount(3, 1, 0, 0, 0), 4, 0.99, new Interval(0.985, 0.995),
                        0.987, 0.97, 0.96, 10, true)), OptionalInt.of(0));
        CapacityStudy s = new CapacityStudy("s", "c", 0.95, 0.95, 0.9, List.of(l));
        assertThat(new CapacityReport(Lang.EN).answer(s, l)).isEqualTo("small needs 3 full-time workers, 1 part-time "
                + "worker, no professionals and no one on duty at night to reach 95% of cases on time with 90% "
                + "confidence (simulated 99.00%, lower bound 98.70%).");

        Layout urgentShort = new Layout("u", 3, DutyRoster.NONE, List.of(new RosterOption(DutyRoster.NONE, 0.4)), 1,
                List.of(new ModelPoint(0, 0.99, 0.4, 10), new ModelPoint(1, 0.995, 0.45, 9)),
                List.of(new SimulatedPoint(1, new Headcount(3, 0, 1, 0, 0), 4, 0.99, new Interval(0.985, 0.995),
                        0.987, 0.42, 0.40, 10, false)), OptionalInt.empty());
        assertThat(new CapacityReport(Lang.EN).answer(s, urgentShort)).isEqualTo("u does not reach 95% of urgent "
                + "cases on time with 90% confidence within 1 professionals added: the best simulated plan, 3 "
                + "full-time workers, 1 professional and no one on duty at night, reaches 99.00% of cases on time "
                + "(lower bound 98.70%) but 42.00% of urgent cases (lower bound 40.00%).");
    }

    @Test
    void the_chart_has_the_model_curve_the_simulated_intervals_the_target_and_the_answer() {
        CapacityStudy s = study();
        JFreeChart chart = CapacityCharts.chart(s, s.layouts().get(0), Lang.EN);
        XYPlot plot = chart.getXYPlot();
        XYDataset target = plot.getDataset(CapacityCharts.TARGET);
        assertThat(target.getItemCount(0)).isEqualTo(2);
        assertThat(target.getYValue(0, 0)).isEqualTo(98.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(target.getYValue(0, 1)).isEqualTo(98.5, org.assertj.core.data.Offset.offset(1e-9));
        XYDataset model = plot.getDataset(CapacityCharts.MODEL);
        assertThat(model.getItemCount(0)).isEqualTo(31);
        assertThat(model.getXValue(0, 30)).isEqualTo(30);
        YIntervalSeriesCollection sim = (YIntervalSeriesCollection) plot.getDataset(CapacityCharts.SIMULATED);
        // Series 0: the point that meets (18); series 1: the three that fall short.
        assertThat(sim.getItemCount(0)).isEqualTo(1);
        assertThat(sim.getXValue(0, 0)).isEqualTo(18);
        assertThat(sim.getYValue(0, 0)).isEqualTo(98.77, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(sim.getStartYValue(0, 0)).isLessThan(98.64);
        assertThat(sim.getEndYValue(0, 0)).isGreaterThan(98.77);
        assertThat(sim.getItemCount(1)).isEqualTo(3);
        XYDataset lower = plot.getDataset(CapacityCharts.LOWER_BOUND);
        assertThat(lower.getItemCount(0)).isEqualTo(4);
        XYDataset answer = plot.getDataset(CapacityCharts.ANSWER);
        assertThat(answer.getItemCount(0)).isEqualTo(1);
        assertThat(answer.getXValue(0, 0)).isEqualTo(18);
        assertThat(answer.getSeriesKey(0)).isEqualTo("answer: 18 professionals added");
        assertThat(plot.getDomainAxis().getLabel()).contains("professionals added").contains("(workers)");
        assertThat(plot.getRangeAxis().getLabel()).contains("(%)");
        assertThat(chart.getTitle().getText()).isEqualTo("grid-400: cases on time against professionals added");
        assertThat(chart.getLegend()).isNotNull();

        JFreeChart zh = CapacityCharts.chart(s, s.layouts().get(1), Lang.ZH);
        assertThat(zh.getTitle().getText()).isEqualTo("grid-300：按时响应率与增加的专业力量");
        assertThat(zh.getXYPlot().getDataset(CapacityCharts.ANSWER).getItemCount(0)).isZero();
    }

    @Test
    void the_report_opens_with_the_sentences_and_has_a_chart_and_table_per_layout() throws IOException {
        CapacityStudy s = study();
        Path dir = SampleReportTest.DIR;
        new CapacityReport(Lang.EN).write(s, "capacity.csv", dir.resolve("capacity-en.html"));
        new CapacityReport(Lang.ZH).write(s, "capacity.csv", dir.resolve("capacity-zh.html"));
        String html = Files.readString(dir.resolve("capacity-en.html"), StandardCharsets.UTF_8);
        int answer = html.indexOf("<section id=\"answer\"");
        assertThat(answer).isPositive();
        assertThat(html.indexOf("grid-400 needs 102 full-time workers")).isGreaterThan(answer)
                .isLessThan(html.indexOf("<figure"));
        assertThat(count(html, "<figure id=\"capacity-")).isEqualTo(2);
        assertThat(count(html, "<svg")).isEqualTo(2);
        // The points table of grid-400, in order of professionals, the answer's row marked.
        Matcher rows = Pattern.compile("<tr( class=\"chosen\")? data-professionals=\"(\\d+)\"").matcher(html);
        List<String> seen = new ArrayList<>();
        while (rows.find()) {
            seen.add(rows.group(2) + (rows.group(1) != null ? "*" : ""));
        }
        assertThat(seen).containsExactly("8", "9", "17", "18*", "6");
        assertThat(html).contains("capacity.csv").doesNotContain("NaN");
        String zh = Files.readString(dir.resolve("capacity-zh.html"), StandardCharsets.UTF_8);
        assertThat(zh).contains("<html lang=\"zh-CN\"").contains("grid-400 需要专职网格员 102 人")
                .contains("目标 98.5%").doesNotContain("professionals added");
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
