package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.gridplan.scenarios.layout.LayoutInfeasibleException;
import org.gridplan.scenarios.layout.LayoutRedraw;
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
import picocli.CommandLine.Spec;

/**
 * {@code gridplan layout redraw}: repair an existing layout, or redraw chosen communities, moving as few buildings as
 * it can.
 */
@Command(name = "redraw",
        description = {"Redraw an existing layout as little as possible: grids that break the rules (too few or too "
                + "many households, not contiguous, buildings in no grid or in another community's grid) are repaired "
                + "by moving buildings across grid boundaries, and the grids of the --communities given are drawn "
                + "afresh; every other building keeps its grid. A valid layout with no --communities comes back "
                + "unchanged. Prints the buildings and households moved and the grids added or removed."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:redrawn layout written", "2:bad input, or a community cannot be drawn within the rules "
                + "(the message says which and why)"})
final class LayoutRedrawCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--city", required = true, paramLabel = "CITY.geojson", description = "The city.")
    Path city;

    @Option(names = "--from", required = true, paramLabel = "LAYOUT.geojson",
            description = "The current layout (it may break the rules: that is what is repaired).")
    Path from;

    @Option(names = "--out", required = true, paramLabel = "LAYOUT.geojson",
            description = "Where to write the redrawn layout (never the --from file).")
    Path out;

    @Option(names = "--communities", paramLabel = "C1,C2", split = ",",
            description = "Communities whose grids are drawn afresh, whatever their grids now.")
    List<String> communities;

    @Option(names = "--target", paramLabel = "HOUSEHOLDS", defaultValue = "400",
            description = "Households per grid to aim at in repairs and fresh grids (default: ${DEFAULT-VALUE}).")
    int target;

    @Option(names = "--name", description = "Name of the redrawn layout (default: <current name>-redraw).")
    String name;

    @Mixin
    RulesOptions rulesOptions;

    @Override
    public Integer call() {
        new FileRoles().input("--city", city).input("--from", from).output("--out", out).check();
        LayoutRules rules = rulesOptions.rules();
        if (target < rules.minHouseholds() || target > rules.maxHouseholds()) {
            throw new InputException("--target " + target + ": must be within the grid bounds " + rules.minHouseholds()
                    + " to " + rules.maxHouseholds());
        }
        City c = CityNotes.say(GeoJson.readCity(city), spec.commandLine().getErr());
        GridLayout current = GeoJson.readLayout(from, c);
        Set<String> chosen = communities == null ? Set.of() : new LinkedHashSet<>(communities);
        LayoutRedraw.Result r;
        try {
            r = new LayoutRedraw(c, rules, target).redraw(current, chosen);
        } catch (LayoutInfeasibleException e) {
            throw new InputException(city, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InputException("--communities: " + e.getMessage());
        }
        GridLayout layout = r.layout().withName(name != null ? name : current.name() + "-redraw");
        List<Violation> before = LayoutValidator.validate(c, current, rules);
        GeoJson.writeLayout(c, layout, out);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "layout %s: %d violations of the rules in %s; redrawn as %s: %s -> %s%n", current.name(),
                before.size(), from.getFileName(), layout.name(), LayoutRedraw.describe(r), out);
        for (Violation v : before.subList(0, Math.min(10, before.size()))) {
            w.printf("  was: %s%n", v.message());
        }
        if (before.size() > 10) {
            w.printf(Locale.ROOT, "  ... and %d more%n", before.size() - 10);
        }
        w.flush();
        return 0;
    }
}
