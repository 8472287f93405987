package org.gridplan.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gridplan.results.SyntheticBatch;
import org.gridplan.results.chart.Lang;
import org.gridplan.results.stats.ComparisonData;
import org.gridplan.results.stats.ComparisonStatistics;
import org.gridplan.results.stats.Interval;
import org.gridplan.results.stats.Justification;
import org.gridplan.results.stats.Kpi;
import org.gridplan.results.stats.PairedComparison;
import org.gridplan.results.stats.RunKpis;
import org.gridplan.results.stats.ScenarioSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report: content, language, escaping, single-replication wording, self-containment. */
class ReportWriterTest {

    private static final List<String> CHART_IDS = List.of("response-cdf", "response-box", "kpi-minutes", "kpi-hours",
            "kpi-percent", "utilisation", "backlog", "staffing-tradeoff", "map-1", "map-2", "map-3");

    private static ComparisonData data;
    private static String en;

    @BeforeAll
    static void report() {
        data = SyntheticBatch.data(5, 1);
        en = new ReportWriter(ReportOptions.of(Lang.EN)).html(data);
    }

    private static int count(String haystack, String needle) {
        return haystack.split(Pattern.quote(needle), -1).length - 1;
    }

    private static ComparisonData p90(Map<String, double[]> byLayout) {
        ComparisonData.Builder b = ComparisonData.builder(new ScenarioSummary("s", "city", 1000, Map.of(), 5, 1, ""));
        byLayout.forEach((layout, values) -> {
            for (int r = 0; r < values.length; r++) {
                b.add(new RunKpis(layout, 1.0, r, Map.of(Kpi.P90_RESPONSE, values[r])));
            }
        });
        return b.build();
    }

    @Test
    void contains_every_chart_and_map_as_inline_svg() {
        for (String id : CHART_IDS) {
            assertThat(en.contains("<figure id=\"" + id + "\">\n<svg id='" + id + "-svg'")).as(id).isTrue();
        }
        assertThat(count(en, "<svg ")).isEqualTo(CHART_IDS.size());
        assertThat(count(en, "<figcaption>")).isEqualTo(CHART_IDS.size());
        assertThat(en.contains("<section id=\"maps\">")).isTrue();
        assertThat(en.contains(">grid-400: p90 response by grid</text>")).isTrue();
    }

    @Test
    void every_map_is_followed_by_its_ten_worst_grids_numbered_as_on_the_map() {
        for (int k = 1; k <= 3; k++) {
            int at = en.indexOf("<table class=\"grid worst\" id=\"map-" + k + "-worst\">");
            assertThat(at).as("map-" + k).isGreaterThan(en.indexOf("<figure id=\"map-" + k + "\">"));
            String table = en.substring(at, en.indexOf("</table>", at));
            int grids = data.map().orElseThrow().layouts().get(data.layouts().get(k - 1)).gridCount();
            assertThat(count(table, "<tr><td>")).isEqualTo(Math.min(10, grids));
            assertThat(table).contains("<tr><td>1</td><th>", "p90 response (minutes)",
                    "households", "full-time workers");
        }
        assertThat(en).contains("<h3>The 10 worst grids of grid-400 on p90 response (numbered on the map)</h3>",
                "<h3>The grids of current on p90 response, worst first (numbered on the map)</h3>");
        // The batch sites branches for grid-400, so the note explains the markers.
        assertThat(en).contains("◆ marks branch sites");
        String zh = new ReportWriter(ReportOptions.of(Lang.ZH)).html(data);
        assertThat(zh).contains("<h3>grid-400：90%事件响应用时最差的 10 个网格（地图上的编号）</h3>");
    }

    @Test
    void a_batch_that_sites_no_branches_does_not_explain_branch_markers() {
        ComparisonData.Builder b = ComparisonData.builder(data.scenario()).baseline("current").referencePoint(1.0);
        for (String l : data.layouts()) {
            data.runs(l, 1.0).forEach(b::add);
            data.details(l, 1.0).forEach(b::add);
        }
        org.gridplan.results.stats.MapData all = data.map().orElseThrow();
        b.map(org.gridplan.results.stats.MapData.of(all.city(), List.copyOf(all.layouts().values())));
        String html = new ReportWriter(ReportOptions.of(Lang.EN)).html(b.build());
        String maps = html.substring(html.indexOf("<section id=\"maps\">"),
                html.indexOf("<section id=\"justifications\">"));
        assertThat(maps).doesNotContain("◆", "candidate", "branch");
        assertThat(maps).contains("fixed classes");
    }

