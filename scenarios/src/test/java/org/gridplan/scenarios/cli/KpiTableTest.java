package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gridplan.results.stats.Kpi;
import org.gridplan.results.store.DistrictRow;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.scenarios.spec.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The KPI table {@code gridplan run} prints: every column with its interval, within 120 columns. */
class KpiTableTest {

    @TempDir
    Path dir;

    private Scenario scenario(String sweep) throws IOException {
        Path p = dir.resolve("s.yaml");
        Files.writeString(p, """
                city:
                  generate:
                    households: 20000
                replications: 3
                layouts:
                  - name: current-480
                    targetHouseholds: 480
                  - name: grid-300
                    targetHouseholds: 300
                """ + sweep);
        return new ScenarioReader().read(p);
    }

    private static DistrictRow row(int id, String layout, int point, int rep, double p90, double onTime,
            double routine) {
        Map<Kpi, Double> k = new EnumMap<>(Kpi.class);
        k.put(Kpi.MEAN_RESPONSE, 100.0);
        k.put(Kpi.P90_RESPONSE, p90);
        k.put(Kpi.MEAN_CLOSURE, 3000.0 + 60 * rep);
        k.put(Kpi.UTILISATION, 0.015);
        k.put(Kpi.WORKLOAD, 0.25);
        k.put(Kpi.ON_TIME_RESPONSE, onTime);
        k.put(Kpi.URGENT_ON_TIME_RESPONSE, 0.97);
        k.put(Kpi.ON_TIME_CLOSURE, 0.9 + 0.01 * rep);
        k.put(Kpi.VISIT_COVERAGE, Double.NaN);
        k.put(Kpi.ROUTINE_HOURS_WEEK, routine);
        k.put(Kpi.OVERTIME_HOURS_WEEK, 2.0);
        return new DistrictRow(id, layout, point, "{}", rep, k);
    }

    private static String print(Scenario s, List<DistrictRow> rows) {
        StringWriter out = new StringWriter();
        KpiTable.print(new PrintWriter(out), s, rows);
        return out.toString();
    }

    @Test
    void prints_the_officials_figures_with_intervals_beside_response_closure_and_workload() throws IOException {
        List<DistrictRow> rows = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            rows.add(row(r, "current-480", 0, r, 843.1 + r, 0.80 + 0.02 * r, 30 + r));
            rows.add(row(3 + r, "grid-300", 0, r, 1843.1 + r, 0.90, 28));
        }
        String table = print(scenario(""), rows);
        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).contains("response", "workload", "on-time", "urgent", "visit", "routine",
                "overtime");
        assertThat(lines.get(1)).startsWith("layout").contains("p90 min", "% of shift", "response %", "on-time %",
                "closure %", "coverage %", "h/week");
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(120));
        // 80, 82, 84 %: mean 82.0, sd 2, half-width t(0.975, 2) · 2 / √3 = 4.302653 · 1.154701 = 4.97;
        // routine 30, 31, 32 h: half-width 4.302653 / √3 = 2.48. Visit coverage was not measured.
        String current = lines.stream().filter(l -> l.startsWith("current-480 ")).findFirst().orElseThrow();
        assertThat(current.split("\\s{2,}")).containsExactly("current-480", "3", "844.1 ± 2.5", "25.0 ± 0.0",
                "82.0 ± 5.0", "97.0 ± 0.0", "91.0 ± 2.5", "-", "31.0 ± 2.5", "2.0 ± 0.0");
        String grid300 = lines.stream().filter(l -> l.startsWith("grid-300 ")).findFirst().orElseThrow();
        assertThat(grid300).contains("1844.1 ± 2.5", "90.0 ± 0.0", "28.0 ± 0.0");
        // The columns line up: every cell of a column starts where its header does.
        assertThat(current.indexOf("82.0")).isEqualTo(lines.get(1).indexOf("response %"));
        assertThat(grid300.indexOf("28.0")).isEqualTo(lines.get(1).indexOf("h/week"));
        assertThat(table).doesNotContain("NaN").contains("- where the runs measured nothing");
    }

    @Test
    void a_sweep_adds_a_point_column_and_one_replication_has_no_intervals() throws IOException {
        Scenario s = scenario("""
                sweep:
                  parameters:
                    staffing.fullTimePerGrid: [1, 2]
                """);
        List<DistrictRow> rows = List.of(row(0, "current-480", 1, 0, 500, 0.8, 30));
        String table = print(s, rows);
        assertThat(table.lines().skip(1).findFirst().orElseThrow()).startsWith("layout      point   n");
        assertThat(table).contains("current-480     1   1  500.0 ± n/a").contains("Intervals are unavailable (n/a)")
                .contains("Sweep points:");
        // The point without runs shows dashes.
        assertThat(table.lines().filter(l -> l.startsWith("grid-300 ")).toList()).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("   0  -"));
        assertThat(table.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(120));
    }
}
