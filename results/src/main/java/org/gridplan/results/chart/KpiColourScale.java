package org.gridplan.results.chart;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import org.gridplan.results.stats.Kpi;
import org.jfree.chart.renderer.PaintScale;

/**
 * The colour scale of grid maps, in the KPI's display unit: light yellow for the best values to
 * dark red for the worst (ColorBrewer YlOrRd), so the grids that need attention stand out. For
 * a share (higher is better) the scale runs the other way; for utilisation light to dark blue.
 */
public final class KpiColourScale implements PaintScale, Serializable {

    private static final long serialVersionUID = 1L;

    private static final Color[] YL_OR_RD = {new Color(0xFFFFB2), new Color(0xFECC5C), new Color(0xFD8D3C),
        new Color(0xF03B20), new Color(0xBD0026)};
    private static final Color[] BLUES = {new Color(0xEFF3FF), new Color(0xBDD7E7), new Color(0x6BAED6),
        new Color(0x3182BD), new Color(0x08519C)};

    private final double lower;
    private final double upper;
    private final boolean reversed;
    private final Color[] stops;

    /** A scale from {@code lower} to {@code upper} (display unit) for {@code kpi}. */
    public KpiColourScale(Kpi kpi, double lower, double upper) {
        if (!(upper > lower)) {
            throw new IllegalArgumentException("colour scale [" + lower + ", " + upper + "] is empty");
        }
        this.lower = lower;
        this.upper = upper;
        this.reversed = kpi.direction() == Kpi.Direction.HIGHER_IS_BETTER;
        this.stops = kpi.direction() == Kpi.Direction.NEUTRAL ? BLUES : YL_OR_RD;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        double f = Double.isFinite(value) ? (value - lower) / (upper - lower) : 0;
        f = Math.max(0, Math.min(1, f));
        if (reversed) {
            f = 1 - f;
        }
        double pos = f * (stops.length - 1);
        int k = Math.min(stops.length - 2, (int) Math.floor(pos));
        double t = pos - k;
        Color a = stops[k];
        Color b = stops[k + 1];
        return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }
}
