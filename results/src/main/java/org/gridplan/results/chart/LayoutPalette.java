package org.gridplan.results.chart;

import java.awt.Color;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One colour per layout, used by every chart so a layout looks the same everywhere. The
 * baseline is dark grey; the other layouts take the Okabe–Ito colour-blind-safe palette in layout
 * order (blue, vermillion, bluish green, reddish purple, orange, sky blue, then darker variants).
 */
public final class LayoutPalette {

    /** The baseline's colour. */
    public static final Color BASELINE = new Color(0x4D4D4D);

    private static final Color[] COLOURS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9)};

    private final Map<String, Color> colours;

    /** The palette of {@code layouts} (in order) with {@code baseline} in grey. */
    public LayoutPalette(List<String> layouts, String baseline) {
        Map<String, Color> map = new LinkedHashMap<>();
        int k = 0;
        for (String layout : layouts) {
            if (layout.equals(baseline)) {
                map.put(layout, BASELINE);
            } else {
                Color c = COLOURS[k % COLOURS.length];
                for (int round = k / COLOURS.length; round > 0; round--) {
                    c = c.darker();
                }
                map.put(layout, c);
                k++;
            }
        }
        this.colours = Collections.unmodifiableMap(map);
    }

    /** The colour of {@code layout}. */
    public Color color(String layout) {
        Color c = colours.get(layout);
        if (c == null) {
            throw new IllegalArgumentException("layout " + layout + " has no colour");
        }
        return c;
    }

    /** Layout → colour, in layout order. */
    public Map<String, Color> colours() {
        return colours;
    }

    /** The colour as CSS {@code #rrggbb}. */
    public static String css(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
