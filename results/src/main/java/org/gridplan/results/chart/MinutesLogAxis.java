package org.gridplan.results.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A base-10 log axis of minutes whose tick labels are plain text in whole minutes ("1", "10",
 * "1,000"): JFreeChart's own log ticks are attributed strings, which the SVG writer draws as glyph
 * outlines, not as text a reader can select or a browser renders with its fonts.
 */
final class MinutesLogAxis extends LogAxis {

    private static final long serialVersionUID = 1L;

    MinutesLogAxis(String label, double lower, double upper) {
        super(label);
        setBase(10);
        setSmallestValue(lower);
        setTickUnit(new NumberTickUnit(1));
        setMinorTickCount(9);
        setMinorTickMarksVisible(true);
        setRange(lower, upper);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List<Object> out = new ArrayList<>();
        DecimalFormat whole = new DecimalFormat("#,##0");
        for (Object o : super.refreshTicks(g2, state, dataArea, edge)) {
            if (o instanceof LogTick t) {
                boolean major = t.getTickType() == TickType.MAJOR;
                out.add(new NumberTick(t.getTickType(), t.getValue(), major ? whole.format(t.getValue()) : "",
                        t.getTextAnchor(), t.getRotationAnchor(), t.getAngle()));
            } else if (o instanceof ValueTick) {
                out.add(o);
            }
        }
        return out;
    }
}
