package org.gridplan.results.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.gridplan.results.stats.CapacityStudy;
import org.gridplan.results.stats.CapacityStudy.Headcount;
import org.gridplan.results.stats.CapacityStudy.ModelPoint;
import org.gridplan.results.stats.CapacityStudy.SimulatedPoint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The staffing-versus-KPI chart of a capacity plan, one per layout: professionals added (x) against
 * the share of cases on time (y, %) — the model's curve as a line, the simulated points with their
 * confidence intervals as error bars and their one-sided lower bounds as dashes, the target as a
 * dashed horizontal line and the answer ringed.
 *
 * <p>The plot's datasets, in drawing order (each later one on top), are numbered by the constants
 * below.
 */
public final class CapacityCharts {

    /** Dataset of the target line (one series, two points spanning the curve). */
    public static final int TARGET = 0;
    /** Dataset of the model's curve (one series, a point per number of professionals). */
    public static final int MODEL = 1;
    /**
     * Dataset of the simulated points with their intervals: series 0 the points that meet the
     * target, series 1 those that fall short (either may be empty).
     */
    public static final int SIMULATED = 2;
    /** Dataset of the simulated points' one-sided lower bounds (one series). */
    public static final int LOWER_BOUND = 3;
    /** Dataset of the answer (one series, one point; empty when the target is not met). */
    public static final int ANSWER = 4;

    /** Width of the chart, pixels. */
    public static final int WIDTH = 900;
    /** Height of the chart, pixels. */
    public static final int HEIGHT = 500;

    static final Color TARGET_COLOUR = new Color(0xD55E00);
    static final Color MODEL_COLOUR = new Color(0x0072B2);
    static final Color MEETS_COLOUR = new Color(0x009E73);
    static final Color SHORT_COLOUR = new Color(0x4D4D4D);
    static final Color ANSWER_COLOUR = new Color(0x1A1A1A);

    private CapacityCharts() {
    }

    /**
     * The chart of {@code layout}, the {@code index}-th layout of {@code study} (0-based), filed as {@code
     * capacity-<index+1>}.
     */
    public static NamedChart curve(CapacityStudy study, CapacityStudy.Layout layout, int index, Lang lang) {
        return new NamedChart("capacity-" + (index + 1), chart(study, layout, lang), WIDTH, HEIGHT);
    }

    /** The chart of {@code layout} in {@code lang}. */
    public static JFreeChart chart(CapacityStudy study, CapacityStudy.Layout layout, Lang lang) {
        int lastX = layout.curve().isEmpty() ? layout.maxProfessionals()
                : layout.curve().get(layout.curve().size() - 1).professionals();
        for (SimulatedPoint p : layout.simulated()) {
            lastX = Math.max(lastX, p.professionals());
        }
        XYSeries target = new XYSeries(ChartText.CAPACITY_TARGET.in(lang, percent(study.onTime())), false);
        target.add(0, 100 * study.onTime());
        target.add(Math.max(1, lastX), 100 * study.onTime());

        XYSeries model = new XYSeries(ChartText.CAPACITY_MODEL.in(lang), false);
        for (ModelPoint p : layout.curve()) {
            model.add(p.professionals(), 100 * p.onTime());
        }

        String ci = percent(study.confidence());
        YIntervalSeries meets = new YIntervalSeries(ChartText.CAPACITY_SIM_MEETS.in(lang, ci), false, false);
        YIntervalSeries fallsShort = new YIntervalSeries(ChartText.CAPACITY_SIM_SHORT.in(lang, ci), false, false);
        XYSeries lower = new XYSeries(ChartText.CAPACITY_LOWER.in(lang, percent(study.confidence())), false);
        for (SimulatedPoint p : layout.simulated()) {
            (p.meets() ? meets : fallsShort).add(p.professionals(), 100 * p.onTime(), clip(p.onTimeCi().lower()),
                    clip(p.onTimeCi().upper()));
            lower.add(p.professionals(), 100 * p.onTimeLow());
        }
        XYSeries answer = new XYSeries(layout.chosen().isPresent()
                ? (layout.chosen().getAsInt() == 1 ? ChartText.CAPACITY_ANSWER_ONE : ChartText.CAPACITY_ANSWER)
                        .in(lang, layout.chosen().getAsInt())
                : ChartText.CAPACITY_NO_ANSWER.in(lang), false);
        layout.answer().ifPresent(p -> answer.add(p.professionals(), 100 * p.onTime()));

        NumberAxis x = new NumberAxis(ChartText.CAPACITY_X.in(lang));
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(-0.5, Math.max(1, lastX) + 0.5);
        NumberAxis y = new NumberAxis(ChartText.CAPACITY_Y.in(lang));
        y.setAutoRangeIncludesZero(false);

        XYLineAndShapeRenderer targetRenderer = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(collection(target), x, y, targetRenderer);
        // The shared look first: the theme resets the renderers' paints and strokes set before it.
        JFreeChart chart = new JFreeChart(ChartText.CAPACITY_TITLE.in(lang, layout.layout()),
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        targetRenderer.setSeriesPaint(0, TARGET_COLOUR);
        targetRenderer.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {8f, 5f}, 0f));

