package org.gridplan.sim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gridplan.sim.model.City;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader refuses a file that does not describe one district, naming the file and the feature. */
class GeoJsonDistrictChecksTest {

    @TempDir
    Path dir;

    private static final String ROAD = road("[[0,0],[1000,0]]");

    private static String building(String id, String coordinates) {
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":" + coordinates + "},"
                + "\"properties\":{\"id\":\"" + id + "\",\"households\":40,\"street\":\"S\",\"community\":\"C\"}}";
    }

    private static String road(String coordinates) {
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":" + coordinates
                + "},\"properties\":{}}";
    }

    private static String site(String id, String geometry) {
        return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":{\"kind\":\"site\",\"id\":\""
                + id + "\"}}";
    }

    private Path city(String... features) throws IOException {
        Path file = dir.resolve("c.geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",\n", features)
                + "]}");
        return file;
    }

    @Test
    void a_small_valid_district_is_read() throws IOException {
        City c = GeoJson.readCity(city(building("A", "[10,20]"), building("B", "[500,-30]"), ROAD,
                site("P", "{\"type\":\"Point\",\"coordinates\":[900,10]}")));
        assertThat(c.buildings()).hasSize(2);
        assertThat(c.sites()).hasSize(1);
    }

    @Test
    void three_dimensional_coordinates_are_refused_by_name() throws IOException {
        Path file = city(building("A", "[10,20,35.5]"), ROAD);
        assertThatThrownBy(() -> GeoJson.readCity(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("c.geojson: feature 0 (building A): position [10,20,35.5] has 3 coordinates; "
                        + "gridplan reads plane positions [x, y] in metres only");
        Path line = city(building("A", "[10,20]"), road("[[0,0,1],[1000,0,1]]"));
        assertThatThrownBy(() -> GeoJson.readCity(line)).hasMessageStartingWith(
                "c.geojson: feature 1: position [0,0,1] has 3 coordinates");
    }

    @Test
    void a_coordinate_too_large_for_json_doubles_is_not_finite() throws IOException {
        Path file = city(building("A", "[1e999,20]"), ROAD);
        assertThatThrownBy(() -> GeoJson.readCity(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("c.geojson: feature 0 (building A): position ")
                .hasMessageEndingWith(" is not finite");
    }

    @Test
    void a_coordinate_of_magnitude_1e8_or_more_is_refused() throws IOException {
        Path file = city(building("A", "[10,20]"), road("[[0,0],[1000,-100000000]]"));
        assertThatThrownBy(() -> GeoJson.readCity(file)).hasMessage("c.geojson: feature 1: position "
                + "[1000,-100000000] has a coordinate of magnitude 1e8 m or more, which no projected district has; "
                + "check the units and the projection");
    }

    @Test
    void a_district_wider_than_200_km_is_refused_naming_the_features_farthest_apart() throws IOException {
        Path file = city(building("A", "[10,20]"), ROAD, road("[[250000,0],[251000,0]]"),
                building("B", "[250500,10]"));
        assertThatThrownBy(() -> GeoJson.readCity(file)).hasMessageStartingWith(
                "c.geojson: the district spans 251.0 km x 0.0 km, more than the 200 km a district may span: "
                        + "feature 1 at (0, 0) and feature 2 at (251000, 0) are 251.0 km apart east-west");
    }

    @Test
    void two_buildings_at_one_position_are_refused_naming_both() throws IOException {
        Path file = city(building("A", "[10,20]"), building("B", "[500,20]"), building("C", "[10.0001,20]"), ROAD);
        assertThatThrownBy(() -> GeoJson.readCity(file)).hasMessage("c.geojson: feature 2 (building C): at the "
                + "same position (10.0001, 20) as feature 0 (building A); buildings need distinct positions (only "
                + "the parts B/1, B/2, ... of one split building share a position)");
    }

    @Test
    void buildings_all_on_one_point_are_refused() throws IOException {
        Path file = city(building("A", "[10,20]"), building("B", "[10,20]"), building("C", "[10,20]"), ROAD);
        assertThatThrownBy(() -> GeoJson.readCity(file)).hasMessageContaining(
                "feature 1 (building B): at the same position (10, 20) as feature 0 (building A) (all 3 buildings "
                        + "are at this one position)");
    }

    @Test
    void the_parts_of_one_split_building_may_share_its_position() throws IOException {
        City c = GeoJson.readCity(city(building("T/1", "[10,20]"), building("T/2", "[10,20]"),
                building("A", "[300,20]"), ROAD));
        assertThat(c.buildings()).hasSize(3);
        Path other = city(building("T/1", "[10,20]"), building("U/1", "[10,20]"), ROAD);
        assertThatThrownBy(() -> GeoJson.readCity(other)).hasMessageStartingWith(
                "c.geojson: feature 1 (building U/1): at the same position (10, 20) as feature 0 (building T/1)");
    }

    @Test
    void a_building_far_from_every_road_is_refused_with_its_distance() throws IOException {
        Path file = city(building("A", "[10,20]"), building("FAR", "[500,1500]"), ROAD);
        assertThatThrownBy(() -> GeoJson.readCity(file)).hasMessageStartingWith(
                "c.geojson: feature 1 (building FAR): building is 1500 m from the nearest road, more than the "
                        + "1000 m a building may be from one");
        // Distance is to the line, not to its nodes: 900 m from the middle of a 10 km road is near.
        City c = GeoJson.readCity(city(building("A", "[5000,900]"), road("[[0,0],[10000,0]]")));
        assertThat(c.buildings()).hasSize(1);
    }

    @Test
    void a_site_far_from_every_road_is_refused() throws IOException {
        Path file = city(building("A", "[10,20]"), ROAD,
                site("P9", "{\"type\":\"Point\",\"coordinates\":[1000,2200]}"));
        assertThatThrownBy(() -> GeoJson.readCity(file)).hasMessageStartingWith(
                "c.geojson: feature 2 (site P9): site is 2200 m from the nearest road, more than the 1000 m a site "
                        + "may be from one");
    }

    @Test
    void a_site_that_is_not_a_point_is_refused_by_name() throws IOException {
        Path file = city(building("A", "[10,20]"), ROAD, site("P1",
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,0]]]}"));
        assertThatThrownBy(() -> GeoJson.readCity(file)).hasMessage(
                "c.geojson: feature 2 (site P1): a site must be a Point, got geometry type 'Polygon'");
    }

    @Test
    void a_sites_file_refuses_a_site_that_is_not_a_point_instead_of_dropping_it() throws IOException {
        City c = GeoJson.readCity(city(building("A", "[10,20]"), ROAD));
        Path sites = dir.resolve("sites.geojson");
        Files.writeString(sites, "{\"type\":\"FeatureCollection\",\"features\":["
                + site("P1", "{\"type\":\"Point\",\"coordinates\":[500,10]}") + ","
                + building("B", "[600,10]").replace("\"id\"", "\"kind\":\"building\",\"id\"") + ","
                + site("P2", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,0]]]}") + "]}");
        assertThatThrownBy(() -> GeoJson.readSites(sites, c)).isInstanceOf(InputException.class)
                .hasMessage("sites.geojson: feature 2 (site P2): a site must be a Point, got geometry type 'Polygon'");
        Files.writeString(sites, "{\"type\":\"FeatureCollection\",\"features\":["
                + site("P1", "{\"type\":\"Point\",\"coordinates\":[500,10]}") + ","
                + building("B", "[600,10]").replace("\"id\"", "\"kind\":\"building\",\"id\"") + "]}");
        assertThat(GeoJson.readSites(sites, c)).extracting(org.gridplan.sim.model.Site::id).containsExactly("P1");
    }

    @Test
    void a_sites_file_is_checked_like_a_city_s_sites() throws IOException {
        City c = GeoJson.readCity(city(building("A", "[10,20]"), ROAD));
        Path sites = dir.resolve("sites.geojson");
        Files.writeString(sites, "{\"type\":\"FeatureCollection\",\"features\":["
                + site("FAR", "{\"type\":\"Point\",\"coordinates\":[500,5000]}") + "]}");
        assertThatThrownBy(() -> GeoJson.readSites(sites, c)).hasMessageStartingWith(
                "sites.geojson: feature 0 (site FAR): site is 5000 m from the nearest road");
        Files.writeString(sites, "{\"type\":\"FeatureCollection\",\"features\":["
                + site("Z", "{\"type\":\"Point\",\"coordinates\":[500,5,3]}") + "]}");
        assertThatThrownBy(() -> GeoJson.readSites(sites, c)).hasMessageStartingWith(
                "sites.geojson: feature 0 (site Z): position [500,5,3] has 3 coordinates");
        Files.writeString(sites, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[500,5]},\"properties\":{\"id\":\"A\","
                + "\"id\":\"B\"}}]}");
        assertThatThrownBy(() -> GeoJson.readSites(sites, c)).hasMessageContaining("Duplicate field 'id'");
    }

    @Test
    void other_geometry_types_are_refused_by_name() throws IOException {
        Path file = city(building("A", "[10,20]"), ROAD,
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"MultiPoint\",\"coordinates\":[[1,1]]},"
                        + "\"properties\":{}}");
        assertThatThrownBy(() -> GeoJson.readCity(file)).hasMessageStartingWith(
                "c.geojson: feature 2: geometry type 'MultiPoint' is not supported");
        Path line = city(building("A", "[10,20]"), ROAD,
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[1,1],[2,2]]},"
                        + "\"properties\":{\"kind\":\"building\",\"id\":\"L\"}}");
        assertThatThrownBy(() -> GeoJson.readCity(line)).hasMessage(
                "c.geojson: feature 2 (building L): a building must be a Point, got geometry type 'LineString'");
    }

    @Test
    void duplicate_json_keys_are_refused() throws IOException {
        Path file = city("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[10,20]},"
                + "\"properties\":{\"id\":\"A\",\"households\":40,\"households\":400,\"street\":\"S\","
                + "\"community\":\"C\"}}", ROAD);
        assertThatThrownBy(() -> GeoJson.readCity(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("c.geojson: malformed JSON at line 1, column")
                .hasMessageContaining("Duplicate field 'households'");
    }

    @Test
    void roads_in_pieces_are_refused_naming_the_pieces_and_their_sizes() throws IOException {
        Path file = city(building("A", "[10,20]"), road("[[0,0],[500,0],[1000,0]]"),
                road("[[3000,0],[3100,0]]"), building("B", "[3050,10]"), road("[[5000,0],[5100,0]]"));
        assertThatThrownBy(() -> GeoJson.readCity(file)).hasMessageStartingWith(
                "c.geojson: the roads are not connected: 3 separate pieces, of 3 nodes (feature 1); 2 nodes "
                        + "(feature 2); 2 nodes (feature 4); every building and site must be reachable by road");
    }

    @Test
    void a_large_lattice_city_is_read_quickly() throws IOException {
        // 40,000 buildings on a 200 x 200 lattice of 100 m blocks: every check is near linear.
        int n = 200;
        List<String> features = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                features.add(building("B" + r + "-" + c, "[" + (c * 100 + 50) + "," + (r * 100 + 50) + "]"));
            }
        }
        for (int k = 0; k <= n; k++) {
            // Lines join at shared vertices, so every line has a vertex at every crossing.
            StringBuilder across = new StringBuilder("[");
            StringBuilder up = new StringBuilder("[");
            for (int j = 0; j <= n; j++) {
                across.append(j == 0 ? "" : ",").append("[").append(j * 100).append(",").append(k * 100).append("]");
                up.append(j == 0 ? "" : ",").append("[").append(k * 100).append(",").append(j * 100).append("]");
            }
            features.add(road(across.append("]").toString()));
            features.add(road(up.append("]").toString()));
        }
        Path file = city(features.toArray(String[]::new));
        long t0 = System.nanoTime();
        City c = GeoJson.readCity(file);
        assertThat(c.buildings()).hasSize(n * n);
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(20);
    }
}
