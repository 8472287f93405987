package org.gridplan.results.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gridplan.sim.io.AtomicFiles;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.BuildingAdjacency;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The map of one layout, for {@code gridplan layout generate} and {@code layout validate}: every
 * grid filled with a colour of its own among its neighbours (a greedy colouring of the grid
 * adjacency graph), its households written on it, the roads, the community boundaries, and,
 * for a layout that breaks the rules, the grids that break them outlined in red with the
 * violations in their hover text and the buildings in no grid marked. No KPI: a layout's map
 * before any simulation. Drawn as a standalone SVG (text stays text, every grid a path in a
 * group with a {@code <title>}) or a PNG.
 *
 * @param city       the district
 * @param layout     the layout to draw
 * @param violations grid id → the sentences of the rules it breaks; grids absent break none
 * @param strays     ids of buildings that are in no grid
 */
public record LayoutMap(City city, GridLayout layout, Map<String, List<String>> violations, Set<String> strays) {

    /**
     * Fills of neighbouring grids: light colours (ColorBrewer Set3 and Pastel, no red, which marks
     * a broken rule), dark text readable on each. A planar adjacency needs at most six with the
     * smallest-last order; a seventh and later colour is used only by a layout whose grids are
     * not contiguous.
     */
    static final Color[] FILLS = {new Color(0x8DD3C7), new Color(0xFFFFB3), new Color(0xBEBADA),
        new Color(0x80B1D3), new Color(0xFDB462), new Color(0xB3DE69), new Color(0xFCCDE5), new Color(0xCCEBC5),
        new Color(0xD9D9D9), new Color(0xBC80BD)};

    /** The outline and labels of a grid that breaks a rule. */
    static final Color BROKEN = new Color(0xC00000);

    /** Width of the map of a layout of up to {@link #LABELLED_AT_BASE} grids, pixels. */
    static final int BASE_WIDTH = 900;
    /** The widest map, pixels: a map of more grids labels only those that break a rule. */
    static final int MAX_WIDTH = 3_200;
    /** How many grids a {@link #BASE_WIDTH} map labels; wider maps label as many per area. */
    static final int LABELLED_AT_BASE = 160;

    public LayoutMap {
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(layout, "layout");
        violations = Collections.unmodifiableMap(new TreeMap<>(violations));
        strays = Collections.unmodifiableSet(new TreeSet<>(strays));
    }

    /** The map of a layout with no marks. */
    public static LayoutMap of(City city, GridLayout layout) {
        return new LayoutMap(city, layout, Map.of(), Set.of());
    }

    /** The size of the map: wider for more grids, so households stay legible; the plot keeps the district's shape. */
    public Dimension size() {
        int grids = Math.max(1, layout.gridCount());
        int width = (int) Math.round(BASE_WIDTH * Math.sqrt(Math.max(1.0, grids / (double) LABELLED_AT_BASE)));
        width = Math.min(MAX_WIDTH, width);
        Envelope env = envelope();
        double ratio = env.getWidth() > 0 ? env.getHeight() / env.getWidth() : 1;
        int height = (int) Math.round((width - 190) * ratio) + 150;
        return new Dimension(width, Math.max(360, Math.min(MAX_WIDTH, height)));
    }

    /** Whether every grid's households are written on the map (else only the grids that break a rule). */
    boolean labelsEveryGrid() {
        Dimension size = size();
        double perArea = LABELLED_AT_BASE / (double) (BASE_WIDTH * BASE_WIDTH);
        return layout.gridCount() <= perArea * size.width * size.width;
    }

