package org.gridplan.sim.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.Site;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadClass;
import org.gridplan.sim.road.RoadNetwork;

/**
 * Reads and writes cities and grid layouts as GeoJSON FeatureCollections, so a planner can bring
 * buildings, roads and sites from a GIS and take layouts back to it.
 *
 * <h2>Features</h2>
 * <ul>
 *   <li><b>Buildings</b>: {@code Point} features with properties {@code id} (string or integer),
 *       {@code households} (whole number ≥ 1), {@code street}, {@code community} (strings), and
 *       optionally {@code units} (whole number ≥ 1; default one unit per 12 households, a
 *       six-storey stairwell with two flats a floor) and {@code grid} (string).</li>
 *   <li><b>Sites</b> (candidate branch locations): {@code Point} features with
 *       {@code "kind": "site"} and an {@code id}.</li>
 *   <li><b>Roads</b>: {@code LineString} or {@code MultiLineString} features, optional
 *       {@code class} ({@code local} by default, or {@code arterial}) and optional
 *       {@code metres} (the line's length along the road; by default the length of its
 *       polyline), optional {@code oneway: true} (one-way from the first position to the last,
 *       kept to by the e-bike). Every vertex becomes a road node; vertices closer than 1 cm are
 *       the same node, so lines meeting at a junction are joined. A file without road lines is a
 *       city without roads: travel the straight line times {@code gridplan.detourFactor}
 *       (default {@link RoadNetwork#DEFAULT_DETOUR_FACTOR}).</li>
 * </ul>
 * A {@code kind} property ({@code building}, {@code site}, {@code road}) may be given on every
 * feature; without it, Points are buildings and lines are roads. Other properties are ignored,
 * so GIS exports can be read as they are.
 *
 * <p>Coordinates must be projected, in metres (e.g. a UTM or CGCS2000 Gauss–Krüger zone):
 * distances and travel times are computed on the plane. Files that look like longitude and
 * latitude are refused.
 *
 * <p>A city file must describe one district, and is refused, with one message naming the file and
 * the feature, when it does not: positions are plane {@code [x, y]} (a third coordinate is refused),
 * finite and of magnitude below {@value #MAX_COORDINATE} m; the district spans at most 200 km
 * ({@link #MAX_EXTENT_METRES}) each way; buildings have distinct positions (only the parts
 * {@code B/1}, {@code B/2}, ... of a split building share one); the roads are one connected
 * network, also keeping to its one-way streets; every building and site is within 1 km
 * ({@link #MAX_ROAD_DISTANCE_METRES}) of a road line (a city without roads has none); sites and
 * buildings are Points; and no JSON object repeats a key.
 *
 * <p>The top-level member {@code "gridplan"} carries the file's kind ({@code city} or
 * {@code layout}), its name and, for layouts, each grid's community and the city the layout divides:
 * its name ({@code city}), number of buildings ({@code cityBuildings}) and the hash of its buildings
 * ({@code cityHash}, {@link #buildingsHash}). Files are written one
 * feature per line in model order, so the same city gives byte-identical files, and atomically
 * ({@link AtomicFiles}).
 */
public final class GeoJson {

    /** Units per household assumed when a building gives none: one unit per 12 households. */
    public static final int HOUSEHOLDS_PER_UNIT = 12;

    /**
     * Largest magnitude of a coordinate, in metres: projected coordinates of any zone (UTM,
     * Gauss–Krüger with its zone prefix) are below it, so a larger one is a unit or projection error.
     */
    public static final double MAX_COORDINATE = 1e8;

    /** Most a district may span east–west or north–south, in metres (200 km). */
    public static final double MAX_EXTENT_METRES = 200_000;

    /** Farthest a building or site may be from the nearest road line, in metres (1 km). */
    public static final double MAX_ROAD_DISTANCE_METRES = 1_000;

