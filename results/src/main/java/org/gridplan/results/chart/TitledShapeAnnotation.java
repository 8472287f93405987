package org.gridplan.results.chart;

import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;
import java.util.Map;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * A filled shape that, drawn as SVG, is wrapped in a group with a {@code <title>} (the browser's
 * hover text) and a {@code jfreesvg:ref} naming it, e.g. {@code grid:C01-G04}. Drawn as PNG it is
 * a plain shape.
 */
final class TitledShapeAnnotation extends XYShapeAnnotation {

    private static final long serialVersionUID = 1L;

    private final String ref;
    private final String title;
    private final transient Paint fill;

    TitledShapeAnnotation(Shape shape, Stroke stroke, Paint outline, Paint fill, String ref, String title) {
        super(shape, stroke, outline, fill);
        this.ref = ref;
        this.title = title;
        this.fill = fill;
    }

    /** The fill of the shape. */
    Paint fill() {
        return fill;
    }

    /** The hover text. */
    String title() {
        return title;
    }

    /** The reference written on the group, e.g. {@code grid:C01-G04}. */
    String ref() {
        return ref;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
            int rendererIndex, PlotRenderingInfo info) {
        boolean svg = g2 instanceof SVGGraphics2D;
        if (svg) {
            g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, Map.of("ref", ref));
            g2.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, title);
        }
        super.draw(g2, plot, dataArea, domainAxis, rangeAxis, rendererIndex, info);
        if (svg) {
            g2.setRenderingHint(SVGHints.KEY_END_GROUP, "end");
        }
    }

    @Override
    public boolean equals(Object obj) {
        return super.equals(obj) && obj instanceof TitledShapeAnnotation t && ref.equals(t.ref)
                && title.equals(t.title);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + ref.hashCode();
    }
}
