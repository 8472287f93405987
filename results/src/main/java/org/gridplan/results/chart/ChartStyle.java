package org.gridplan.results.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;

/**
 * The look shared by every chart: white background, light grid lines, flat bars, and a font that
 * can draw Chinese when one is installed (Noto Sans CJK, Debian package {@code fonts-noto-cjk}),
 * else Java's logical {@code SansSerif}.
 */
public final class ChartStyle {

    /** Chinese-capable families tried in order for PNG output. */
    static final List<String> CJK_FAMILIES = List.of("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
            "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "AR PL UMing CN", "Droid Sans Fallback");

    private static final String FAMILY = pickFamily();

    private ChartStyle() {
    }

    /** The font family charts are drawn with. */
    public static String family() {
        return FAMILY;
    }

    /** Whether {@link #family()} can draw Chinese text. */
    public static boolean canDisplayChinese() {
        return new Font(FAMILY, Font.PLAIN, 12).canDisplayUpTo("网格响应时间") == -1;
    }

    private static String pickFamily() {
        List<String> installed;
        try {
            installed = List.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        } catch (RuntimeException | Error e) {
            return Font.SANS_SERIF;
        }
        for (String f : CJK_FAMILIES) {
            if (installed.contains(f)) {
                return f;
            }
        }
        return Font.SANS_SERIF;
    }

    /** Applies the shared look to {@code chart}; call before setting series colours. */
    static void apply(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("gridplan", false);
        theme.setExtraLargeFont(new Font(FAMILY, Font.BOLD, 17));
        theme.setLargeFont(new Font(FAMILY, Font.PLAIN, 15));
        theme.setRegularFont(new Font(FAMILY, Font.PLAIN, 13));
        theme.setSmallFont(new Font(FAMILY, Font.PLAIN, 12));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xDDDDDD));
        theme.setRangeGridlinePaint(new Color(0xDDDDDD));
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        Plot plot = chart.getPlot();
        plot.setOutlineVisible(false);
        plot.setNoDataMessageFont(new Font(FAMILY, Font.PLAIN, 14));
    }
}