        XYLineAndShapeRenderer modelRenderer = new XYLineAndShapeRenderer(true, false);
        modelRenderer.setSeriesPaint(0, MODEL_COLOUR);
        modelRenderer.setSeriesStroke(0, new BasicStroke(2.5f));
        plot.setDataset(MODEL, collection(model));
        plot.setRenderer(MODEL, modelRenderer);

        YIntervalSeriesCollection simulated = new YIntervalSeriesCollection();
        simulated.addSeries(meets);
        simulated.addSeries(fallsShort);
        XYErrorRenderer simRenderer = new XYErrorRenderer();
        simRenderer.setDrawXError(false);
        simRenderer.setDrawYError(true);
        simRenderer.setDefaultLinesVisible(false);
        simRenderer.setCapLength(8);
        simRenderer.setErrorStroke(new BasicStroke(1.5f));
        simRenderer.setErrorPaint(null);
        Ellipse2D dot = new Ellipse2D.Double(-4.5, -4.5, 9, 9);
        for (int s = 0; s < 2; s++) {
            simRenderer.setSeriesShape(s, dot);
            simRenderer.setSeriesShapesVisible(s, true);
            simRenderer.setSeriesPaint(s, s == 0 ? MEETS_COLOUR : SHORT_COLOUR);
        }
        plot.setDataset(SIMULATED, simulated);
        plot.setRenderer(SIMULATED, simRenderer);

        XYLineAndShapeRenderer lowerRenderer = new XYLineAndShapeRenderer(false, true);
        lowerRenderer.setSeriesShape(0, new Rectangle2D.Double(-9, -1.5, 18, 3));
        lowerRenderer.setSeriesPaint(0, TARGET_COLOUR.darker());
        plot.setDataset(LOWER_BOUND, collection(lower));
        plot.setRenderer(LOWER_BOUND, lowerRenderer);

        XYLineAndShapeRenderer answerRenderer = new XYLineAndShapeRenderer(false, true);
        answerRenderer.setSeriesShape(0, new Ellipse2D.Double(-10, -10, 20, 20));
        answerRenderer.setSeriesShapesFilled(0, false);
        answerRenderer.setUseOutlinePaint(false);
        answerRenderer.setSeriesPaint(0, ANSWER_COLOUR);
        answerRenderer.setSeriesStroke(0, new BasicStroke(2.5f));
        plot.setDataset(ANSWER, collection(answer));
        plot.setRenderer(ANSWER, answerRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);

        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        plot.setNoDataMessage(lang == Lang.ZH ? "无数据" : "no data");
        TextTitle sub = new TextTitle(subtitle(layout, lang), new Font(ChartStyle.family(), Font.PLAIN, 12));
        sub.setPaint(new Color(0x555555));
        chart.addSubtitle(sub);
        return chart;
    }

    private static String subtitle(CapacityStudy.Layout layout, Lang lang) {
        Headcount base = layout.simulated().isEmpty() ? null : layout.simulated().get(0).staff();
        String runs = layout.simulated().isEmpty() ? "" : Integer.toString(layout.simulated().get(0).runs());
        if (base == null) {
            return ChartText.CAPACITY_SUBTITLE_NONE.in(lang, Terms.roster(layout.roster(), lang));
        }
        return ChartText.CAPACITY_SUBTITLE.in(lang, base.fullTime(), base.partTime(),
                Terms.roster(layout.roster(), lang), runs);
    }

    private static XYSeriesCollection collection(XYSeries s) {
        XYSeriesCollection c = new XYSeriesCollection();
        c.addSeries(s);
        return c;
    }

    /** A share as a percentage, kept within 0–100 (a t interval near a limit would reach past it). */
    private static double clip(double share) {
        return Math.max(0, Math.min(100, 100 * share));
    }

    /** A share as a percentage with at most two decimals and no trailing zeros, e.g. "98.5". */
    public static String percent(double share) {
        return java.math.BigDecimal.valueOf(100 * share).setScale(2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
