package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridplan.sim.geo.DistrictProjection;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.io.InputException;
import org.gridplan.sim.io.LonLatExport;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridplan city lonlat}: a city or layout written back in longitude and latitude for a GIS. */
@Command(name = "lonlat",
        description = {"Write a city, or a layout of it, back in WGS84 longitude and latitude as plain GeoJSON "
                + "(RFC 7946), for QGIS, web maps or geojson.io: buildings as points with households, community, "
                + "street and (with --layout) grid; roads as lines. The city must record its projection, as "
                + "'gridplan city import' writes it (gridplan.projection), or give it with --projection."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:file written", "2:bad input (the message names the file and what is wrong)"})
final class CityLonLatCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--city", required = true, paramLabel = "CITY.geojson", description = "The city, in metres.")
    Path city;

    @Option(names = "--layout", paramLabel = "LAYOUT.geojson",
            description = "A layout of the city: each building gets its grid.")
    Path layout;

    @Option(names = "--projection", paramLabel = "PROJ",
            description = "The projection of the city's metres, as 'city import' prints it (default: the one the "
                    + "city file records).")
    String projection;

    @Option(names = "--out", required = true, paramLabel = "OUT.geojson", description = "Where to write.")
    Path out;

    @Override
    public Integer call() {
        FileRoles roles = new FileRoles().input("--city", city);
        if (layout != null) {
            roles.input("--layout", layout);
        }
        roles.output("--out", out).check();
        City c = GeoJson.readCity(city);
        String proj = projection != null ? projection : GeoJson.projection(city).orElseThrow(() ->
                new InputException(city, "records no projection (gridplan.projection): a city from 'gridplan city "
                        + "generate' is in plain metres with no place on Earth; give --projection for a city "
                        + "imported elsewhere"));
        DistrictProjection p;
        try {
            p = DistrictProjection.of(proj);
        } catch (IllegalArgumentException e) {
            throw new InputException((projection != null ? "--projection: " : city + ": gridplan.projection: ")
                    + e.getMessage());
        }
        GridLayout l = layout == null ? null : GeoJson.readLayout(layout, c);
        LonLatExport.write(c, l, p, out);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s%s: %,d buildings and %,d road segments in longitude and latitude -> %s%n",
                c.name(), l == null ? "" : ", layout " + l.name(), c.buildings().size(), c.roads().roads().size(),
                out);
        w.flush();
        return 0;
    }
}
