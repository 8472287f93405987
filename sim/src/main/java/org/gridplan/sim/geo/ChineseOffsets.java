package org.gridplan.sim.geo;

/**
 * The offsets of Chinese web-map coordinates: GCJ-02 (国测局坐标, used by AMap/Gaode and Tencent
 * maps) is WGS84 shifted by a published closed-form function of position (Krasovsky ellipsoid);
 * BD-09 (Baidu) is GCJ-02 shifted again. The forward transforms are the closed forms; the inverse
 * of GCJ-02 is found by fixed-point iteration to a millionth of a metre or so, the inverse of
 * BD-09 the published closed form refined the same way. Outside mainland China's bounding box no
 * offset applies, as the maps do.
 * Coordinates are {@code {longitude, latitude}} in degrees.
 */
public final class ChineseOffsets {

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;

    private ChineseOffsets() {
    }

    /** Whether the point lies outside the box where the maps offset coordinates. */
    public static boolean outOfChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    /** WGS84 to GCJ-02. */
    public static double[] wgs84ToGcj02(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double[] d = delta(lon, lat);
        return new double[] {lon + d[0], lat + d[1]};
    }

    /** GCJ-02 to WGS84: the WGS84 point whose GCJ-02 image is the given one, by iteration. */
    public static double[] gcj02ToWgs84(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        return invert(ChineseOffsets::wgs84ToGcj02, lon, lat, lon, lat);
    }

    /** GCJ-02 to BD-09. */
    public static double[] gcj02ToBd09(double lon, double lat) {
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
        return new double[] {z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006};
    }

    /**
     * BD-09 to GCJ-02: the published closed form (good to a few decimetres), refined by fixed-point
     * iteration until its BD-09 image is the given point.
     */
    public static double[] bd09ToGcj02(double lon, double lat) {
        double x = lon - 0.0065;
        double y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        return invert(ChineseOffsets::gcj02ToBd09, lon, lat, z * Math.cos(theta), z * Math.sin(theta));
    }

    /** BD-09 to WGS84. */
    public static double[] bd09ToWgs84(double lon, double lat) {
        double[] g = bd09ToGcj02(lon, lat);
        return gcj02ToWgs84(g[0], g[1]);
    }

    /**
     * The point {@code forward} maps onto {@code lon, lat}, by fixed-point iteration from a first
     * guess: each step moves the guess back by how far its image misses (the offsets vary slowly,
     * so this converges in a few steps).
     */
    private static double[] invert(Transform forward, double lon, double lat, double guessLon, double guessLat) {
        double x = guessLon;
        double y = guessLat;
        for (int i = 0; i < 30; i++) {
            double[] image = forward.apply(x, y);
            double eLon = image[0] - lon;
            double eLat = image[1] - lat;
            x -= eLon;
            y -= eLat;
            if (Math.abs(eLon) < 1e-12 && Math.abs(eLat) < 1e-12) {
                break;
            }
        }
        return new double[] {x, y};
    }

    /** A map of longitude and latitude to longitude and latitude. */
    @FunctionalInterface
    private interface Transform {
        double[] apply(double lon, double lat);
    }

    private static double[] delta(double lon, double lat) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
                + (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0
                + (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0
                + (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        double dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
                + (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0
                + (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0
                + (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLon, dLat};
    }
}
