package org.gridplan.sim.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON Point, Polygon and MultiPolygon geometries as JTS geometries, with an optional change of
 * coordinates (e.g. longitude and latitude to the district's metres). Other geometry types (lines,
 * collections) are not areas or places and are skipped by returning null.
 */
final class GeoJsonGeometry {

    static final GeometryFactory FACTORY = new GeometryFactory();

    private GeoJsonGeometry() {
    }

    /**
     * The geometry of a feature.
     *
     * @param file  the file, for messages
     * @param where which feature, for messages
     * @param g     the feature's {@code geometry}
     * @param to    maps an {@code {x, y}} of the file to the wanted coordinates; null to keep them
     * @return the geometry, or null for a missing geometry or a type that is not a point or an area
     */
    static Geometry read(Path file, String where, JsonNode g, UnaryOperator<double[]> to) {
        String type = g.path("type").asText("");
        JsonNode c = g.path("coordinates");
        switch (type) {
            case "Point":
                return FACTORY.createPoint(coordinate(file, where, c, to));
            case "Polygon":
                return polygon(file, where, c, to);
            case "MultiPolygon": {
                if (!c.isArray() || c.isEmpty()) {
                    throw new InputException(file, where + ": a MultiPolygon with no polygons");
                }
                Polygon[] parts = new Polygon[c.size()];
                for (int k = 0; k < c.size(); k++) {
                    parts[k] = polygon(file, where + ", polygon " + k, c.get(k), to);
                }
                return FACTORY.createMultiPolygon(parts);
            }
            default:
                return null;
        }
    }

    private static Polygon polygon(Path file, String where, JsonNode rings, UnaryOperator<double[]> to) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new InputException(file, where + ": a polygon with no rings");
        }
        LinearRing shell = ring(file, where, rings.get(0), to);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int k = 1; k < rings.size(); k++) {
            holes[k - 1] = ring(file, where + ", hole " + k, rings.get(k), to);
        }
        Polygon p = FACTORY.createPolygon(shell, holes);
        // A self-touching ring as GIS tools save them: buffer(0) gives the same area as a valid polygon.
        return p.isValid() ? p : (Polygon) largest(p.buffer(0));
    }

    private static Geometry largest(Geometry g) {
        Geometry best = g.getGeometryN(0);
        for (int i = 1; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i).getArea() > best.getArea()) {
                best = g.getGeometryN(i);
            }
        }
        return best;
    }

    private static LinearRing ring(Path file, String where, JsonNode pts, UnaryOperator<double[]> to) {
        if (!pts.isArray() || pts.size() < 4) {
            throw new InputException(file, where + ": a ring needs at least 4 points (the first repeated last)");
        }
        Coordinate[] cs = new Coordinate[pts.size()];
        for (int k = 0; k < pts.size(); k++) {
            cs[k] = coordinate(file, where + ", point " + k, pts.get(k), to);
        }
        if (!cs[0].equals2D(cs[cs.length - 1])) {
            throw new InputException(file, where + ": the ring is not closed (its last point is not its first)");
        }
        return FACTORY.createLinearRing(cs);
    }

    private static Coordinate coordinate(Path file, String where, JsonNode pt, UnaryOperator<double[]> to) {
        if (!pt.isArray() || pt.size() < 2 || !pt.get(0).isNumber() || !pt.get(1).isNumber()) {
            throw new InputException(file, where + ": expected [x, y] numbers");
        }
        double[] xy = {pt.get(0).asDouble(), pt.get(1).asDouble()};
        if (to != null) {
            xy = to.apply(xy);
        }
        return new Coordinate(xy[0], xy[1]);
    }
}
