package org.gridplan.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridplan.results.SyntheticBatch;
import org.gridplan.results.chart.Lang;
import org.gridplan.results.stats.ComparisonData;
import org.gridplan.results.stats.Kpi;
import org.gridplan.results.stats.RunKpis;
import org.gridplan.results.stats.ScenarioSummary;
import org.gridplan.results.stats.SweepAxis;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.junit.jupiter.api.Test;

/**
 * The report explains its numbers and their cost beside the verdict, speaks the officials' Chinese
 * throughout, and compares the sweep points of a batch of one layout.
 */
class ExplainedReportTest {

    private final ComparisonData data = SyntheticBatch.withOfficials(5, 1);
    private final String en = new ReportWriter(ReportOptions.of(Lang.EN)).html(data);
    private final String zh = new ReportWriter(ReportOptions.of(Lang.ZH)).html(data);

    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\"");
        assertThat(start).as("section " + id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    @Test
    void the_response_is_split_into_working_hours_and_out_of_hours_beside_the_verdict() {
        assertThat(en.indexOf("<section id=\"explain\"")).isGreaterThan(en.indexOf("<section id=\"verdict\""))
                .isLessThan(en.indexOf("<section id=\"summary\""));
        String explain = section(en, "explain");
        // 890 cases at ~1,900 min against 1,390 at ~15: most of the mean response is out of hours.
        assertThat(explain).containsPattern("current: most \\(9\\d%\\) of the mean response of \\d+ minutes is cases "
                + "reported out of hours waiting for the next shift: 1,[89]\\d\\d min out of hours against 1\\d in "
                        + "working "
                + "hours \\(39% of cases are reported out of hours\\)\\.");
        assertThat(explain).contains("Simulated, mean over the replications", "id=\"hours-table\"",
                "Urgent cases (emergencies) are answered in ");
        String zhExplain = section(zh, "explain");
        assertThat(zhExplain).contains("非工作时间上报、等待下一班次处置的事件", "工作时间与非工作时间的响应", "以下均为仿真结果");
    }

    @Test
    void officials_indicators_are_shown_by_category() {
        String explain = section(en, "explain");
        assertThat(explain).contains("Officials&#39; indicators by category", "id=\"category-table\"",
                "<th>disputes</th>",
                "<th>repairs</th>", "emergencies <span class=\"w\">urgent</span>", "current on-time response (%)",
                "grid-300 on-time closure (%)");
        assertThat(section(zh, "explain")).contains("矛盾纠纷", "设施报修", "紧急求助", "分类别考核指标");
    }

    @Test
    void each_layout_states_its_cost_and_what_it_buys() {
        String cost = section(en, "cost");
        assertThat(cost).containsPattern("grid-400: \\+18 full-time workers \\(102 in all\\), on-time response "
                + "\\+\\d\\.\\d points \\(\\+0\\.\\d\\d points per extra full-time worker\\), p90 response -\\d\\.\\d "
                        + "min "
                + "\\(-0\\.\\d\\d min per extra full-time worker\\)\\.");
        assertThat(cost).contains("grid-300: +38 full-time workers (122 in all)", "id=\"headcount\"",
                "<th>full-time grid workers</th><td>84</td><td>102</td><td>122</td>",
                "<th>part-time workers</th><td>12</td><td>12</td><td>12</td>",
                "<th>extra full-time workers over current</th><td>—</td><td>+18</td><td>+38</td>");
        assertThat(section(zh, "cost")).contains("grid-400：专职网格员+18人（共 102 人）", "每增加一名专职网格员");
    }

    @Test
    void the_best_layout_is_named_with_its_cost() {
        String verdict = section(en, "verdict");
        assertThat(verdict).containsPattern("<p class=\"best\">Best on p90 response: [^<]* at [0-9, ]+ full-time "
                + "workers");
        assertThat(section(zh, "verdict")).containsPattern("<p class=\"best\">[^<]*需专职网格员 [0-9、]+ 人");
    }

    @Test
    void the_plan_section_says_its_figures_are_analytic_not_simulated() {
        String why = section(en, "justifications");
        assertThat(why).contains("analytic model", "not the simulation", "The simulated mean response (headline "
                + "table) is current ");
        assertThat(section(zh, "justifications")).contains("不是仿真结果", "仿真得到的平均响应用时");
    }

    @Test
    void the_chinese_report_uses_the_officials_terms() {
        assertThat(zh).contains("90%事件响应用时", "共同随机数", "现行方案").doesNotContain("公共随机数", "主随机种子",
                "最近秩法", "解析模型", "P90", "基准方案");
    }

    /** The names the batch gave: scenario, district, layouts, grids, communities, sites. */
    static Set<String> givenNames(ComparisonData data) {
        Set<String> names = new LinkedHashSet<>();
        names.add(data.scenario().name());
        names.add(data.scenario().city());
        names.addAll(data.layouts());
        City city = SyntheticBatch.city();
        for (String l : data.layouts()) {
            GridLayout layout = SyntheticBatch.layout(city, l);
            names.addAll(layout.buildingsByGrid(city).keySet());
        }
        city.buildings().forEach(b -> names.add(b.community()));
        city.sites().forEach(s -> names.add(s.id()));
        Set<String> words = new LinkedHashSet<>();
        for (String n : names) {
            for (String w : n.split("[^A-Za-z0-9._-]+")) {
                words.add(w);
            }
        }
        return words;
    }

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

    /** Every ASCII word of the report's text (SVG labels included) that is not a name the batch gave. */
    static List<String> englishLeft(String html, Set<String> names) {
        String text = html.replaceAll("(?s)<style>.*?</style>", "").replaceAll("(?s)<[^>]*>", " ")
                .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'");
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group();
            if (!names.contains(w)) {
                int from = Math.max(0, m.start() - 30);
                out.add(w + " in «" + text.substring(from, Math.min(text.length(), m.end() + 30)).strip() + "»");
            }
        }
        return out;
    }

    @Test
    void no_english_word_is_left_in_the_chinese_report_outside_the_names_the_batch_gave() {
        assertThat(englishLeft(zh, givenNames(data))).isEmpty();
        // The check itself sees English.
        assertThat(englishLeft(en, givenNames(data))).isNotEmpty();
    }

    /** One layout swept over the out-of-hours duty roster, as duty-roster.yaml. */
    static ComparisonData oneLayoutSweep() {
        Map<Double, Map<String, String>> points = new LinkedHashMap<>();
        String[] scopes = {"\"none\"", "\"community\"", "\"branch\""};
        for (int p = 0; p < 3; p++) {
            points.put((double) p, Map.of("staffing.duty.scope", scopes[p]));
        }
        ComparisonData.Builder b = ComparisonData.builder(new ScenarioSummary("duty-roster", "district", 40_000,
                Map.of("grid-400", 102), 5, 3, "sweep point", new SweepAxis("", List.of(), Map.of(), points)));
        double[] urgent = {0.357, 0.996, 0.996};
        for (int p = 0; p < 3; p++) {
            for (int r = 0; r < 5; r++) {
                Map<Kpi, Double> m = new EnumMap<>(Kpi.class);
                m.put(Kpi.P90_RESPONSE, 2_000.0 + r);
                m.put(Kpi.URGENT_ON_TIME_RESPONSE, urgent[p] + 0.002 * (r - 2) * (p == 0 ? 1 : 0.1));
                m.put(Kpi.ON_TIME_RESPONSE, 0.97 + 0.001 * r);
                b.add(new RunKpis("grid-400", p, r, m));
            }
        }
        return b.referencePoint(0).build();
    }

    @Test
    void one_layout_with_a_sweep_compares_the_sweep_points() {
        ComparisonData one = oneLayoutSweep();
        List<String> verdicts = new ReportWriter(ReportOptions.of(Lang.EN)).verdicts(one);
        assertThat(verdicts.get(0)).isEqualTo("Only one layout (grid-400) was simulated, so the sweep points are "
                + "compared instead, on urgent on-time response:");
        assertThat(verdicts.get(1)).startsWith("urgent on-time response: out-of-hours duty = none: 35.7% (95% CI ")
                .contains("out-of-hours duty = community: 99.6%", "out-of-hours duty = branch: 99.6%");
        // Each point against the first, paired by replication, with its interval and verdict.
        assertThat(verdicts).anySatisfy(v -> assertThat(v).startsWith("Paired by replication, out-of-hours duty ="
                + " community against out-of-hours duty = none: p90 response 0.0 min (95% CI 0.0 to 0.0), not"
                + " distinguishable; on-time response 0.0 points").contains("urgent on-time response +63.9 points"
                + " (95% CI +63.", "), better."));
        assertThat(verdicts).anySatisfy(v -> assertThat(v).startsWith("Paired by replication, out-of-hours duty ="
                + " branch against out-of-hours duty = none:"));
        String html = new ReportWriter(ReportOptions.of(Lang.EN)).html(one);
        assertThat(html).doesNotContain("nothing to compare", "1 layouts", "replication(s)")
                .contains("District district · 40,000 households · one layout");
        String zhOne = new ReportWriter(ReportOptions.of(Lang.ZH)).html(one);
        assertThat(zhOne).contains("值班范围 = 无：35.7%", "值班范围 = 社区：99.6%",
                "按重复配对，值班范围 = 社区 相对 值班范围 = 无：");
        assertThat(englishLeft(zhOne, Set.of("duty-roster", "district", "grid-400"))).isEmpty();
    }
}
