package org.gridplan.results.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.statistics.StatisticalCategoryDataset;

/**
 * Dots with their 95% interval (mean ± the half-width kept in the dataset's standard-deviation slot),
 * the interval cut where it leaves the axis: on a log axis an interval reaching below zero, as a
 * Student-t interval of few replications does, is drawn down to the axis's foot without a cap, and
 * one reaching past the top to the top without a cap. JFreeChart's own renderer draws such an
 * interval to a point off the plot (the log of a negative value), and writes NaN into the SVG.
 */
final class ClippedIntervalRenderer extends StatisticalLineAndShapeRenderer {

    private static final long serialVersionUID = 1L;
    private static final double CAP = 4;

    private transient CategoryDataset meansOnly;
    private transient CategoryDataset meansOf;

    ClippedIntervalRenderer() {
        super(false, true);
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
            CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
        if (!(dataset instanceof StatisticalCategoryDataset s)) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            return;
        }
        Number mean = s.getMeanValue(row, column);
        Number half = s.getStdDevValue(row, column);
        if (pass == 1 && mean != null && half != null && getItemVisible(row, column)) {
            double x = getUseSeriesOffset()
                    ? domainAxis.getCategorySeriesMiddle(column, dataset.getColumnCount(),
                            state.getVisibleSeriesIndex(row), state.getVisibleSeriesCount(), getItemMargin(),
                            dataArea, plot.getDomainAxisEdge())
                    : domainAxis.getCategoryMiddle(column, dataset.getColumnCount(), dataArea,
                            plot.getDomainAxisEdge());
            Range r = rangeAxis.getRange();
            double lo = mean.doubleValue() - half.doubleValue();
            double hi = mean.doubleValue() + half.doubleValue();
            boolean loCut = !(lo > r.getLowerBound());
            boolean hiCut = hi > r.getUpperBound();
            double y0 = rangeAxis.valueToJava2D(loCut ? r.getLowerBound() : lo, dataArea, plot.getRangeAxisEdge());
            double y1 = rangeAxis.valueToJava2D(hiCut ? r.getUpperBound() : hi, dataArea, plot.getRangeAxisEdge());
            g2.setPaint(getErrorIndicatorPaint() != null ? getErrorIndicatorPaint() : Color.BLACK);
            g2.setStroke(getErrorIndicatorStroke() != null ? getErrorIndicatorStroke() : new BasicStroke(1f));
            g2.draw(new Line2D.Double(x, y0, x, y1));
            if (!loCut) {
                g2.draw(new Line2D.Double(x - CAP, y0, x + CAP, y0));
            }
            if (!hiCut) {
                g2.draw(new Line2D.Double(x - CAP, y1, x + CAP, y1));
            }
        }
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, means(s), row, column, pass);
    }

    /** The same means without intervals, for the parent to draw the dots from. */
    private CategoryDataset means(StatisticalCategoryDataset s) {
        if (meansOf != s) {
            DefaultStatisticalCategoryDataset m = new DefaultStatisticalCategoryDataset();
            for (int r = 0; r < s.getRowCount(); r++) {
                for (int c = 0; c < s.getColumnCount(); c++) {
                    m.add(s.getMeanValue(r, c), null, s.getRowKey(r), s.getColumnKey(c));
                }
            }
            meansOnly = m;
            meansOf = s;
        }
        return meansOnly;
    }
}
