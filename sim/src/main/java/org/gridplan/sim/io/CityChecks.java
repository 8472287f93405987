package org.gridplan.sim.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadNetwork;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The checks that a city file describes one district, each refusing with one message naming the
 * file and the feature: its extent, distinct building positions, one connected road network (also
 * keeping to its one-way streets), and every building and site near a road. Each is linear or
 * n log n in the number of features, so a district of 500,000 households is checked in well under
 * a second.
 */
final class CityChecks {

    private CityChecks() {
    }

    /** A point of a feature: its position and where it is in the file. */
    record Located(double x, double y, String where) {
    }

    /**
     * Refuses a file whose positions span more than {@link GeoJson#MAX_EXTENT_METRES} in either
     * direction, naming the two features farthest apart on that axis.
     */
    static void extent(Path file, List<Located> points) {
        if (points.isEmpty()) {
            return;
        }
        Located minX = points.get(0);
        Located maxX = minX;
        Located minY = minX;
        Located maxY = minX;
        for (Located p : points) {
            if (p.x() < minX.x()) {
                minX = p;
            }
            if (p.x() > maxX.x()) {
                maxX = p;
            }
            if (p.y() < minY.y()) {
                minY = p;
            }
            if (p.y() > maxY.y()) {
                maxY = p;
            }
        }
        double w = maxX.x() - minX.x();
        double h = maxY.y() - minY.y();
        if (w > GeoJson.MAX_EXTENT_METRES || h > GeoJson.MAX_EXTENT_METRES) {
            boolean wide = w >= h;
            Located a = wide ? minX : minY;
            Located b = wide ? maxX : maxY;
            throw new InputException(file, String.format(Locale.ROOT, "the district spans %.1f km x %.1f km, more "
                    + "than the %.0f km a district may span: %s at (%s) and %s at (%s) are %.1f km apart %s; "
                    + "check the coordinates (one projection, in metres) or split the file", w / 1000, h / 1000,
                    GeoJson.MAX_EXTENT_METRES / 1000, a.where(), xy(a.x(), a.y()), b.where(), xy(b.x(), b.y()),
                    (wide ? w : h) / 1000, wide ? "east-west" : "north-south"));
        }
    }

    /**
     * Refuses two buildings at one position (to the millimetre), naming both, except the parts
     * {@code B/1}, {@code B/2}, ... of one split building, which share their building's position.
     */
    static void distinctPositions(Path file, List<Located> buildings, List<String> ids) {
        // Positions snapped to the millimetre, as the building adjacency graph does.
        Map<Mm, Integer> first = new HashMap<>(buildings.size() * 2);
        int a = -1;
        int b = -1;
        for (int k = 0; k < buildings.size(); k++) {
            Located p = buildings.get(k);
            Integer prev = first.putIfAbsent(new Mm(Math.round(p.x() * 1000), Math.round(p.y() * 1000)), k);
            if (prev != null && a < 0 && !partsOfOne(ids.get(prev), ids.get(k))) {
                a = prev;
                b = k;
            }
        }
        if (a >= 0) {
            Located p = buildings.get(b);
            String all = first.size() == 1 ? " (all " + buildings.size() + " buildings are at this one position)" : "";
            throw new InputException(file, p.where() + ": at the same position (" + xy(p.x(), p.y())
                    + ") as " + buildings.get(a).where() + all + "; buildings need distinct positions (only the "
                    + "parts B/1, B/2, ... of one split building share a position)");
        }
    }

    /** A position in whole millimetres. */
    private record Mm(long x, long y) {
    }

    /** Whether two ids are parts {@code B/i} and {@code B/j} of one split building {@code B}. */
    private static boolean partsOfOne(String a, String b) {
        int i = a.lastIndexOf('/');
        int j = b.lastIndexOf('/');
        return i > 0 && j > 0 && a.substring(0, i).equals(b.substring(0, j));
    }

