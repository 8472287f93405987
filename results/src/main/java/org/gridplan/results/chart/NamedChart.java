package org.gridplan.results.chart;

import java.util.Objects;
import org.jfree.chart.JFreeChart;

/**
 * A chart with the name it is filed under and the size it is drawn at.
 *
 * @param id      file and element name, e.g. {@code response-cdf}; letters, digits and hyphens
 * @param chart   the chart
 * @param width   width in pixels
 * @param height  height in pixels
 */
public record NamedChart(String id, JFreeChart chart, int width, int height) {

    public NamedChart {
        Objects.requireNonNull(chart, "chart");
        if (!id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("chart id " + id + " is not lower-case letters, digits and hyphens");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("chart " + id + ": size " + width + "×" + height);
        }
    }

    /** The chart's title text, empty when it has none. */
    public String title() {
        return chart.getTitle() == null ? "" : chart.getTitle().getText();
    }
}
