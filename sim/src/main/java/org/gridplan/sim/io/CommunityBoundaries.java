package org.gridplan.sim.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Communities (社区) for imported buildings: from a boundary layer, by the polygon each building stands
 * in, and, on request, communities too small for one grid merged into their nearest neighbour.
 */
final class CommunityBoundaries {

    private CommunityBoundaries() {
    }

    private record Area(String name, Geometry geometry, PreparedGeometry prepared) {
    }

    /**
     * The community of each building: the name of the boundary polygon it stands in; a building outside
     * every polygon but within {@link CityImport#BOUNDARY_TOLERANCE_METRES} of one joins the nearest; one
     * farther has none (null) and is dropped. Says what it did in {@code notes}.
     *
     * @param file      the boundary layer, a GeoJSON of Polygon or MultiPolygon features
     * @param nameField the property naming each community
     * @param xs        the buildings' x in metres
     * @param ys        the buildings' y in metres
     * @param toMetres  the file's coordinates to the buildings' metres
     * @param notes     where to say what was done
     */
    static String[] assign(Path file, String nameField, double[] xs, double[] ys, UnaryOperator<double[]> toMetres,
            List<String> notes) {
        JsonNode features = CityImport.json(file).path("features");
        STRtree index = new STRtree();
        List<Area> areas = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            String where = "feature " + i;
            JsonNode f = features.get(i);
            Geometry g = GeoJsonGeometry.read(file, where, f.path("geometry"), toMetres);
            if (g == null || g instanceof Point) {
                continue;
            }
            String name = CityImport.property(file, where, f.path("properties"), nameField);
            Area a = new Area(name, g, PreparedGeometryFactory.prepare(g));
            areas.add(a);
            index.insert(g.getEnvelopeInternal(), a);
        }
        if (areas.isEmpty()) {
            throw new InputException(file, "no community boundaries (Polygon or MultiPolygon features)");
        }
        double tol = CityImport.BOUNDARY_TOLERANCE_METRES;
        String[] out = new String[xs.length];
        int near = 0;
        List<Integer> outside = new ArrayList<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        for (Area a : areas) {
            count.putIfAbsent(a.name(), 0);
        }
        for (int i = 0; i < xs.length; i++) {
            Point p = GeoJsonGeometry.FACTORY.createPoint(new Coordinate(xs[i], ys[i]));
            @SuppressWarnings("unchecked")
            List<Area> hits = index.query(new Envelope(xs[i], xs[i], ys[i], ys[i]));
            String name = null;
            for (Area a : hits) {
                if (a.prepared().covers(p)) {
                    name = a.name();
                    break;
                }
            }
            if (name == null) {
                @SuppressWarnings("unchecked")
                List<Area> around = index.query(new Envelope(xs[i] - tol, xs[i] + tol, ys[i] - tol, ys[i] + tol));
                double best = Double.POSITIVE_INFINITY;
                for (Area a : around) {
                    double d = a.geometry().distance(p);
                    if (d <= tol && d < best) {
                        best = d;
                        name = a.name();
                    }
                }
                if (name != null) {
                    near++;
                } else {
                    outside.add(i);
                }
            }
            out[i] = name;
            if (name != null) {
                count.merge(name, 1, Integer::sum);
            }
        }
        long empty = count.values().stream().filter(c -> c == 0).count();
        notes.add(String.format(Locale.ROOT, "communities from %s (property '%s'): %d boundaries, %d with "
                + "buildings; %,d buildings inside one, %,d within %.0f m of one joined the nearest, %,d farther "
                + "dropped", file.getFileName(), nameField, areas.size(), count.size() - empty,
                xs.length - near - outside.size(), near, tol, outside.size()));
        return out;
    }

    /**
     * Buildings whose community is blank take the community of their nearest building that names one
     * (a GIS export often leaves the field empty on a few features); said in {@code notes}.
     */
    static String[] fillBlanks(double[] xs, double[] ys, String[] community, List<String> notes) {
        String[] out = community.clone();
        int filled = 0;
        for (int i = 0; i < out.length; i++) {
            if (community[i] != null) {
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < out.length; j++) {
                double d = Math.hypot(xs[i] - xs[j], ys[i] - ys[j]);
                if (community[j] != null && d < best) {
                    best = d;
                    out[i] = community[j];
                }
            }
            filled++;
        }
        if (filled > 0) {
            notes.add(String.format(Locale.ROOT, "%,d buildings with a blank community took the community of "
                    + "their nearest building", filled));
        }
        return out;
    }

    /**
     * Communities derived for buildings that name none: {@code round(households / perCommunity)} groups
     * (at least one) by k-means on position weighted by households, started from farthest points (the
     * heaviest building first), 20 Lloyd iterations; deterministic. The groups are named {@code D01},
     * {@code D02}, ... from west to east by their centres.
     */
    static String[] cluster(double[] xs, double[] ys, long[] households, int perCommunity, List<String> notes) {
        int n = xs.length;
        long total = 0;
        int heaviest = 0;
        for (int i = 0; i < n; i++) {
            total += households[i];
            if (households[i] > households[heaviest]) {
                heaviest = i;
            }
        }
        int k = (int) Math.max(1, Math.min(n, Math.round(total / (double) perCommunity)));
        double[][] c = new double[k][];
        c[0] = new double[] {xs[heaviest], ys[heaviest]};
        double[] gap = new double[n];
        for (int i = 0; i < n; i++) {
            gap[i] = Math.hypot(xs[i] - c[0][0], ys[i] - c[0][1]);
        }
        for (int j = 1; j < k; j++) {
            int far = 0;
            for (int i = 1; i < n; i++) {
                if (gap[i] > gap[far]) {
                    far = i;
                }
            }
            c[j] = new double[] {xs[far], ys[far]};
            for (int i = 0; i < n; i++) {
                gap[i] = Math.min(gap[i], Math.hypot(xs[i] - xs[far], ys[i] - ys[far]));
            }
        }
        int[] of = new int[n];
        for (int it = 0; it < 20; it++) {
            double[][] sum = new double[k][3];
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (Math.hypot(xs[i] - c[j][0], ys[i] - c[j][1]) < Math.hypot(xs[i] - c[best][0],
                            ys[i] - c[best][1])) {
                        best = j;
                    }
                }
                of[i] = best;
                sum[best][0] += xs[i] * households[i];
                sum[best][1] += ys[i] * households[i];
                sum[best][2] += households[i];
            }
            for (int j = 0; j < k; j++) {
                if (sum[j][2] > 0) {
                    c[j] = new double[] {sum[j][0] / sum[j][2], sum[j][1] / sum[j][2]};
                }
            }
        }
        Integer[] order = new Integer[k];
        for (int j = 0; j < k; j++) {
            order[j] = j;
        }
        double[][] centres = c;
        Arrays.sort(order, (a, b) -> Double.compare(centres[a][0], centres[b][0]));
        String[] name = new String[k];
        int digits = Math.max(2, Integer.toString(k).length());
        for (int r = 0; r < k; r++) {
            name[order[r]] = String.format(Locale.ROOT, "D%0" + digits + "d", r + 1);
        }
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = name[of[i]];
        }
        notes.add(String.format(Locale.ROOT, "no community column or property: %d communities derived by "
                + "clustering the buildings into groups of about %,d households (named D01, D02, ... west to "
                + "east); give a community field or --communities for the real ones", k, perCommunity));
        return out;
    }

    /**
     * Merges every community with fewer than {@code below} households into the community of the nearest
     * building outside it, smallest first, until none is that small (or one community is left).
     */
    static String[] mergeSmall(double[] xs, double[] ys, long[] households, String[] community, int below,
            List<String> notes) {
        String[] out = community.clone();
        while (true) {
            Map<String, Long> total = new TreeMap<>();
            for (int i = 0; i < out.length; i++) {
                if (out[i] != null) {
                    total.merge(out[i], households[i], Long::sum);
                }
            }
            if (total.size() < 2) {
                return out;
            }
            String small = null;
            for (Map.Entry<String, Long> e : total.entrySet()) {
                if (e.getValue() < below && (small == null || e.getValue() < total.get(small))) {
                    small = e.getKey();
                }
            }
            if (small == null) {
                return out;
            }
            double best = Double.POSITIVE_INFINITY;
            String into = null;
            for (int i = 0; i < out.length; i++) {
                if (!small.equals(out[i])) {
                    continue;
                }
                for (int j = 0; j < out.length; j++) {
                    if (out[j] == null || small.equals(out[j])) {
                        continue;
                    }
                    double d = Math.hypot(xs[i] - xs[j], ys[i] - ys[j]);
                    if (d < best) {
                        best = d;
                        into = out[j];
                    }
                }
            }
            for (int i = 0; i < out.length; i++) {
                if (small.equals(out[i])) {
                    out[i] = into;
                }
            }
            notes.add(String.format(Locale.ROOT, "community %s (%,d households, fewer than %d) merged into %s "
                    + "(nearest building %.0f m away)", small, total.get(small), below, into, best));
        }
    }
}
