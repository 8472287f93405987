package org.gridplan.sim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.gridplan.sim.model.Building;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Buildings as a GIS exports them: GeoJSON points and polygons with their own field names, residents
 * instead of households, communities from a boundary layer, small communities merged, aggregate
 * polygons split into buildings spread over them.
 */
class CityImportBuildingsTest {

    @TempDir
    Path dir;

    /** A lattice of roads every 100 m over 0..1000 m. */
    private Path roads() throws Exception {
        StringBuilder s = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int k = 0; k <= 10; k++) {
            s.append(k == 0 ? "" : ",").append(line(k * 100, 0, k * 100, 1000)).append(',')
                    .append(line(0, k * 100, 1000, k * 100));
        }
        return write("roads.geojson", s.append("]}").toString());
    }

    private static String line(double x0, double y0, double x1, double y1) {
        return "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[["
                + x0 + "," + y0 + "],[" + x1 + "," + y1 + "]]}}";
    }

    private static String square(String props, double x0, double y0, double side) {
        double x1 = x0 + side;
        double y1 = y0 + side;
        return "{\"type\":\"Feature\",\"properties\":" + props + ",\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[" + x0 + "," + y0 + "],[" + x1 + "," + y0 + "],[" + x1 + "," + y1 + "],[" + x0
                + "," + y1 + "],[" + x0 + "," + y0 + "]]]}}";
    }

    private static String point(String props, double x, double y) {
        return "{\"type\":\"Feature\",\"properties\":" + props + ",\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[" + x + "," + y + "]}}";
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static CityImport.Options options(String persons, double perHousehold, Path communities,
            int mergeBelow, int splitAbove) {
        return new CityImport.Options(CityImport.Crs.METRES, "BLOCK", "HH", persons, perHousehold,
                communities == null ? "hood" : null, "street", communities, "NAME", mergeBelow, splitAbove);
    }

    @Test
    void polygons_with_residents_land_in_their_boundary_and_small_communities_merge() throws Exception {
        // West: three blocks of 600 residents (250 households at 2.4 each); east: one block of 480 (200).
        Path blocks = write("blocks.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
                + square("{\"BLOCK\":101.0,\"POP\":600}", 110, 110, 80) + ","
                + square("{\"BLOCK\":102.0,\"POP\":600}", 110, 310, 80) + ","
                + square("{\"BLOCK\":103.0,\"POP\":600}", 310, 110, 80) + ","
                + square("{\"BLOCK\":104,\"POP\":480}", 710, 110, 80) + "]}");
        Path hoods = write("hoods.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
                + square("{\"NAME\":\"West\"}", 0, 0, 500) + "," + square("{\"NAME\":\"East\"}", 600, 0, 400)
                + "]}");

        CityImport.Result r = CityImport.read("t", blocks, roads(), options("POP", 2.4, hoods, 0, 0));
        Map<String, Integer> byCommunity = r.city().buildings().stream().collect(Collectors.groupingBy(
                Building::community, Collectors.summingInt(Building::households)));
        assertThat(byCommunity).containsOnly(Map.entry("West", 750), Map.entry("East", 200));
        // A GIS's 101.0 is the id 101; the building stands inside its block.
        Building b = r.city().buildings().stream().filter(x -> x.id().equals("101")).findFirst().orElseThrow();
        assertThat(b.x()).isBetween(110.0, 190.0);
        assertThat(r.notes()).anyMatch(n -> n.contains("households estimated as residents (POP) / 2.4"))
                .anyMatch(n -> n.contains("2 boundaries, 2 with buildings; 4 buildings inside one, 0 within 250 m"));

        CityImport.Result merged = CityImport.read("t", blocks, roads(), options("POP", 2.4, hoods, 300, 0));
        assertThat(merged.city().buildings()).allMatch(x -> x.community().equals("West"));
        assertThat(merged.notes()).anyMatch(n -> n.startsWith("community East (200 households, fewer than 300) "
                + "merged into West (nearest building 400 m away)"));
    }

    @Test
    void a_building_near_a_boundary_joins_it_and_one_far_from_every_boundary_is_dropped() throws Exception {
        Path pts = write("pts.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
                + point("{\"BLOCK\":\"a\",\"HH\":300}", 100, 100) + ","
                + point("{\"BLOCK\":\"b\",\"HH\":50}", 450, 100) + ","
                + point("{\"BLOCK\":\"c\",\"HH\":50}", 900, 900) + "]}");
        Path hoods = write("hoods.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
                + square("{\"NAME\":\"Only\"}", 0, 0, 300) + "]}");

        CityImport.Result r = CityImport.read("t", pts, roads(), options(null, 0, hoods, 0, 0));

        assertThat(r.city().buildings()).extracting(Building::id).containsExactly("a", "b");
        assertThat(r.notes()).anyMatch(n -> n.contains("1 buildings inside one, 1 within 250 m of one joined the "
                + "nearest, 1 farther dropped"));
    }

    @Test
    void a_block_of_many_households_becomes_buildings_spread_inside_it() throws Exception {
        Path blocks = write("blocks.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
                + square("{\"BLOCK\":\"big\",\"HH\":950,\"hood\":\"C1\"}", 100, 100, 300) + "]}");

        CityImport.Result r = CityImport.read("t", blocks, roads(), options(null, 0, null, 0, 100));

        assertThat(r.city().buildings()).hasSize(10).allMatch(b -> b.households() == 95)
                .allMatch(b -> b.x() > 100 && b.x() < 400 && b.y() > 100 && b.y() < 400);
        assertThat(r.city().buildings()).extracting(Building::id).contains("big-1", "big-10");
        // Spread, not stacked: every two of the ten points at least 40 m apart (an even spread over 300 m by
        // 300 m puts them about 95 m apart).
        for (Building a : r.city().buildings()) {
            for (Building c : r.city().buildings()) {
                if (a != c) {
                    assertThat(Math.hypot(a.x() - c.x(), a.y() - c.y())).isGreaterThan(40);
                }
            }
        }
    }

    @Test
    void without_a_community_field_communities_are_derived_and_said_so() throws Exception {
        // Two clusters of four 1,600-household buildings, 800 m apart: 12,800 households, two communities.
        StringBuilder f = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int k = 0; k < 8; k++) {
            double x = (k < 4 ? 50 : 850) + (k % 2) * 60;
            double y = 50 + (k % 4 / 2) * 60;
            f.append(k == 0 ? "" : ",").append(point("{\"BLOCK\":\"b" + k + "\",\"HH\":1600}", x, y));
        }
        Path pts = write("pts.geojson", f.append("]}").toString());
        CityImport.Options o = new CityImport.Options(CityImport.Crs.METRES, "BLOCK", "HH", null, 0, "community",
                "street", null, "NAME", 0, 0);

        CityImport.Result r = CityImport.read("t", pts, roads(), o);

        Map<String, Long> count = r.city().buildings().stream().collect(Collectors.groupingBy(Building::community,
                Collectors.counting()));
        assertThat(count).containsOnly(Map.entry("D01", 4L), Map.entry("D02", 4L));
        assertThat(r.city().buildings().stream().filter(b -> b.x() < 500)).allMatch(b -> b.community().equals("D01"));
        assertThat(r.notes()).anyMatch(n -> n.startsWith("no community column or property: 2 communities derived"));
    }

    @Test
    void a_building_with_a_blank_community_takes_its_nearest_neighbours() throws Exception {
        Path pts = write("pts.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
                + point("{\"BLOCK\":\"a\",\"HH\":300,\"hood\":\"West\"}", 100, 100) + ","
                + point("{\"BLOCK\":\"b\",\"HH\":300,\"hood\":\"East\"}", 800, 100) + ","
                + point("{\"BLOCK\":\"c\",\"HH\":50,\"hood\":\" \"}", 700, 150) + ","
                + point("{\"BLOCK\":\"d\",\"HH\":50,\"hood\":null}", 150, 150) + "]}");

        CityImport.Result r = CityImport.read("t", pts, roads(), options(null, 0, null, 0, 0));

        assertThat(r.city().buildings()).extracting(Building::community).containsExactly("West", "East", "East",
                "West");
        assertThat(r.notes()).contains("2 buildings with a blank community took the community of their nearest "
                + "building");
    }

    @Test
    void a_missing_property_is_named_with_the_feature_and_the_properties_it_has() throws Exception {
        Path blocks = write("blocks.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
                + square("{\"BLOCK\":\"a\",\"HH\":100,\"hood\":\"C1\"}", 100, 100, 50) + ","
                + square("{\"BLOCK\":\"b\",\"households\":100,\"hood\":\"C1\"}", 300, 100, 50) + "]}");

        assertThatThrownBy(() -> CityImport.read("t", blocks, roads(), options(null, 0, null, 0, 0)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("blocks.geojson")
                .hasMessageContaining("feature 1, property 'HH': missing (properties: BLOCK, households, hood)");
    }
}
