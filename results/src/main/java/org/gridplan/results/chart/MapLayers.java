package org.gridplan.results.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridplan.sim.model.City;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadClass;
import org.gridplan.sim.road.RoadNetwork;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.linemerge.LineMerger;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * The context layers of a map, drawn in this order over the grid fills: roads (thin grey, arterials
 * a little heavier), the grid borders (white, each shared border once), the community boundaries
 * (dark blue, heavier). Geometry is in metres, drawn through a transform to the plot's units and
 * simplified within a tolerance of about half a pixel, which keeps a map's size to what shows.
 */
final class MapLayers {

    /**
     * Above this many local road segments a map draws the arterials only. The generated
     * 500,000-household district has about 3,850 local segments (some 120 KB of SVG per map once
     * chained), the Cambridge example about 10,300 (its centrelines split where buildings attach);
     * an imported town with tens of thousands would add megabytes to every map of a report and
     * draw a grey felt at a report's scale.
     */
    static final int MAX_LOCAL_ROADS = 20_000;

    /** A local road. */
    static final Color LOCAL_ROAD = new Color(0x8C8C8C);
    /** An arterial road. */
    static final Color ARTERIAL_ROAD = new Color(0x6E6E6E);
    /** A community boundary (the colour of the community labels). */
    static final Color COMMUNITY = new Color(0x08306B);
    /** Grid borders. */
    static final Color GRID_BORDER = Color.WHITE;

