package org.gridplan.sim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gridplan.sim.model.City;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadNetwork;
import org.gridplan.sim.road.TravelTimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roads side of {@link CityImport}: snapping to segments, near-miss joining, node ids, one-way streets. */
class CityImportRoadsTest {

    @TempDir
    Path dir;

    private Path csv(String... rows) throws IOException {
        Path f = dir.resolve("buildings.csv");
        Files.writeString(f, "id,x,y,households,community\n" + String.join("\n", rows) + "\n");
        return f;
    }

    /** Road lines, each {@code props} then coordinates x0, y0, x1, y1, ... */
    private Path roads(String... lines) throws IOException {
        StringBuilder j = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < lines.length; i++) {
            String[] parts = lines[i].split(";");
            String[] c = parts[1].split(",");
            StringBuilder coords = new StringBuilder();
            for (int k = 0; k < c.length; k += 2) {
                coords.append(k == 0 ? "" : ",").append('[').append(c[k]).append(',').append(c[k + 1]).append(']');
            }
            j.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{%s},"
                    + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[%s]}}", parts[0], coords));
        }
        Path f = dir.resolve("roads.geojson");
        Files.writeString(f, j.append("]}"));
        return f;
    }

    private static CityImport.RoadOptions options(double tolerance, List<String> nodeFields, String oneway) {
        return new CityImport.RoadOptions(tolerance, nodeFields, oneway, RoadNetwork.DEFAULT_DETOUR_FACTOR);
    }

    private static int index(City c, String id) {
        return c.indexOf(id).orElseThrow();
    }

    @Test
    void a_building_beside_a_long_segment_gets_its_own_street_not_the_nearest_vertex() throws IOException {
        // Street A runs 1 km in one segment along y = 0; streets B (y = 100) and C (y = -100) have a
        // vertex at x = 500, nearer to P and Q than A's ends are. P and Q face each other across A.
        Path roads = roads("\"name\":\"A\";0,0,1000,0", "\"name\":\"B\";0,100,500,100,1000,100",
                "\"name\":\"C\";0,-100,500,-100,1000,-100", "\"name\":\"W\";0,-100,0,0,0,100",
                "\"name\":\"E\";1000,-100,1000,0,1000,100");
        Path buildings = csv("P,400,10,50,C1", "Q,600,-10,50,C1");
        CityImport.Result r = CityImport.read("snap", buildings, roads, (CityImport.Crs) null);
        City c = r.city();
        assertThat(r.roadReport().midSegment()).isEqualTo(2);
        assertThat(r.roadReport().nodesAdded()).isEqualTo(2);
        assertThat(c.accessMetres(index(c, "P"))).isCloseTo(10, offset(1e-9));
        assertThat(r.roadReport().maxAccessMetres()).isCloseTo(10, offset(1e-9));
        // 10 m to A, 200 m along it, 10 m to Q; attached to the vertices of B and C it was 1,380 m.
        double metres = new TravelTimes(c).buildingMetres(index(c, "P"), index(c, "Q")).orElseThrow();
        assertThat(metres).isCloseTo(220, offset(1e-6));

        // The city file keeps the added nodes, so every command reading it attaches the same way.
        Path file = dir.resolve("city.geojson");
        GeoJson.writeCity(c, file);
        City back = GeoJson.readCity(file);
        assertThat(new TravelTimes(back).buildingMetres(index(back, "P"), index(back, "Q")).orElseThrow())
                .isCloseTo(220, offset(1e-6));
    }

    @Test
    void a_building_nearest_a_segment_end_adds_no_node() throws IOException {
        Path roads = roads("\"name\":\"A\";0,0,100,0,200,0");
        CityImport.Result r = CityImport.read("end", csv("P,100.02,30,50,C1"), roads, (CityImport.Crs) null);
        assertThat(r.roadReport().midSegment()).isZero();
        assertThat(r.city().roads().nodeCount()).isEqualTo(3);
    }

    @Test
    void a_near_miss_of_a_tenth_of_a_metre_is_joined_and_tolerance_zero_keeps_it_apart() throws IOException {
        Path roads = roads("\"name\":\"A\";0,0,100,0", "\"name\":\"B\";100.1,0,200,0,200,100");
        Path buildings = csv("P,50,10,50,C1", "Q,190,50,50,C1");
        CityImport.Result joined = CityImport.read("join", buildings, roads, (CityImport.Crs) null);
        assertThat(joined.roadReport().lineEndJoins()).isEqualTo(1);
        assertThat(joined.droppedPieces()).isZero();
        assertThat(joined.roadSegments()).isEqualTo(3);
        City c = joined.city();
        assertThat(new TravelTimes(c).buildingMetres(index(c, "P"), index(c, "Q")).orElseThrow())
                .isCloseTo(10 + 50 + 100 + 50 + 10, offset(0.2));

        CityImport.Result apart = CityImport.read("apart", buildings, roads, (CityImport.Crs) null,
                options(0, null, null));
        assertThat(apart.roadReport().lineEndJoins()).isZero();
        assertThat(apart.droppedPieces()).isEqualTo(1);
    }

    @Test
    void an_end_that_stops_short_of_a_street_is_joined_to_the_street() throws IOException {
        // B's end stops 0.5 m short of the middle of A, where A has no vertex.
        Path roads = roads("\"name\":\"A\";0,0,200,0", "\"name\":\"B\";100,0.5,100,100");
        CityImport.Result r = CityImport.read("tee", csv("P,20,5,50,C1", "Q,110,90,50,C1"), roads,
                (CityImport.Crs) null);
        assertThat(r.roadReport().lineEndJoins()).isEqualTo(1);
        assertThat(r.droppedPieces()).isZero();
        assertThat(r.roadSegments()).isEqualTo(3);
    }

    @Test
    void a_node_id_shared_by_ends_far_apart_adds_no_road_across_the_district() throws IOException {
        // Id 2 ends the first street at x = 100 and starts another 400 m away: a reused id, not a junction.
        Path roads = roads("\"FromNode\":1,\"ToNode\":2;0,0,100,0", "\"FromNode\":2,\"ToNode\":3;100,0,100,100",
                "\"FromNode\":2,\"ToNode\":4;500,0,600,0", "\"FromNode\":4,\"ToNode\":5;600,0,600,100",
                "\"FromNode\":5,\"ToNode\":3;600,100,100,100");
        Path buildings = csv("P,50,10,50,C1", "Q,550,10,50,C1");
        CityImport.Result r = CityImport.read("far", buildings, roads, (CityImport.Crs) null,
                options(1, List.of("FromNode", "ToNode"), null));
        assertThat(r.notes()).anyMatch(n -> n.startsWith("1 line ends share a node id with an end more than 25 m"));
        // No segment spans the 400 m between the two ends of id 2.
        RoadNetwork net = r.city().roads();
        assertThat(net.roads()).allMatch(x -> Math.hypot(net.x(x.from()) - net.x(x.to()),
                net.y(x.from()) - net.y(x.to())) <= 500.0 + 1e-6);
        assertThat(net.roads().stream().filter(x -> Math.abs(net.y(x.from())) < 1e-6
                && Math.abs(net.y(x.to())) < 1e-6 && Math.min(net.x(x.from()), net.x(x.to())) < 150
                && Math.max(net.x(x.from()), net.x(x.to())) > 450)).isEmpty();
    }

    @Test
    void node_ids_join_line_ends_five_metres_apart() throws IOException {
        Path roads = roads("\"FromNode\":1,\"ToNode\":2;0,0,100,0", "\"FromNode\":\"2\",\"ToNode\":3;105,0,200,0");
        Path buildings = csv("P,50,10,50,C1", "Q,150,10,50,C1");
        CityImport.Result r = CityImport.read("ids", buildings, roads, (CityImport.Crs) null,
                options(1, List.of("FromNode", "ToNode"), null));
        assertThat(r.roadReport().idJoins()).isEqualTo(1);
        assertThat(r.droppedPieces()).isZero();
        assertThat(r.roadNodes()).isEqualTo(3);
        // Without the ids the 5 m gap splits the network.
        assertThat(CityImport.read("no-ids", buildings, roads, (CityImport.Crs) null).droppedPieces()).isEqualTo(1);

        // A line without ids (as a few in real centreline files) is joined by position; a bad id is refused.
        Path missing = roads("\"FromNode\":1,\"ToNode\":2;0,0,100,0", "\"FromNode\":2;105,0,200,0");
        assertThat(CityImport.read("ids", buildings, missing, (CityImport.Crs) null,
                options(1, List.of("FromNode", "ToNode"), null)).roadReport().idJoins()).isEqualTo(1);
        Path bad = roads("\"FromNode\":1,\"ToNode\":2;0,0,100,0", "\"FromNode\":2,\"ToNode\":[3];105,0,200,0");
        assertThatThrownBy(() -> CityImport.read("ids", buildings, bad, (CityImport.Crs) null,
                options(1, List.of("FromNode", "ToNode"), null))).isInstanceOf(InputException.class)
                .hasMessageContaining("roads.geojson: feature 1, property 'ToNode' (--node-fields): [3] is not a node "
                        + "id");
    }

    @Test
    void one_way_values_keep_direction_in_the_city_file() throws IOException {
        // A block: the south side one-way eastwards (FT), the east side digitised southwards but one-way
        // northwards (TF), the north and west sides two-way.
        Path roads = roads("\"dir\":\"FT\";0,0,100,0", "\"dir\":\"TF\";100,100,100,0",
                "\"dir\":\"N\";100,100,0,100", "\"dir\":null;0,100,0,0");
        CityImport.Result r = CityImport.read("oneway", csv("P,-10,50,50,C1"), roads, (CityImport.Crs) null,
                options(1, null, "dir"));
        assertThat(r.roadReport().oneWay()).isEqualTo(2);
        assertThat(r.roadReport().madeTwoWay()).isZero();
        RoadNetwork net = r.city().roads();
        Road against = net.roads().stream().filter(Road::oneWay).filter(x -> net.x(x.from()) == 100
                && net.x(x.to()) == 100).findFirst().orElseThrow();
        // Against the digitised direction: from the line's last vertex to its first.
        assertThat(net.y(against.from())).isEqualTo(0);
        assertThat(net.y(against.to())).isEqualTo(100);
        Path file = dir.resolve("city.geojson");
        GeoJson.writeCity(r.city(), file);
        City back = GeoJson.readCity(file);
        assertThat(back.roads().oneWayCount()).isEqualTo(2);
        // An e-bike from the north-east corner to the south-east one goes round by the west side.
        TravelTimes ebike = new TravelTimes(back).forMode(org.gridplan.sim.road.TravelMode.EBIKE);
        int ne = back.roads().nearestNode(100, 100);
        int se = back.roads().nearestNode(100, 0);
        assertThat(ebike.nodeMetres(ne, se).orElseThrow()).isCloseTo(300, offset(1e-6));
        assertThat(ebike.nodeMetres(se, ne).orElseThrow()).isCloseTo(100, offset(1e-6));

        Path bad = roads("\"dir\":\"sideways\";0,0,100,0");
        assertThatThrownBy(() -> CityImport.read("oneway", csv("P,50,10,50,C1"), bad, (CityImport.Crs) null,
                options(1, null, "dir")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("roads.geojson: feature 0, property 'dir': \"sideways\" is not a one-way value");
    }

    @Test
    void a_one_way_street_that_leads_out_of_the_network_is_made_two_way() throws IOException {
        Path roads = roads("\"dir\":\"N\";0,0,100,0", "\"dir\":\"FT\";100,0,200,0");
        CityImport.Result r = CityImport.read("stub", csv("P,20,10,50,C1"), roads, (CityImport.Crs) null,
                options(1, null, "dir"));
        assertThat(r.roadReport().madeTwoWay()).isEqualTo(1);
        assertThat(r.roadReport().oneWay()).isZero();
        assertThat(r.city().roads().cutOffByOneWay()).isEmpty();
    }

    @Test
    void a_city_file_whose_one_way_streets_cut_the_network_is_refused() throws IOException {
        Path file = dir.resolve("cut.geojson");
        Files.writeString(file, """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","geometry":{"type":"Point","coordinates":[20,10]},
                 "properties":{"id":"P","households":10,"street":"S","community":"C"}},
                {"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],[100,0]]},"properties":{}},
                {"type":"Feature","geometry":{"type":"LineString","coordinates":[[100,0],[200,0]]},
                 "properties":{"oneway":true}}]}""");
        assertThatThrownBy(() -> GeoJson.readCity(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("cut.geojson: the one-way streets cut the roads for an e-bike: 1 road node "
                        + "cannot be reached from the rest of the network or cannot get back to it, e.g. the node at "
                        + "(200, 0) of feature 2");
    }

    @Test
    void osm_oneway_tags_set_direction() throws IOException {
        Path osm = dir.resolve("roads.osm");
        Files.writeString(osm, """
                <?xml version='1.0' encoding='UTF-8'?>
                <osm version="0.6">
                <node id="1" lat="31.2300" lon="121.4700"/>
                <node id="2" lat="31.2300" lon="121.4710"/>
                <node id="3" lat="31.2310" lon="121.4710"/>
                <node id="4" lat="31.2310" lon="121.4700"/>
                <way id="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/><tag k="oneway" v="yes"/></way>
                <way id="2"><nd ref="3"/><nd ref="2"/><tag k="highway" v="residential"/><tag k="oneway" v="-1"/></way>
                <way id="3"><nd ref="3"/><nd ref="4"/><tag k="highway" v="residential"/><tag k="oneway" v="no"/></way>
                <way id="4"><nd ref="4"/><nd ref="1"/><tag k="highway" v="residential"/></way>
                </osm>
                """);
        Path b = dir.resolve("b.csv");
        Files.writeString(b, "id,lon,lat,households,community\nP,121.4699,31.2305,50,C1\n");
        CityImport.Result r = CityImport.read("osm", b, osm, (CityImport.Crs) null);
        assertThat(r.roadReport().oneWay()).isEqualTo(2);
        assertThat(r.roadReport().madeTwoWay()).isZero();
        RoadNetwork net = r.city().roads();
        // Way 2 is drawn from node 3 to node 2 and one-way against that: from 2 (south) to 3 (north).
        Road reversed = net.roads().stream().filter(Road::oneWay).max((x, y) -> Double.compare(net.y(x.to()),
                net.y(y.to()))).orElseThrow();
        assertThat(net.y(reversed.to())).isGreaterThan(net.y(reversed.from()));
    }

    @Test
    void without_roads_the_city_travels_the_straight_line_times_the_factor() throws IOException {
        Path buildings = csv("P,0,0,50,C1", "Q,300,400,50,C1");
        CityImport.Result r = CityImport.read("none", buildings, null, (CityImport.Crs) null,
                new CityImport.RoadOptions(1, null, null, 1.4));
        City c = r.city();
        assertThat(c.roads().isStraightLine()).isTrue();
        assertThat(new TravelTimes(c).buildingMetres(0, 1).orElseThrow()).isCloseTo(700, offset(1e-3));
        Path file = dir.resolve("city.geojson");
        GeoJson.writeCity(c, file);
        assertThat(Files.readString(file)).contains("\"detourFactor\":1.4").doesNotContain("\"road\"");
        City back = GeoJson.readCity(file);
        assertThat(back.roads().detourFactor()).isEqualTo(1.4);
        assertThat(new TravelTimes(back).buildingMetres(0, 1).orElseThrow()).isCloseTo(700, offset(1e-3));
        // Candidate sites of their own file need no road near them.
        Path sites = dir.resolve("sites.geojson");
        Files.writeString(sites, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[5000,0]},\"properties\":{\"id\":\"S1\"}}]}");
        assertThat(GeoJson.readSites(sites, back)).hasSize(1);
    }
}
