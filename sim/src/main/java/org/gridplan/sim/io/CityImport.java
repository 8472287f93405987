package org.gridplan.sim.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.gridplan.sim.geo.ChineseOffsets;
import org.gridplan.sim.geo.DistrictProjection;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadClass;
import org.gridplan.sim.road.RoadNetwork;

/**
 * A city from the files a planner has: buildings as a CSV (as saved by Excel or exported by a GIS),
 * roads as GeoJSON lines or an OpenStreetMap XML extract, in WGS84 longitude and latitude, in the
 * GCJ-02 or BD-09 coordinates of Chinese web maps, or already in metres. Longitude and latitude are
 * projected to metres on a transverse Mercator centred on the buildings ({@link DistrictProjection}).
 * Of the roads, the largest connected network is kept (what was dropped is counted). Every problem
 * names the file and the row, feature or element.
 */
public final class CityImport {

    /** The coordinates of the input files. */
    public enum Crs {
        /** Longitude and latitude, WGS84 (GPS, OpenStreetMap, most GIS exports). */
        WGS84,
        /** Longitude and latitude, GCJ-02 (AMap/Gaode, Tencent maps). */
        GCJ02,
        /** Longitude and latitude, BD-09 (Baidu maps). */
        BD09,
        /** Metres on a projected grid, used as they are. */
        METRES;

        /** The kind named {@code key}: wgs84, gcj02, bd09 or metres. */
        public static Crs fromKey(String key) {
            for (Crs c : values()) {
                if (c.name().equalsIgnoreCase(key.trim().replace("-", ""))) {
                    return c;
                }
            }
            throw new IllegalArgumentException("'" + key + "' is not one of: wgs84, gcj02, bd09, metres");
        }
    }

    /**
     * What the import read and kept.
     *
     * @param city             the city
     * @param projection       the PROJ string of the projection, empty for metres
     * @param rows             building rows read
     * @param droppedBuildings rows dropped because their households round to none
     * @param roundedRows      rows whose fractional households were rounded
     * @param roadNodes        road nodes kept
     * @param roadSegments     road segments kept
     * @param droppedPieces    road pieces not connected to the largest network, dropped
     * @param droppedSegments  their segments
     */
    public record Result(City city, Optional<String> projection, int rows, int droppedBuildings, int roundedRows,
            int roadNodes, int roadSegments, int droppedPieces, int droppedSegments) {
    }

    /** OpenStreetMap highway values no walker or rider uses, or that are not roads yet. */
    private static final Set<String> NOT_WALKABLE = Set.of("motorway", "motorway_link", "trunk", "trunk_link",
            "construction", "proposed", "raceway", "bus_guideway", "escape", "abandoned", "platform");
    /** OpenStreetMap highway values taken as arterials. */
    private static final Set<String> ARTERIAL = Set.of("primary", "primary_link", "secondary", "secondary_link",
            "tertiary", "tertiary_link");

    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private CityImport() {
    }

    /**
     * Imports a city.
     *
     * @param name      the city's name
     * @param buildings the buildings CSV: {@code id}, {@code lon,lat} or {@code x,y}, {@code households}
     *                  (or {@code units}, 12 households each), {@code community}, optional {@code street}
     * @param roads     the roads: {@code .geojson} lines or {@code .osm} XML
     * @param crs       the coordinates of both files; null to take lon/lat columns as WGS84 and x/y as
     *                  metres
     * @throws InputException naming the file and row, feature or element of the first problem
     */
    public static Result read(String name, Path buildings, Path roads, Crs crs) {
        List<Row> rows = rows(buildings, crs);
        boolean degrees = rows.get(0).degrees();
        Crs kind = crs != null ? crs : degrees ? Crs.WGS84 : Crs.METRES;
        if (degrees && kind == Crs.METRES) {
            throw new InputException(buildings, "line 1: the columns are lon/lat but --crs is metres; give x,y "
                    + "columns or a lon/lat coordinate system");
        }
        if (!degrees && kind != Crs.METRES) {
            throw new InputException(buildings, "line 1: the columns are x/y (metres) but --crs is "
                    + kind.name().toLowerCase(Locale.ROOT) + "; name them lon,lat or give --crs metres");
        }
        DistrictProjection projection = null;
        if (kind != Crs.METRES) {
            double lon = 0;
            double lat = 0;
            for (Row r : rows) {
                double[] w = wgs84(kind, r.a(), r.b());
                lon += w[0];
                lat += w[1];
            }
            projection = new DistrictProjection(lon / rows.size(), lat / rows.size());
        }
        List<Building> out = new ArrayList<>();
        int dropped = 0;
        int rounded = 0;
        for (Row r : rows) {
            long h = Math.round(r.households());
            if (h != r.households()) {
                rounded++;
            }
            if (h < 1) {
                dropped++;
                continue;
            }
            double[] xy = position(projection, kind, r.a(), r.b());
            out.add(new Building(r.id(), xy[0], xy[1], (int) h, Math.max(1, (int) ((h + GeoJson.HOUSEHOLDS_PER_UNIT
                    - 1) / GeoJson.HOUSEHOLDS_PER_UNIT)), r.street(), r.community()));
        }
        if (out.isEmpty()) {
            throw new InputException(buildings, "no building has households (every row rounds to 0)");
        }
        String file = roads.getFileName().toString().toLowerCase(Locale.ROOT);
        Network net = file.endsWith(".osm") ? osm(roads, projection, kind) : geoJsonRoads(roads, projection, kind);
        Network kept = net.largest(roads);
        City city = new City(name, out, new RoadNetwork(kept.xs(), kept.ys(), kept.roads()), List.of());
        return new Result(city, projection == null ? Optional.empty() : Optional.of(projection.proj4()), rows.size(),
                dropped, rounded, kept.xs().length, kept.roads().size(), net.pieces() - 1,
                net.roads().size() - kept.roads().size());
    }