    /**
     * Refuses a road network in more than one piece, naming the pieces' sizes and a feature of each.
     *
     * @param nodeWhere the feature that made each road node
     */
    static void connected(Path file, RoadNetwork network, List<String> nodeWhere) {
        int[] label = network.components();
        int pieces = 0;
        for (int l : label) {
            pieces = Math.max(pieces, l + 1);
        }
        if (pieces <= 1) {
            return;
        }
        int[] size = new int[pieces];
        int[] firstNode = new int[pieces];
        java.util.Arrays.fill(firstNode, -1);
        for (int i = 0; i < label.length; i++) {
            size[label[i]]++;
            if (firstNode[label[i]] < 0) {
                firstNode[label[i]] = i;
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < pieces; p++) {
            order.add(p);
        }
        order.sort((p, q) -> size[p] != size[q] ? Integer.compare(size[q], size[p]) : Integer.compare(p, q));
        StringBuilder parts = new StringBuilder();
        int shown = Math.min(order.size(), 5);
        for (int k = 0; k < shown; k++) {
            int p = order.get(k);
            parts.append(k == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%,d node%s (%s)", size[p],
                    size[p] == 1 ? "" : "s", nodeWhere.get(firstNode[p])));
        }
        if (order.size() > shown) {
            parts.append("; and ").append(order.size() - shown).append(" more");
        }
        throw new InputException(file, "the roads are not connected: " + pieces + " separate pieces, of " + parts
                + "; every building and site must be reachable by road from every other: join the pieces "
                + "(lines meet where their vertices are within 1 cm) or remove the stray roads");
    }

    /**
     * Refuses one-way streets that cut the network for travel that keeps to them (the e-bike): every
     * road node must be reachable from every other in the streets' directions, or some trip would
     * never arrive. Names how many nodes are cut off and the first one, its position and feature.
     *
     * @param nodeWhere the feature that made each road node
     */
    static void oneWayConnected(Path file, RoadNetwork network, List<String> nodeWhere) {
        int[] cut = network.cutOffByOneWay();
        if (cut.length == 0) {
            return;
        }
        int n = cut[0];
        throw new InputException(file, String.format(Locale.ROOT, "the one-way streets cut the roads for an e-bike: "
                + "%,d road node%s cannot be reached from the rest of the network or cannot get back to it, e.g. "
                + "the node at (%s) of %s; every building must be reachable from every other keeping to one-way "
                + "streets: make such a street two-way (\"oneway\": false) or add the street that leads on",
                cut.length, cut.length == 1 ? "" : "s", xy(network.x(n), network.y(n)), nodeWhere.get(n)));
    }

    /**
     * The road lines of a network in a spatial index (JTS {@link STRtree}), to refuse a building or
     * site farther than {@link GeoJson#MAX_ROAD_DISTANCE_METRES} from every one of them.
     */
    static final class RoadIndex {
        private final STRtree tree = new STRtree();

        RoadIndex(RoadNetwork network) {
            for (Road r : network.roads()) {
                LineSegment s = new LineSegment(network.x(r.from()), network.y(r.from()), network.x(r.to()),
                        network.y(r.to()));
                tree.insert(new Envelope(s.p0, s.p1), s);
            }
            tree.build();
        }

        /**
         * Refuses the first point farther than the limit from every road line, naming it and its
         * distance to the nearest road.
         *
         * @param kind "building" or "site", for the message
         */
        void requireNear(Path file, List<Located> points, String kind) {
            double limit = GeoJson.MAX_ROAD_DISTANCE_METRES;
            for (Located p : points) {
                Coordinate c = new Coordinate(p.x(), p.y());
                boolean near = false;
                for (Object o : tree.query(new Envelope(p.x() - limit, p.x() + limit, p.y() - limit, p.y() + limit))) {
                    if (((LineSegment) o).distance(c) <= limit) {
                        near = true;
                        break;
                    }
                }
                if (!near) {
                    LineSegment probe = new LineSegment(c, c);
                    LineSegment nearest = (LineSegment) tree.nearestNeighbour(new Envelope(c), probe,
                            (x, y) -> ((LineSegment) x.getItem()).distance((LineSegment) y.getItem()));
                    throw new InputException(file, String.format(Locale.ROOT, "%s: %s is %.0f m from the nearest "
                            + "road, more than the %.0f m a %s may be from one (its trips start on the road "
                            + "network); add the roads that serve it or check its position", p.where(), kind,
                            nearest.distance(c), limit, kind));
                }
            }
        }
    }

    private static String xy(double x, double y) {
        return plain(x) + ", " + plain(y);
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