    @Test
    void is_self_contained_without_scripts_or_external_resources() {
        assertThat(en.startsWith("<!DOCTYPE html>\n<html lang=\"en\">")).isTrue();
        String lower = en.toLowerCase(Locale.ROOT);
        for (String forbidden : List.of("<script", "<link", "<img", "src=", "@import", "href=", "NaN", "Infinity")) {
            assertThat(lower.contains(forbidden.toLowerCase(Locale.ROOT))).as(forbidden).isFalse();
        }
        // Every url() points inside the page (clip paths), and every clip-path id is unique.
        Matcher urls = Pattern.compile("url\\(([^)]*)\\)").matcher(en);
        while (urls.find()) {
            assertThat(urls.group(1)).startsWith("#");
        }
        Matcher ids = Pattern.compile("<clipPath id='([^']+)'").matcher(en);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (ids.find()) {
            assertThat(seen.add(ids.group(1))).as(ids.group(1)).isTrue();
        }
        assertThat(seen).hasSizeGreaterThan(CHART_IDS.size());
    }

    @Test
    void verdict_states_the_paired_difference_in_plain_words() {
        PairedComparison c = new ComparisonStatistics(data).compare("grid-400", "current", 1.0, Kpi.P90_RESPONSE);
        assertThat(c.improves()).isTrue();
        Interval ci = c.ci().orElseThrow();
        String expected = String.format(Locale.ROOT,
                "Layout grid-400 cuts p90 response by %.1f min (95%% CI %.1f–%.1f) "
                + "versus current.", -c.difference().getAsDouble(), -ci.upper(), -ci.lower());
        assertThat(en.contains("<p class=\"v better\">" + expected + "</p>")).as(expected).isTrue();
        assertThat(en.contains("<section id=\"verdict\"")).isTrue();
        assertThat(en.indexOf("id=\"verdict\"")).isLessThan(en.indexOf("id=\"headline\""));
    }

    @Test
    void verdict_sentences_against_hand_computed_intervals() {
        // d = −3, −2.5, −4, −3, −2.5: mean −3.0, CI [−3.760, −2.240] (ComparisonStatisticsTest).
        // copy − current = 0.5, −0.5, 0.3, −0.2, 0.1: mean 0.04; sd = √(0.632/4) = 0.397492;
        // half-width = 2.776445 · 0.397492 / √5 = 0.493549 → CI [−0.454, 0.534].
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("current", new double[] {20, 22, 25, 21, 24});
        m.put("grid-400", new double[] {17, 19.5, 21, 18, 21.5});
        m.put("copy", new double[] {20.5, 21.5, 25.3, 20.8, 24.1});
        List<String> verdicts = new ReportWriter(ReportOptions.of(Lang.EN)).verdicts(p90(m));
        assertThat(verdicts).containsExactly(
                "Layout grid-400 cuts p90 response by 3.0 min (95% CI 2.2–3.8) versus current.",
                "Layout copy is not distinguishable from current on p90 response: difference 0.0 min "
                        + "(95% CI -0.5 to +0.5).");
        List<String> zh = new ReportWriter(ReportOptions.of(Lang.ZH)).verdicts(p90(m));
        assertThat(zh.get(0)).isEqualTo("方案 grid-400 比 current 的90%事件响应用时缩短 3.0 分钟（95% 置信区间 2.2–3.8）。");
        assertThat(zh.get(1)).startsWith("方案 copy 与 current 的90%事件响应用时无显著差异");
    }

    @Test
    void headline_table_has_means_with_intervals_for_every_kpi_and_layout() {
        for (String layout : SyntheticBatch.LAYOUTS.keySet()) {
            assertThat(en.contains("<th><span class=\"sw s")).isTrue();
            assertThat(en.contains(layout + "</th>")).as(layout).isTrue();
        }
        int start = en.indexOf("<section id=\"headline\">");
        String table = en.substring(start, en.indexOf("</section>", start));
        assertThat(table).contains("p90 response (minutes)", "mean closure (hours)", "reached within 15 min (%)",
                "p90 response, all incidents pooled (minutes)");
        // 9 KPIs × 3 layouts, each with an interval.
        assertThat(count(table, "<small>(")).isEqualTo(27);
        assertThat(table).contains("Mean over 5 replications with its 95% confidence interval");
        assertThat(table).contains("<td class=\"top\">");
    }