    private static double[] wgs84(Crs kind, double lon, double lat) {
        return switch (kind) {
            case WGS84, METRES -> new double[] {lon, lat};
            case GCJ02 -> ChineseOffsets.gcj02ToWgs84(lon, lat);
            case BD09 -> ChineseOffsets.bd09ToWgs84(lon, lat);
        };
    }

    private static double[] position(DistrictProjection p, Crs kind, double a, double b) {
        if (p == null) {
            return new double[] {a, b};
        }
        double[] w = wgs84(kind, a, b);
        return p.project(w[0], w[1]);
    }

    /** One building row: {@code a, b} are lon, lat or x, y. */
    private record Row(String id, double a, double b, boolean degrees, double households, String community,
            String street) {
    }

    private static List<Row> rows(Path file, Crs crs) {
        String text = UserText.read(file);
        if (text.isBlank()) {
            throw new InputException(file, "empty file (expected a header row id,lon,lat,households,community)");
        }
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnReordering(true);
        List<Row> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (Reader in = new StringReader(text); MappingIterator<Map<String, String>> it = CSV
                .readerForMapOf(String.class).with(schema).with(CsvParser.Feature.TRIM_SPACES)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(in)) {
            List<String> header = null;
            boolean degrees = false;
            while (it.hasNextValue()) {
                int line = it.getCurrentLocation().getLineNr();
                Map<String, String> row = it.nextValue();
                if (header == null) {
                    header = ((CsvSchema) it.getParserSchema()).getColumnNames();
                    Set<String> seen = new HashSet<>();
                    for (String c : header) {
                        if (!c.isEmpty() && !seen.add(c)) {
                            throw new InputException(file, "line 1: column '" + c + "' appears twice");
                        }
                    }
                    degrees = header.contains("lon") && header.contains("lat");
                    boolean metres = header.contains("x") && header.contains("y");
                    if (degrees == metres) {
                        throw new InputException(file, "line 1: give the position as columns lon,lat (degrees) or"
                                + " x,y (metres), one pair (columns: " + String.join(", ", header) + ")");
                    }
                    for (String required : List.of("id", "community")) {
                        if (!header.contains(required)) {
                            throw new InputException(file, "line 1: missing column '" + required + "' (columns: id,"
                                    + " lon, lat or x, y, households or units, community, street)");
                        }
                    }
                    if (!header.contains("households") && !header.contains("units")) {
                        throw new InputException(file, "line 1: missing column 'households' (or 'units', "
                                + GeoJson.HOUSEHOLDS_PER_UNIT + " households each)");
                    }
                }
                String where = "line " + line;
                String id = text(file, where, row, "id");
                if (!ids.add(id)) {
                    throw new InputException(file, where + ", column 'id': building " + id + " is listed twice");
                }
                double a = number(file, where, row, degrees ? "lon" : "x");
                double b = number(file, where, row, degrees ? "lat" : "y");
                if (degrees && (Math.abs(a) > 180 || Math.abs(b) > 90)) {
                    throw new InputException(file, where + ": " + a + ", " + b + " is not a longitude and latitude");
                }
                double households = row.get("households") != null && !row.get("households").isBlank()
                        ? number(file, where, row, "households")
                        : number(file, where, row, "units") * GeoJson.HOUSEHOLDS_PER_UNIT;
                if (households < 0) {
                    throw new InputException(file, where + ", column 'households': " + households + " is negative");
                }
                String community = text(file, where, row, "community");
                String street = row.get("street") == null || row.get("street").isBlank() ? "S1" : row.get("street");
                out.add(new Row(id, a, b, degrees, households, community, street));
            }
        } catch (JsonProcessingException e) {
            throw new InputException(file, "line " + e.getLocation().getLineNr() + ": malformed CSV: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new InputException(file, "no building rows after the header");
        }
        return out;
    }

    private static String text(Path file, String where, Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null || v.isBlank()) {
            throw new InputException(file, where + ", column '" + column + "': empty");
        }
        return v.trim();
    }

