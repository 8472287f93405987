package org.gridplan.results.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.junit.jupiter.api.Test;

/** An interval reaching below zero on a log axis is drawn down to the axis, not off the plot. */
class ClippedIntervalRendererTest {

    private static String svg(DefaultStatisticalCategoryDataset d, org.jfree.chart.renderer.category
            .StatisticalLineAndShapeRenderer renderer) {
        CategoryPlot plot = new CategoryPlot(d, new CategoryAxis(null), new MinutesLogAxis("minutes", 1, 5_000),
                renderer);
        return ChartRendering.svg(new JFreeChart(plot), 600, 400, "t-");
    }

    /** Vertical lines longer than 3 px off the axis line (x = 66), as {min y, max y}. */
    private static java.util.List<double[]> intervals(String svg) {
        java.util.List<double[]> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "<line x1='([-\\d.]+)' y1='([-\\d.]+)' x2='([-\\d.]+)' y2='([-\\d.]+)'").matcher(svg);
        while (m.find()) {
            double x1 = Double.parseDouble(m.group(1));
            double y1 = Double.parseDouble(m.group(2));
            double y2 = Double.parseDouble(m.group(4));
            if (x1 == Double.parseDouble(m.group(3)) && x1 != 66 && Math.abs(y1 - y2) > 3) {
                out.add(new double[] {Math.min(y1, y2), Math.max(y1, y2)});
            }
        }
        return out;
    }

    @Test
    void an_interval_below_zero_on_a_log_axis_is_drawn_down_to_the_axis() {
        DefaultStatisticalCategoryDataset d = new DefaultStatisticalCategoryDataset();
        // Mean 400 min, half-width 1,200 min (two replications): the interval runs from -800 to 1,600.
        d.add(400.0, 1_200.0, "grid-400", "mean response");
        d.add(10.0, 2.0, "grid-400", "p50 response");

        String clipped = svg(d, new ClippedIntervalRenderer());
        String plain = svg(d, new org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer(false, true));

        // The mean response's interval: JFreeChart's renderer maps its negative foot above the plot (y < 4, the
        // plot's top edge); cut, it runs from the axis's foot (y 352) up to 1,600 minutes.
        assertThat(intervals(plain)).anyMatch(y -> y[0] < 4);
        assertThat(intervals(clipped)).allMatch(y -> y[0] >= 4).anyMatch(y -> y[1] >= 351);
        assertThat(clipped).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(d.getStdDevValue(0, 0).doubleValue()).isEqualTo(1_200.0);
    }
}