    static final Stroke LOCAL_STROKE = new BasicStroke(0.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke ARTERIAL_STROKE = new BasicStroke(1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke COMMUNITY_STROKE = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private MapLayers() {
    }

    /** Whether a map of {@code city} draws its local roads (see {@link #MAX_LOCAL_ROADS}). */
    static boolean drawsLocalRoads(City city) {
        return city.roads().roads().stream().filter(r -> r.roadClass() == RoadClass.LOCAL).count() <= MAX_LOCAL_ROADS;
    }

    /**
     * Adds the roads of {@code city} as two shapes, local roads then arterials (local ones only
     * when {@link #drawsLocalRoads}). Segments are chained through nodes where two meet and
     * simplified within {@code toleranceMetres} (about a pixel), so a road drawn as many short
     * segments costs the map no more than its shape.
     *
     * @return the number of road shapes added (0, 1 or 2)
     */
    static int addRoads(XYLineAndShapeRenderer renderer, City city, AffineTransform toPlot, double toleranceMetres) {
        int added = 0;
        boolean locals = drawsLocalRoads(city);
        for (RoadClass kind : new RoadClass[] {RoadClass.LOCAL, RoadClass.ARTERIAL}) {
            if (kind == RoadClass.LOCAL && !locals) {
                continue;
            }
            Shape shape = roads(city.roads(), kind, toPlot, toleranceMetres);
            if (shape != null) {
                renderer.addAnnotation(new XYShapeAnnotation(shape,
                        kind == RoadClass.LOCAL ? LOCAL_STROKE : ARTERIAL_STROKE,
                        kind == RoadClass.LOCAL ? LOCAL_ROAD : ARTERIAL_ROAD, null), Layer.BACKGROUND);
                added++;
            }
        }
        return added;
    }

    /** The roads of one class as one shape in plot units, null when there are none. */
    static Shape roads(RoadNetwork network, RoadClass kind, AffineTransform toPlot, double toleranceMetres) {
        LineMerger merger = new LineMerger();
        int n = 0;
        for (Road r : network.roads()) {
            if (r.roadClass() == kind) {
                merger.add(FACTORY.createLineString(new Coordinate[] {
                    new Coordinate(network.x(r.from()), network.y(r.from())),
                    new Coordinate(network.x(r.to()), network.y(r.to()))}));
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Collection<LineString> chains = merger.getMergedLineStrings();
        List<Geometry> simplified = new ArrayList<>(chains.size());
        for (LineString chain : chains) {
            simplified.add(DouglasPeuckerSimplifier.simplify(chain, toleranceMetres));
        }
        return shape(FACTORY.buildGeometry(simplified), toPlot);
    }

    /**
     * Adds the borders of {@code grids} as one white line network, a border two grids share
     * drawn once, simplified within {@code toleranceMetres}.
     */
    static void addGridBorders(XYLineAndShapeRenderer renderer, Collection<Geometry> grids, AffineTransform toPlot,
            Stroke stroke, double toleranceMetres) {
        Geometry network = network(grids, toleranceMetres);
        if (network != null) {
            renderer.addAnnotation(new XYShapeAnnotation(shape(network, toPlot), stroke, GRID_BORDER, null),
                    Layer.BACKGROUND);
        }
    }

    /**
     * Adds the outlines of the communities as one network, heavier than the grid borders: their
     * outer edges only, so an empty patch inside a community (a park, a pond) stays a plain gap
     * in the fills rather than a ring of community boundary.
     */
    static void addCommunityBoundaries(XYLineAndShapeRenderer renderer, Collection<Geometry> communities,
            AffineTransform toPlot, double toleranceMetres) {
        List<Geometry> shells = new ArrayList<>();
        for (Geometry c : communities) {
            for (int k = 0; k < c.getNumGeometries(); k++) {
                if (c.getGeometryN(k) instanceof Polygon p) {
                    shells.add(FACTORY.createPolygon(p.getExteriorRing().getCoordinates()));
                }
            }
        }
        Geometry network = network(shells, toleranceMetres);
        if (network != null) {
            renderer.addAnnotation(new XYShapeAnnotation(shape(network, toPlot), COMMUNITY_STROKE, COMMUNITY, null),
                    Layer.BACKGROUND);
        }
    }

    /**
     * The boundaries of polygons that tile a surface as one line network: every boundary segment
     * once (two neighbours' shared border is made of the same Voronoi vertices on both sides, so
     * a segment is known by its ends to the centimetre), chained through the points where two
     * segments meet and simplified within {@code toleranceMetres}; null for no polygons.
     */
    static Geometry network(Collection<Geometry> polygons, double toleranceMetres) {
        Set<List<Long>> seen = new HashSet<>();
        LineMerger merger = new LineMerger();
        int n = 0;
        for (Geometry g : polygons) {
            Geometry boundary = g.getBoundary();
            for (int k = 0; k < boundary.getNumGeometries(); k++) {
                Coordinate[] cs = boundary.getGeometryN(k).getCoordinates();
                for (int i = 1; i < cs.length; i++) {
                    List<Long> a = List.of(Math.round(cs[i - 1].x * 100), Math.round(cs[i - 1].y * 100));
                    List<Long> b = List.of(Math.round(cs[i].x * 100), Math.round(cs[i].y * 100));
                    if (a.equals(b)) {
                        continue;
                    }
                    boolean ordered = a.get(0) < b.get(0) || a.get(0).equals(b.get(0)) && a.get(1) < b.get(1);
                    List<Long> key = ordered ? List.of(a.get(0), a.get(1), b.get(0), b.get(1))
                            : List.of(b.get(0), b.get(1), a.get(0), a.get(1));
                    if (seen.add(key)) {
                        merger.add(FACTORY.createLineString(new Coordinate[] {cs[i - 1], cs[i]}));
                        n++;
                    }
                }
            }
        }
        if (n == 0) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Collection<LineString> chains = merger.getMergedLineStrings();
        List<Geometry> simplified = new ArrayList<>(chains.size());
        for (LineString chain : chains) {
            simplified.add(DouglasPeuckerSimplifier.simplify(chain, toleranceMetres));
        }
        return FACTORY.buildGeometry(simplified);
    }

    /**
     * A polygon simplified for drawing within {@code toleranceMetres} (about half a pixel): the
     * arcs of the built-up edge lose the vertices no screen shows. Not repaired to a valid
     * polygon: it is drawn, never measured.
     */
    static Geometry simplified(Geometry polygon, double toleranceMetres) {
        DouglasPeuckerSimplifier s = new DouglasPeuckerSimplifier(polygon);
        s.setDistanceTolerance(toleranceMetres);
        s.setEnsureValid(false);
        return s.getResultGeometry();
    }

    /**
     * Adds the legend items of the context layers: roads (local ones only when drawn) and the
     * community boundary.
     */
    static void addLegend(LegendItemCollection items, Lang lang, City city, boolean roads, boolean communities) {
        if (roads) {
            boolean locals = drawsLocalRoads(city)
                    && city.roads().roads().stream().anyMatch(r -> r.roadClass() == RoadClass.LOCAL);
            if (locals) {
                items.add(line(ChartText.MAP_LOCAL_ROADS.in(lang), LOCAL_STROKE, LOCAL_ROAD));
            }
            if (city.roads().roads().stream().anyMatch(r -> r.roadClass() == RoadClass.ARTERIAL)) {
                items.add(line(ChartText.MAP_ARTERIALS.in(lang), ARTERIAL_STROKE, ARTERIAL_ROAD));
            }
        }
        if (communities) {
            items.add(line(ChartText.MAP_COMMUNITY_BOUNDARY.in(lang), COMMUNITY_STROKE, COMMUNITY));
        }
    }

    private static LegendItem line(String label, Stroke stroke, Color colour) {
        LegendItem item = new LegendItem(label, null, null, null, false, new Rectangle2D.Double(-6, -6, 12, 12),
                false, colour, false, colour, stroke, true, new Line2D.Double(-9, 0, 9, 0), stroke, colour);
        return item;
    }

    /** A geometry in metres as a path in plot units. */
    static Shape shape(Geometry g, AffineTransform toPlot) {
        return toPlot.createTransformedShape(new Path2D.Double(new ShapeWriter().toShape(g)));
    }
}