    /**
     * Largest detour factor of a city without roads: road distance three times the straight line
     * is beyond any street network's circuity, so a larger value is a mistake.
     */
    public static final double MAX_DETOUR_FACTOR = 3;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // Content after the FeatureCollection (two files run together) is refused, not ignored.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private GeoJson() {
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads a city: buildings, roads and sites.
     *
     * @throws InputException naming the file and the feature or field when the file is missing,
     *                        is not GeoJSON, or holds a value gridplan cannot use
     */
    public static City readCity(Path file) {
        Parsed p = parse(file);
        if (p.buildings.isEmpty()) {
            throw new InputException(file, "no buildings (Point features with households)");
        }
        if (p.roadLines.isEmpty() && "layout".equals(p.kind)) {
            throw new InputException(file, "a layout file, not a city: a city has the roads and sites too (give "
                    + "the city file the layout was drawn on)");
        }
        if (p.roadLines.isEmpty()) {
            // A district without roads: travel is the straight line times a detour factor.
            try {
                return City.withoutRoads(p.name == null ? stem(file) : p.name, p.buildings, p.sites,
                        p.detourFactor == null ? RoadNetwork.DEFAULT_DETOUR_FACTOR : p.detourFactor);
            } catch (IllegalArgumentException e) {
                throw new InputException(file, e.getMessage());
            }
        }
        if (p.detourFactor != null) {
            throw new InputException(file, "gridplan.detourFactor is for a city without roads, but the file has "
                    + p.roadLines.size() + " road lines; remove the member or the roads");
        }
        RoadNetwork network = p.network(file);
        CityChecks.connected(file, network, p.nodeWhere);
        CityChecks.oneWayConnected(file, network, p.nodeWhere);
        CityChecks.RoadIndex roadIndex = new CityChecks.RoadIndex(network);
        roadIndex.requireNear(file, p.buildingAt, "building");
        roadIndex.requireNear(file, p.siteAt, "site");
        try {
            return new City(p.name == null ? stem(file) : p.name, p.buildings, network, p.sites);
        } catch (IllegalArgumentException e) {
            throw new InputException(file, e.getMessage());
        }
    }

    /**
     * Reads a grid layout: every building feature's {@code grid} property. A grid's community
     * comes from the {@code gridplan.grids} member when the file has one, else from its first
     * building. When {@code city} is given, every building named must be one of the city's, with the
     * city's households and position (to the centimetre); and a layout that records the city it was
     * drawn on ({@code gridplan.cityHash}, written by {@link #writeLayout}) but leaves buildings of
     * {@code city} out is refused as drawn on another city. Every message about such a mismatch
     * names the city the layout records. Layouts without the record (older files, GIS exports) are
     * read as before, their buildings compared with the city one by one.
     *
     * @throws InputException naming the file and feature when a building has no grid, names a
     *                        building the city lacks or gives it other households or another
     *                        position, or the file is not a layout
     */
    public static GridLayout readLayout(Path file, City city) {
        Parsed p = parse(file);
        if (p.buildings.isEmpty()) {
            throw new InputException(file, "no buildings (Point features with households and grid)");
        }
        Map<String, String> gridOf = new LinkedHashMap<>();
        Map<String, String> communityOf = new TreeMap<>();
        // A layout that records another city than the one given says so in every message about a mismatch.
        String other = null;
        if (city != null && p.cityHash != null && !p.cityHash.equals(buildingsHash(city))) {
            other = "the layout was drawn on another city: " + (p.cityName == null ? "unnamed" : p.cityName) + " ("
                    + (p.cityBuildings == null ? "" : p.cityBuildings + " buildings, ") + "buildings hash "
                    + abbreviated(p.cityHash) + "), not " + city.name() + " (" + city.buildings().size()
                    + " buildings, buildings hash " + abbreviated(buildingsHash(city)) + ")";
        }
        for (int k = 0; k < p.buildings.size(); k++) {
            Building b = p.buildings.get(k);
            String grid = p.gridOf.get(b.id());
            String where = "feature " + p.buildingFeature.get(k) + " (building " + b.id() + ")";
            if (grid == null) {
                throw new InputException(file, where + ": missing property 'grid'");
            }
            if (city != null) {
                Optional<Integer> at = city.indexOf(b.id());
                if (at.isEmpty()) {
                    throw mismatch(file, other, where + ": building is not in city " + city.name());
                }
                Building c = city.buildings().get(at.get());
                if (c.households() != b.households()) {
                    throw mismatch(file, other, where + ": " + b.households() + " households, but city "
                            + city.name() + " gives the building " + c.households());
                }
                if (Math.abs(c.x() - b.x()) > 0.01 || Math.abs(c.y() - b.y()) > 0.01) {
                    throw mismatch(file, other, String.format(Locale.ROOT, "%s: at (%s, %s), but city %s has the "
                            + "building at (%s, %s), %.2f m away", where, plain(b.x()), plain(b.y()), city.name(),
                            plain(c.x()), plain(c.y()), Math.hypot(c.x() - b.x(), c.y() - b.y())));
                }
            }
            gridOf.put(b.id(), grid);
            communityOf.putIfAbsent(grid, b.community());
        }
        if (other != null && gridOf.size() < city.buildings().size()) {
            String missing = city.buildings().stream().map(Building::id).filter(id -> !gridOf.containsKey(id))
                    .findFirst().orElseThrow();
            throw mismatch(file, other, (city.buildings().size() - gridOf.size()) + " buildings of city "
                    + city.name() + " are in no grid (e.g. " + missing + ")");
        }
        communityOf.putAll(p.gridCommunities);
        return new GridLayout(p.name == null ? stem(file) : p.name, gridOf, communityOf);
    }

