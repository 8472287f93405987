package org.gridplan.results.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the loader lays a sweep along the report's one axis. */
class BatchReportLoaderTest {

    /** A 2 × 3 factorial sweep as the runs table stores it: staffing varies slowest. */
    private static Map<Integer, String> factorial() {
        Map<Integer, String> points = new LinkedHashMap<>();
        int p = 0;
        for (int staff : new int[] {1, 2}) {
            for (String scale : new String[] {"0.5", "1.0", "2.0"}) {
                points.put(p++, "{\"demand.scale\":" + scale + ",\"staffing.fullTimePerGrid\":" + staff + "}");
            }
        }
        return points;
    }

    @Test
    void a_batch_without_a_sweep_has_one_point_and_no_axis() {
        BatchReportLoader.Axis a = BatchReportLoader.axis(Map.of(0, "{}"), 0, "factorial");
        assertThat(a.x()).containsExactly(Map.entry(0, 0.0));
        assertThat(a.label()).isEmpty();
    }

    @Test
    void a_factorial_sweep_runs_along_staffing_at_the_reference_points_other_values() {
        BatchReportLoader.Axis a = BatchReportLoader.axis(factorial(), 1, "factorial");
        assertThat(a.x()).containsExactly(Map.entry(1, 1.0), Map.entry(4, 2.0));
        assertThat(a.label()).isEqualTo("staffing.fullTimePerGrid (at demand.scale = 1.0)");
        assertThat(BatchReportLoader.axis(factorial(), 5, "factorial").x())
                .containsExactly(Map.entry(2, 1.0), Map.entry(5, 2.0));
    }

    @Test
    void a_factorial_sweep_of_one_layout_keeps_every_point_with_the_crossed_fields() {
        BatchReportLoader.Axis a = BatchReportLoader.axis(factorial(), 1, "factorial", true);
        assertThat(a.x()).hasSize(6).containsEntry(0, 0.0).containsEntry(5, 5.0);
        assertThat(a.sweep().field()).isEqualTo("staffing.fullTimePerGrid");
        assertThat(a.sweep().crossed()).containsExactly("demand.scale");
        assertThat(a.sweep().fieldValue(4.0)).isEqualTo(2.0);
        assertThat(a.sweep().crossedValues(4.0)).containsExactly(Map.entry("demand.scale", "1.0"));
        assertThat(org.gridplan.results.chart.Terms.point(new org.gridplan.results.stats.ScenarioSummary("s", "c", 1,
                Map.of(), 2, 1, a.label(), a.sweep()), 4.0, org.gridplan.results.chart.Lang.EN))
                .isEqualTo("full-time workers per grid = 2, demand scale = 1.0");
        // With several layouts the report compares layouts at the reference point's slice, as before.
        assertThat(BatchReportLoader.axis(factorial(), 1, "factorial", false).x()).hasSize(2);
    }

    @Test
    void a_zip_sweep_keeps_every_point_and_names_the_fields_varied_with_the_axis() {
        Map<Integer, String> points = Map.of(0, "{\"surges[0].rateMultiplier\":2,\"staffing.emergencyPool\":20}",
                1, "{\"surges[0].rateMultiplier\":4,\"staffing.emergencyPool\":60}");
        BatchReportLoader.Axis a = BatchReportLoader.axis(points, 0, "zip");
        assertThat(a.x()).containsExactly(Map.entry(0, 20.0), Map.entry(1, 60.0));
        assertThat(a.label()).isEqualTo("staffing.emergencyPool (varied together with surges[0].rateMultiplier)");
    }

    @Test
    void a_sweep_without_a_numeric_field_reports_the_reference_point_alone() {
        Map<Integer, String> points = Map.of(0, "{\"travel.mode\":\"walk\"}", 1, "{\"travel.mode\":\"ebike\"}");
        BatchReportLoader.Axis a = BatchReportLoader.axis(points, 1, "factorial");
        assertThat(a.x()).containsExactly(Map.entry(1, 1.0));
        assertThat(a.label()).isEqualTo("sweep point (travel.mode = ebike)");
    }
}
