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
            int roadNodes, int roadSegments, int droppedPieces, int droppedSegments, RoadReport roadReport,
            List<String> notes) {
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

    /**
     * How the roads were read.
     *
     * @param joinTolerance metres within which a dangling line end is joined to another node or
     *                      segment; 0 joins only positions within 1 cm (and ids)
     * @param nodeFields    for GeoJSON roads, the two properties that give a line's first and last
     *                      node ids ({@code FromNode,ToNode}), joining ends by id; null for none
     * @param onewayField   for GeoJSON roads, the property that says whether a line is one-way
     *                      ({@link #ONEWAY_WITH}, {@link #ONEWAY_AGAINST}, {@link #ONEWAY_BOTH}); null for none
     * @param detourFactor  for a city without roads, road distance over straight-line distance
     */
    public record RoadOptions(double joinTolerance, List<String> nodeFields, String onewayField,
            double detourFactor) {

        /** The defaults: join within 1 m, no id or one-way fields, detour factor 1.3. */
        public static RoadOptions defaults() {
            return new RoadOptions(DEFAULT_JOIN_TOLERANCE, null, null, RoadNetwork.DEFAULT_DETOUR_FACTOR);
        }
    }

    /**
     * What was done to the roads.
     *
     * @param lineEndJoins    dangling line ends joined to a node or segment within the tolerance
     * @param idJoins         line ends joined by their node ids though their positions differ
     * @param midSegment      buildings attached mid-segment (a node added at the foot of the perpendicular)
     * @param nodesAdded      nodes added for them
     * @param oneWay          one-way segments kept
     * @param madeTwoWay      one-way segments made two-way because, kept one-way, they cut the network
     *                        for a rider (a one-way street out of the extract or into a dead end)
     * @param maxAccessMetres the largest straight distance from a building to its road node
     * @param maxAccessBuilding the building that has it
     * @param detourFactor    the detour factor of a city without roads; NaN with roads
     */
    public record RoadReport(int lineEndJoins, int idJoins, int midSegment, int nodesAdded, int oneWay,
            int madeTwoWay, double maxAccessMetres, String maxAccessBuilding, double detourFactor) {
    }

    /**
     * Default tolerance for joining line ends, 1 m: an assumption, wider than the digitising slips
     * of centreline data (well under a metre at 1:1,000 to 1:2,000 survey scales) and narrower than
     * any real gap between two streets (a lane is about 3 m wide).
     */
    public static final double DEFAULT_JOIN_TOLERANCE = 1.0;

    /**
     * Line ends with one node id are joined only within this distance, 25 m (an assumption: about the
     * width of a large junction); farther apart the id is taken as reused, not one junction, and the
     * ends are left to the position rules, so that a data error cannot add a road across the district.
     */
    public static final double MAX_ID_JOIN_METRES = 25.0;

    /** Values of {@code --oneway-field} meaning one-way in the digitised direction, first vertex to last. */
    public static final Set<String> ONEWAY_WITH = Set.of("yes", "y", "true", "1", "ft", "forward", "fw");
    /** Values meaning one-way against the digitised direction, last vertex to first. */
    public static final Set<String> ONEWAY_AGAINST = Set.of("-1", "tf", "backward", "reverse", "bw", "against");
    /** Values meaning two-way; an empty or missing value is two-way too. */
    public static final Set<String> ONEWAY_BOTH = Set.of("no", "n", "false", "0", "b", "both", "none");

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
        return read(name, buildings, roads, Options.of(crs), RoadOptions.defaults());
    }

    /**
     * Imports a city with the given road options.
     *
     * @param roads the roads, or null for a city without roads (travel the straight line times the
     *              options' detour factor)
     */
    public static Result read(String name, Path buildings, Path roads, Crs crs, RoadOptions roadOptions) {
        return read(name, buildings, roads, Options.of(crs), roadOptions);
    }

    /** Imports a city, reading the buildings as {@code options} say, with the default road options. */
    public static Result read(String name, Path buildings, Path roads, Options options) {
        return read(name, buildings, roads, options, RoadOptions.defaults());
    }

    /**
     * Imports a city, reading the buildings as {@code options} say.
     *
     * @param name        the city's name
     * @param buildings   the buildings: a CSV, or a GeoJSON of points or polygons (a polygon's building
     *                    stands at a point inside it) whose properties carry the fields
     * @param roads       the roads: {@code .geojson} lines or {@code .osm} XML, or null for a city without
     *                    roads (travel the straight line times the road options' detour factor)
     * @param options     the fields to read and where communities come from
     * @param roadOptions how the roads are read
     * @throws InputException naming the file and row, feature or element of the first problem
     */
    public static Result read(String name, Path buildings, Path roads, Options options, RoadOptions roadOptions) {
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
        int mergeBelow = options.mergeBelow();
        if (options.communities() == null && none) {
            community = CommunityBoundaries.cluster(xs, ys, hs, DERIVED_COMMUNITY_HOUSEHOLDS, notes);
            mergeBelow = Math.max(mergeBelow, DERIVED_MINIMUM);
        }
        if (options.communities() != null) {
            DistrictProjection pr = projection;
            community = CommunityBoundaries.assign(options.communities(), options.communityNameField(), xs, ys,
                    pr == null ? c -> c : c -> position(pr, kind, c[0], c[1]), notes);
        }
        if (mergeBelow > 0) {
            community = CommunityBoundaries.mergeSmall(xs, ys, hs, community, mergeBelow, notes);
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
        Optional<String> proj = projection == null ? Optional.empty() : Optional.of(projection.proj4());
        if (roads == null) {
            City city;
            try {
                city = City.withoutRoads(name, out, List.of(), roadOptions.detourFactor());
            } catch (IllegalArgumentException e) {
                throw new InputException(buildings, e.getMessage());
            }
            return new Result(city, proj, rows.size(), dropped, rounded, 0, 0, 0, 0,
                    new RoadReport(0, 0, 0, 0, 0, 0, 0, null, roadOptions.detourFactor()), List.copyOf(notes));
        }
        return withRoads(name, out, roads, projection, kind, roadOptions, proj, rows.size(), dropped, rounded,
                notes);
    }

    private static Result withRoads(String name, List<Building> out, Path roads, DistrictProjection projection,
            Crs kind, RoadOptions options, Optional<String> proj, int rows, int dropped, int rounded,
            List<String> notes) {
        String file = roads.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean osm = file.endsWith(".osm") || file.endsWith(".osm.pbf") || file.endsWith(".pbf");
        if (osm && (options.nodeFields() != null || options.onewayField() != null)) {
            throw new InputException(roads, "--node-fields and --oneway-field are for GeoJSON roads; an "
                    + "OpenStreetMap file joins ways by node ids and gives direction by its oneway tags");
        }
        Network read = osm ? osm(roads, projection, kind) : geoJsonRoads(roads, projection, kind, options);
        RoadCleanup.Joined joined = RoadCleanup.join(new RoadCleanup.Net(read.xs(), read.ys(), read.roads()),
                read.ends(), options.joinTolerance());
        Network net = new Network(joined.net().xs(), joined.net().ys(), joined.net().roads(), null, read.idJoins(),
                read.idFar());
        if (read.idFar() > 0) {
            notes.add(String.format(Locale.ROOT, "%,d line ends share a node id with an end more than %.0f m away and "
                    + "were not joined by it (an id reused in the data, not one junction)", read.idFar(),
                    MAX_ID_JOIN_METRES));
        }
        Network kept = net.largest(roads);
        List<double[]> at = new ArrayList<>();
        for (Building b : out) {
            at.add(new double[] {b.x(), b.y()});
        }
        RoadCleanup.Snapped snapped = RoadCleanup.snap(new RoadCleanup.Net(kept.xs(), kept.ys(), kept.roads()), at);
        RoadCleanup.Relaxed relaxed = RoadCleanup.relaxOneWay(snapped.net());
        RoadNetwork network = new RoadNetwork(relaxed.net().xs(), relaxed.net().ys(), relaxed.net().roads());
        City city = new City(name, out, network, List.of());
        int far = 0;
        for (int i = 1; i < out.size(); i++) {
            if (city.accessMetres(i) > city.accessMetres(far)) {
                far = i;
            }
        }
        RoadReport report = new RoadReport(joined.joins(), read.idJoins(), snapped.midSegment(), snapped.nodesAdded(),
                network.oneWayCount(), relaxed.madeTwoWay(), city.accessMetres(far), out.get(far).id(), Double.NaN);
        return new Result(city, proj, rows, dropped, rounded, kept.xs().length, kept.roads().size(), net.pieces() - 1,
                net.roads().size() - kept.roads().size(), report, List.copyOf(notes));
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

    /**
     * Road nodes and segments as read.
     *
     * @param ends    which nodes end a line (the candidates for near-miss joining); null once joined
     * @param idJoins line ends joined by their node ids though their positions differ
     */
    private record Network(double[] xs, double[] ys, List<Road> roads, boolean[] ends, int idJoins, int idFar) {

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
                    kept.add(new Road(to[r.from()], to[r.to()], r.metres(), r.roadClass(), r.oneWay()));
                }
            }
            return new Network(nx.stream().mapToDouble(Double::doubleValue).toArray(),
                    ny.stream().mapToDouble(Double::doubleValue).toArray(), kept, null, idJoins, idFar);
        }
    }

    /**
     * Builds a network, one node per distinct position (to the centimetre) or id; line ends given the
     * same id are one node wherever they lie (the first one's position).
     */
    private static final class Builder {
        final Map<Object, Integer> node = new LinkedHashMap<>();
        final List<Double> xs = new ArrayList<>();
        final List<Double> ys = new ArrayList<>();
        final List<int[]> segments = new ArrayList<>();
        final List<RoadClass> classes = new ArrayList<>();
        final List<Boolean> oneWay = new ArrayList<>();
        final List<Boolean> ends = new ArrayList<>();
        final Map<String, Integer> byId = new HashMap<>();
        /** Union-find over nodes, for ends joined by id. */
        int[] parent = new int[64];
        int idJoins;
        int idFar;

        int node(Object key, double x, double y) {
            return node.computeIfAbsent(key, k -> {
                xs.add(x);
                ys.add(y);
                ends.add(false);
                if (xs.size() > parent.length) {
                    parent = java.util.Arrays.copyOf(parent, parent.length * 2);
                }
                parent[xs.size() - 1] = xs.size() - 1;
                return xs.size() - 1;
            });
        }

        int at(double x, double y) {
            return node(Math.round(x * 100) + "," + Math.round(y * 100), x, y);
        }

        /** Marks node {@code n} as a line's end, and joins it to the other ends of id {@code id} (if any). */
        void end(int n, String id) {
            ends.set(n, true);
            if (id == null) {
                return;
            }
            Integer first = byId.putIfAbsent(id, n);
            if (first != null && Math.hypot(xs.get(n) - xs.get(first),
                    ys.get(n) - ys.get(first)) > MAX_ID_JOIN_METRES) {
                idFar++;
                return;
            }
            if (first != null) {
                int a = RoadCleanup.root(parent, n);
                int b = RoadCleanup.root(parent, first);
                if (a != b) {
                    parent[a] = b;
                    idJoins++;
                }
            }
        }

        /** A segment {@code a} to {@code b}; one-way from {@code a} to {@code b} when {@code oneWay}. */
        void segment(int a, int b, RoadClass c, boolean oneWay) {
            if (a == b) {
                return;
            }
            segments.add(new int[] {a, b});
            classes.add(c);
            this.oneWay.add(oneWay);
        }

        Network build() {
            int[] uf = parent;
            double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
            double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
            boolean[] end = new boolean[x.length];
            for (int i = 0; i < x.length; i++) {
                end[RoadCleanup.root(uf, i)] |= ends.get(i);
            }
            List<Road> roads = new ArrayList<>();
            for (int k = 0; k < segments.size(); k++) {
                int a = RoadCleanup.root(uf, segments.get(k)[0]);
                int b = RoadCleanup.root(uf, segments.get(k)[1]);
                if (a == b) {
                    continue;
                }
                double m = Math.hypot(x[a] - x[b], y[a] - y[b]);
                roads.add(new Road(a, b, Math.max(m, 0.01), classes.get(k), oneWay.get(k)));
            }
            // Nodes merged into another by id are left without segments; the largest piece drops them.
            return new Network(x, y, roads, end, idJoins, idFar);
        }
    }

    private static Network geoJsonRoads(Path file, DistrictProjection p, Crs kind, RoadOptions options) {
        JsonNode root = json(file);
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
            JsonNode props = features.get(i).path("properties");
            int direction = options.onewayField() == null ? 0 : oneway(file, i, props, options.onewayField());
            String fromId = null;
            String toId = null;
            if (options.nodeFields() != null) {
                fromId = nodeId(file, i, props, options.nodeFields().get(0));
                toId = nodeId(file, i, props, options.nodeFields().get(1));
            }
            for (int part = 0; part < lines.size(); part++) {
                JsonNode line = lines.get(part);
                int prev = -1;
                for (int k = 0; k < line.size(); k++) {
                    JsonNode pt = line.get(k);
                    if (!pt.isArray() || pt.size() < 2 || !pt.get(0).isNumber() || !pt.get(1).isNumber()) {
                        throw new InputException(file, "feature " + i + ", point " + k + ": expected [x, y] numbers");
                    }
                    double[] xy = position(p, kind, pt.get(0).asDouble(), pt.get(1).asDouble());
                    int n = b.at(xy[0], xy[1]);
                    if (k == 0 || k == line.size() - 1) {
                        // The ids name the feature's first and last node: of its first and last part.
                        boolean first = k == 0 && part == 0;
                        boolean last = k == line.size() - 1 && part == lines.size() - 1;
                        b.end(n, first ? fromId : last ? toId : null);
                    }
                    if (prev >= 0) {
                        if (direction < 0) {
                            b.segment(n, prev, rc, true);
                        } else {
                            b.segment(prev, n, rc, direction > 0);
                        }
                    }
                    prev = n;
                }
            }
        }
        return b.build();
    }

    /** The direction a line's one-way field gives: 1 with the digitised direction, -1 against, 0 both ways. */
    private static int oneway(Path file, int feature, JsonNode props, String field) {
        JsonNode v = props.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return 0;
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? 1 : 0;
        }
        String key = v.isNumber() ? (v.asDouble() == Math.rint(v.asDouble()) ? Long.toString(v.asLong()) : v.asText())
                : v.isTextual() ? v.asText().trim().toLowerCase(Locale.ROOT) : null;
        if (key != null && (key.isEmpty() || ONEWAY_BOTH.contains(key))) {
            return 0;
        }
        if (key != null && ONEWAY_WITH.contains(key)) {
            return 1;
        }
        if (key != null && ONEWAY_AGAINST.contains(key)) {
            return -1;
        }
        throw new InputException(file, "feature " + feature + ", property '" + field + "': " + v
                + " is not a one-way value (one-way with the line's direction: " + String.join(", ",
                new java.util.TreeSet<>(ONEWAY_WITH)) + "; against it: " + String.join(", ",
                new java.util.TreeSet<>(ONEWAY_AGAINST)) + "; two-way: " + String.join(", ",
                new java.util.TreeSet<>(ONEWAY_BOTH)) + " or empty)");
    }

    /**
     * A line's node id from property {@code field} (a string or whole number); null when the feature has
     * none (real centreline files leave a few blank), and that end is joined by position only.
     */
    private static String nodeId(Path file, int feature, JsonNode props, String field) {
        JsonNode v = props.path(field);
        if (v.isMissingNode() || v.isNull() || v.isTextual() && v.asText().isBlank()) {
            return null;
        }
        if (v.isTextual() && !v.asText().isBlank()) {
            return v.asText().trim();
        }
        if (v.isIntegralNumber() || v.isNumber() && v.asDouble() == Math.rint(v.asDouble())) {
            return Long.toString(v.asLong());
        }
        throw new InputException(file, "feature " + feature + ", property '" + field + "' (--node-fields): "
                + v + " is not a node id (a string or whole number)");
    }

    private static Network osm(Path file, DistrictProjection p, Crs kind) {
        if (p == null) {
            throw new InputException(file, "an OpenStreetMap file is in longitude and latitude; the buildings are in"
                    + " metres (x,y): give the buildings as lon,lat");
        }
        Map<String, double[]> nodes = new HashMap<>();
        List<List<String>> ways = new ArrayList<>();
        List<RoadClass> classes = new ArrayList<>();
        List<Integer> directions = new ArrayList<>();
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pbf")) {
            OsmPbf.Data d = OsmPbf.read(file);
            d.lonLat().forEach((id, ll) -> {
                double[] w = wgs84(kind, ll[0], ll[1]);
                nodes.put(id, p.project(w[0], w[1]));
            });
            for (OsmPbf.Way w : d.ways()) {
                if (!NOT_WALKABLE.contains(w.highway())) {
                    ways.add(w.refs());
                    classes.add(ARTERIAL.contains(w.highway()) ? RoadClass.ARTERIAL : RoadClass.LOCAL);
                    directions.add(osmDirection(w.oneway(), "roundabout".equals(w.junction())));
                }
            }
            return osmNetwork(nodes, ways, classes, directions);
        }
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader x = f.createXMLStreamReader(in);
            List<String> way = null;
            String highway = null;
            String oneway = null;
            boolean roundabout = false;
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
                            oneway = null;
                            roundabout = false;
                        }
                        case "nd" -> {
                            if (way != null) {
                                way.add(x.getAttributeValue(null, "ref"));
                            }
                        }
                        case "tag" -> {
                            String k = x.getAttributeValue(null, "k");
                            if (way != null && "highway".equals(k)) {
                                highway = x.getAttributeValue(null, "v");
                            } else if (way != null && "oneway".equals(k)) {
                                oneway = x.getAttributeValue(null, "v");
                            } else if (way != null && "junction".equals(k)) {
                                roundabout = "roundabout".equals(x.getAttributeValue(null, "v"));
                            }
                        }
                        default -> { }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("way") && way != null) {
                    if (highway != null && !NOT_WALKABLE.contains(highway)) {
                        ways.add(way);
                        classes.add(ARTERIAL.contains(highway) ? RoadClass.ARTERIAL : RoadClass.LOCAL);
                        directions.add(osmDirection(oneway, roundabout));
                    }
                    way = null;
                }
            }
        } catch (XMLStreamException e) {
            throw new InputException(file, "not valid OpenStreetMap XML: " + e.getMessage().replace('\n', ' '));
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage());
        }
        return osmNetwork(nodes, ways, classes, directions);
    }

    /** The network of OpenStreetMap ways: joined by node id, broken where the extract cut a way. */
    private static Network osmNetwork(Map<String, double[]> nodes, List<List<String>> ways, List<RoadClass> classes,
            List<Integer> directions) {
        Builder b = new Builder();
        for (int w = 0; w < ways.size(); w++) {
            int prev = -1;
            int direction = directions.get(w);
            for (String ref : ways.get(w)) {
                double[] xy = nodes.get(ref);
                if (xy == null) {
                    // A way cut by the extract's boundary: its nodes outside are absent; the line breaks there.
                    if (prev >= 0) {
                        b.end(prev, null);
                    }
                    prev = -1;
                    continue;
                }
                int n = b.node(ref, xy[0], xy[1]);
                if (prev >= 0) {
                    if (direction < 0) {
                        b.segment(n, prev, classes.get(w), true);
                    } else {
                        b.segment(prev, n, classes.get(w), direction > 0);
                    }
                } else {
                    b.end(n, null);
                }
                prev = n;
            }
            if (prev >= 0) {
                b.end(prev, null);
            }
        }
        return b.build();
    }

    /**
     * The direction of an OpenStreetMap way: {@code oneway=yes|true|1} with the way's node order,
     * {@code -1} against it, else both ways; a roundabout is one-way unless tagged otherwise.
     */
    private static int osmDirection(String oneway, boolean roundabout) {
        if (oneway == null) {
            return roundabout ? 1 : 0;
        }
        return switch (oneway.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1" -> 1;
            case "-1" -> -1;
            default -> 0;
        };
    }
}
