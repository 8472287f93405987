package org.gridplan.scenarios.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridplan.sim.io.CityImport;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.io.InputException;
import org.gridplan.sim.model.City;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridplan city import}: a city file from a buildings CSV and a road file. */
@Command(name = "import",
        description = {"Make a city file from a planner's data: buildings as a CSV (id; lon,lat or x,y; households "
                + "or units; community; optional street) and roads as GeoJSON lines or an OpenStreetMap .osm XML "
                + "extract. Longitude and latitude (WGS84, or GCJ-02/BD-09 from Chinese web maps with --crs) are "
                + "projected to metres on a transverse Mercator centred on the district; the largest connected road "
                + "network is kept; fractional households are rounded to the nearest whole number and buildings "
                + "rounding to none are dropped. The city is checked as every command reads it (one connected road "
                + "network, every building within 1 km of a road, ...) before it is kept. Prints what it read, kept "
                + "and dropped."},
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

    @Option(names = "--roads", required = true, paramLabel = "ROADS.geojson|ROADS.osm",
            description = "The roads: GeoJSON LineString/MultiLineString features, or OpenStreetMap XML (.osm) "
                    + "whose ways with a walkable highway tag are kept (motorways and trunk roads are not).")
    Path roads;

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
        FileRoles roles = new FileRoles().input("--buildings", buildings).input("--roads", roads);
        if (communities != null) {
            roles.input("--communities", communities);
        }
        roles.output("--out", out).check();
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
            String community = communities != null ? communityField
                    : communityField != null ? communityField : "community";
            CityImport.Options options = new CityImport.Options(kind, idField, householdsField, personsField,
                    personsPerHousehold == null ? 0 : personsPerHousehold, community, streetField, communities,
                    communityNameField, mergeBelow == null ? 0 : mergeBelow, splitAbove == null ? 0 : splitAbove);
            r = CityImport.read(cityName, buildings, roads, options);
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
                throw new InputException(buildings + " and " + roads + ": the imported city is not one district: "
                        + e.getMessage().replace(tmp.toString(), "the imported city"));
            }
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "city %s: %,d households in %,d buildings (%,d rows read, %,d dropped with no households,"
                        + " %,d with households rounded), %d communities; %,d road nodes, %,d segments kept (%,d "
                        + "pieces with %,d segments dropped, not connected to the largest network) -> %s (%.1f s)%n",
                checked.name(), checked.households(), checked.buildings().size(), r.rows(), r.droppedBuildings(),
                r.roundedRows(), checked.buildingsByCommunity().size(), r.roadNodes(), r.roadSegments(),
                r.droppedPieces(), r.droppedSegments(), out, (System.nanoTime() - t0) / 1e9);
        r.projection().ifPresent(p -> w.printf("  projected to metres: %s%n", p));
        for (String note : r.notes()) {
            w.println("  " + note);
        }
        w.flush();
        return 0;
    }
}