    @Test
    void chinese_report_has_chinese_labels() {
        String zh = new ReportWriter(ReportOptions.of(Lang.ZH)).html(data);
        assertThat(zh.startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">")).isTrue();
        assertThat(zh).contains("<h2>结论</h2>", "<h2>主要指标对比</h2>", "<h2>网格地图</h2>", "<h2>方案依据</h2>",
                "方案 grid-400 比 current 的90%事件响应用时缩短", ">响应时间累计分布</text>", ">grid-400：各网格90%事件响应用时</text>");
        assertThat(zh.contains("NaN")).isFalse();
    }

    @Test
    void justifications_are_shown_in_the_report_language_and_in_english_where_no_chinese_was_stored() {
        ComparisonData.Builder b = ComparisonData.builder(new ScenarioSummary("s", "c", 1, Map.of(), 2, 1, ""));
        for (int r = 0; r < 2; r++) {
            b.add(new RunKpis("current", 1, r, Map.of(Kpi.P90_RESPONSE, 20.0 + r)));
        }
        ComparisonData d = b.justifications(List.of(new Justification("Grid G1 keeps its worker.", "网格 G1 保留其网格员。"),
                new Justification("Stored before Chinese text was kept.", null))).build();
        String en = new ReportWriter(ReportOptions.of(Lang.EN)).html(d);
        String zh = new ReportWriter(ReportOptions.of(Lang.ZH)).html(d);
        assertThat(en).contains("<li>Grid G1 keeps its worker.</li>", "<li>Stored before Chinese text was kept.</li>")
                .doesNotContain("网格 G1");
        assertThat(zh).contains("<li>网格 G1 保留其网格员。</li>", "<li>Stored before Chinese text was kept.</li>")
                .doesNotContain("Grid G1 keeps");
    }

    @Test
    void single_replication_says_intervals_are_unavailable_and_never_prints_nan() {
        ComparisonData one = SyntheticBatch.data(1, 1);
        String html = new ReportWriter(ReportOptions.of(Lang.EN)).html(one);
        assertThat(html.contains("intervals unavailable (1 replication)")).isTrue();
        assertThat(html.contains("NaN")).isFalse();
        assertThat(html.contains("Infinity")).isFalse();
        assertThat(html).containsPattern("Layout grid-400 differs from current on p90 response by -[23]\\.[0-9] min "
                + "in the single replication; intervals unavailable \\(1 replication\\)");
        assertThat(html).contains("Value of the single replication; intervals unavailable (1 replication).");
        assertThat(html.contains("<small>(")).isFalse();
        assertThat(html.contains("<td class=\"top\">")).isFalse();
        String zh = new ReportWriter(ReportOptions.of(Lang.ZH)).html(one);
        assertThat(zh).contains("置信区间不可用（仅1次重复）");
        assertThat(zh.contains("NaN")).isFalse();
    }

    @Test
    void missing_kpis_print_as_dashes_not_nan() {
        ComparisonData.Builder b = ComparisonData.builder(new ScenarioSummary("s", "c", 1, Map.of(), 2, 1, ""));
        for (int r = 0; r < 2; r++) {
            b.add(new RunKpis("current", 1, r, Map.of(Kpi.P90_RESPONSE, 20.0 + r, Kpi.MEAN_RESPONSE, Double.NaN)));
            b.add(new RunKpis("alt", 1, r, Map.of(Kpi.P90_RESPONSE, 18.0 + r)));
        }
        String html = new ReportWriter(ReportOptions.of(Lang.EN)).html(b.build());
        assertThat(html.contains("NaN")).isFalse();
        assertThat(html).contains("<td>—</td>", "No map geometry in this batch.", "no staffing trade-off curve");
    }

    @Test
    void names_are_escaped_everywhere() {
        String evil = "<b>\"x\"&'y'</b>";
        ComparisonData.Builder b = ComparisonData.builder(new ScenarioSummary("<i>s</i>", "<u>c</u>", 1,
                Map.of(evil, 3), 2, 1, "<em>level</em>"));
        for (int r = 0; r < 2; r++) {
            b.add(new RunKpis("current", 1, r, Map.of(Kpi.P90_RESPONSE, 20.0 + r)));
            b.add(new RunKpis(evil, 1, r, Map.of(Kpi.P90_RESPONSE, 17.0 + r * 1.1)));
            b.add(new RunKpis(evil, 2, r, Map.of(Kpi.P90_RESPONSE, 15.0 + r)));
        }
        String html = new ReportWriter(ReportOptions.of(Lang.EN))
                .html(b.justifications(List.of(new Justification("<script>x</script>", null))).build());
        for (String raw : List.of("<b>", "<i>", "<u>", "<em>", "<script")) {
            assertThat(html.contains(raw)).as(raw).isFalse();
        }
        assertThat(html).contains("&lt;b&gt;&quot;x&quot;&amp;&#39;y&#39;&lt;/b&gt;", "&lt;script&gt;x&lt;/script&gt;");
    }

    @Test
    void writes_the_report_atomically_and_the_charts_as_svg_and_png(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out/report.html");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old");
        ComparisonData small = p90(Map.of("current", new double[] {20, 21}, "alt", new double[] {18, 18.5}));
        new ReportWriter(ReportOptions.of(Lang.EN)).write(small, target);
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.html");
        }
        new ReportWriter(ReportOptions.of(Lang.EN)).writeCharts(data, dir.resolve("charts"));
        for (String id : CHART_IDS) {
            assertThat(dir.resolve("charts/" + id + ".svg")).exists();
            byte[] png = Files.readAllBytes(dir.resolve("charts/" + id + ".png"));
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        }
        assertThat(Files.readString(dir.resolve("charts/backlog.svg"))).startsWith("<?xml")
                .contains("xmlns='http://www.w3.org/2000/svg'");
    }

    @Test
    void an_incomplete_batch_opens_with_a_notice_and_the_justifications_say_whether_anything_was_optimised() {
        Map<String, double[]> values = Map.of("current", new double[] {10, 11}, "grid-400", new double[] {8, 9});
        ComparisonData.Builder incomplete = ComparisonData.builder(new ScenarioSummary("s", "city", 1000, Map.of(), 2,
                1, ""));
        ComparisonData.Builder complete = ComparisonData.builder(new ScenarioSummary("s", "city", 1000, Map.of(), 2,
                1, ""));
        values.forEach((layout, v) -> {
            for (int r = 0; r < v.length; r++) {
                incomplete.add(new RunKpis(layout, 1.0, r, Map.of(Kpi.P90_RESPONSE, v[r])));
                complete.add(new RunKpis(layout, 1.0, r, Map.of(Kpi.P90_RESPONSE, v[r])));
            }
        });
        ReportWriter w = new ReportWriter(ReportOptions.of(Lang.EN));
        String a = w.html(incomplete.status(new org.gridplan.results.stats.BatchStatus(6, 4, 1, false)).build());
        assertThat(a).contains("<section id=\"incomplete\" class=\"warn\">\n<h2>Incomplete batch</h2>")
                .contains("Only 4 of the batch&#39;s 6 runs are stored (1 failed).")
                .contains("<td>4 of 6, 1 failed</td>")
                .contains("No plan was optimised in this batch");
        // The notice comes before the verdict, where a reader starts.
        assertThat(a.indexOf("id=\"incomplete\"")).isLessThan(a.indexOf("id=\"verdict\""));
        String b = w.html(complete.status(new org.gridplan.results.stats.BatchStatus(4, 4, 0, true)).build());
        assertThat(b).doesNotContain("id=\"incomplete\"").contains("<td>4 of 4</td>")
                .contains("The plan was optimised, but the optimiser recorded no justifications.");
        String zh = new ReportWriter(ReportOptions.of(Lang.ZH)).html(incomplete.build());
        assertThat(zh).contains("本批次计划 6 次模拟，仅完成 4 次（1 次失败）").contains("<td>4 / 6 次，1 次失败</td>")
                .contains("本批次未进行方案优化");
    }

    @Test
    void confidence_bounds_of_a_mean_stay_within_what_the_kpi_can_take() {
        assertThat(ReportWriter.bounded(org.gridplan.results.stats.Kpi.ON_TIME_RESPONSE, 1.003)).isEqualTo(100.0);
        assertThat(ReportWriter.bounded(org.gridplan.results.stats.Kpi.ON_TIME_RESPONSE, 0.989)).isCloseTo(98.9,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ReportWriter.bounded(org.gridplan.results.stats.Kpi.OVERDUE_OPEN, -0.4)).isZero();
        assertThat(ReportWriter.bounded(org.gridplan.results.stats.Kpi.MEAN_CLOSURE, 120)).isEqualTo(2.0);
    }
}
