package org.gridplan.sim.io;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Points spread evenly over a polygon: where an aggregate (a census block, a 小区 of several buildings)
 * stands for many households, its households are placed at several points inside it rather than one.
 * The points are the centres of k clusters of a lattice of points inside the polygon (farthest-point
 * start, then Lloyd's iterations, with longitude scaled by the cosine of the latitude so that distances
 * are those on the ground), each moved to the nearest lattice point of its cluster so that it lies
 * inside; only the chosen points are projected. Deterministic: no random numbers.
 */
final class PolygonSpread {

    /** Lattice points aimed at inside the polygon. */
    private static final int LATTICE = 400;
    private static final int ITERATIONS = 8;

    private PolygonSpread() {
    }

    /**
     * Up to {@code k} points inside {@code area}, in metres.
     *
     * @param area     the polygon, in the file's coordinates
     * @param k        how many points
     * @param degrees  whether the file's coordinates are longitude and latitude
     * @param toMetres the file's coordinates to metres
     * @return {@code k} points, or fewer (at least one) for a polygon too thin for a lattice
     */
    static List<double[]> spread(Geometry area, int k, boolean degrees, UnaryOperator<double[]> toMetres) {
        PreparedGeometry inside = PreparedGeometryFactory.prepare(area);
        Envelope e = area.getEnvelopeInternal();
        Point interior = area.getInteriorPoint();
        double xScale = degrees ? Math.cos(Math.toRadians(interior.getY())) : 1;
        List<double[]> cand = new ArrayList<>();
        double step = Math.sqrt(Math.max(area.getArea(), 1e-18) / LATTICE);
        for (int attempt = 0; attempt < 4 && cand.size() < Math.max(k, LATTICE / 4); attempt++) {
            cand.clear();
            for (double x = e.getMinX() + step / 2; x < e.getMaxX(); x += step) {
                for (double y = e.getMinY() + step / 2; y < e.getMaxY(); y += step) {
                    Point p = GeoJsonGeometry.FACTORY.createPoint(new Coordinate(x, y));
                    if (inside.contains(p)) {
                        cand.add(new double[] {x * xScale, y});
                    }
                }
            }
            step /= 2;
        }
        if (cand.isEmpty()) {
            return List.of(toMetres.apply(new double[] {interior.getX(), interior.getY()}));
        }
        double[] first = {interior.getX() * xScale, interior.getY()};
        int m = Math.min(k, cand.size());
        // Farthest-point start from the lattice point nearest the interior point.
        List<double[]> centres = new ArrayList<>();
        centres.add(cand.get(nearest(cand, first)));
        double[] gap = new double[cand.size()];
        for (int i = 0; i < cand.size(); i++) {
            gap[i] = dist(cand.get(i), centres.get(0));
        }
        while (centres.size() < m) {
            int far = 0;
            for (int i = 1; i < cand.size(); i++) {
                if (gap[i] > gap[far]) {
                    far = i;
                }
            }
            centres.add(cand.get(far));
            for (int i = 0; i < cand.size(); i++) {
                gap[i] = Math.min(gap[i], dist(cand.get(i), cand.get(far)));
            }
        }
        int[] of = new int[cand.size()];
        for (int it = 0; it < ITERATIONS; it++) {
            double[][] sum = new double[m][3];
            for (int i = 0; i < cand.size(); i++) {
                of[i] = nearest(centres, cand.get(i));
                sum[of[i]][0] += cand.get(i)[0];
                sum[of[i]][1] += cand.get(i)[1];
                sum[of[i]][2]++;
            }
            for (int c = 0; c < m; c++) {
                if (sum[c][2] > 0) {
                    centres.set(c, new double[] {sum[c][0] / sum[c][2], sum[c][1] / sum[c][2]});
                }
            }
        }
        // Each centre to the nearest lattice point of its own cluster, which lies inside.
        List<double[]> out = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            double best = Double.POSITIVE_INFINITY;
            double[] at = centres.get(c);
            for (int i = 0; i < cand.size(); i++) {
                double d = dist(cand.get(i), centres.get(c));
                if (of[i] == c && d < best) {
                    best = d;
                    at = cand.get(i);
                }
            }
            out.add(toMetres.apply(new double[] {at[0] / xScale, at[1]}));
        }
        return out;
    }

    private static int nearest(List<double[]> pts, double[] p) {
        int best = 0;
        for (int i = 1; i < pts.size(); i++) {
            if (dist(pts.get(i), p) < dist(pts.get(best), p)) {
                best = i;
            }
        }
        return best;
    }

    private static double dist(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
