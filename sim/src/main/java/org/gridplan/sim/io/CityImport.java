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
import java.util.Arrays;
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
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

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
            int roadNodes, int roadSegments, int droppedPieces, int droppedSegments, List<String> notes) {
    }

    /**
     * How to read the buildings, and where their communities come from.
     *
     * @param crs                 the coordinates of the files; null to take lon/lat columns (and every GeoJSON)
     *                            as WGS84 and x/y as metres
     * @param idField             the column or property naming a building
     * @param householdsField     the column or property of its households (fractions are rounded, halves up)
     * @param personsField        a column or property of residents to estimate households from, or null
     * @param personsPerHousehold residents per household when households are estimated from residents
     * @param communityField      the column or property naming its community (社区), or null when a boundary
     *                            layer gives them
     * @param streetField         the column or property naming its street (街道, the sub-district), optional
     * @param communities         a GeoJSON of community boundaries (Polygon or MultiPolygon), or null
     * @param communityNameField  the boundary layer's property naming a community
     * @param mergeBelow          communities with fewer households than this are merged into their nearest
     *                            neighbour; 0 to merge none
     * @param splitAbove          a polygon (a block, a parcel of several buildings) with more households than
     *                            this becomes that many buildings or fewer, spread over it; 0 to keep one
     */
    public record Options(Crs crs, String idField, String householdsField, String personsField,
            double personsPerHousehold, String communityField, String streetField, Path communities,
            String communityNameField, int mergeBelow, int splitAbove) {

        /** The columns of the documented CSV, no boundary layer, no merging, no splitting. */
        public static Options of(Crs crs) {
            return new Options(crs, "id", "households", null, 0, "community", "street", null, "name", 0, 0);
        }
    }

    /** The column or property naming a community unless told otherwise; when absent, communities are derived. */
    public static final String DEFAULT_COMMUNITY_FIELD = "community";

    /**
     * Households of a derived community: 6,400, as {@code CityGenerator}'s default (Meilan district: 49
     * communities and 784 grids of about 400 households).
     */
    public static final int DERIVED_COMMUNITY_HOUSEHOLDS = 6_400;

    /** A derived community smaller than this (the smallest urban grid) is merged into its neighbour. */
    static final int DERIVED_MINIMUM = 300;

    /** A building this far from every community boundary, or nearer, joins the nearest community. */
    public static final double BOUNDARY_TOLERANCE_METRES = 250;

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
        return read(name, buildings, roads, Options.of(crs));
    }

    /**
     * Imports a city, reading the buildings as {@code options} say.
     *
     * @param name      the city's name
     * @param buildings the buildings: a CSV, or a GeoJSON of points or polygons (a polygon's building stands
     *                  at a point inside it) whose properties carry the fields
     * @param roads     the roads: {@code .geojson} lines or {@code .osm} XML
     * @param options   the fields to read and where communities come from
     * @throws InputException naming the file and row, feature or element of the first problem
     */
    public static Result read(String name, Path buildings, Path roads, Options options) {
        Crs crs = options.crs();
        List<String> notes = new ArrayList<>();
        List<Row> rows = isGeoJson(buildings) ? geoJsonRows(buildings, options) : rows(buildings, options);
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
        List<Row> placed = new ArrayList<>();
        List<double[]> at = new ArrayList<>();
        int dropped = 0;
        int rounded = 0;
        double read = 0;
        long whole = 0;
        int split = 0;
        int parts = 0;
        for (Row r : rows) {
            read += r.households();
            long h = Math.round(r.households());
            if (h != r.households()) {
                rounded++;
            }
            if (h < 1) {
                dropped++;
                continue;
            }
            whole += h;
            if (options.splitAbove() > 0 && r.area() != null && h > options.splitAbove()) {
                int k = (int) ((h + options.splitAbove() - 1) / options.splitAbove());
                DistrictProjection pr = projection;
                List<double[]> spots = PolygonSpread.spread(r.area(), k, r.degrees(),
                        c -> position(pr, kind, c[0], c[1]));
                for (int j = 0; j < spots.size(); j++) {
                    long share = h / spots.size() + (j < h % spots.size() ? 1 : 0);
                    placed.add(new Row(r.id() + "-" + (j + 1), r.a(), r.b(), r.degrees(), share, r.community(),
                            r.street(), null));
                    at.add(spots.get(j));
                }
                split++;
                parts += spots.size();
                continue;
            }
            placed.add(r);
            at.add(position(projection, kind, r.a(), r.b()));
        }
        if (split > 0) {
            notes.add(String.format(Locale.ROOT, "%,d polygons with more than %d households split into %,d "
                    + "buildings spread over each (ids <id>-1, <id>-2, ...)", split, options.splitAbove(), parts));
        }
        if (placed.isEmpty()) {
            throw new InputException(buildings, "no building has households (every row rounds to 0)");
        }
        if (rounded > 0) {
            notes.add(String.format(Locale.ROOT, "households rounded to whole numbers (halves up) in %,d rows: "
                    + "%,.1f read, %,d kept", rounded, read, whole));
        }
        if (options.personsField() != null) {
            notes.add(String.format(Locale.ROOT, "households estimated as residents (%s) / %s per household",
                    options.personsField(), trim(options.personsPerHousehold())));
        }
        int n = placed.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        long[] hs = new long[n];
        String[] community = new String[n];
        for (int i = 0; i < n; i++) {
            xs[i] = at.get(i)[0];
            ys[i] = at.get(i)[1];
            hs[i] = Math.round(placed.get(i).households());
            community[i] = placed.get(i).community();
        }
        boolean none = Arrays.stream(community).allMatch(c -> c == null);
        if (options.communities() == null && !none) {
            community = CommunityBoundaries.fillBlanks(xs, ys, community, notes);
        }
        if (options.communities() == null && none) {
            community = CommunityBoundaries.cluster(xs, ys, hs, DERIVED_COMMUNITY_HOUSEHOLDS, notes);
            community = CommunityBoundaries.mergeSmall(xs, ys, hs, community, Math.max(options.mergeBelow(),
                    DERIVED_MINIMUM), notes);
        }
        if (options.communities() != null) {
            DistrictProjection pr = projection;
            community = CommunityBoundaries.assign(options.communities(), options.communityNameField(), xs, ys,
                    pr == null ? c -> c : c -> position(pr, kind, c[0], c[1]), notes);
        }
        if (options.mergeBelow() > 0) {
            community = CommunityBoundaries.mergeSmall(xs, ys, hs, community, options.mergeBelow(), notes);
        }
        List<Building> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (community[i] == null) {
                continue;
            }
            Row r = placed.get(i);
            long h = hs[i];
            out.add(new Building(r.id(), xs[i], ys[i], (int) h, Math.max(1, (int) ((h + GeoJson.HOUSEHOLDS_PER_UNIT
                    - 1) / GeoJson.HOUSEHOLDS_PER_UNIT)), r.street(), community[i]));
        }
        if (out.isEmpty()) {
            throw new InputException(options.communities(), "no building lies within a community boundary");
        }
        String file = roads.getFileName().toString().toLowerCase(Locale.ROOT);
        Network net = file.endsWith(".osm") ? osm(roads, projection, kind) : geoJsonRoads(roads, projection, kind);
        Network kept = net.largest(roads);
        City city = new City(name, out, new RoadNetwork(kept.xs(), kept.ys(), kept.roads()), List.of());
        return new Result(city, projection == null ? Optional.empty() : Optional.of(projection.proj4()), rows.size(),
                dropped, rounded, kept.xs().length, kept.roads().size(), net.pieces() - 1,
                net.roads().size() - kept.roads().size(), List.copyOf(notes));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static boolean isGeoJson(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".geojson") || n.endsWith(".json");
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
            String street, Geometry area) {
    }

    private static List<Row> rows(Path file, Options o) {
        String text = UserText.read(file);
        if (text.isBlank()) {
            throw new InputException(file, "empty file (expected a header row id,lon,lat,households,community)");
        }
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnReordering(true);
        List<Row> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String amount = o.personsField() != null ? o.personsField() : o.householdsField();
        try (Reader in = new StringReader(text); MappingIterator<Map<String, String>> it = CSV
                .readerForMapOf(String.class).with(schema).with(CsvParser.Feature.TRIM_SPACES)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(in)) {
            List<String> header = null;
            boolean degrees = false;
            boolean derive = false;
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
                    if (!header.contains(o.idField())) {
                        throw new InputException(file, "line 1: missing column '" + o.idField() + "' (columns: "
                                + String.join(", ", header) + ")");
                    }
                    if (o.communityField() != null && !header.contains(o.communityField())) {
                        if (!DEFAULT_COMMUNITY_FIELD.equals(o.communityField())) {
                            throw new InputException(file, "line 1: missing column '" + o.communityField() + "' (or"
                                    + " give a boundary layer of communities with --communities)");
                        }
                        derive = true;
                    }
                    if (o.personsField() != null && !header.contains(o.personsField())) {
                        throw new InputException(file, "line 1: missing column '" + o.personsField() + "' of "
                                + "residents (columns: " + String.join(", ", header) + ")");
                    }
                    if (o.personsField() == null && !header.contains(o.householdsField())
                            && !header.contains("units")) {
                        throw new InputException(file, "line 1: missing column '" + o.householdsField() + "' (or "
                                + "'units', " + GeoJson.HOUSEHOLDS_PER_UNIT + " households each)");
                    }
                }
                String where = "line " + line;
                String id = text(file, where, row, o.idField());
                if (!ids.add(id)) {
                    throw new InputException(file, where + ", column '" + o.idField() + "': building " + id
                            + " is listed twice");
                }
                double a = number(file, where, row, degrees ? "lon" : "x");
                double b = number(file, where, row, degrees ? "lat" : "y");
                if (degrees && (Math.abs(a) > 180 || Math.abs(b) > 90)) {
                    throw new InputException(file, where + ": " + a + ", " + b + " is not a longitude and latitude");
                }
                double households;
                if (o.personsField() != null) {
                    households = number(file, where, row, amount) / o.personsPerHousehold();
                } else if (row.get(amount) != null && !row.get(amount).isBlank()) {
                    households = number(file, where, row, amount);
                } else {
                    households = number(file, where, row, "units") * GeoJson.HOUSEHOLDS_PER_UNIT;
                }
                if (households < 0) {
                    throw new InputException(file, where + ", column '" + amount + "': " + households
                            + " is negative");
                }
                String cell = o.communityField() == null || derive ? null : row.get(o.communityField());
                String community = cell == null || cell.isBlank() ? null : cell.trim();
                String street = o.streetField() == null ? null : row.get(o.streetField());
                out.add(new Row(id, a, b, degrees, households, community, street == null || street.isBlank()
                        ? "S1" : street.trim(), null));
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

    /**
     * Buildings from a GeoJSON of points or polygons (a GIS export of buildings, parcels, 小区 or census
     * blocks): a polygon's building stands at a point inside it (JTS's interior point, inside even for an
     * L-shaped block), with its fields among the feature's properties.
     */
    private static List<Row> geoJsonRows(Path file, Options o) {
        JsonNode root = json(file);
        boolean degrees = o.crs() != Crs.METRES;
        String amount = o.personsField() != null ? o.personsField() : o.householdsField();
        List<Row> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        boolean derive = false;
        JsonNode features = root.path("features");
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            JsonNode props = f.path("properties");
            String where = "feature " + i;
            Geometry g = GeoJsonGeometry.read(file, where, f.path("geometry"), null);
            if (g == null) {
                continue;
            }
            Point at = g instanceof Point p ? p : g.getInteriorPoint();
            String id = property(file, where, props, o.idField());
            if (!ids.add(id)) {
                throw new InputException(file, where + ", property '" + o.idField() + "': building " + id
                        + " is listed twice");
            }
            double a = at.getX();
            double b = at.getY();
            if (degrees && (Math.abs(a) > 180 || Math.abs(b) > 90)) {
                throw new InputException(file, where + ": " + a + ", " + b + " is not a longitude and latitude "
                        + "(GeoJSON is WGS84 lon/lat; give --crs metres for a file in metres)");
            }
            double value = numberProperty(file, where, props, amount);
            double households = o.personsField() != null ? value / o.personsPerHousehold() : value;
            if (households < 0) {
                throw new InputException(file, where + ", property '" + amount + "': " + value + " is negative");
            }
            if (i == 0 || out.isEmpty()) {
                derive = DEFAULT_COMMUNITY_FIELD.equals(o.communityField()) && !props.has(o.communityField());
            }
            JsonNode named = o.communityField() == null || derive ? null : props.path(o.communityField());
            String community = named == null || !named.isValueNode() || named.isNull() || named.asText().isBlank()
                    ? null : named.asText().trim();
            String street = o.streetField() == null ? "" : props.path(o.streetField()).asText("").trim();
            out.add(new Row(id, a, b, degrees, households, community, street.isEmpty() ? "S1" : street,
                    g instanceof Point ? null : g));
        }
        if (out.isEmpty()) {
            throw new InputException(file, "no building features (Point, Polygon or MultiPolygon geometries)");
        }
        return out;
    }

    static JsonNode json(Path file) {
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
        return root;
    }

    static String property(Path file, String where, JsonNode props, String name) {
        JsonNode v = props.path(name);
        String text = v.isValueNode() && !v.isNull() ? v.asText().trim() : "";
        if (text.isEmpty()) {
            throw new InputException(file, where + ", property '" + name + "': " + (v.isMissingNode() ? "missing"
                    : "empty") + propertyNames(props));
        }
        // A GIS writes whole-number ids as 1234.0.
        return v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) ? Long.toString(v.asLong()) : text;
    }

    private static double numberProperty(Path file, String where, JsonNode props, String name) {
        JsonNode v = props.path(name);
        if (v.isNull()) {
            return 0;
        }
        if (v.isMissingNode()) {
            throw new InputException(file, where + ", property '" + name + "': missing" + propertyNames(props));
        }
        try {
            double d = v.isNumber() ? v.asDouble() : Double.parseDouble(v.asText().trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InputException(file, where + ", property '" + name + "': '" + v.asText() + "' is not a number");
        }
    }

    private static String propertyNames(JsonNode props) {
        List<String> names = new ArrayList<>();
        props.fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? " (the feature has no properties)" : " (properties: " + String.join(", ",
                names.subList(0, Math.min(12, names.size()))) + (names.size() > 12 ? ", ..." : "") + ")";
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
