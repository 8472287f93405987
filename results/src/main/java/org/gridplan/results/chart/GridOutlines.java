package org.gridplan.results.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Grid and community outlines for maps, drawn from building positions since cities carry no
 * parcel outlines: each building gets its Thiessen (Voronoi) cell, a grid is the union of its
 * buildings' cells and a community the union of its buildings' cells, and every outline is
 * clipped to the <em>built-up area</em>: the union of discs of radius {@link #radius} around the
 * buildings. So a cell never reaches across a river, a park or the empty land between two
 * neighbourhoods further than that radius from its building, and an outline stops where the
 * buildings stop instead of filling the convex hull of the district.
 *
 * <p>The clip is exact and cheap: inside the Voronoi region of a set of buildings the nearest
 * building is one of the set, so a point there is in the built-up area exactly when it is within
 * the radius of one of the set's buildings. A grid's outline is its (unclipped) region
 * intersected with the union of its own buildings' discs, and neighbouring grids still share
 * their borders exactly. These are the cells whose touching defines grid contiguity (README,
 * "Contiguity"); a contiguous grid whose buildings straddle a gap wider than twice the radius is
 * drawn in pieces, as it lies. Coordinates are metres.
 */
public final class GridOutlines {

    /**
     * How far a map reaches beyond the outermost buildings, metres; also the radius of a
     * district too small to measure its spacing (a single building position).
     */
    public static final double MARGIN_METRES = 60;

    /**
     * The radius of the built-up area in median nearest-neighbour distances between building
     * positions. In the generated districts the median is about 46 m (towers in blocks, blocks
     * between streets of 20-40 m), so 1.5 times it (about 70 m) joins the cells of a block and of
     * the blocks across a street into one surface, and leaves empty any gap more than about 140 m
     * wide (a river, a park, farmland between villages). At least {@link #MIN_RADIUS_METRES} and
     * at most {@link #MAX_RADIUS_METRES}, so a dense city keeps its streets' width and a sparse
     * rural one its villages apart.
     */
    public static final double SPACING_FACTOR = 1.5;

    /** The smallest built-up radius, metres. */
    public static final double MIN_RADIUS_METRES = 25;

    /** The largest built-up radius, metres. */
    public static final double MAX_RADIUS_METRES = 300;

    /** Segments per quarter circle of a building's disc: 8 draws a disc of 70 m within 1 m. */
    private static final int QUADRANT_SEGMENTS = 8;

    private static final GeometryFactory FACTORY = new GeometryFactory();

    /**
     * The outlines of a layout.
     *
     * @param grids        grid id → outline, grids sorted by id
     * @param communities  community id (of the buildings) → outline, sorted by id
     * @param radius       the built-up radius used, metres
     */
    public record Outlines(Map<String, Geometry> grids, Map<String, Geometry> communities, double radius) {
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
     * communities); a grid left without a cell is drawn as the discs around its buildings.
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
        if (sites.isEmpty()) {
            return new Outlines(grids, communities, MARGIN_METRES);
        }
        Map<String, List<Geometry>> gridCells = new TreeMap<>();
        Map<String, List<Geometry>> gridDiscs = new TreeMap<>();
        Map<String, List<Geometry>> communityCells = new TreeMap<>();
        Map<String, List<Geometry>> communityDiscs = new TreeMap<>();
        double radius = MARGIN_METRES;
        if (sites.size() >= 2) {
            VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
            builder.setSites(sites);
            // The clip is set before the triangulation is built for the spacing: cells reach no
            // further than the largest radius, which the discs then cut.
            Envelope clip = new Envelope();
            sites.forEach(clip::expandToInclude);
            clip.expandBy(MAX_RADIUS_METRES * 2);
            builder.setClipEnvelope(clip);
            radius = radius(builder);
            Geometry diagram = builder.getDiagram(FACTORY);
            for (int k = 0; k < diagram.getNumGeometries(); k++) {
                Geometry cell = diagram.getGeometryN(k);
                if (cell.getUserData() instanceof Coordinate c && gridAt.containsKey(c)) {
                    gridCells.computeIfAbsent(gridAt.get(c), g -> new ArrayList<>()).add(cell);
                    communityCells.computeIfAbsent(communityAt.get(c), g -> new ArrayList<>()).add(cell);
                }
            }
        }
        for (Coordinate c : sites) {
            Geometry disc = FACTORY.createPoint(c).buffer(radius, QUADRANT_SEGMENTS);
            gridDiscs.computeIfAbsent(gridAt.get(c), g -> new ArrayList<>()).add(disc);
            communityDiscs.computeIfAbsent(communityAt.get(c), g -> new ArrayList<>()).add(disc);
        }
        for (String grid : byGrid.keySet()) {
            Geometry shape = clipped(gridCells.get(grid), gridDiscs.get(grid));
            if (shape == null && !byGrid.get(grid).isEmpty()) {
                // Every building of the grid shares its position with a building of another grid.
                List<Geometry> discs = new ArrayList<>();
                for (int i : byGrid.get(grid)) {
                    Building b = city.buildings().get(i);
                    discs.add(FACTORY.createPoint(new Coordinate(b.x(), b.y())).buffer(radius, QUADRANT_SEGMENTS));
                }
                shape = UnaryUnionOp.union(discs);
            }
            if (shape != null) {
                grids.put(grid, shape);
            }
        }
        for (Map.Entry<String, List<Geometry>> e : communityDiscs.entrySet()) {
            Geometry shape = clipped(communityCells.get(e.getKey()), e.getValue());
            if (shape != null) {
                communities.put(e.getKey(), shape);
            }
        }
        return new Outlines(grids, communities, radius);
    }

    /** The built-up area of a city: the union of the discs of {@link #radius(City)} around its buildings. */
    public static Geometry builtUpArea(City city) {
        double r = radius(city);
        List<Geometry> discs = new ArrayList<>();
        for (Building b : city.buildings()) {
            discs.add(FACTORY.createPoint(new Coordinate(b.x(), b.y())).buffer(r, QUADRANT_SEGMENTS));
        }
        return UnaryUnionOp.union(discs);
    }

    /**
     * The built-up radius of a city, metres: {@link #SPACING_FACTOR} times the median distance
     * from a building position to the nearest other one, within
     * [{@link #MIN_RADIUS_METRES}, {@link #MAX_RADIUS_METRES}]; {@link #MARGIN_METRES} for a city
     * with fewer than two building positions.
     */
    public static double radius(City city) {
        List<Coordinate> sites = new ArrayList<>();
        Set<Coordinate> seen = new HashSet<>();
        for (Building b : city.buildings()) {
            Coordinate c = new Coordinate(b.x(), b.y());
            if (seen.add(c)) {
                sites.add(c);
            }
        }
        if (sites.size() < 2) {
            return MARGIN_METRES;
        }
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(sites);
        return radius(builder);
    }

    /**
     * The radius from the sites' Delaunay triangulation: a point's nearest neighbour is always
     * joined to it by a Delaunay edge, so the shortest edge at each site is its nearest-neighbour
     * distance.
     */
    private static double radius(VoronoiDiagramBuilder builder) {
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
        return Math.max(MIN_RADIUS_METRES, Math.min(MAX_RADIUS_METRES, SPACING_FACTOR * median));
    }

    /** The union of cells intersected with the union of their buildings' discs; null without cells. */
    private static Geometry clipped(List<Geometry> cells, List<Geometry> discs) {
        if (cells == null || cells.isEmpty()) {
            return null;
        }
        Geometry region = UnaryUnionOp.union(cells);
        Geometry area = UnaryUnionOp.union(discs);
        Geometry shape = region.intersection(area);
        return shape.isEmpty() ? null : shape;
    }
}
