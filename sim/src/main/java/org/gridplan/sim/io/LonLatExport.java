package org.gridplan.sim.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.gridplan.sim.geo.DistrictProjection;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadNetwork;

/**
 * A city, or a layout of it, written back in WGS84 longitude and latitude as plain RFC 7946 GeoJSON
 * (what QGIS, web maps and geojson.io open): buildings as points with the properties of a city file
 * (households, units, community, street, and grid), roads as lines. Coordinates have 7 decimals (about a centimetre).
 */
public final class LonLatExport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LonLatExport() {
    }

    /**
     * Writes {@code city} (with each building's grid when {@code layout} is given) to {@code file}.
     *
     * @param projection the projection the city's metres are on
     */
    public static void write(City city, GridLayout layout, DistrictProjection projection, Path file) {
        AtomicFiles.write(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write("{\"type\":\"FeatureCollection\",\"features\":[");
            boolean first = true;
            for (Building b : city.buildings()) {
                ObjectNode props = GeoJson.buildingProperties(b, layout);
                ObjectNode g = MAPPER.createObjectNode();
                g.put("type", "Point");
                add(g.putArray("coordinates"), projection.unproject(b.x(), b.y()));
                first = GeoJson.feature(w, first, g, props);
            }
            RoadNetwork roads = city.roads();
            for (Road r : roads.roads()) {
                ObjectNode props = MAPPER.createObjectNode();
                props.put("kind", "road");
                props.put("class", r.roadClass().key());
                ObjectNode g = MAPPER.createObjectNode();
                g.put("type", "LineString");
                ArrayNode c = g.putArray("coordinates");
                add(c.addArray(), projection.unproject(roads.x(r.from()), roads.y(r.from())));
                add(c.addArray(), projection.unproject(roads.x(r.to()), roads.y(r.to())));
                first = GeoJson.feature(w, first, g, props);
            }
            w.write("\n]}\n");
            w.flush();
        });
    }

    private static void add(ArrayNode a, double[] lonLat) {
        a.add(Math.round(lonLat[0] * 1e7) / 1e7).add(Math.round(lonLat[1] * 1e7) / 1e7);
    }
}
