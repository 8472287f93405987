package org.gridplan.scenarios.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridplan.sim.io.CityImport;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.io.InputException;
import org.gridplan.sim.model.City;
import org.gridplan.sim.road.RoadNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridplan city import}: a city file from a planner's buildings, roads and community boundaries. */
@Command(name = "import",
        description = {"Make a city file from a planner's data: buildings as a CSV (id; lon,lat or x,y; households "
                + "or units; community; optional street) or a GeoJSON of points or polygons with those fields; roads "
                + "as GeoJSON lines or an OpenStreetMap extract (.osm XML or .osm.pbf), or none; communities from a "
                        + "column, a "
                + "boundary layer (--communities) or derived. Longitude and latitude (WGS84, or GCJ-02/BD-09 from "
                + "Chinese web maps with --crs) are projected to metres on a transverse Mercator centred on the "
                + "district, recorded in the city file; near-miss line ends are joined, the largest connected road "
                + "network is kept and buildings attach to the nearest point of a road; fractional households are "
                + "rounded to the nearest whole number and buildings rounding to none are dropped. The city is "
                + "checked as every command reads it (one connected road network, every building within 1 km of a "
                + "road, ...) before it is kept. Prints what it read, kept, joined, merged and dropped."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:city written", "2:bad input (the message names the file and the row, feature or element)"})
final class CityImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--buildings", required = true, paramLabel = "BUILDINGS.csv|BUILDINGS.geojson",
            description = "The buildings: a CSV with columns id, lon and lat (or x and y in metres), households (or "
                    + "units), community, and optionally street (UTF-8 with or without BOM, or GBK as Excel saves "
                    + "it); or a GeoJSON of points or polygons (buildings, parcels, 小区, census blocks) with those "
                    + "fields as properties, each polygon's building placed at a point inside it.")
    Path buildings;

    @Option(names = "--id-field", defaultValue = "id", paramLabel = "NAME",
            description = "The column or property naming a building (default: ${DEFAULT-VALUE}).")
    String idField;

    @Option(names = "--households-field", defaultValue = "households", paramLabel = "NAME",
            description = "The column or property of a building's households (default: ${DEFAULT-VALUE}); fractions "
                    + "(occupancy-weighted counts) are rounded to the nearest whole number, halves up.")
    String householdsField;

    @Option(names = "--persons-field", paramLabel = "NAME",
            description = "Estimate households from residents instead: the column or property of a building's "
                    + "residents, divided by --persons-per-household.")
    String personsField;

    @Option(names = "--persons-per-household", paramLabel = "X",
            description = "Residents per household, with --persons-field (e.g. the census's residents over its "
                    + "households for the district).")
    Double personsPerHousehold;

    @Option(names = "--community-field", paramLabel = "NAME",
            description = "The column or property naming a building's community (社区) (default: community; not "
                    + "read when --communities gives a boundary layer). Without either, communities of about 6,400 "
                    + "households are derived by clustering, and said so.")
    String communityField;

    @Option(names = "--street-field", defaultValue = "street", paramLabel = "NAME",
            description = "The column or property naming a building's street (街道, the sub-district above the "
                    + "community, not a road name), optional in the file (default: ${DEFAULT-VALUE}).")
    String streetField;

    @Option(names = "--communities", paramLabel = "BOUNDARIES.geojson",
            description = "Communities from a boundary layer: each building takes the name of the polygon it stands "
                    + "in (within 250 m of one: the nearest; farther: dropped, and counted).")
    Path communities;

    @Option(names = "--community-name-field", defaultValue = "name", paramLabel = "NAME",
            description = "The boundary layer's property naming a community (default: ${DEFAULT-VALUE}).")
    String communityNameField;

    @Option(names = "--merge-small-communities", arity = "0..1", fallbackValue = "300", paramLabel = "MIN",
            description = "Merge every community with fewer than MIN households (default when given: 300, the "
                    + "smallest urban grid) into the community of its nearest building outside it, smallest "
                    + "first, so that each can hold a grid.")
    Integer mergeBelow;

    @Option(names = "--split-above", paramLabel = "HOUSEHOLDS",
            description = "For polygons that stand for several buildings (census blocks, 小区): one with more "
                    + "households than this becomes as many buildings of at most this many, spread evenly over it "
                    + "(default: one building per feature).")
    Integer splitAbove;

    @Option(names = "--roads", paramLabel = "ROADS.geojson|ROADS.osm|ROADS.osm.pbf",
            description = "The roads: GeoJSON LineString/MultiLineString features, or an OpenStreetMap extract (.osm "
                    + "XML or .osm.pbf) "
                    + "whose ways with a walkable highway tag are kept (motorways and trunk roads are not). Without "
                    + "it the city has no roads: travel is the straight line times --detour-factor.")
    Path roads;

    @Option(names = "--join-tolerance", paramLabel = "METRES", defaultValue = "1",
            description = "Join a road line's loose end to another node, or to a road it stops short of, within "
                    + "this distance (default 1 m; 0 joins only positions within 1 cm).")
    double joinTolerance;

    @Option(names = "--node-fields", paramLabel = "FROM,TO",
            description = "GeoJSON roads: the properties holding each line's first and last node ids (e.g. "
                    + "FromNode,ToNode); ends with one id are joined wherever they lie.")
    String nodeFields;

    @Option(names = "--oneway-field", paramLabel = "NAME",
            description = "GeoJSON roads: the property saying a line is one-way: yes, true, 1, FT, forward with "
                    + "the line's direction; -1, TF, backward, reverse against it; no, false, 0, B, both or empty "
                    + "two-way. E-bike routes keep to one-way streets; walking ignores them.")
    String onewayField;

    @Option(names = "--detour-factor", paramLabel = "FACTOR", defaultValue = "1.3",
            description = "Without --roads: road over straight-line distance (default 1.3, within the 1.2-1.4 "
                    + "circuity Ballou, Rahardja and Sakai 2002 report; 1 to 3).")
    double detourFactor;

    @Option(names = "--crs", paramLabel = "CRS",
            description = "Coordinates of both files: wgs84, gcj02 (AMap/Gaode, Tencent), bd09 (Baidu) or metres "
                    + "(default: wgs84 for lon,lat columns, metres for x,y).")
    String crs;

    @Option(names = "--name", description = "The city's name (default: the buildings file's name).")
    String name;

    @Option(names = "--out", required = true, paramLabel = "CITY.geojson", description = "Where to write the city.")
    Path out;

    @Override
    public Integer call() throws IOException {
        FileRoles roles = new FileRoles().input("--buildings", buildings);
        if (roads != null) {
            roles.input("--roads", roads);
        }
        if (communities != null) {
            roles.input("--communities", communities);
        }
        roles.output("--out", out).check();
        CityImport.RoadOptions roadOptions = options();
        if ((personsField == null) != (personsPerHousehold == null)) {
            throw new InputException("--persons-field and --persons-per-household go together: give both or "
                    + "neither");
        }
        if (personsPerHousehold != null && !(personsPerHousehold > 0 && personsPerHousehold <= 50)) {
            throw new InputException("--persons-per-household: " + personsPerHousehold + " is not between 0 and 50");
        }
        if (splitAbove != null && (splitAbove < 1 || splitAbove > 100_000)) {
            throw new InputException("--split-above: " + splitAbove + " is not between 1 and 100,000");
        }
        if (mergeBelow != null && (mergeBelow < 1 || mergeBelow > 100_000)) {
            throw new InputException("--merge-small-communities: " + mergeBelow + " is not between 1 and 100,000");
        }
        CityImport.Crs kind = null;
        if (crs != null) {
            try {
                kind = CityImport.Crs.fromKey(crs);
            } catch (IllegalArgumentException e) {
                throw new InputException("--crs: " + e.getMessage());
            }
        }
        String cityName = name != null ? name : buildings.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        long t0 = System.nanoTime();
        CityImport.Result r;
        try {
            // With a boundary layer the buildings' own community field is not read.
            String community = communities != null ? null
                    : communityField != null ? communityField : CityImport.DEFAULT_COMMUNITY_FIELD;
            CityImport.Options options = new CityImport.Options(kind, idField, householdsField, personsField,
                    personsPerHousehold == null ? 0 : personsPerHousehold, community, streetField, communities,
                    communityNameField, mergeBelow == null ? 0 : mergeBelow, splitAbove == null ? 0 : splitAbove);
            r = CityImport.read(cityName, buildings, roads, options, roadOptions);
        } catch (IllegalArgumentException e) {
            throw new InputException(buildings, e.getMessage());
        }
        // Checked as every command reads a city: written beside the target, read back, then moved in place.
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".check");
        City checked;
        try {
            GeoJson.writeCity(r.city(), tmp, r.projection().orElse(null));
            try {
                checked = GeoJson.readCity(tmp);
            } catch (InputException e) {
                throw new InputException(buildings + (roads == null ? "" : " and " + roads)
                        + ": the imported city is not one district: "
                        + e.getMessage().replace(tmp.toString(), "the imported city"));
            }
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        PrintWriter w = spec.commandLine().getOut();
        double seconds = (System.nanoTime() - t0) / 1e9;
        CityImport.RoadReport roadReport = r.roadReport();
        if (roads == null) {
            w.printf(Locale.ROOT, "city %s: %,d households in %,d buildings (%,d rows read, %,d dropped with no "
                            + "households, %,d with households rounded), %d communities; no roads -> %s (%.1f s)%n",
                    checked.name(), checked.households(), checked.buildings().size(), r.rows(), r.droppedBuildings(),
                    r.roundedRows(), checked.buildingsByCommunity().size(), out, seconds);
        } else {
            w.printf(Locale.ROOT, "city %s: %,d households in %,d buildings (%,d rows read, %,d dropped with no "
                            + "households, %,d with households rounded), %d communities; %,d road nodes, %,d segments "
                            + "kept (%,d pieces with %,d segments dropped, not connected to the largest network) -> %s "
                            + "(%.1f s)%n",
                    checked.name(), checked.households(), checked.buildings().size(), r.rows(), r.droppedBuildings(),
                    r.roundedRows(), checked.buildingsByCommunity().size(), r.roadNodes(), r.roadSegments(),
                    r.droppedPieces(), r.droppedSegments(), out, seconds);
            w.printf(Locale.ROOT, "  roads: %,d loose line ends joined within %s m, %,d line ends joined by node id; "
                            + "%,d buildings attached mid-segment (%,d road nodes added at the foot of the "
                            + "perpendicular), largest access distance %.1f m (building %s)%n",
                    roadReport.lineEndJoins(), plain(joinTolerance), roadReport.idJoins(), roadReport.midSegment(),
                    roadReport.nodesAdded(), roadReport.maxAccessMetres(), roadReport.maxAccessBuilding());
            w.printf(Locale.ROOT, "  %,d one-way segments: e-bike routes keep to them, walking routes do not "
                    + "(%,d more made two-way, as one-way they cut the network: a one-way street out of the data or "
                    + "into a dead end)%n", roadReport.oneWay(), roadReport.madeTwoWay());
        }
        r.projection().ifPresent(p -> w.printf("  projected to metres: %s%n", p));
        for (String note : r.notes()) {
            w.println("  " + note);
        }
        checked.travelNote().ifPresent(n -> w.println("note: " + n));
        w.flush();
        return 0;
    }

    private CityImport.RoadOptions options() {
        if (!(joinTolerance >= 0) || joinTolerance > MAX_JOIN_TOLERANCE) {
            throw new InputException("--join-tolerance " + plain(joinTolerance) + ": must be from 0 to "
                    + (int) MAX_JOIN_TOLERANCE + " m (line ends farther apart are separate streets)");
        }
        if (!(detourFactor >= 1) || detourFactor > GeoJson.MAX_DETOUR_FACTOR) {
            throw new InputException("--detour-factor " + plain(detourFactor) + ": must be from 1 to "
                    + (int) GeoJson.MAX_DETOUR_FACTOR + " (road over straight-line distance)");
        }
        if (roads == null && (nodeFields != null || onewayField != null)) {
            throw new InputException((nodeFields != null ? "--node-fields" : "--oneway-field")
                    + ": is for the roads file, and no --roads is given");
        }
        if (roads != null && detourFactor != RoadNetwork.DEFAULT_DETOUR_FACTOR) {
            throw new InputException("--detour-factor: is for a city without roads, and --roads is given");
        }
        List<String> fields = null;
        if (nodeFields != null) {
            fields = Arrays.stream(nodeFields.split(",", -1)).map(String::trim).toList();
            if (fields.size() != 2 || fields.get(0).isEmpty() || fields.get(1).isEmpty()
                    || fields.get(0).equals(fields.get(1))) {
                throw new InputException("--node-fields '" + nodeFields + "': give two different property names, "
                        + "FROM,TO (e.g. FromNode,ToNode)");
            }
        }
        if (onewayField != null && onewayField.isBlank()) {
            throw new InputException("--oneway-field: empty property name");
        }
        return new CityImport.RoadOptions(joinTolerance, fields, onewayField, detourFactor);
    }

    /** Most --join-tolerance may be, in metres: wider than a lane, it would join separate streets. */
    static final double MAX_JOIN_TOLERANCE = 10;

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
