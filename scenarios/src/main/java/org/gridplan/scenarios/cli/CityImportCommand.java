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

    @Option(names = "--buildings", required = true, paramLabel = "BUILDINGS.csv",
            description = "The buildings: columns id, lon and lat (or x and y in metres), households (or units), "
                    + "community, and optionally street. UTF-8 with or without BOM, or GBK as Excel saves it.")
    Path buildings;

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
        new FileRoles().input("--buildings", buildings).input("--roads", roads).output("--out", out).check();
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
            r = CityImport.read(cityName, buildings, roads, kind);
        } catch (IllegalArgumentException e) {
            throw new InputException(buildings, e.getMessage());
        }
        // Checked as every command reads a city: written beside the target, read back, then moved in place.
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".check");
        City checked;
        try {
            GeoJson.writeCity(r.city(), tmp);
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
        w.flush();
        return 0;
    }
}
