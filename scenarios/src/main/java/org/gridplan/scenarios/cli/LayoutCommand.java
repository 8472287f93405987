package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.LayoutRules;
import org.gridplan.sim.model.LayoutValidator;
import org.gridplan.sim.model.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gridplan layout}: draw grid layouts and check them against the rules. */
@Command(name = "layout",
        description = "Generate grid layouts of a city and validate layouts against the rules.",
        mixinStandardHelpOptions = true,
        subcommands = {LayoutCommand.Validate.class})
final class LayoutCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code gridplan layout validate}. */
    @Command(name = "validate",
            description = {"Check a layout against a city and the grid rules, reporting every violation at once:",
                "every building in exactly one grid, households per grid within the bounds,",
                "each grid contiguous on the building adjacency graph, grids inside their community."},
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

        @Mixin
        RulesOptions rulesOptions;

        @Override
        public Integer call() {
            LayoutRules rules = rulesOptions.rules();
            City c = GeoJson.readCity(city);
            GridLayout l = GeoJson.readLayout(layout, c);
            List<Violation> violations = LayoutValidator.validate(c, l, rules);
            PrintWriter out = spec.commandLine().getOut();
            Map<String, Integer> households = l.householdsByGrid(c);
            int min = households.values().stream().mapToInt(Integer::intValue).min().orElse(0);
            int max = households.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            out.printf("layout %s: %d grids, %,d buildings, %,d households (grid sizes %d-%d; rules %d-%d%s)%n",
                    l.name(), l.gridCount(), c.buildings().size(), c.households(), min, max,
                    rules.minHouseholds(), rules.maxHouseholds(),
                    rules.allowCrossCommunity() ? ", crossing communities allowed" : "");
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
