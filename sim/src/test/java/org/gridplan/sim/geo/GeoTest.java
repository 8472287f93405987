package org.gridplan.sim.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The offsets against the published test vectors, and the projection against known distances. */
class GeoTest {

    /** WGS84 lat, lon, GCJ-02 lat, lon: the vectors published with eviltransform (Shanghai, Shenzhen, Beijing). */
    private static final double[][] WGS_GCJ = {
        {31.1774276, 121.5272106, 31.17530398364597, 121.531541859215},
        {22.543847, 113.912316, 22.540796131694766, 113.9171764808363},
        {39.911954, 116.377817, 39.91334545536069, 116.38404722455657},
    };

    /** Metres between two points (haversine on a 6,371 km sphere), for tolerances in metres. */
    private static double metres(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2)
                * Math.sin(dl / 2);
        return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
    }

    @Test
    void gcj02_matches_the_published_vectors_and_its_inverse_returns_to_wgs84() {
        for (double[] v : WGS_GCJ) {
            double[] g = ChineseOffsets.wgs84ToGcj02(v[1], v[0]);
            assertThat(g[0]).isCloseTo(v[3], within(1e-9));
            assertThat(g[1]).isCloseTo(v[2], within(1e-9));
            double[] w = ChineseOffsets.gcj02ToWgs84(v[3], v[2]);
            assertThat(metres(w[0], w[1], v[1], v[0])).isLessThan(0.01);
        }
        // Outside China no offset.
        assertThat(ChineseOffsets.wgs84ToGcj02(-71.1, 42.37)).containsExactly(-71.1, 42.37);
    }

    @Test
    void bd09_round_trips_through_gcj02_and_wgs84() {
        for (double[] v : WGS_GCJ) {
            double[] bd = ChineseOffsets.gcj02ToBd09(v[3], v[2]);
            // BD-09 sits about 0.0065 degrees east and 0.006 north of GCJ-02.
            assertThat(bd[0] - v[3]).isBetween(0.004, 0.009);
            assertThat(bd[1] - v[2]).isBetween(0.004, 0.009);
            double[] back = ChineseOffsets.bd09ToGcj02(bd[0], bd[1]);
            assertThat(metres(back[0], back[1], v[3], v[2])).isLessThan(0.01);
            double[] w = ChineseOffsets.bd09ToWgs84(bd[0], bd[1]);
            assertThat(metres(w[0], w[1], v[1], v[0])).isLessThan(0.01);
        }
    }

    @Test
    void the_district_projection_keeps_distances_and_inverts() {
        DistrictProjection p = new DistrictProjection(121.5, 31.2);
        assertThat(p.project(121.5, 31.2)[0]).isCloseTo(0, within(1e-6));
        assertThat(p.project(121.5, 31.2)[1]).isCloseTo(0, within(1e-6));
        // 0.01 degree of latitude about 1,109 m here; 0.01 of longitude about 952 m.
        double[] north = p.project(121.5, 31.21);
        double[] east = p.project(121.51, 31.2);
        assertThat(north[1]).isCloseTo(metres(121.5, 31.2, 121.5, 31.21), within(4.0));
        assertThat(east[0]).isCloseTo(metres(121.5, 31.2, 121.51, 31.2), within(4.0));
        double[] ll = p.unproject(2500, -1800);
        double[] xy = p.project(ll[0], ll[1]);
        assertThat(xy[0]).isCloseTo(2500, within(1e-6));
        assertThat(xy[1]).isCloseTo(-1800, within(1e-6));
        assertThat(p.proj4()).startsWith("+proj=tmerc +lat_0=31.2000000 +lon_0=121.5000000");
        assertThatThrownBy(() -> new DistrictProjection(200, 10)).hasMessageContaining("not a longitude");
    }
}