    /**
     * Reads candidate branch sites for {@code city} from a file of its own ({@code optimize
     * --sites}): every feature with {@code "kind": "site"} or no kind, which must be a {@code Point}
     * with an {@code id}; features of another kind (the buildings and roads of a city file) are
     * skipped. Positions are checked as a city's are, and every site must be within
     * {@link #MAX_ROAD_DISTANCE_METRES} of one of the city's roads.
     *
     * @throws InputException naming the file and the feature: not a FeatureCollection, a site that
     *                        is not a Point, a bad or repeated id or position, a site far from the roads
     */
    public static List<Site> readSites(Path file, City city) {
        JsonNode root = tree(file);
        if (!root.isObject() || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new InputException(file,
                    "not a GeoJSON FeatureCollection (top-level \"type\" must be \"FeatureCollection\")");
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) {
            throw new InputException(file, "member \"features\" must be an array");
        }
        List<Site> sites = new ArrayList<>();
        List<CityChecks.Located> at = new ArrayList<>();
        Map<String, Integer> featureOf = new HashMap<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            String where = "feature " + i;
            if (!f.isObject() || !"Feature".equals(f.path("type").asText())) {
                throw new InputException(file, where + ": not a GeoJSON Feature (\"type\" must be \"Feature\")");
            }
            JsonNode props = f.path("properties");
            String kind = props.hasNonNull("kind") ? text(file, where + " property 'kind'", props.get("kind")) : null;
            if (kind != null && !"site".equals(kind)) {
                continue;
            }
            if (props.hasNonNull("id")) {
                where += " (site " + props.get("id").asText() + ")";
            }
            String gtype = f.path("geometry").path("type").asText();
            if (!"Point".equals(gtype)) {
                throw new InputException(file, where + ": a site must be a Point, got "
                        + (gtype.isEmpty() ? "no geometry" : "geometry type '" + gtype + "'"));
            }
            String id = id(file, where, props);
            double[] xy = position(file, where, f.path("geometry").path("coordinates"));
            Integer prev = featureOf.putIfAbsent(id, i);
            if (prev != null) {
                throw new InputException(file, where + ": site id " + id + " already used by feature " + prev);
            }
            sites.add(new Site(id, xy[0], xy[1]));
            at.add(new CityChecks.Located(xy[0], xy[1], where));
        }
        if (!city.roads().isStraightLine()) {
            new CityChecks.RoadIndex(city.roads()).requireNear(file, at, "site");
        }
        return sites;
    }

    /**
     * A content hash of a city's buildings, as {@code sha256:} and 64 hex digits: of every
     * building's id, position, households, units, street and community, in id order (so a city
     * whose file lists its buildings in another order has the same hash). A layout records the hash
     * of the city it divides ({@code gridplan.cityHash}).
     */
    public static String buildingsHash(City city) {
        List<Building> sorted = new ArrayList<>(city.buildings());
        sorted.sort(java.util.Comparator.comparing(Building::id));
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
        StringBuilder line = new StringBuilder();
        for (Building b : sorted) {
            line.setLength(0);
            line.append(b.id()).append('\t').append(b.x()).append('\t').append(b.y()).append('\t')
                    .append(b.households()).append('\t').append(b.units()).append('\t').append(b.street())
                    .append('\t').append(b.community()).append('\n');
            sha.update(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    /**
     * A layout building that does not match the city: led by the city the layout records when that
     * is another one ({@code other}), else followed by the question whether it is.
     */
    private static InputException mismatch(Path file, String other, String detail) {
        return other != null ? new InputException(file, other + "; e.g. " + detail)
                : new InputException(file, detail + "; was the layout drawn on another city? ('gridplan layout "
                        + "generate' records the city it divides)");
    }

    private static String abbreviated(String hash) {
        return hash.length() > 19 ? hash.substring(0, 19) : hash;
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.indexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static JsonNode tree(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root = MAPPER.readTree(in);
            if (root == null || root.isMissingNode()) {
                throw new InputException(file, "empty file, expected a GeoJSON FeatureCollection");
            }
            return root;
        } catch (NoSuchFileException e) {
            throw new InputException(file, "file not found (" + file + ")");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InputException(file, "malformed JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static Parsed parse(Path file) {
        JsonNode root = tree(file);
        if (!root.isObject() || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new InputException(file,
                    "not a GeoJSON FeatureCollection (top-level \"type\" must be \"FeatureCollection\")");
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) {
            throw new InputException(file, "member \"features\" must be an array");
        }
        Parsed p = new Parsed();
        JsonNode meta = root.path("gridplan");
        // Present but of another type, the member would be ignored and the file read without it.
        if (!meta.isMissingNode() && !meta.isObject()) {
            throw new InputException(file, "member \"gridplan\" must be an object, got " + describe(meta));
        }
        if (meta.isObject()) {
            if (meta.hasNonNull("name")) {
                p.name = text(file, "gridplan.name", meta.get("name"));
            }
            if (meta.hasNonNull("city")) {
                p.cityName = text(file, "gridplan.city", meta.get("city"));
            }
            if (meta.hasNonNull("cityBuildings")) {
                p.cityBuildings = text(file, "gridplan.cityBuildings", meta.get("cityBuildings"));
            }
            if (meta.hasNonNull("kind")) {
                p.kind = text(file, "gridplan.kind", meta.get("kind"));
            }
            if (meta.hasNonNull("detourFactor")) {
                JsonNode f = meta.get("detourFactor");
                if (!f.isNumber() || !(f.asDouble() >= 1) || !(f.asDouble() <= MAX_DETOUR_FACTOR)) {
                    throw new InputException(file, "gridplan.detourFactor must be a number from 1 to "
                            + (int) MAX_DETOUR_FACTOR + " (road over straight-line distance), got " + describe(f));
                }
                p.detourFactor = f.asDouble();
            }
            if (meta.hasNonNull("cityHash")) {
                p.cityHash = text(file, "gridplan.cityHash", meta.get("cityHash"));
            }
            JsonNode grids = meta.path("grids");
            if (!grids.isMissingNode() && !grids.isObject()) {
                throw new InputException(file, "gridplan.grids must be an object of grid: community, got "
                        + describe(grids));
            }
            if (grids.isObject()) {
                grids.fields().forEachRemaining(e -> p.gridCommunities.put(e.getKey(),
                        text(file, "gridplan.grids." + e.getKey(), e.getValue())));
            }
        }
        Map<String, Integer> siteFeature = new HashMap<>();
        Map<String, Integer> buildingFeatureById = new HashMap<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            String where = "feature " + i;
            if (!f.isObject() || !"Feature".equals(f.path("type").asText())) {
                throw new InputException(file, where + ": not a GeoJSON Feature (\"type\" must be \"Feature\")");
            }
            JsonNode props = f.path("properties");
            if (!props.isMissingNode() && !props.isNull() && !props.isObject()) {
                throw new InputException(file, where + ": \"properties\" must be an object");
            }
            JsonNode geom = f.path("geometry");
            if (!geom.isObject()) {
                throw new InputException(file, where + ": missing geometry");
            }
            String gtype = geom.path("type").asText();
            String kind = props.hasNonNull("kind") ? text(file, where + " property 'kind'", props.get("kind")) : null;
            if (props.hasNonNull("id")) {
                where += " (" + (kind == null ? (gtype.endsWith("LineString") ? "road" : "building") : kind)
                        + " " + props.get("id").asText() + ")";
            }
            if ("site".equals(kind) && !"Point".equals(gtype)) {
                throw new InputException(file, where + ": a site must be a Point, got geometry type '" + gtype + "'");
            }
            if ("building".equals(kind) && !"Point".equals(gtype)) {
                throw new InputException(file, where + ": a building must be a Point, got geometry type '" + gtype
                        + "'");
            }
            switch (gtype) {
                case "Point" -> {
                    double[] xy = position(file, where, geom.path("coordinates"));
                    if ("site".equals(kind)) {
                        String id = id(file, where, props);
                        Integer prev = siteFeature.putIfAbsent(id, i);
                        if (prev != null) {
                            throw new InputException(file,
                                    where + ": site id " + id + " already used by feature " + prev);
                        }
                        p.sites.add(new Site(id, xy[0], xy[1]));
                        p.siteAt.add(new CityChecks.Located(xy[0], xy[1], where));
                    } else if (kind == null || "building".equals(kind)) {
                        Building b = building(file, where, props, xy);
                        Integer prev = buildingFeatureById.putIfAbsent(b.id(), i);
                        if (prev != null) {
                            throw new InputException(file,
                                    where + ": building id " + b.id() + " already used by feature " + prev);
                        }
                        p.buildings.add(b);
                        p.buildingFeature.add(i);
                        p.buildingAt.add(new CityChecks.Located(xy[0], xy[1], where));
                        if (props.hasNonNull("grid")) {
                            String grid = text(file, where + " property 'grid'", props.get("grid"));
                            if (grid.isBlank()) {
                                throw new InputException(file, where + ": property 'grid' is blank");
                            }
                            p.gridOf.put(b.id(), grid);
                        }
                    } else {
                        throw new InputException(file, where + ": property 'kind' is '" + kind
                                + "' but a Point must be a building or a site");
                    }
                }
                case "LineString", "MultiLineString" -> {
                    if (kind != null && !"road".equals(kind)) {
                        throw new InputException(file,
                                where + ": property 'kind' is '" + kind + "' but a line must be a road");
                    }
                    RoadClass cls = RoadClass.LOCAL;
                    if (props.hasNonNull("class")) {
                        try {
                            cls = RoadClass.fromKey(text(file, where + " property 'class'", props.get("class")));
                        } catch (IllegalArgumentException e) {
                            throw new InputException(file, where + ": " + e.getMessage());
                        }
                    }
                    Double metres = null;
                    if (props.hasNonNull("metres")) {
                        metres = positive(file, where + " property 'metres'", props.get("metres"));
                    }
                    // One-way in the digitised direction, first position to last; a value of another
                    // type (a GIS export's own coding) is left to 'city import --oneway-field'.
                    boolean oneWay = props.path("oneway").isBoolean() && props.path("oneway").asBoolean();
                    JsonNode coords = geom.path("coordinates");
                    if (!coords.isArray()) {
                        throw new InputException(file, where + ": geometry has no coordinates array");
                    }
                    List<JsonNode> lines = new ArrayList<>();
                    if (gtype.equals("LineString")) {
                        lines.add(coords);
                    } else {
                        coords.forEach(lines::add);
                    }
                    for (JsonNode line : lines) {
                        if (!line.isArray() || line.size() < 2) {
                            throw new InputException(file, where + ": a road line needs at least 2 positions");
                        }
                        double[][] pts = new double[line.size()][];
                        for (int k = 0; k < line.size(); k++) {
                            pts[k] = position(file, where, line.get(k));
                        }
                        p.roadLines.add(new RoadLine(pts, cls, metres, oneWay, where));
                    }
                }
                default -> throw new InputException(file, where + ": geometry type '" + gtype
                        + "' is not supported (Point for buildings and sites, LineString for roads)");
            }
        }
        p.checkProjected(file);
        List<CityChecks.Located> all = new ArrayList<>(p.buildingAt);
        all.addAll(p.siteAt);
        for (RoadLine line : p.roadLines) {
            for (double[] xy : line.points()) {
                all.add(new CityChecks.Located(xy[0], xy[1], line.where()));
            }
        }
        CityChecks.extent(file, all);
        CityChecks.distinctPositions(file, p.buildingAt, p.buildings.stream().map(Building::id).toList());
        return p;
    }

    private static Building building(Path file, String where, JsonNode props, double[] xy) {
        String id = id(file, where, props);
        int households = wholeNumber(file, where, props, "households", true);
        int units = props.hasNonNull("units")
                ? wholeNumber(file, where, props, "units", true)
                : Math.max(1, (households + HOUSEHOLDS_PER_UNIT - 1) / HOUSEHOLDS_PER_UNIT);
        String street = required(file, where, props, "street");
        String community = required(file, where, props, "community");
        return new Building(id, xy[0], xy[1], households, units, street, community);
    }

    private static String id(Path file, String where, JsonNode props) {
        JsonNode id = props.get("id");
        if (id == null || id.isNull()) {
            throw new InputException(file, where + ": missing property 'id'");
        }
        if (!id.isTextual() && !id.isIntegralNumber()) {
            throw new InputException(file,
                    where + ": property 'id' must be a string or whole number, got " + describe(id));
        }
        String s = id.asText();
        if (s.isBlank()) {
            throw new InputException(file, where + ": property 'id' is blank");
        }
        return s;
    }

    private static String required(Path file, String where, JsonNode props, String name) {
        JsonNode v = props.get(name);
        if (v == null || v.isNull()) {
            throw new InputException(file, where + ": missing property '" + name + "'");
        }
        String s = text(file, where + " property '" + name + "'", v);
        if (s.isBlank()) {
            throw new InputException(file, where + ": property '" + name + "' is blank");
        }
        return s;
    }

    private static String text(Path file, String where, JsonNode v) {
        if (v.isTextual() || v.isIntegralNumber()) {
            return v.asText();
        }
        throw new InputException(file, where + " must be a string, got " + describe(v));
    }

    private static int wholeNumber(Path file, String where, JsonNode props, String name, boolean positive) {
        JsonNode v = props.get(name);
        if (v == null || v.isNull()) {
            throw new InputException(file, where + ": missing property '" + name + "'");
        }
        if (!v.isNumber()) {
            throw new InputException(file,
                    where + ": property '" + name + "' must be a whole number, got " + describe(v));
        }
        double d = v.asDouble();
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new InputException(file,
                    where + ": property '" + name + "' must be a whole number, got " + v.asText());
        }
        if (positive && d < 1) {
            throw new InputException(file, where + ": property '" + name + "' must be at least 1, got " + (long) d);
        }
        return (int) d;
    }

    private static double positive(Path file, String where, JsonNode v) {
        if (!v.isNumber() || !(v.asDouble() > 0) || !Double.isFinite(v.asDouble())) {
            throw new InputException(file, where + " must be a positive number, got " + describe(v));
        }
        return v.asDouble();
    }

    private static double[] position(Path file, String where, JsonNode c) {
        if (!c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            throw new InputException(file,
                    where + ": a position must be an array of two numbers [x, y], got " + describe(c));
        }
        if (c.size() > 2) {
            throw new InputException(file, where + ": position " + shown(c) + " has " + c.size()
                    + " coordinates; gridplan reads plane positions [x, y] in metres only, so remove the height "
                    + "(e.g. export the layer as 2D)");
        }
        double x = c.get(0).asDouble();
        double y = c.get(1).asDouble();
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new InputException(file, where + ": position " + shown(c) + " is not finite");
        }
        if (Math.abs(x) >= MAX_COORDINATE || Math.abs(y) >= MAX_COORDINATE) {
            throw new InputException(file, where + ": position " + shown(c) + " has a coordinate of magnitude "
                    + "1e8 m or more, which no projected district has; check the units and the projection");
        }
        return new double[] {x, y};
    }

    private static String shown(JsonNode v) {
        String text = v.toString();
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static String describe(JsonNode v) {
        String type = v.isTextual() ? "string" : v.isBoolean() ? "boolean" : v.isArray() ? "array"
                : v.isObject() ? "object" : v.isNull() ? "null" : v.isNumber() ? "number" : "value";
        String text = v.toString();
        return type + " " + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }

    private record RoadLine(double[][] points, RoadClass roadClass, Double metres, boolean oneWay, String where) {
    }

    private static final class Parsed {
        String name;
        /** The record of the city a layout was drawn on ({@code gridplan.city}, ...), when it has one. */
        String cityName;
        String cityBuildings;
        String cityHash;
        /** {@code gridplan.kind}: city or layout, when given. */
        String kind;
        /** {@code gridplan.detourFactor} of a city without roads, when given. */
        Double detourFactor;
        final List<Building> buildings = new ArrayList<>();
        final List<Integer> buildingFeature = new ArrayList<>();
        final Map<String, String> gridOf = new HashMap<>();
        final Map<String, String> gridCommunities = new TreeMap<>();
        final List<Site> sites = new ArrayList<>();
        final List<RoadLine> roadLines = new ArrayList<>();
        final List<CityChecks.Located> buildingAt = new ArrayList<>();
        final List<CityChecks.Located> siteAt = new ArrayList<>();
        /** The feature that made each road node, filled by {@link #network}. */
        final List<String> nodeWhere = new ArrayList<>();

        RoadNetwork network(Path file) {
            Map<Long, Integer> nodeOf = new HashMap<>();
            List<double[]> nodes = new ArrayList<>();
            List<Road> roads = new ArrayList<>();
            for (RoadLine line : roadLines) {
                double[][] pts = line.points();
                int[] ids = new int[pts.length];
                double total = 0;
                for (int k = 0; k < pts.length; k++) {
                    long key = (Math.round(pts[k][0] * 100) * 0x9E3779B97F4A7C15L) ^ Math.round(pts[k][1] * 100);
                    Integer id = nodeOf.get(key);
                    if (id == null || Math.abs(nodes.get(id)[0] - pts[k][0]) > 0.01
                            || Math.abs(nodes.get(id)[1] - pts[k][1]) > 0.01) {
                        id = nodes.size();
                        nodeOf.put(key, id);
                        nodes.add(pts[k]);
                        nodeWhere.add(line.where());
                    }
                    ids[k] = id;
                    if (k > 0) {
                        total += Math.hypot(pts[k][0] - pts[k - 1][0], pts[k][1] - pts[k - 1][1]);
                    }
                }
                double scale = line.metres() == null || total == 0 ? 1 : line.metres() / total;
                for (int k = 1; k < pts.length; k++) {
                    if (ids[k] == ids[k - 1]) {
                        continue;
                    }
                    double len = Math.hypot(pts[k][0] - pts[k - 1][0], pts[k][1] - pts[k - 1][1]) * scale;
                    if (line.metres() != null && pts.length == 2) {
                        len = line.metres();
                    }
                    roads.add(new Road(ids[k - 1], ids[k], Math.max(len, 0.01), line.roadClass(), line.oneWay()));
                }
            }
            if (roads.isEmpty()) {
                throw new InputException(file, "roads have no segment of positive length");
            }
            double[] xs = new double[nodes.size()];
            double[] ys = new double[nodes.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = nodes.get(i)[0];
                ys[i] = nodes.get(i)[1];
            }
            return new RoadNetwork(xs, ys, roads);
        }

        void checkProjected(Path file) {
            double minX = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (Building b : buildings) {
                minX = Math.min(minX, b.x());
                maxX = Math.max(maxX, b.x());
                minY = Math.min(minY, b.y());
                maxY = Math.max(maxY, b.y());
            }
            boolean degreeRange = minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90;
            boolean tinyExtent = maxX - minX < 2 && maxY - minY < 2;
            if (buildings.size() > 1 && degreeRange && tinyExtent && (maxX - minX) + (maxY - minY) > 0) {
                throw new InputException(file, "coordinates look like longitude/latitude degrees (all buildings within "
                        + String.format(Locale.ROOT, "%.4f x %.4f", maxX - minX, maxY - minY)
                        + "); project them to metres first (e.g. UTM or CGCS2000 Gauss-Kruger)");
            }
        }
    }

    // ---------------------------------------------------------------- writing

    /** Writes a city (buildings, roads, sites) to {@code file}, atomically. */
    public static void writeCity(City city, Path file) {
        AtomicFiles.write(file, out -> writeCity(city, null, null, out));
    }

    /**
     * Writes a city with the projection its metres are on ({@code gridplan.projection}, a PROJ string),
     * as {@code gridplan city import} records it, so that it can be written back in longitude and latitude.
     */
    public static void writeCity(City city, Path file, String projection) {
        AtomicFiles.write(file, out -> writeCity(city, null, projection, out));
    }

    /** The projection a city file records ({@code gridplan.projection}), if any. */
    public static Optional<String> projection(Path file) {
        JsonNode meta = tree(file).path("gridplan").path("projection");
        if (meta.isMissingNode() || meta.isNull()) {
            return Optional.empty();
        }
        if (!meta.isTextual() || meta.asText().isBlank()) {
            throw new InputException(file, "gridplan.projection must be a PROJ string, got " + describe(meta));
        }
        return Optional.of(meta.asText());
    }

    /**
     * Writes a layout: the city's buildings, each with its {@code grid}, and every grid's
     * community in the {@code gridplan.grids} member; roads and sites are left to the city file.
     */
    public static void writeLayout(City city, GridLayout layout, Path file) {
        AtomicFiles.write(file, out -> writeCity(city, layout, null, out));
    }

    private static void writeCity(City city, GridLayout layout, String projection, OutputStream out)
            throws IOException {
        ObjectNode header = MAPPER.createObjectNode();
        header.put("type", "FeatureCollection");
        ObjectNode meta = header.putObject("gridplan");
        meta.put("kind", layout == null ? "city" : "layout");
        meta.put("name", layout == null ? city.name() : layout.name());
        meta.put("units", "metres");
        if (projection != null) {
            meta.put("projection", projection);
        }
        if (layout == null && city.roads().isStraightLine()) {
            meta.put("detourFactor", city.roads().detourFactor());
        }
        if (layout != null) {
            // The city the layout divides, so that a layout given with another city is recognised.
            meta.put("city", city.name());
            meta.put("cityBuildings", city.buildings().size());
            meta.put("cityHash", buildingsHash(city));
            ObjectNode grids = meta.putObject("grids");
            layout.communityOfGrid().forEach(grids::put);
        }
        String head = MAPPER.writeValueAsString(header);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        // One feature per line: readable in a diff, and identical bytes for an identical city.
        w.write(head, 0, head.length() - 1);
        w.write(",\"features\":[");
        boolean first = true;
        for (Building b : city.buildings()) {
            first = feature(w, first, point(b.x(), b.y()), buildingProperties(b, layout));
        }
        if (layout == null) {
            RoadNetwork roads = city.roads();
            for (Road r : roads.roads()) {
                ObjectNode geom = MAPPER.createObjectNode();
                geom.put("type", "LineString");
                ArrayNode coords = geom.putArray("coordinates");
                coords.addArray().add(roads.x(r.from())).add(roads.y(r.from()));
                coords.addArray().add(roads.x(r.to())).add(roads.y(r.to()));
                ObjectNode props = MAPPER.createObjectNode();
                props.put("kind", "road");
                props.put("class", r.roadClass().key());
                props.put("metres", r.metres());
                if (r.oneWay()) {
                    props.put("oneway", true);
                }
                first = feature(w, first, geom, props);
            }
            for (Site s : city.sites()) {
                ObjectNode props = MAPPER.createObjectNode();
                props.put("kind", "site");
                props.put("id", s.id());
                first = feature(w, first, point(s.x(), s.y()), props);
            }
        }
        w.write("\n]}\n");
        w.flush();
    }

    /** A building's properties as a city or layout file writes them, with its grid when a layout is given. */
    static ObjectNode buildingProperties(Building b, GridLayout layout) {
        ObjectNode props = MAPPER.createObjectNode();
        props.put("kind", "building");
        props.put("id", b.id());
        props.put("households", b.households());
        props.put("units", b.units());
        props.put("street", b.street());
        props.put("community", b.community());
        if (layout != null && layout.gridOfBuilding().get(b.id()) != null) {
            props.put("grid", layout.gridOfBuilding().get(b.id()));
        }
        return props;
    }

    /** Writes one feature on a line of its own, after a comma unless it is the first; returns false. */
    static boolean feature(Writer w, boolean first, ObjectNode geometry, ObjectNode properties)
            throws IOException {
        ObjectNode f = MAPPER.createObjectNode();
        f.put("type", "Feature");
        f.set("geometry", geometry);
        f.set("properties", properties);
        w.write(first ? "\n" : ",\n");
        w.write(MAPPER.writeValueAsString(f));
        return false;
    }

    private static ObjectNode point(double x, double y) {
        ObjectNode geom = MAPPER.createObjectNode();
        geom.put("type", "Point");
        geom.putArray("coordinates").add(x).add(y);
        return geom;
    }
}
