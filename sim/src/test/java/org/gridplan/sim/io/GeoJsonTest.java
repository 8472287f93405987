package org.gridplan.sim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.Site;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadClass;
import org.gridplan.sim.road.RoadNetwork;
import org.gridplan.sim.road.TravelTimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoJsonTest {

    @TempDir
    Path dir;

    /** A 4 x 3 lattice, 150 m blocks, one arterial row, with a road of explicit length. */
    static City lattice() {
        int cols = 4;
        int rows = 3;
        double[] xs = new double[cols * rows];
        double[] ys = new double[cols * rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                xs[r * cols + c] = 1000.5 + c * 150;
                ys[r * cols + c] = 2000.25 + r * 150;
            }
        }
        List<Road> roads = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c + 1 < cols; c++) {
                roads.add(new Road(r * cols + c, r * cols + c + 1, r == 1 ? 150 : 163.7,
                        r == 1 ? RoadClass.ARTERIAL : RoadClass.LOCAL));
            }
        }
        for (int r = 0; r + 1 < rows; r++) {
            for (int c = 0; c < cols; c++) {
                roads.add(new Road(r * cols + c, (r + 1) * cols + c, 150, RoadClass.LOCAL));
            }
        }
        List<Building> buildings = new ArrayList<>();
        for (int k = 0; k < 9; k++) {
            buildings.add(new Building("B" + k, 1010 + (k % 3) * 150 + 0.125, 2010 + (k / 3) * 100, 20 + k * 7,
                    2 + k % 3,
                    "S1", k < 5 ? "C01" : "C02"));
        }
        List<Site> sites = List.of(new Site("P1", 1100, 2100), new Site("P2", 1300.75, 2200));
        return new City("test-city", buildings, new RoadNetwork(xs, ys, roads), sites);
    }

    @Test
    void city_round_trip_keeps_buildings_sites_roads_and_distances() {
        City city = lattice();
        Path file = dir.resolve("city.geojson");
        GeoJson.writeCity(city, file);
        City back = GeoJson.readCity(file);

        assertThat(back.name()).isEqualTo("test-city");
        assertThat(back.buildings()).isEqualTo(city.buildings());
        assertThat(back.sites()).isEqualTo(city.sites());
        assertThat(segments(back.roads())).isEqualTo(segments(city.roads()));
        TravelTimes a = new TravelTimes(city);
        TravelTimes b = new TravelTimes(back);
        for (int i = 0; i < city.buildings().size(); i++) {
            for (int j = 0; j < city.buildings().size(); j++) {
                assertThat(b.buildingMetresOrInfinity(i, j)).isEqualTo(a.buildingMetresOrInfinity(i, j));
            }
        }
    }

    @Test
    void writing_a_read_city_gives_identical_bytes() throws IOException {
        Path first = dir.resolve("a.geojson");
        Path second = dir.resolve("b.geojson");
        GeoJson.writeCity(lattice(), first);
        GeoJson.writeCity(GeoJson.readCity(first), second);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void layout_round_trip_keeps_grids_and_communities() {
        City city = lattice();
        Map<String, String> gridOf = new LinkedHashMap<>();
        for (Building b : city.buildings()) {
            gridOf.put(b.id(), b.community().equals("C01") ? "C01-G01" : "X-G02");
        }
        GridLayout layout = new GridLayout("grid-400", gridOf, Map.of("C01-G01", "C01", "X-G02", "C01"));
        Path file = dir.resolve("layout.geojson");
        GeoJson.writeLayout(city, layout, file);
        GridLayout back = GeoJson.readLayout(file, city);
        assertThat(back).isEqualTo(layout);
        assertThat(back.communityOfGrid()).containsEntry("X-G02", "C01");
    }

    @Test
    void reads_gis_export_without_kind_with_polylines_and_numeric_ids() throws IOException {
        Path file = write("gis.geojson", """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","geometry":{"type":"Point","coordinates":[10,0]},
                 "properties":{"id":17,"households":36.0,"street":"S","community":"C","name_zh":"1号楼"}},
                {"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],[100,0],[100,100]]},
                 "properties":{}},
                {"type":"Feature","geometry":{"type":"MultiLineString","coordinates":[[[100,100],[0,100]]]},
                 "properties":{"class":"arterial","metres":250}},
                {"type":"Feature","geometry":{"type":"Point","coordinates":[0,100]},
                 "properties":{"kind":"site","id":"P"}}
                ]}""");
        City city = GeoJson.readCity(file);
        assertThat(city.name()).isEqualTo("gis");
        assertThat(city.buildings()).containsExactly(new Building("17", 10, 0, 36, 3, "S", "C"));
        assertThat(city.roads().nodeCount()).isEqualTo(4);
        assertThat(city.roads().roads()).extracting(Road::metres).containsExactly(100.0, 100.0, 250.0);
        assertThat(city.roads().roads().get(2).roadClass()).isEqualTo(RoadClass.ARTERIAL);
        assertThat(city.sites()).containsExactly(new Site("P", 0, 100));
    }

    @Test
    void missing_file_is_named() {
        assertThatThrownBy(() -> GeoJson.readCity(dir.resolve("nope.geojson")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("nope.geojson: file not found");
    }

    @Test
    void malformed_json_names_line_and_column() throws IOException {
        Path file = write("bad.geojson", "{\"type\":\"FeatureCollection\",\n\"features\":[ {\"type\": } ]}");
        assertThatThrownBy(() -> GeoJson.readCity(file))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("bad.geojson: malformed JSON at line 2, column");
    }

    @Test
    void rejects_a_file_that_is_not_a_feature_collection() throws IOException {
        Path file = write("f.geojson", "{\"type\":\"Feature\"}");
        assertThatThrownBy(() -> GeoJson.readCity(file)).hasMessage(
                "f.geojson: not a GeoJSON FeatureCollection (top-level \"type\" must be \"FeatureCollection\")");
    }

    @Test
    void negative_households_names_feature_and_property() throws IOException {
        Path file = collection(building("B1", "-4"));
        assertThatThrownBy(() -> GeoJson.readCity(file)).isInstanceOf(InputException.class)
                .hasMessage("c.geojson: feature 0 (building B1): property 'households' must be at least 1, got -4");
    }

    @Test
    void households_of_the_wrong_type_names_the_type() throws IOException {
        Path file = collection(building("B1", "\"many\""));
        assertThatThrownBy(() -> GeoJson.readCity(file)).hasMessage(
                "c.geojson: feature 0 (building B1): property 'households' must be a whole number, got string "
                        + "\"many\"");
    }

    @Test
    void fractional_households_are_rejected() throws IOException {
        Path file = collection(building("B1", "12.5"));
        assertThatThrownBy(() -> GeoJson.readCity(file)).hasMessage(
                "c.geojson: feature 0 (building B1): property 'households' must be a whole number, got 12.5");
    }

    @Test
    void missing_community_is_named() throws IOException {
        Path file = collection("""
                {"type":"Feature","geometry":{"type":"Point","coordinates":[1,1]},
                 "properties":{"id":"B1","households":10,"street":"S"}}""");
        assertThatThrownBy(() -> GeoJson.readCity(file))
                .hasMessage("c.geojson: feature 0 (building B1): missing property 'community'");
    }

    @Test
    void unknown_road_class_lists_the_accepted_ones() throws IOException {
        Path file = collection(building("B1", "10"), """
                {"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],[9,9]]},
                 "properties":{"class":"motorway"}}""");
        assertThatThrownBy(() -> GeoJson.readCity(file))
                .hasMessage("c.geojson: feature 1: unknown road class 'motorway' (expected local or arterial)");
    }

    @Test
    void unsupported_geometry_is_named() throws IOException {
        Path file = collection("""
                {"type":"Feature","geometry":{"type":"Polygon","coordinates":[]},"properties":{"id":"X"}}""");
        assertThatThrownBy(() -> GeoJson.readCity(file)).hasMessageStartingWith(
                "c.geojson: feature 0 (building X): geometry type 'Polygon' is not supported");
    }

    @Test
    void duplicate_building_id_names_both_features() throws IOException {
        Path file = collection(building("B1", "10"), building("B1", "12"));
        assertThatThrownBy(() -> GeoJson.readCity(file))
                .hasMessage("c.geojson: feature 1 (building B1): building id B1 already used by feature 0");
    }

    @Test
    void longitude_latitude_coordinates_are_refused() throws IOException {
        Path file = write("ll.geojson", """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","geometry":{"type":"Point","coordinates":[110.35,20.02]},
                 "properties":{"id":"A","households":10,"street":"S","community":"C"}},
                {"type":"Feature","geometry":{"type":"Point","coordinates":[110.36,20.03]},
                 "properties":{"id":"B","households":10,"street":"S","community":"C"}},
                {"type":"Feature","geometry":{"type":"LineString","coordinates":[[110.35,20.02],[110.36,20.03]]}}
                ]}""");
        assertThatThrownBy(() -> GeoJson.readCity(file)).hasMessageContaining("look like longitude/latitude");
    }

    @Test
    void city_without_roads_travels_the_straight_line_times_the_detour_factor() throws IOException {
        Path file = collection(building("B1", "10"));
        City city = GeoJson.readCity(file);
        assertThat(city.roads().isStraightLine()).isTrue();
        assertThat(city.roads().detourFactor()).isEqualTo(1.3);
        assertThat(city.travelNote()).isPresent();
    }

    @Test
    void a_detour_factor_out_of_range_or_beside_roads_is_refused() throws IOException {
        Path file = write("d.geojson", """
                {"type":"FeatureCollection","gridplan":{"detourFactor":0.8},"features":[
                {"type":"Feature","geometry":{"type":"Point","coordinates":[0,0]},
                 "properties":{"id":"A","households":10,"street":"S","community":"C"}}]}""");
        assertThatThrownBy(() -> GeoJson.readCity(file))
                .hasMessageContaining("d.geojson: gridplan.detourFactor must be a number from 1 to 3");
        Path roads = write("r.geojson", """
                {"type":"FeatureCollection","gridplan":{"detourFactor":1.3},"features":[
                {"type":"Feature","geometry":{"type":"Point","coordinates":[0,0]},
                 "properties":{"id":"A","households":10,"street":"S","community":"C"}},
                {"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],[100,0]]}}]}""");
        assertThatThrownBy(() -> GeoJson.readCity(roads))
                .hasMessageContaining("r.geojson: gridplan.detourFactor is for a city without roads");
    }

    @Test
    void layout_naming_a_building_the_city_lacks_is_refused() throws IOException {
        City city = lattice();
        Path file = write("l.geojson", """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","geometry":{"type":"Point","coordinates":[1,1]},
                 "properties":{"id":"B99","households":10,"street":"S1","community":"C01","grid":"G1"}}
                ]}""");
        assertThatThrownBy(() -> GeoJson.readLayout(file, city))
                .hasMessage("l.geojson: feature 0 (building B99): building is not in city test-city; was the layout "
                        + "drawn on another city? ('gridplan layout generate' records the city it divides)");
    }

    @Test
    void a_layout_records_the_city_it_divides() throws IOException {
        City city = lattice();
        Path file = dir.resolve("layout.geojson");
        GeoJson.writeLayout(city, halves(city), file);
        String text = Files.readString(file);
        assertThat(text).contains("\"city\":\"test-city\",\"cityBuildings\":9,\"cityHash\":\""
                + GeoJson.buildingsHash(city) + "\"");
        assertThat(GeoJson.buildingsHash(city)).matches("sha256:[0-9a-f]{64}");
        // The hash is of the buildings, not of their order in the file.
        List<Building> reversed = new ArrayList<>(city.buildings());
        java.util.Collections.reverse(reversed);
        assertThat(GeoJson.buildingsHash(new City("other-name", reversed, city.roads(), city.sites())))
                .isEqualTo(GeoJson.buildingsHash(city));
    }

    @Test
    void a_layout_of_another_city_is_refused_naming_the_city_it_was_drawn_on() {
        City city = lattice();
        Path file = dir.resolve("layout.geojson");
        GeoJson.writeLayout(city, halves(city), file);
        // The same district with one more building: the layout leaves it out.
        List<Building> more = new ArrayList<>(city.buildings());
        more.add(new Building("B9", 1300, 2300, 50, 2, "S1", "C02"));
        City bigger = new City("bigger", more, city.roads(), city.sites());
        assertThatThrownBy(() -> GeoJson.readLayout(file, bigger)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("layout.geojson: the layout was drawn on another city: test-city (9 "
                        + "buildings, buildings hash sha256:")
                .hasMessageContaining("), not bigger (10 buildings, buildings hash sha256:")
                .hasMessageEndingWith("; e.g. 1 buildings of city bigger are in no grid (e.g. B9)");
        // A city whose building B3 has other households: that building is named.
        List<Building> changed = new ArrayList<>(city.buildings());
        Building b3 = changed.get(3);
        changed.set(3, new Building("B3", b3.x(), b3.y(), b3.households() + 1, b3.units(), "S1", b3.community()));
        City other = new City("other", changed, city.roads(), city.sites());
        assertThatThrownBy(() -> GeoJson.readLayout(file, other))
                .hasMessageStartingWith("layout.geojson: the layout was drawn on another city: test-city (9 buildings")
                .hasMessageEndingWith("; e.g. feature 3 (building B3): 41 households, but city other gives the "
                        + "building 42");
    }

    @Test
    void an_older_layout_without_the_record_loads_and_is_compared_building_by_building() throws IOException {
        City city = lattice();
        StringBuilder features = new StringBuilder();
        for (Building b : city.buildings()) {
            features.append(features.length() == 0 ? "" : ",\n").append("{\"type\":\"Feature\",\"geometry\":{\"type\":"
                    + "\"Point\",\"coordinates\":[" + b.x() + "," + b.y() + "]},\"properties\":{\"id\":\"" + b.id()
                    + "\",\"households\":" + b.households() + ",\"street\":\"S1\",\"community\":\"" + b.community()
                    + "\",\"grid\":\"G-" + b.community() + "\"}}");
        }
        String old = "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}";
        GridLayout layout = GeoJson.readLayout(write("old.geojson", old), city);
        assertThat(layout.gridCount()).isEqualTo(2);
        assertThat(layout.gridOfBuilding()).hasSize(9);
        Path moved = write("moved.geojson", old.replace("[" + city.buildings().get(4).x() + ",",
                "[" + (city.buildings().get(4).x() + 3) + ","));
        assertThatThrownBy(() -> GeoJson.readLayout(moved, city)).hasMessage("moved.geojson: feature 1 (building B1): "
                + "at (1163.125, 2010), but city test-city has the building at (1160.125, 2010), 3.00 m away; was the "
                + "layout drawn on another city? ('gridplan layout generate' records the city it divides)");
    }

    private static GridLayout halves(City city) {
        Map<String, String> gridOf = new LinkedHashMap<>();
        for (Building b : city.buildings()) {
            gridOf.put(b.id(), b.community().equals("C01") ? "C01-G01" : "C02-G01");
        }
        return new GridLayout("halves", gridOf, Map.of("C01-G01", "C01", "C02-G01", "C02"));
    }

    @Test
    void layout_building_without_grid_is_refused() throws IOException {
        City city = lattice();
        Path file = write("l.geojson", """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","geometry":{"type":"Point","coordinates":[1,1]},
                 "properties":{"id":"B0","households":10,"street":"S1","community":"C01"}}
                ]}""");
        assertThatThrownBy(() -> GeoJson.readLayout(file, city))
                .hasMessage("l.geojson: feature 0 (building B0): missing property 'grid'");
    }

    @Test
    void failed_write_leaves_the_previous_file_untouched() throws IOException {
        Path file = write("keep.geojson", "original");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("partial".getBytes());
            throw new IOException("disk full");
        })).hasMessageContaining("disk full");
        assertThat(Files.readString(file)).isEqualTo("original");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("keep.geojson");
        }
    }

    private static Set<String> segments(RoadNetwork n) {
        Set<String> out = new HashSet<>();
        for (Road r : n.roads()) {
            String a = n.x(r.from()) + "," + n.y(r.from());
            String b = n.x(r.to()) + "," + n.y(r.to());
            out.add((a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a) + "|" + r.metres() + "|" + r.roadClass());
        }
        return out;
    }

    private static String building(String id, String households) {
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,1]},"
                + "\"properties\":{\"id\":\"" + id + "\",\"households\":" + households
                + ",\"street\":\"S\",\"community\":\"C\"}}";
    }

    private Path collection(String... features) throws IOException {
        return write("c.geojson", "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
