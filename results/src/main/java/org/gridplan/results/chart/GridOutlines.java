package org.gridplan.results.chart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Grid outlines for maps, drawn from building positions since cities carry no parcel outlines:
 * each building gets its Thiessen (Voronoi) cell, clipped to the district (the convex hull of all
 * buildings grown by {@link #MARGIN_METRES}), and a grid is the union of its buildings' cells.
 * These are the same cells whose touching defines grid contiguity (README, "Contiguity"), so a
 * contiguous grid is one piece and neighbouring grids share their borders exactly. Coordinates
 * are metres.
 */
public final class GridOutlines {

    /** How far the district outline reaches beyond the outermost buildings, metres. */
    public static final double MARGIN_METRES = 60;

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private GridOutlines() {
    }

    /**
     * Grid id → outline, grids sorted by id. Buildings sharing a position (split towers) share a
     * cell, which goes to the first of their grids; a grid left without a cell is drawn as a disc
     * of {@link #MARGIN_METRES} around its buildings.
     */
    public static Map<String, Geometry> of(City city, GridLayout layout) {
        Map<String, List<Integer>> byGrid = layout.buildingsByGrid(city);
        Map<Coordinate, String> gridAt = new HashMap<>();
        List<Coordinate> sites = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byGrid.entrySet()) {
            for (int i : e.getValue()) {
                Building b = city.buildings().get(i);
                Coordinate c = new Coordinate(b.x(), b.y());
                if (gridAt.putIfAbsent(c, e.getKey()) == null) {
                    sites.add(c);
                }
            }
        }
        Map<String, Geometry> out = new TreeMap<>();
        if (sites.isEmpty()) {
            return out;
        }
        MultiPoint points = FACTORY.createMultiPointFromCoords(sites.toArray(new Coordinate[0]));
        Geometry district = points.convexHull().buffer(MARGIN_METRES);
        Map<String, List<Geometry>> cells = new TreeMap<>();
        if (sites.size() >= 2) {
            VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
            builder.setSites(sites);
            builder.setClipEnvelope(district.getEnvelopeInternal());
            Geometry diagram = builder.getDiagram(FACTORY);
            for (int k = 0; k < diagram.getNumGeometries(); k++) {
                Geometry cell = diagram.getGeometryN(k);
                String grid = cell.getUserData() instanceof Coordinate c ? gridAt.get(c) : null;
                if (grid != null) {
                    cells.computeIfAbsent(grid, g -> new ArrayList<>()).add(cell.intersection(district));
                }
            }
        }
        Set<String> grids = new LinkedHashSet<>(byGrid.keySet());
        for (String grid : grids) {
            List<Geometry> parts = cells.get(grid);
            if (parts != null) {
                out.put(grid, UnaryUnionOp.union(parts));
            } else if (!byGrid.get(grid).isEmpty()) {
                List<Geometry> discs = new ArrayList<>();
                for (int i : byGrid.get(grid)) {
                    Building b = city.buildings().get(i);
                    discs.add(FACTORY.createPoint(new Coordinate(b.x(), b.y())).buffer(MARGIN_METRES));
                }
                out.put(grid, UnaryUnionOp.union(discs));
            }
        }
        return out;
    }
}
