package org.gridplan.results.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.WeakHashMap;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Grid and community outlines for maps, drawn from building positions since cities carry no
 * parcel outlines: each building gets its Thiessen (Voronoi) cell, a grid is the union of its
 * buildings' cells and a community the union of its buildings' cells, and every outline is
 * clipped to the <em>built-up area</em> ({@link #builtUpArea}): the land within
 * {@link #JOIN_FACTOR} building spacings of a building, closed so that the gaps between the blocks
 * of a neighbourhood are filled and then drawn back to {@link #EDGE_FACTOR} spacings beyond the
 * outermost buildings. So a cell never reaches across a river, a park or the empty land between
 * two neighbourhoods, and an outline stops where the buildings stop instead of filling the convex
 * hull of the district.
 *
 * <p>The spacing is the median distance from a building position to the nearest other one. In
 * the generated districts it is about 46 m (the second to sixth nearest are about 65-110 m), so
 * the area joins buildings up to about 185 m apart (across streets and squares) and leaves empty
 * any gap wider than that. These are the cells whose touching defines grid contiguity (README,
 * "Contiguity"); a contiguous grid whose buildings straddle a wider gap is drawn in pieces, as it
 * lies. Neighbouring grids share their borders exactly. Coordinates are metres.
 */
public final class GridOutlines {

    /**
     * How far a map reaches beyond the outermost buildings, metres; also the edge of a district
     * too small to measure its spacing (a single building position).
     */
    public static final double MARGIN_METRES = 60;

    /**
     * Buildings up to twice this many spacings apart are joined into one built-up surface: the
     * radius, in spacings, of the discs whose union is closed into the built-up area.
     */
    public static final double JOIN_FACTOR = 2.0;

    /** How far the built-up area reaches beyond an outermost building, in spacings. */
    public static final double EDGE_FACTOR = 1.0;

    /** The spacing is taken as at least this, metres (towers a few metres apart). */
    public static final double MIN_SPACING_METRES = 15;

    /** The spacing is taken as at most this, metres (scattered rural houses). */
    public static final double MAX_SPACING_METRES = 150;

    /**
     * Segments per quarter circle of the discs: 4 draws a disc within 2.2% of its radius, under a
     * pixel of a report's map, and keeps the union of thousands of discs fast.
     */
    private static final int QUADRANT_SEGMENTS = 4;

    private static final GeometryFactory FACTORY = new GeometryFactory();

    /** The last city's built-up area: the maps of a report's layouts share one city. */
    private static final Map<City, Area> AREAS = Collections.synchronizedMap(new WeakHashMap<>());

    private record Area(double spacing, Geometry geometry, PreparedGeometry prepared) {
    }

    /**
     * The outlines of a layout.
     *
     * @param grids        grid id → outline, grids sorted by id
     * @param communities  community id (of the buildings) → outline, sorted by id
     * @param spacing      the building spacing the built-up area was drawn with, metres
     */
    public record Outlines(Map<String, Geometry> grids, Map<String, Geometry> communities, double spacing) {
    }

    private GridOutlines() {
    }

    /**
     * Grid id → outline, grids sorted by id (see {@link #outlines}).
     */
    public static Map<String, Geometry> of(City city, GridLayout layout) {
        return outlines(city, layout).grids();
    }

    /**
     * The grids' and communities' outlines, clipped to the built-up area. Buildings sharing a
     * position (split towers) share a cell, which goes to the first of their grids (and of their
     * communities); a grid left without a cell is drawn as discs of the edge's width around its
     * buildings.
     */
    public static Outlines outlines(City city, GridLayout layout) {
        Map<String, List<Integer>> byGrid = layout.buildingsByGrid(city);
        Map<Coordinate, String> gridAt = new HashMap<>();
        Map<Coordinate, String> communityAt = new HashMap<>();
        List<Coordinate> sites = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byGrid.entrySet()) {
            for (int i : e.getValue()) {
                Building b = city.buildings().get(i);
                Coordinate c = new Coordinate(b.x(), b.y());
                if (gridAt.putIfAbsent(c, e.getKey()) == null) {
                    communityAt.put(c, b.community());
                    sites.add(c);
                }
            }
        }
        Map<String, Geometry> grids = new TreeMap<>();
        Map<String, Geometry> communities = new TreeMap<>();
        Area area = area(city);
        if (sites.isEmpty()) {
            return new Outlines(grids, communities, area.spacing());
        }
        Map<String, List<Geometry>> gridCells = new TreeMap<>();
        Map<String, List<Geometry>> communityCells = new TreeMap<>();
        if (sites.size() >= 2) {
            VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
            builder.setSites(sites);
            Envelope clip = new Envelope(area.geometry().getEnvelopeInternal());
            sites.forEach(clip::expandToInclude);
            builder.setClipEnvelope(clip);
            Geometry diagram = builder.getDiagram(FACTORY);
            for (int k = 0; k < diagram.getNumGeometries(); k++) {
                Geometry cell = diagram.getGeometryN(k);
                if (cell.getUserData() instanceof Coordinate c && gridAt.containsKey(c)) {
                    gridCells.computeIfAbsent(gridAt.get(c), g -> new ArrayList<>()).add(cell);
                    communityCells.computeIfAbsent(communityAt.get(c), g -> new ArrayList<>()).add(cell);
                }
            }
        }
        // Communities first, each cut from the whole area; then each grid from its communities'
        // outlines only: a grid's region lies within its buildings' communities' regions, so that
        // is the same cut, over a small piece of the area.
        for (Map.Entry<String, List<Geometry>> e : communityCells.entrySet()) {
            Geometry shape = clipped(UnaryUnionOp.union(e.getValue()), area.geometry(), area.prepared());
            if (shape != null) {
                communities.put(e.getKey(), shape);
            }
        }
        Map<String, PreparedGeometry> preparedCommunities = new HashMap<>();
        double edge = EDGE_FACTOR * area.spacing();
        for (String grid : byGrid.keySet()) {
            Geometry shape = null;
            List<Geometry> cells = gridCells.get(grid);
            if (cells != null) {
                Set<String> of = new TreeSet<>();
                for (int i : byGrid.get(grid)) {
                    of.add(city.buildings().get(i).community());
                }
                of.retainAll(communities.keySet());
                Geometry region = UnaryUnionOp.union(cells);
                if (of.size() == 1) {
                    String c = of.iterator().next();
                    shape = clipped(region, communities.get(c), preparedCommunities.computeIfAbsent(c,
                            k -> PreparedGeometryFactory.prepare(communities.get(k))));
                } else if (!of.isEmpty()) {
                    List<Geometry> parts = new ArrayList<>();
                    of.forEach(c -> parts.add(communities.get(c)));
                    Geometry union = UnaryUnionOp.union(parts);
                    shape = clipped(region, union, PreparedGeometryFactory.prepare(union));
                }
            }
            if (shape == null && !byGrid.get(grid).isEmpty()) {
                // Every building of the grid shares its position with a building of another grid.
                List<Geometry> discs = new ArrayList<>();
                for (int i : byGrid.get(grid)) {
                    Building b = city.buildings().get(i);
                    discs.add(FACTORY.createPoint(new Coordinate(b.x(), b.y())).buffer(edge, QUADRANT_SEGMENTS));
                }
                shape = UnaryUnionOp.union(discs);
            }
            if (shape != null) {
                grids.put(grid, shape);
            }
        }
        return new Outlines(grids, communities, area.spacing());
    }

    /**
     * The built-up area of a city: the union of discs of {@link #JOIN_FACTOR} spacings around its
     * buildings, eroded by {@code JOIN_FACTOR - EDGE_FACTOR} spacings (a morphological closing),
     * so gaps narrower than twice the join radius are filled and the edge lies
     * {@link #EDGE_FACTOR} spacings beyond the outermost buildings.
     */
    public static Geometry builtUpArea(City city) {
        return area(city).geometry();
    }

    /**
     * The building spacing of a city, metres: the median distance from a building position to the
     * nearest other one, within [{@link #MIN_SPACING_METRES}, {@link #MAX_SPACING_METRES}];
     * {@link #MARGIN_METRES} for a city with fewer than two building positions.
     */
    public static double spacing(City city) {
        return area(city).spacing();
    }

    private static Area area(City city) {
        Area cached = AREAS.get(city);
        if (cached != null) {
            return cached;
        }
        List<Coordinate> sites = new ArrayList<>();
        Set<Coordinate> seen = new HashSet<>();
        for (Building b : city.buildings()) {
            Coordinate c = new Coordinate(b.x(), b.y());
            if (seen.add(c)) {
                sites.add(c);
            }
        }
        double spacing = MARGIN_METRES;
        if (sites.size() >= 2) {
            VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
            builder.setSites(sites);
            spacing = spacing(builder);
        }
        double join = sites.size() >= 2 ? JOIN_FACTOR * spacing : spacing;
        double edge = sites.size() >= 2 ? EDGE_FACTOR * spacing : spacing;
        List<Geometry> discs = new ArrayList<>(sites.size());
        for (Coordinate c : sites) {
            discs.add(FACTORY.createPoint(c).buffer(join, QUADRANT_SEGMENTS));
        }
        Geometry joined = UnaryUnionOp.union(discs);
        Geometry closed = join > edge ? joined.buffer(edge - join, QUADRANT_SEGMENTS) : joined;
        Area area = new Area(spacing, closed, PreparedGeometryFactory.prepare(closed));
        AREAS.put(city, area);
        return area;
    }

    /**
     * The median nearest-neighbour distance from the sites' Delaunay triangulation: a point's
     * nearest neighbour is always joined to it by a Delaunay edge, so the shortest edge at each
     * site is its nearest-neighbour distance.
     */
    private static double spacing(VoronoiDiagramBuilder builder) {
        Geometry edges = builder.getSubdivision().getEdges(FACTORY);
        Map<Coordinate, Double> nearest = new HashMap<>();
        for (int k = 0; k < edges.getNumGeometries(); k++) {
            Coordinate[] ends = edges.getGeometryN(k).getCoordinates();
            double d = ends[0].distance(ends[ends.length - 1]);
            nearest.merge(ends[0], d, Math::min);
            nearest.merge(ends[ends.length - 1], d, Math::min);
        }
        if (nearest.isEmpty()) {
            return MARGIN_METRES;
        }
        double[] d = nearest.values().stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(d);
        double median = d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
        return Math.max(MIN_SPACING_METRES, Math.min(MAX_SPACING_METRES, median));
    }

    /**
     * A region cut to {@code area}; null when nothing is left. A region inside the area (most
     * grids) is kept as it is, without an overlay.
     */
    private static Geometry clipped(Geometry region, Geometry area, PreparedGeometry prepared) {
        if (prepared.contains(region)) {
            return region;
        }
        // OverlayNG clips the area to the region's envelope first; the classic overlay of
        // Geometry.intersection would node all of it every time.
        Geometry shape = OverlayNGRobust.overlay(region, area, OverlayNG.INTERSECTION);
        return shape.isEmpty() ? null : shape;
    }
}
