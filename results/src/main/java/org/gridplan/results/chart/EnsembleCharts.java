package org.gridplan.results.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.OptionalDouble;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;

/**
 * The histogram of one statistic over an ensemble of layouts, with the start layout's value
 * (dashed) and the proposed layout's value marked, so a planner sees at a glance whether a proposal is an outlier.
 */
public final class EnsembleCharts {

    /** Width of a histogram, pixels. */
    public static final int WIDTH = 640;
    /** Height of a histogram, pixels. */
    public static final int HEIGHT = 320;

    static final Color BARS = new Color(0x0072B2);
    static final Color PROPOSAL = new Color(0xD55E00);
    static final Color START = new Color(0x4D4D4D);

    private EnsembleCharts() {
    }

    /**
     * The histogram.
     *
     * @param id            the chart's id
     * @param title         the statistic's label
     * @param values        the statistic at every step of the chain
     * @param start         the value of the layout the chain started from, and its marker's label
     * @param startLabel    the start marker's label
     * @param proposed      the proposed layout's value, if a proposal was given
     * @param proposedLabel the marker's label (e.g. the proposal's name and percentile)
     * @param lang          the language of the axis labels
     */
    public static NamedChart histogram(String id, String title, double[] values, double start, String startLabel,
            OptionalDouble proposed, String proposedLabel, Lang lang) {
        double lo = start;
        double hi = start;
        boolean whole = start == Math.rint(start);
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            whole &= v == Math.rint(v);
        }
        if (proposed.isPresent()) {
            lo = Math.min(lo, proposed.getAsDouble());
            hi = Math.max(hi, proposed.getAsDouble());
        }
        if (!(hi > lo)) {
            // One value: a single bar of width one around it.
            lo = (Double.isFinite(lo) ? lo : 0) - 0.5;
            hi = lo + 1;
        }
        HistogramDataset data = new HistogramDataset();
        int bins = Math.max(1, Math.min(40, (int) Math.ceil(Math.sqrt(values.length))));
        if (whole && hi - lo <= 40) {
            // Whole numbers over a short range: one bar per value, centred on it.
            bins = (int) Math.round(hi - lo) + 1;
            lo -= 0.5;
            hi += 0.5;
        }
        data.addSeries(lang == Lang.ZH ? "集合中的方案" : "ensemble layouts", values.length == 0 ? new double[] {lo}
                : values, bins, lo, hi);
        NumberAxis x = new NumberAxis(title);
        x.setAutoRangeIncludesZero(false);
        if (whole) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        NumberAxis y = new NumberAxis(lang == Lang.ZH ? "步数" : "steps");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYBarRenderer bars = new XYBarRenderer(0.05);
        XYPlot plot = new XYPlot(data, x, y, bars);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartStyle.apply(chart);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, BARS);
        ValueMarker first = new ValueMarker(start, START, new BasicStroke(2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        first.setLabel(startLabel);
        first.setLabelPaint(START);
        first.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        first.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addDomainMarker(first);
        if (proposed.isPresent()) {
            ValueMarker m = new ValueMarker(proposed.getAsDouble(), PROPOSAL, new BasicStroke(3f));
            m.setLabel(proposedLabel);
            m.setLabelPaint(PROPOSAL);
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m);
        }
        return new NamedChart(id, chart, WIDTH, HEIGHT);
    }
}