    private static double number(Path file, String where, Map<String, String> row, String column) {
        String v = text(file, where, row, column);
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InputException(file, where + ", column '" + column + "': '" + v + "' is not a number");
        }
    }

    /** Road nodes and segments as read. */
    private record Network(double[] xs, double[] ys, List<Road> roads) {

        int[] labels() {
            int n = xs.length;
            int[] uf = new int[n];
            for (int i = 0; i < n; i++) {
                uf[i] = i;
            }
            for (Road r : roads) {
                int a = find(uf, r.from());
                int b = find(uf, r.to());
                if (a != b) {
                    uf[a] = b;
                }
            }
            int[] label = new int[n];
            for (int i = 0; i < n; i++) {
                label[i] = find(uf, i);
            }
            return label;
        }

        private static int find(int[] uf, int x) {
            while (uf[x] != x) {
                uf[x] = uf[uf[x]];
                x = uf[x];
            }
            return x;
        }

        /** Connected pieces with at least one segment. */
        int pieces() {
            int[] label = labels();
            Set<Integer> withRoads = new HashSet<>();
            for (Road r : roads) {
                withRoads.add(label[r.from()]);
            }
            return withRoads.size();
        }

        /** The piece with the most road metres, renumbered. */
        Network largest(Path file) {
            if (roads.isEmpty()) {
                throw new InputException(file, "no roads: the file has no usable road lines (LineString or"
                        + " MultiLineString features, or OpenStreetMap ways with a highway tag)");
            }
            int[] label = labels();
            Map<Integer, Double> metres = new HashMap<>();
            for (Road r : roads) {
                metres.merge(label[r.from()], r.metres(), Double::sum);
            }
            int best = metres.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            int[] to = new int[xs.length];
            List<Double> nx = new ArrayList<>();
            List<Double> ny = new ArrayList<>();
            for (int i = 0; i < xs.length; i++) {
                to[i] = -1;
                if (label[i] == best) {
                    to[i] = nx.size();
                    nx.add(xs[i]);
                    ny.add(ys[i]);
                }
            }
            List<Road> kept = new ArrayList<>();
            for (Road r : roads) {
                if (label[r.from()] == best) {
                    kept.add(new Road(to[r.from()], to[r.to()], r.metres(), r.roadClass()));
                }
            }
            return new Network(nx.stream().mapToDouble(Double::doubleValue).toArray(),
                    ny.stream().mapToDouble(Double::doubleValue).toArray(), kept);
        }
    }

    /** Builds a network, one node per distinct position (to the centimetre) or id. */
    private static final class Builder {
        final Map<Object, Integer> node = new LinkedHashMap<>();
        final List<Double> xs = new ArrayList<>();
        final List<Double> ys = new ArrayList<>();
        final List<Road> roads = new ArrayList<>();

        int node(Object key, double x, double y) {
            return node.computeIfAbsent(key, k -> {
                xs.add(x);
                ys.add(y);
                return xs.size() - 1;
            });
        }

        int at(double x, double y) {
            return node(Math.round(x * 100) + "," + Math.round(y * 100), x, y);
        }

        void segment(int a, int b, RoadClass c) {
            if (a == b) {
                return;
            }
            double m = Math.hypot(xs.get(a) - xs.get(b), ys.get(a) - ys.get(b));
            roads.add(new Road(a, b, Math.max(m, 0.01), c));
        }

        Network build() {
            return new Network(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray(), roads);
        }
    }

    private static Network geoJsonRoads(Path file, DistrictProjection p, Crs kind) {
        JsonNode root;
        try {
            root = JSON.readTree(UserText.read(file));
        } catch (JsonProcessingException e) {
            throw new InputException(file, "not valid JSON: line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.path("features").isArray()) {
            throw new InputException(file, "expected a GeoJSON FeatureCollection with a features list");
        }
        Builder b = new Builder();
        JsonNode features = root.path("features");
        for (int i = 0; i < features.size(); i++) {
            JsonNode g = features.get(i).path("geometry");
            String type = g.path("type").asText("");
            JsonNode c = g.path("coordinates");
            RoadClass rc = "arterial".equalsIgnoreCase(features.get(i).path("properties").path("class").asText(""))
                    || ARTERIAL.contains(features.get(i).path("properties").path("highway").asText(""))
                    ? RoadClass.ARTERIAL : RoadClass.LOCAL;
            List<JsonNode> lines = new ArrayList<>();
            if (type.equals("LineString")) {
                lines.add(c);
            } else if (type.equals("MultiLineString")) {
                c.forEach(lines::add);
            } else {
                continue;
            }
            for (JsonNode line : lines) {
                int prev = -1;
                for (int k = 0; k < line.size(); k++) {
                    JsonNode pt = line.get(k);
                    if (!pt.isArray() || pt.size() < 2 || !pt.get(0).isNumber() || !pt.get(1).isNumber()) {
                        throw new InputException(file, "feature " + i + ", point " + k + ": expected [x, y] numbers");
                    }
                    double[] xy = position(p, kind, pt.get(0).asDouble(), pt.get(1).asDouble());
                    int n = b.at(xy[0], xy[1]);
                    if (prev >= 0) {
                        b.segment(prev, n, rc);
                    }
                    prev = n;
                }
            }
        }
        return b.build();
    }

    private static Network osm(Path file, DistrictProjection p, Crs kind) {
        if (p == null) {
            throw new InputException(file, "an OpenStreetMap file is in longitude and latitude; the buildings are in"
                    + " metres (x,y): give the buildings as lon,lat");
        }
        Map<String, double[]> nodes = new HashMap<>();
        List<List<String>> ways = new ArrayList<>();
        List<RoadClass> classes = new ArrayList<>();
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader x = f.createXMLStreamReader(in);
            List<String> way = null;
            String highway = null;
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "node" -> {
                            String id = x.getAttributeValue(null, "id");
                            try {
                                double lat = Double.parseDouble(x.getAttributeValue(null, "lat"));
                                double lon = Double.parseDouble(x.getAttributeValue(null, "lon"));
                                nodes.put(id, p.project(wgs84(kind, lon, lat)[0], wgs84(kind, lon, lat)[1]));
                            } catch (NullPointerException | NumberFormatException e) {
                                throw new InputException(file, "line " + x.getLocation().getLineNumber() + ": node "
                                        + id + " has no numeric lat and lon");
                            }
                        }
                        case "way" -> {
                            way = new ArrayList<>();
                            highway = null;
                        }
                        case "nd" -> {
                            if (way != null) {
                                way.add(x.getAttributeValue(null, "ref"));
                            }
                        }
                        case "tag" -> {
                            if (way != null && "highway".equals(x.getAttributeValue(null, "k"))) {
                                highway = x.getAttributeValue(null, "v");
                            }
                        }
                        default -> { }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("way") && way != null) {
                    if (highway != null && !NOT_WALKABLE.contains(highway)) {
                        ways.add(way);
                        classes.add(ARTERIAL.contains(highway) ? RoadClass.ARTERIAL : RoadClass.LOCAL);
                    }
                    way = null;
                }
            }
        } catch (XMLStreamException e) {
            throw new InputException(file, "not valid OpenStreetMap XML: " + e.getMessage().replace('\n', ' '));
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage());
        }
        Builder b = new Builder();
        for (int w = 0; w < ways.size(); w++) {
            int prev = -1;
            for (String ref : ways.get(w)) {
                double[] xy = nodes.get(ref);
                if (xy == null) {
                    // A way cut by the extract's boundary: its nodes outside are absent; the line breaks there.
                    prev = -1;
                    continue;
                }
                int n = b.node(ref, xy[0], xy[1]);
                if (prev >= 0) {
                    b.segment(prev, n, classes.get(w));
                }
                prev = n;
            }
        }
        return b.build();
    }
}
