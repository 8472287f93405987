package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gridplan.scenarios.layout.LayoutGenerator;
import org.gridplan.scenarios.layout.LayoutInfeasibleException;
import org.gridplan.scenarios.limits.Limits;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.io.InputException;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.LayoutRules;
import org.gridplan.sim.model.LayoutValidator;
import org.gridplan.sim.model.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gridplan layout}: draw grid layouts and check them against the rules. */
@Command(name = "layout",
        description = "Generate grid layouts of a city and validate layouts against the rules.",
        mixinStandardHelpOptions = true,
        subcommands = {LayoutCommand.Generate.class, LayoutCommand.Validate.class, LayoutEnsembleCommand.class,
                LayoutRedrawCommand.class, LayoutOptimiseCommand.class})
final class LayoutCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand: the usage, and the usage exit code. */
    @Override
    public Integer call() {
        return Main.usage(spec);
    }

    /** {@code gridplan layout generate}. */
    @Command(name = "generate",
            description = "Partition every community of a city into contiguous grids whose households fall within "
                    + "the bounds, aiming at --target households per grid, and write the layout. Buildings larger than "
                    + "the maximum are split into unit-level sub-buildings (written as a new city file) unless "
                    + "--no-split is given.",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:layout written", "2:bad input, or no valid layout exists (the message says which "
                    + "community or building and why)"})
    static final class Generate implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--city", required = true, paramLabel = "CITY.geojson", description = "The city to divide.")
        Path city;

        @Option(names = "--target", paramLabel = "HOUSEHOLDS", defaultValue = "400",
                description = "Households per grid to aim at, within the bounds (default: ${DEFAULT-VALUE}).")
        int target;

        @Option(names = "--out", required = true, paramLabel = "LAYOUT.geojson",
                description = "Where to write the layout.")
        Path out;

        @Option(names = "--name", description = "Layout name (default: grid-<target>).")
        String name;

        @Option(names = "--no-split", description = "Stop with an error instead of splitting buildings larger than "
                + "the maximum.")
        boolean noSplit;

        @Option(names = "--city-out", paramLabel = "CITY.geojson",
                description = "Where to write the city with split buildings, when any are split "
                        + "(default: the layout file name with -city before .geojson).")
        Path cityOut;

        @Option(names = "--map", paramLabel = "MAP.svg",
                description = "Where to draw the layout's map: SVG, or PNG for a name ending in .png "
                        + "(default: the layout file name with .svg for .geojson).")
        Path map;

        @Option(names = "--no-map", description = "Do not draw the layout's map.")
        boolean noMap;

        @Mixin
        RulesOptions rulesOptions;

        @Override
        public Integer call() {
            if (noMap && map != null) {
                throw new InputException("--map and --no-map contradict each other: give one of them");
            }
            Path mapFile = noMap ? null : map != null ? map : LayoutMaps.beside(out);
            new FileRoles().input("--city", city).output("--out", out).output("--city-out", cityOut)
                    .output(map != null ? "--map" : "the map (default of --map)", mapFile).check();
            LayoutMaps.checkTarget(map != null ? "--map" : "the map (default of --map)", mapFile);
            LayoutRules rules = rulesOptions.rules();
            if (rulesOptions.rural && spec.commandLine().getParseResult().matchedOption("--target") == null) {
                target = LayoutRules.RURAL_TARGET;
            }
            Limits.whole("--target", target, rules.minHouseholds(), rules.maxHouseholds());
            LayoutGenerator.Spec layoutSpec = LayoutGenerator.Spec.of(rules, target).withSplitOversized(!noSplit);
            if (name != null) {
                layoutSpec = layoutSpec.withName(name);
            }
            City c = CityNotes.say(GeoJson.readCity(city), spec.commandLine().getErr());
            long start = System.nanoTime();
            LayoutGenerator.Result result;
            try {
                result = new LayoutGenerator(layoutSpec).generate(c);
            } catch (LayoutInfeasibleException e) {
                throw new InputException(city, e.getMessage());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter w = spec.commandLine().getOut();
            Path splitCity = null;
            if (!result.splits().isEmpty()) {
                splitCity = cityOut != null ? cityOut : sibling(out, "-city");
                // The default split city is named after --out, so it is checked only now it is needed.
                new FileRoles().input("--city", city).output("--out", out)
                        .output(cityOut != null ? "--city-out" : "the split city (default of --city-out)", splitCity)
                        .output(map != null ? "--map" : "the map (default of --map)", mapFile).check();
                GeoJson.writeCity(result.city(), splitCity);
            }
            GeoJson.writeLayout(result.city(), result.layout(), out);
            Map<String, Integer> households = result.layout().householdsByGrid(result.city());
            IntSummaryStatistics stats = households.values().stream().mapToInt(Integer::intValue).summaryStatistics();
            w.printf("layout %s: %,d grids in %d communities, households per grid min %d, mean %.0f, max %d"
                            + " (rules %d-%d) -> %s (%.1f s)%n",
                    result.layout().name(), stats.getCount(),
                    result.layout().communityOfGrid().values().stream().distinct().count(),
                    stats.getMin(), stats.getAverage(), stats.getMax(), rules.minHouseholds(), rules.maxHouseholds(),
                    out, seconds);
            if (mapFile != null) {
                LayoutMaps.write(result.city(), result.layout(), List.of(), mapFile);
                w.printf("  map -> %s%n", mapFile);
            }
            for (LayoutGenerator.SplitBuilding s : result.splits()) {
                w.printf("  split building %s (%d households > max %d) into %s%n", s.id(), s.households(),
                        rules.maxHouseholds(), String.join(", ", s.parts()));
            }
            if (splitCity != null) {
                w.printf("  the layout refers to the split buildings: use the city written to %s with it%n", splitCity);
            }
            w.flush();
            return 0;
        }

        private static Path sibling(Path file, String suffix) {
            String n = file.getFileName().toString();
            String stem = n.endsWith(".geojson") ? n.substring(0, n.length() - 8) : n;
            return file.resolveSibling(stem + suffix + ".geojson");
        }
    }

    /** {@code gridplan layout validate}. */
    @Command(name = "validate",
            description = "Check a layout against a city and the grid rules, reporting every violation at once: "
                    + "every building in exactly one grid, households per grid within the bounds, each grid contiguous "
                    + "on the building adjacency graph, grids inside their community.",
            mixinStandardHelpOptions = true,
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the layout is valid", "1:the layout breaks at least one rule (each is listed)",
                "2:bad input (missing or malformed file, unknown building, invalid option)"})
    static final class Validate implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--city", required = true, paramLabel = "CITY.geojson",
                description = "The city the layout divides (buildings, roads, sites).")
        Path city;

        @Parameters(index = "0", paramLabel = "LAYOUT.geojson",
                description = "The layout: building features with a 'grid' property.")
        Path layout;

        @Option(names = "--map", paramLabel = "MAP.svg",
                description = "Also draw the layout's map, the grids that break a rule outlined in red: SVG, or "
                        + "PNG for a name ending in .png.")
        Path map;

        @Mixin
        RulesOptions rulesOptions;

        @Override
        public Integer call() {
            new FileRoles().input("--city", city).input("LAYOUT", layout).output("--map", map).check();
            LayoutMaps.checkTarget("--map", map);
            LayoutRules rules = rulesOptions.rules();
            City c = CityNotes.say(GeoJson.readCity(city), spec.commandLine().getErr());
            GridLayout l = GeoJson.readLayout(layout, c);
            List<Violation> violations = LayoutValidator.validate(c, l, rules);
            PrintWriter out = spec.commandLine().getOut();
            if (map != null) {
                LayoutMaps.write(c, l, violations, map);
            }
            Map<String, Integer> households = l.householdsByGrid(c);
            int min = households.values().stream().mapToInt(Integer::intValue).min().orElse(0);
            int max = households.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            out.printf("layout %s: %d grids, %,d buildings, %,d households (grid sizes %d-%d; rules %d-%d%s)%n",
                    l.name(), l.gridCount(), c.buildings().size(), c.households(), min, max,
                    rules.minHouseholds(), rules.maxHouseholds(),
                    rules.allowCrossCommunity() ? ", crossing communities allowed" : "");
            if (map != null) {
                out.printf("map -> %s%n", map);
            }
            if (violations.isEmpty()) {
                out.println("valid");
                out.flush();
                return 0;
            }
            for (Violation v : violations) {
                out.println(v.message());
            }
            out.printf("%d violation%s%n", violations.size(), violations.size() == 1 ? "" : "s");
            out.flush();
            return Main.EXIT_FINDINGS;
        }
    }
}