    /** The map as a chart, labels in {@code lang}. */
    public JFreeChart chart(Lang lang) {
        Envelope env = envelope();
        AffineTransform toKm = new AffineTransform();
        toKm.scale(0.001, 0.001);
        toKm.translate(-env.getMinX(), -env.getMinY());

        XYSeries stray = new XYSeries(ChartText.LAYOUT_MAP_UNASSIGNED.in(lang));
        for (String id : strays) {
            city.indexOf(id).ifPresent(i -> {
                Building b = city.buildings().get(i);
                stray.add((b.x() - env.getMinX()) / 1000, (b.y() - env.getMinY()) / 1000);
            });
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        if (stray.getItemCount() > 0) {
            dataset.addSeries(stray);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, BROKEN);
        renderer.setSeriesShape(0, cross(4));
        renderer.setSeriesShapesFilled(0, false);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        NumberAxis x = new NumberAxis(ChartText.MAP_X.in(lang));
        NumberAxis y = new NumberAxis(ChartText.MAP_Y.in(lang));
        x.setRange(0, env.getWidth() / 1000);
        y.setRange(0, env.getHeight() / 1000);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.setNoDataMessage(null);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        long households = city.households();
        String title = violations.isEmpty() && strays.isEmpty()
                ? ChartText.LAYOUT_MAP_TITLE.in(lang, layout.name(), layout.gridCount(), households)
                : ChartText.LAYOUT_MAP_BROKEN_TITLE.in(lang, layout.name(), layout.gridCount(), violations.size());
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);

        GridOutlines.Outlines shapes = GridOutlines.outlines(city, layout);
        Map<String, Integer> colour = colouring(city, layout);
        Map<String, Integer> hh = layout.householdsByGrid(city);
        Map<String, List<Integer>> members = layout.buildingsByGrid(city);
        // Half a pixel: what a screen shows of the outlines' arcs and the roads' bends.
        double tolerance = Math.max(env.getWidth(), env.getHeight()) / (size().width - 190) / 2;
        for (Map.Entry<String, Geometry> e : shapes.grids().entrySet()) {
            String grid = e.getKey();
            String community = layout.communityOfGrid().getOrDefault(grid, "");
            StringBuilder hover = new StringBuilder(ChartText.LAYOUT_MAP_HOVER.in(lang, grid, community,
                    hh.getOrDefault(grid, 0), members.getOrDefault(grid, List.of()).size()));
            for (String v : violations.getOrDefault(grid, List.of())) {
                hover.append('\n').append(v);
            }
            Color fill = FILLS[colour.getOrDefault(grid, 0) % FILLS.length];
            renderer.addAnnotation(new TitledShapeAnnotation(MapLayers.shape(MapLayers.simplified(e.getValue(),
                    tolerance), toKm), null, null, fill,
                    "grid:" + grid, hover.toString()), Layer.BACKGROUND);
        }
        boolean roads = MapLayers.addRoads(renderer, city, toKm, tolerance) > 0;
        BasicStroke border = new BasicStroke(0.8f);
        MapLayers.addGridBorders(renderer, shapes.grids().values(), toKm, border, tolerance);
        boolean communities = shapes.communities().size() > 1;
        if (communities) {
            MapLayers.addCommunityBoundaries(renderer, shapes.communities().values(), toKm, tolerance);
        }
        BasicStroke brokenStroke = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        for (String grid : violations.keySet()) {
            Geometry g = shapes.grids().get(grid);
            if (g != null) {
                renderer.addAnnotation(new XYShapeAnnotation(MapLayers.shape(g.getBoundary(), toKm), brokenStroke,
                        BROKEN, null), Layer.BACKGROUND);
            }
        }
        boolean labelAll = labelsEveryGrid();
        Font font = new Font(ChartStyle.family(), Font.PLAIN, 10);
        Font bold = new Font(ChartStyle.family(), Font.BOLD, 11);
        for (Map.Entry<String, Geometry> e : shapes.grids().entrySet()) {
            boolean broken = violations.containsKey(e.getKey());
            if (!labelAll && !broken) {
                continue;
            }
            Point at = e.getValue().getInteriorPoint();
            String text = String.format(Locale.ROOT, "%,d", hh.getOrDefault(e.getKey(), 0));
            XYTextAnnotation t = new XYTextAnnotation(broken ? "! " + text : text, (at.getX() - env.getMinX()) / 1000,
                    (at.getY() - env.getMinY()) / 1000);
            t.setFont(broken ? bold : font);
            t.setPaint(broken ? BROKEN : new Color(0x222222));
            renderer.addAnnotation(t, broken ? Layer.FOREGROUND : Layer.BACKGROUND);
        }
        if (communities) {
            Font communityFont = new Font(ChartStyle.family(), Font.BOLD, 14);
            for (Map.Entry<String, Geometry> e : shapes.communities().entrySet()) {
                Point c = e.getValue().getInteriorPoint();
                XYTextAnnotation t = new XYTextAnnotation(e.getKey(), (c.getX() - env.getMinX()) / 1000,
                        (c.getY() - env.getMinY()) / 1000 + 0.06);
                t.setFont(communityFont);
                t.setPaint(MapLayers.COMMUNITY);
                t.setBackgroundPaint(new Color(255, 255, 255, 190));
                renderer.addAnnotation(t, Layer.FOREGROUND);
            }
        }

        LegendItemCollection items = new LegendItemCollection();
        MapLayers.addLegend(items, lang, city, roads, communities);
        if (!violations.isEmpty()) {
            items.add(new LegendItem(ChartText.LAYOUT_MAP_BROKEN.in(lang), null, null, null, true,
                    new Rectangle2D.Double(-6, -6, 12, 12), false, BROKEN, true, BROKEN, brokenStroke, false,
                    new Rectangle2D.Double(-6, -6, 12, 12), brokenStroke, BROKEN));
        }
        if (stray.getItemCount() > 0) {
            items.add(new LegendItem(ChartText.LAYOUT_MAP_UNASSIGNED.in(lang), null, null, null, true, cross(4), false,
                    BROKEN, true, BROKEN, new BasicStroke(2f), false, cross(4), new BasicStroke(2f), BROKEN));
        }
        plot.setFixedLegendItems(items);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        TextTitle note = new TextTitle(ChartText.LAYOUT_MAP_NOTE.in(lang));
        note.setFont(new Font(ChartStyle.family(), Font.PLAIN, 12));
        note.setPaint(new Color(0x555555));
        chart.addSubtitle(note);
        return chart;
    }

