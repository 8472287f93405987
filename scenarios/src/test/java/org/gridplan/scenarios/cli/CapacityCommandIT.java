package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridplan.scenarios.batch.OptimisingStaffingPlanner;
import org.gridplan.scenarios.batch.ScenarioInputs;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.scenarios.spec.ScenarioReader;
import org.gridplan.sim.model.GridLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridplan capacity} on a generated 20,000-household district (grids of ~400 households, one
 * full-time worker per grid, two part-time workers per community): the answer sentence counts the
 * plan's workers by kind and on duty at night, and capacity.html (with the chart) and capacity.csv
 * are written into --out in --lang.
 */
class CapacityCommandIT {

    private static final String SCENARIO = """
            name: cap
            seed: 1
            replications: 4
            horizonDays: 365
            warmUpDays: 7
            city:
              generate:
                households: 20000
                seed: 3
            layouts:
              - name: grid-400
                targetHouseholds: 400
            staffing:
              fullTimePerGrid: 1
              partTimePerCommunity: 2
            travel:
              mode: ebike
            """;

    @TempDir
    Path dir;

    @Test
    void prints_the_sentence_with_the_headcounts_and_writes_the_report_with_the_chart_and_the_csv()
            throws Exception {
        Path file = dir.resolve("cap.yaml");
        Files.writeString(file, SCENARIO);
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("capacity", file.toString(), "--on-time", "98.4", "--replications", "4",
                "--max-professionals", "30", "--out", out.toString(), "--lang", "zh");
        System.out.println(r.out());
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();

        // The expected headcounts: a full-time worker per grid, two part-time workers per community and, with
        // the community roster (the urgent target needs one), one on duty at night per community.
        Scenario s = new ScenarioReader(new OptimisingStaffingPlanner().capabilities()).read(file,
                Scenario.Overrides.NONE);
        GridLayout layout = ScenarioInputs.load(s).layouts().get(0);
        int grids = layout.grids().size();
        int communities = (int) layout.communityOfGrid().values().stream().distinct().count();
        assertThat(r.out()).contains("layout grid-400: " + grids + " grids");

        Matcher en = Pattern.compile("grid-400 needs " + grids + " full-time workers, " + 2 * communities
                + " part-time workers, (\\d+) professionals? and " + communities + " on duty at night to reach 98\\.4%"
                + " of cases on time with 95% confidence \\(simulated (\\d+\\.\\d\\d)%, lower bound (\\d+\\.\\d\\d)%;"
                + " (\\d+) professionals? falls? short at (\\d+\\.\\d\\d)%\\)\\.").matcher(r.out());
        assertThat(en.find()).as(r.out()).isTrue();
        int professionals = Integer.parseInt(en.group(1));
        assertThat(professionals).isPositive();
        assertThat(Integer.parseInt(en.group(4))).isEqualTo(professionals - 1);
        assertThat(Double.parseDouble(en.group(3))).isGreaterThanOrEqualTo(98.4)
                .isLessThanOrEqualTo(Double.parseDouble(en.group(2)));
        assertThat(Double.parseDouble(en.group(5))).isLessThan(98.4);
        // --lang zh prints the answer in Chinese too, with the same figures.
        String zh = "grid-400 需要专职网格员 " + grids + " 人、兼职网格员 " + 2 * communities + " 人、专业力量 "
                + professionals + " 人，夜间值班 " + communities + " 人，才能在 95% 置信度下达到按时响应率 98.4%（仿真 "
                + en.group(2) + "%，置信下限 " + en.group(3) + "%；专业力量 " + (professionals - 1) + " 人时置信下限为 "
                + en.group(5) + "%，未达标）。";
        assertThat(r.out()).contains(zh);
        assertThat(r.out()).contains("curve: " + out.resolve("capacity.csv"))
                .contains("report: " + out.resolve("capacity.html"));

        // The report: in Chinese, the sentence at the top, the staffing-versus-KPI chart as inline SVG.
        String html = Files.readString(out.resolve("capacity.html"));
        assertThat(html).contains("<html lang=\"zh")
                .contains("<section id=\"answer\"")
                .contains(zh)
                .contains("<figure id=\"capacity-1\"")
                .contains("<svg")
                .contains("data-professionals=\"" + professionals + "\"")
                .contains("data-professionals=\"" + (professionals - 1) + "\"")
                .doesNotContain("<script")
                .doesNotContain("http://example");
        assertThat(html.indexOf(zh)).isLessThan(html.indexOf("<figure id=\"capacity-1\""));

        // The curve: one row per number of professionals, 0 to the bound; the answer's row simulated and met.
        List<String> csv = Files.readAllLines(out.resolve("capacity.csv"));
        assertThat(csv.get(0)).startsWith("layout,duty,professionals,expected_on_time");
        assertThat(csv).hasSize(1 + 31);
        assertThat(csv).anyMatch(l -> l.startsWith("grid-400,") && l.split(",")[2].equals(
                Integer.toString(professionals)) && l.contains(",true,"));
        assertThat(csv).anyMatch(l -> l.startsWith("grid-400,") && l.split(",")[2].equals(
                Integer.toString(professionals - 1)) && l.contains(",false,"));
    }

    @Test
    void refuses_an_output_that_would_replace_the_scenario_before_simulating() throws Exception {
        Path file = dir.resolve("cap.yaml");
        Files.writeString(file, SCENARIO);
        CliRunner r = CliRunner.run("capacity", file.toString(), "--out", dir.toString(), "--csv", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("would replace the input");
        assertThat(r.out()).doesNotContain("layout grid-400");
        assertThat(Files.readString(file)).isEqualTo(SCENARIO);
        assertThat(dir.resolve("capacity.html")).doesNotExist();
    }
}
