package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.gridplan.sim.geo.ChineseOffsets;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridplan city import}: a lon/lat district with OpenStreetMap roads becomes a city in metres that
 * layouts can divide; GCJ-02 input lands where WGS84 input does; bad rows are named.
 */
class CityImportIT {

    @TempDir
    Path dir;

    static final double LON0 = 121.47;
    static final double LAT0 = 31.23;
    /** About 100 m in each direction at this latitude. */
    static final double DLON = 0.00105;
    static final double DLAT = 0.0009;

    /** A 7 x 7 lattice of residential streets, a motorway (left out) and a piece of road far away (dropped). */
    private Path osm() throws Exception {
        StringBuilder x = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n<osm version=\"0.6\">\n");
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 7; c++) {
                x.append(String.format(Locale.ROOT, "<node id=\"%d\" lat=\"%.7f\" lon=\"%.7f\"/>\n", 100 + 10 * r + c,
                        LAT0 + r * DLAT, LON0 + c * DLON));
            }
        }
        x.append(String.format(Locale.ROOT, "<node id=\"900\" lat=\"%.7f\" lon=\"%.7f\"/>\n", LAT0 + 0.02, LON0));
        x.append(String.format(Locale.ROOT, "<node id=\"901\" lat=\"%.7f\" lon=\"%.7f\"/>\n", LAT0 + 0.02,
                LON0 + DLON));
        int way = 1;
        for (int r = 0; r < 7; r++) {
            x.append("<way id=\"").append(way++).append("\">");
            for (int c = 0; c < 7; c++) {
                x.append("<nd ref=\"").append(100 + 10 * r + c).append("\"/>");
            }
            x.append("<tag k=\"highway\" v=\"").append(r == 3 ? "secondary" : "residential").append("\"/></way>\n");
        }
        for (int c = 0; c < 7; c++) {
            x.append("<way id=\"").append(way++).append("\">");
            for (int r = 0; r < 7; r++) {
                x.append("<nd ref=\"").append(100 + 10 * r + c).append("\"/>");
            }
            x.append("<tag k=\"highway\" v=\"residential\"/></way>\n");
        }
        x.append("<way id=\"90\"><nd ref=\"900\"/><nd ref=\"901\"/><tag k=\"highway\" v=\"residential\"/></way>\n");
        x.append("<way id=\"91\"><nd ref=\"100\"/><nd ref=\"166\"/><tag k=\"highway\" v=\"motorway\"/></way>\n");
        x.append("<way id=\"92\"><nd ref=\"101\"/><nd ref=\"102\"/><tag k=\"building\" v=\"yes\"/></way>\n");
        x.append("</osm>\n");
        Path f = dir.resolve("roads.osm");
        Files.writeString(f, x);
        return f;
    }

    /** 36 buildings, one in each block, 60 households each; communities west and east; one too small to count. */
    private Path buildings(boolean gcj) throws Exception {
        StringBuilder csv = new StringBuilder("id,lon,lat,households,community\n");
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 6; c++) {
                double lon = LON0 + (c + 0.5) * DLON;
                double lat = LAT0 + (r + 0.5) * DLAT;
                if (gcj) {
                    double[] g = ChineseOffsets.wgs84ToGcj02(lon, lat);
                    lon = g[0];
                    lat = g[1];
                }
                csv.append(String.format(Locale.ROOT, "B%d%d,%.9f,%.9f,%s,%s\n", r, c, lon, lat,
                        r == 0 && c == 0 ? "59.6" : "60", c < 3 ? "West" : "East"));
            }
        }
        double[] empty = {LON0 + 0.5 * DLON, LAT0 + 0.2 * DLAT};
        if (gcj) {
            empty = ChineseOffsets.wgs84ToGcj02(empty[0], empty[1]);
        }
        csv.append(String.format(Locale.ROOT, "EMPTY,%.9f,%.9f,0.2,West\n", empty[0], empty[1]));
        Path f = dir.resolve(gcj ? "buildings-gcj.csv" : "buildings.csv");
        Files.writeString(f, csv);
        return f;
    }

    @Test
    void a_lon_lat_district_with_osm_roads_becomes_a_city_in_metres_that_layouts_divide() throws Exception {
        Path roads = osm();
        Path city = dir.resolve("city.geojson");
        CliRunner r = CliRunner.run("city", "import", "--buildings", buildings(false).toString(), "--roads",
                roads.toString(), "--out", city.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("city buildings: 2,160 households in 36 buildings (37 rows read, 1 dropped with"
                + " no households, 2 with households rounded), 2 communities; 49 road nodes, 84 segments kept (1 pieces"
                + " with 1 segments dropped").contains("projected to metres: +proj=tmerc");
        City c = GeoJson.readCity(city);
        Building b = c.buildings().stream().filter(x -> x.id().equals("B00")).findFirst().orElseThrow();
        Building e = c.buildings().stream().filter(x -> x.id().equals("B05")).findFirst().orElseThrow();
        // Five blocks of about 100 m apart, east-west.
        assertThat(e.x() - b.x()).isCloseTo(5 * DLON * 111_320 * Math.cos(Math.toRadians(LAT0)), within(2.0));
        assertThat(Math.abs(e.y() - b.y())).isLessThan(0.5);
        Path layout = dir.resolve("layout.geojson");
        CliRunner l = CliRunner.run("layout", "generate", "--city", city.toString(), "--target", "360", "--out",
                layout.toString());
        assertThat(l.exitCode()).as(l.err()).isZero();

        // The same district in GCJ-02 coordinates lands in the same place.
        Path gcjCity = dir.resolve("gcj.geojson");
        Path gcjRoads = dir.resolve("roads-gcj.osm");
        String xml = Files.readString(roads);
        StringBuilder shifted = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("lat=\"([0-9.]+)\" lon=\"([0-9.]+)\"").matcher(xml);
        while (m.find()) {
            double[] g = ChineseOffsets.wgs84ToGcj02(Double.parseDouble(m.group(2)), Double.parseDouble(m.group(1)));
            m.appendReplacement(shifted, String.format(Locale.ROOT, "lat=\"%.9f\" lon=\"%.9f\"", g[1], g[0]));
        }
        m.appendTail(shifted);
        Files.writeString(gcjRoads, shifted);
        CliRunner g = CliRunner.run("city", "import", "--buildings", buildings(true).toString(), "--roads",
                gcjRoads.toString(), "--crs", "gcj02", "--name", "buildings", "--out", gcjCity.toString());
        assertThat(g.exitCode()).as(g.err()).isZero();
        City gc = GeoJson.readCity(gcjCity);
        for (int i = 0; i < c.buildings().size(); i++) {
            assertThat(gc.buildings().get(i).x()).isCloseTo(c.buildings().get(i).x(), within(0.05));
            assertThat(gc.buildings().get(i).y()).isCloseTo(c.buildings().get(i).y(), within(0.05));
        }
    }

    @Test
    void the_summary_counts_what_was_done_to_the_roads() throws Exception {
        Path city = dir.resolve("city.geojson");
        CliRunner r = CliRunner.run("city", "import", "--buildings", buildings(false).toString(), "--roads",
                osm().toString(), "--out", city.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        // Every block's building faces the middle of a block side, between the lattice's vertices.
        assertThat(r.out()).contains("  roads: 0 loose line ends joined within 1 m, 0 line ends joined by node id; "
                + "36 buildings attached mid-segment (36 road nodes added at the foot of the perpendicular), largest "
                + "access distance 49.9 m (building B55)")
                .contains("0 one-way segments: e-bike routes keep to them, walking routes do not (0 more made two-way");
        assertThat(GeoJson.readCity(city).roads().nodeCount()).isEqualTo(49 + 36);
    }

    @Test
    void a_city_without_roads_travels_straight_lines_and_layouts_divide_it() throws Exception {
        Path city = dir.resolve("city.geojson");
        CliRunner r = CliRunner.run("city", "import", "--buildings", buildings(false).toString(), "--detour-factor",
                "1.25", "--out", city.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 communities; no roads ->").contains("note: city buildings has no roads: "
                + "travel is the straight line times a detour factor of 1.25");
        City c = GeoJson.readCity(city);
        assertThat(c.roads().isStraightLine()).isTrue();
        assertThat(new org.gridplan.sim.road.TravelTimes(c).buildingMetres(0, 1).orElseThrow())
                .isCloseTo(1.25 * c.buildings().get(0).distanceTo(c.buildings().get(1)), within(1e-3));
        Path layout = dir.resolve("layout.geojson");
        CliRunner l = CliRunner.run("layout", "generate", "--city", city.toString(), "--target", "360", "--out",
                layout.toString());
        assertThat(l.exitCode()).as(l.err()).isZero();
        assertThat(l.err()).contains("note: city buildings has no roads");
        CliRunner v = CliRunner.run("layout", "validate", "--city", city.toString(), layout.toString());
        assertThat(v.exitCode()).as(v.err()).isZero();
        assertThat(v.err()).contains("note: city buildings has no roads");
    }

    @Test
    void bad_road_options_are_named() throws Exception {
        Path roads = osm();
        Path out = dir.resolve("out.geojson");
        String b = buildings(false).toString();
        CliRunner t = CliRunner.run("city", "import", "--buildings", b, "--roads", roads.toString(),
                "--join-tolerance", "-1", "--out", out.toString());
        assertThat(t.exitCode()).isEqualTo(2);
        assertThat(t.err()).contains("--join-tolerance -1: must be from 0 to 10 m").doesNotContain("\tat ");
        CliRunner n = CliRunner.run("city", "import", "--buildings", b, "--roads", roads.toString(),
                "--node-fields", "FromNode", "--out", out.toString());
        assertThat(n.exitCode()).isEqualTo(2);
        assertThat(n.err()).contains("--node-fields 'FromNode': give two different property names");
        CliRunner o = CliRunner.run("city", "import", "--buildings", b, "--roads", roads.toString(),
                "--oneway-field", "oneway", "--out", out.toString());
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("roads.osm: --node-fields and --oneway-field are for GeoJSON roads");
        CliRunner d = CliRunner.run("city", "import", "--buildings", b, "--roads", roads.toString(),
                "--detour-factor", "1.5", "--out", out.toString());
        assertThat(d.exitCode()).isEqualTo(2);
        assertThat(d.err()).contains("--detour-factor: is for a city without roads");
        CliRunner f = CliRunner.run("city", "import", "--buildings", b, "--detour-factor", "0.9", "--out",
                out.toString());
        assertThat(f.exitCode()).isEqualTo(2);
        assertThat(f.err()).contains("--detour-factor 0.9: must be from 1 to 3");
        assertThat(out).doesNotExist();
    }

    @Test
    void bad_rows_and_options_are_named_and_nothing_is_written() throws Exception {
        Path roads = osm();
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "id,lon,lat,households,community\nA,121.47,31.23,10,C\nB,east,31.23,10,C\n");
        Path out = dir.resolve("out.geojson");
        CliRunner r = CliRunner.run("city", "import", "--buildings", bad.toString(), "--roads", roads.toString(),
                "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bad.csv: line 3, column 'lon': 'east' is not a number").doesNotContain("\tat ");
        Files.writeString(bad, "id,lon,lat,households\nA,121.47,31.23,10\n");
        CliRunner m = CliRunner.run("city", "import", "--buildings", bad.toString(), "--roads", roads.toString(),
                "--community-field", "hood", "--out", out.toString());
        assertThat(m.exitCode()).isEqualTo(2);
        assertThat(m.err()).contains("line 1: missing column 'hood'");
        CliRunner crs = CliRunner.run("city", "import", "--buildings", buildings(false).toString(), "--roads",
                roads.toString(), "--crs", "utm", "--out", out.toString());
        assertThat(crs.exitCode()).isEqualTo(2);
        assertThat(crs.err()).contains("--crs: 'utm' is not one of: wgs84, gcj02, bd09, metres");
        // A building 3 km from every road: the city is not one district, and nothing is kept.
        Path far = dir.resolve("far.csv");
        Files.writeString(far, Files.readString(buildings(false)) + "FAR,121.50,31.23,50,East\n");
        CliRunner f = CliRunner.run("city", "import", "--buildings", far.toString(), "--roads", roads.toString(),
                "--out", out.toString());
        assertThat(f.exitCode()).isEqualTo(2);
        assertThat(f.err()).contains("the imported city is not one district").contains("FAR");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".check"));
        }
    }
}