    /** The map as a standalone SVG document. */
    public String svg(Lang lang) {
        Dimension size = size();
        return ChartRendering.standalone(ChartRendering.svg(chart(lang), size.width, size.height, "layout-map-"));
    }

    /** The map as PNG bytes. */
    public byte[] png(Lang lang) {
        Dimension size = size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart(lang), size.width, size.height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes the map to {@code file} atomically: PNG when the name ends in {@code .png} (any
     * case), SVG otherwise.
     */
    public void write(Path file, Lang lang) {
        boolean png = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
        byte[] bytes = png ? png(lang) : svg(lang).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * A colour number per grid, neighbours different: grids are neighbours when two of their
     * buildings are adjacent (Thiessen cells touching, {@link BuildingAdjacency}). Greedy in the
     * smallest-last order (repeatedly set aside a grid of fewest remaining neighbours, colour in
     * reverse), which colours a planar graph, such as the adjacency of contiguous grids, with at
     * most six colours.
     */
    public static Map<String, Integer> colouring(City city, GridLayout layout) {
        Map<String, List<Integer>> byGrid = layout.buildingsByGrid(city);
        List<String> grids = new ArrayList<>(byGrid.keySet());
        Map<String, Integer> index = new HashMap<>();
        for (String g : grids) {
            index.put(g, index.size());
        }
        int[] gridOf = new int[city.buildings().size()];
        Arrays.fill(gridOf, -1);
        byGrid.forEach((g, bs) -> bs.forEach(b -> gridOf[b] = index.get(g)));
        int n = grids.size();
        List<Set<Integer>> adj = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            adj.add(new TreeSet<>());
        }
        BuildingAdjacency a = city.adjacency();
        for (int b = 0; b < gridOf.length; b++) {
            if (gridOf[b] < 0) {
                continue;
            }
            for (int k = 0; k < a.degree(b); k++) {
                int o = gridOf[a.neighbour(b, k)];
                if (o >= 0 && o != gridOf[b]) {
                    adj.get(gridOf[b]).add(o);
                }
            }
        }
        int[] degree = new int[n];
        for (int i = 0; i < n; i++) {
            degree[i] = adj.get(i).size();
        }
        boolean[] removed = new boolean[n];
        int[] order = new int[n];
        for (int step = n - 1; step >= 0; step--) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!removed[i] && (best < 0 || degree[i] < degree[best])) {
                    best = i;
                }
            }
            removed[best] = true;
            order[step] = best;
            for (int o : adj.get(best)) {
                degree[o]--;
            }
        }
        int[] colour = new int[n];
        Arrays.fill(colour, -1);
        for (int g : order) {
            boolean[] used = new boolean[adj.get(g).size() + 1];
            for (int o : adj.get(g)) {
                if (colour[o] >= 0 && colour[o] < used.length) {
                    used[colour[o]] = true;
                }
            }
            int c = 0;
            while (used[c]) {
                c++;
            }
            colour[g] = c;
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(grids.get(i), colour[i]);
        }
        return out;
    }

    private Envelope envelope() {
        Envelope env = new Envelope();
        city.buildings().forEach(b -> env.expandToInclude(b.x(), b.y()));
        env.expandBy(GridOutlines.MARGIN_METRES);
        return env;
    }

    private static Shape cross(double r) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(-r, -r);
        p.lineTo(r, r);
        p.moveTo(-r, r);
        p.lineTo(r, -r);
        return p;
    }
}
