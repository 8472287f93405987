package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.gridplan.optimizer.plan.LayoutForecast;
import org.gridplan.optimizer.plan.Plan;
import org.gridplan.results.stats.MeanInterval;
import org.gridplan.scenarios.batch.FieldStandardStaffing;
import org.gridplan.scenarios.batch.Seeds;
import org.gridplan.scenarios.layout.LayoutSearch;
import org.gridplan.scenarios.limits.Limits;
import org.gridplan.scenarios.spec.StaffingSpec;
import org.gridplan.sim.engine.GridSimulation;
import org.gridplan.sim.engine.RunResult;
import org.gridplan.sim.engine.SimulationConfig;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.io.InputException;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.LayoutRules;
import org.gridplan.sim.road.TravelTimes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridplan layout optimise}: a layout the field-regime model expects to do better, checked by simulation. */
@Command(name = "optimise", aliases = "optimize",
        description = {"Search for a layout the field-regime response model expects to reach more cases within "
                + "their response limit (then, as many, with less response time), under the field-standard "
                + "staffing (one full-time worker per grid at its base, two part-time workers per community, the "
                + "community duty roster): ReCom moves from the start layout, each keeping every grid contiguous, "
                + "within the household bounds and inside its community, taken when the model expects no worse. "
                + "With --simulate N, both layouts are simulated N times under common random numbers and the "
                + "model's gain is printed beside the simulated paired gain with its 95%% interval.",
                "Writes the layout found to --out."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:layout written", "2:bad input: the start layout breaks the rules, or a bad option"})
final class LayoutOptimiseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--city", required = true, paramLabel = "CITY.geojson", description = "The city.")
    Path city;

    @Option(names = "--from", required = true, paramLabel = "LAYOUT.geojson",
            description = "The layout to start from (it must keep the rules).")
    Path from;

    @Option(names = "--out", required = true, paramLabel = "LAYOUT.geojson", description = "Where to write the layout"
            + " found.")
    Path out;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "500",
            description = "ReCom proposals to rate (default: ${DEFAULT-VALUE}; at most 1,000,000).")
    int steps;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "Seed of the search and of the simulated replications (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--simulate", paramLabel = "N", defaultValue = "0",
            description = "Simulate both layouts N times (paired, common random numbers) and print the gains "
                    + "(default: ${DEFAULT-VALUE}: none).")
    int simulate;

    @Option(names = "--days", paramLabel = "DAYS", defaultValue = "365",
            description = "Days of each simulated run, 7 of them warm-up (default: ${DEFAULT-VALUE}).")
    double days;

    @Option(names = "--name", description = "Name of the layout found (default: <start name>-optimised).")
    String name;

    @Mixin
    RulesOptions rulesOptions;

    @Override
    public Integer call() {
        Limits.whole("--steps", steps, 1, Limits.MAX_ENSEMBLE_STEPS);
        Limits.whole("--simulate", simulate, 0, Limits.MAX_REPLICATIONS);
        Limits.days("--days", days, "warm-up", 7);
        new FileRoles().input("--city", city).input("--from", from).output("--out", out).check();
        LayoutRules rules = rulesOptions.rules();
        City c = CityNotes.say(GeoJson.readCity(city), spec.commandLine().getErr());
        GridLayout start = GeoJson.readLayout(from, c);
        if (simulate > 0) {
            Limits.checkRun("--simulate", c.households(), org.gridplan.sim.demand.DemandCatalog.defaults()
                    .totalRatePerHouseholdYear(), days);
        }
        StaffingSpec d = StaffingSpec.defaults();
        StaffingSpec staffing = new StaffingSpec(d.fullTimePerGrid(), d.partTimePerCommunity(), 0, 0, 0,
                d.fullTimeShift(), d.partTimeShift(), d.poolShift(), d.duty());
        TravelTimes travel = new TravelTimes(c);
        SimulationConfig settings = settings(seed);
        LayoutForecast forecast = new LayoutForecast(c, travel, settings, seed, c.buildingsByCommunity(),
                staffing.fullTimePerGrid(), staffing.fullTimeShift(), staffing.partTimePerCommunity() > 0
                        ? Optional.of(staffing.partTimeShift()) : Optional.empty(), staffing.duty());
        PrintWriter err = spec.commandLine().getErr();
        LayoutSearch.Result r;
        try {
            r = LayoutSearch.run(c, start, rules, seed, forecast, steps, name != null ? name
                    : start.name() + "-optimised", line -> {
                        err.println(line);
                        err.flush();
                    });
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InputException(from, e.getMessage());
        }
        GeoJson.writeLayout(c, r.layout(), out);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "layout search from %s: %,d proposals, %,d taken (%,d better), %.1f s -> %s%n",
                start.name(), r.steps(), r.accepted(), r.improved(), r.seconds(), out);
        w.printf(Locale.ROOT, "field-regime model: on time %.2f%% -> %.2f%%, urgent %.2f%% -> %.2f%%, mean response "
                + "%.1f"
                + " -> %.1f min%n", 100 * r.start().onTimeShare(), 100 * r.best().onTimeShare(),
                100 * r.start().urgentOnTimeShare(), 100 * r.best().urgentOnTimeShare(),
                r.start().meanResponseMinutes(), r.best().meanResponseMinutes());
        if (simulate > 0) {
            simulate(w, err, c, travel, staffing, start, r);
        }
        w.flush();
        return 0;
    }

    private SimulationConfig settings(long runSeed) {
        return SimulationConfig.builder().horizonDays(days).warmUpDays(7).seed(runSeed).build();
    }

    private void simulate(PrintWriter w, PrintWriter err, City c, TravelTimes travel, StaffingSpec staffing,
            GridLayout start, LayoutSearch.Result r) {
        GridLayout[] layouts = {start, r.layout()};
        double[][] onTime = new double[2][simulate];
        double[][] mean = new double[2][simulate];
        double[][] urgent = new double[2][simulate];
        long[] seeds = new long[simulate];
        FieldStandardStaffing planner = new FieldStandardStaffing();
        for (int i = 0; i < simulate; i++) {
            seeds[i] = Seeds.runSeed(seed, i);
            for (int k = 0; k < 2; k++) {
                RunResult run = new GridSimulation(c, layouts[k], planner.plan(c, layouts[k], staffing),
                        settings(seeds[i]), travel).runToEnd();
                onTime[k][i] = 100 * run.district().limits().onTimeResponseShare();
                double u = run.district().limits().urgentOnTimeResponseShare();
                urgent[k][i] = 100 * (Double.isNaN(u) ? 1 : u);
                mean[k][i] = run.district().response().mean();
            }
            err.printf(Locale.ROOT, "simulate: replication %d of %d: on time %.2f%% -> %.2f%%%n", i + 1, simulate,
                    onTime[0][i], onTime[1][i]);
            err.flush();
        }
        w.printf(Locale.ROOT, "simulated, %d replications of %.0f days (7 warm-up), run seeds of master seed %d as in"
                + " 'gridplan run' (%s), the same seeds for both layouts:%n", simulate, days, seed,
                OptimizeCommand.seedList(seeds));
        w.printf(Locale.ROOT, "%-20s %24s %24s %24s%n", "layout", "on time (%), 95% CI", "urgent on time (%)",
                "mean (min), 95% CI");
        for (int k = 0; k < 2; k++) {
            w.printf(Locale.ROOT, "%-20s %24s %24s %24s%n", layouts[k].name(),
                    OptimizeCommand.interval(MeanInterval.of(onTime[k])),
                    OptimizeCommand.interval(MeanInterval.of(urgent[k])),
                    OptimizeCommand.interval(MeanInterval.of(mean[k])));
        }
        w.println("gain of the layout found, the model's beside the simulated (paired, 95% CI):");
        w.printf(Locale.ROOT, "%-24s %12s %28s  %s%n", "KPI", "model", "simulated", "verdict");
        List<String> warnings = new ArrayList<>();
        OptimizeCommand.gainRow(w, warnings, "on time (points)", gain(r, f -> 100 * f.onTimeShare()),
                MeanInterval.of(difference(onTime)), false);
        OptimizeCommand.gainRow(w, warnings, "urgent on time (points)", gain(r, f -> 100 * f.urgentOnTimeShare()),
                MeanInterval.of(difference(urgent)), false);
        OptimizeCommand.gainRow(w, warnings, "mean response (min)", gain(r, Plan.Forecast::meanResponseMinutes),
                MeanInterval.of(difference(mean)), true);
        for (String x : warnings) {
            w.println("warning: " + x);
        }
    }

    private static OptionalDouble gain(LayoutSearch.Result r, java.util.function.ToDoubleFunction<Plan.Forecast> kpi) {
        return OptionalDouble.of(kpi.applyAsDouble(r.best()) - kpi.applyAsDouble(r.start()));
    }

    private static double[] difference(double[][] v) {
        double[] d = new double[v[0].length];
        for (int i = 0; i < d.length; i++) {
            d[i] = v[1][i] - v[0][i];
        }
        return d;
    }
}
