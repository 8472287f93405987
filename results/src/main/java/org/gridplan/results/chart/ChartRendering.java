package org.gridplan.results.chart;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.gridplan.sim.io.AtomicFiles;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws charts as SVG (JFreeSVG; text stays text, so a browser renders Chinese labels with its
 * own fonts) and as PNG (Java2D, with the font {@link ChartStyle} picked).
 */
public final class ChartRendering {

    /**
     * The CSS font stack written into SVG text: the Chinese sans-serif faces common on Linux,
     * macOS and Windows, then the generic family. Unquoted (each name is a run of CSS
     * identifiers), because JFreeSVG writes it into a single-quoted {@code style} attribute.
     */
    public static final String SVG_FONT_FAMILY = "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, "
            + "PingFang SC, Microsoft YaHei, WenQuanYi Micro Hei, sans-serif";

    private ChartRendering() {
    }

    /**
     * The chart as an {@code <svg>} element of {@code width × height} pixels with a view box, for
     * inlining in HTML. Ids of clip paths and other definitions start with {@code idPrefix}, so
     * several charts can share one page.
     */
    public static String svg(JFreeChart chart, int width, int height, String idPrefix) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(idPrefix);
        g.setFontFunction(family -> SVG_FONT_FAMILY);
        // Hundredths of a pixel are finer than any screen; full doubles would double the page size.
        g.setGeomDoubleConverter(ChartRendering::hundredths);
        g.setTransformDoubleConverter(ChartRendering::hundredths);
        chart.draw(g, new Rectangle(width, height));
        return g.getSVGElement(idPrefix + "svg", true, new ViewBox(0, 0, width, height), null, null);
    }

    private static String hundredths(double d) {
        double r = Math.round(d * 100) / 100.0;
        return r == (long) r ? Long.toString((long) r) : Double.toString(r);
    }

    /** The chart as an {@code <svg>} element, ids prefixed with its name. */
    public static String svg(NamedChart c) {
        return svg(c.chart(), c.width(), c.height(), c.id() + "-");
    }

    /** The chart as PNG bytes. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * An {@code <svg>} element as a standalone document: an XML declaration, and the SVG namespace
     * on the root unless the element already declares it (JFreeSVG does; a second {@code xmlns}
     * would make the file ill-formed XML).
     */
    static String standalone(String element) {
        int end = element.indexOf('>');
        boolean declared = end > 0 && element.substring(0, end).contains("xmlns=");
        String root = declared ? element : element.replaceFirst("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" ");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root;
    }

    /** Writes {@code <id>.svg} (a standalone document) and {@code <id>.png} into {@code dir}, atomically. */
    public static void write(NamedChart c, Path dir) {
        String svg = standalone(svg(c));
        byte[] png = png(c.chart(), c.width(), c.height());
        AtomicFiles.write(dir.resolve(c.id() + ".svg"), out -> out.write(svg.getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(dir.resolve(c.id() + ".png"), out -> out.write(png));
    }
}
