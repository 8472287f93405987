package org.gridplan.results.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridplan.results.stats.Kpi;
import org.gridplan.results.stats.Unit;

/**
 * The colour classes of a grid map, at absolute thresholds in the KPI's display unit, the same in
 * every batch, so a dark grid means the same thing in every report: response over a day, closure
 * over a week, on-time response under 80%. Light yellow is the best class, dark red the worst
 * (ColorBrewer YlOrRd); a KPI that is neither better higher nor lower (utilisation) runs light to
 * dark blue. A KPI without fixed thresholds gets five equal classes over {@code [lower, upper]}.
 */
public final class MapClasses {

    private static final Color[] YL_OR_RD = {new Color(0xFFFFB2), new Color(0xFED976), new Color(0xFEB24C),
        new Color(0xFD8D3C), new Color(0xF03B20), new Color(0xBD0026)};
    private static final Color[] BLUES = {new Color(0xEFF3FF), new Color(0xC6DBEF), new Color(0x9ECAE1),
        new Color(0x6BAED6), new Color(0x3182BD), new Color(0x08519C)};

    private final Kpi kpi;
    private final double[] bounds;
    private final String[] labels;
    private final Color[] colours;

    private MapClasses(Kpi kpi, double[] bounds, String[] labels) {
        this.kpi = kpi;
        this.bounds = bounds;
        this.labels = labels;
        int n = bounds.length + 1;
        Color[] stops = kpi.direction() == Kpi.Direction.NEUTRAL ? BLUES : YL_OR_RD;
        this.colours = new Color[n];
        for (int i = 0; i < n; i++) {
            // Spread the classes over the ramp; the worst class is always the darkest.
            int k = n == 1 ? 0 : (int) Math.round((double) i * (stops.length - 1) / (n - 1));
            colours[kpi.direction() == Kpi.Direction.HIGHER_IS_BETTER ? n - 1 - i : i] = stops[k];
        }
    }

    /**
     * The classes of {@code kpi} maps in {@code lang}; {@code lower} and {@code upper} (display
     * unit) are the batch's range, used only by a KPI without fixed thresholds.
     */
    public static MapClasses of(Kpi kpi, Lang lang, double lower, double upper) {
        boolean zh = lang == Lang.ZH;
        Unit unit = kpi.unit();
        if (unit == Unit.MINUTES) {
            return new MapClasses(kpi, new double[] {60, 240, 720, 1440, 2880}, zh
                    ? new String[] {"1小时以内", "1–4小时", "4–12小时", "12–24小时", "1–2天", "超过2天"}
                    : new String[] {"within 1 h", "1–4 h", "4–12 h", "12–24 h", "1–2 days", "over 2 days"});
        }
        if (unit == Unit.HOURS) {
            return new MapClasses(kpi, new double[] {24, 72, 168, 336}, zh
                    ? new String[] {"1天以内", "1–3天", "3–7天", "1–2周", "超过2周"}
                    : new String[] {"within 1 day", "1–3 days", "3–7 days", "1–2 weeks", "over 2 weeks"});
        }
        if (unit == Unit.PERCENT && kpi.direction() == Kpi.Direction.HIGHER_IS_BETTER) {
            return new MapClasses(kpi, new double[] {60, 80, 90, 95}, new String[] {zh ? "低于60%" : "under 60%",
                "60–80%", "80–90%", "90–95%", zh ? "95%及以上" : "95% and over"});
        }
        if (unit == Unit.PERCENT) {
            return new MapClasses(kpi, new double[] {20, 40, 60, 80, 100}, new String[] {zh ? "低于20%" : "under 20%",
                "20–40%", "40–60%", "60–80%", "80–100%", zh ? "超过100%" : "over 100%"});
        }
        if (unit == Unit.COUNT) {
            return new MapClasses(kpi, new double[] {0, 1, 3, 10}, zh
                    ? new String[] {"0件", "1件", "2–3件", "4–10件", "超过10件"}
                    : new String[] {"none", "1", "2–3", "4–10", "over 10"});
        }
        double lo = Double.isFinite(lower) ? lower : 0;
        double hi = Double.isFinite(upper) && upper > lo ? upper : lo + 1;
        double[] b = new double[4];
        String[] l = new String[5];
        for (int i = 0; i < 4; i++) {
            b[i] = lo + (hi - lo) * (i + 1) / 5;
        }
        for (int i = 0; i < 5; i++) {
            l[i] = fmt(i == 0 ? lo : b[i - 1]) + "–" + fmt(i == 4 ? hi : b[i]);
        }
        return new MapClasses(kpi, b, l);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%,.0f" : "%.1f", v);
    }

    /** The KPI the classes are of. */
    public Kpi kpi() {
        return kpi;
    }

    /** Number of classes. */
    public int size() {
        return labels.length;
    }

    /** The class of {@code value} (display unit): 0 for values up to the first threshold. */
    public int classOf(double value) {
        int i = 0;
        while (i < bounds.length && value > bounds[i]) {
            i++;
        }
        return i;
    }

    /** The fill of a grid whose value is {@code value} (display unit). */
    public Color colour(double value) {
        return colours[classOf(value)];
    }

    /** The colour of class {@code i}. */
    public Color colourOf(int i) {
        return colours[i];
    }

    /** The labels of the classes, best-to-worst for a lower-is-better KPI, in threshold order. */
    public List<String> labels() {
        return List.of(labels);
    }

    /** The thresholds between the classes, display unit. */
    public List<Double> thresholds() {
        List<Double> out = new ArrayList<>();
        for (double b : bounds) {
            out.add(b);
        }
        return out;
    }
}
