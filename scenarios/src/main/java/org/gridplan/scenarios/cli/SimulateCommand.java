package org.gridplan.scenarios.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.gridplan.scenarios.batch.OptimisingStaffingPlanner;
import org.gridplan.scenarios.batch.ScenarioInputs;
import org.gridplan.scenarios.limits.Limits;
import org.gridplan.scenarios.spec.RunSettings;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.scenarios.spec.Scenario.LayoutSource;
import org.gridplan.scenarios.spec.ScenarioException;
import org.gridplan.scenarios.spec.ScenarioReader;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.demand.EscalationLevel;
import org.gridplan.sim.engine.ConfigException;
import org.gridplan.sim.engine.FieldModel;
import org.gridplan.sim.engine.GridSimulation;
import org.gridplan.sim.engine.IncidentKpis;
import org.gridplan.sim.engine.LimitKpis;
import org.gridplan.sim.engine.PatrolConfig;
import org.gridplan.sim.engine.RoutineConfig;
import org.gridplan.sim.engine.RunResult;
import org.gridplan.sim.engine.RunResultJson;
import org.gridplan.sim.engine.SimulationConfig;
import org.gridplan.sim.engine.Stats;
import org.gridplan.sim.engine.TravelModel;
import org.gridplan.sim.engine.WorkHours;
import org.gridplan.sim.engine.WorkerKpis;
import org.gridplan.sim.io.AtomicFiles;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.io.InputException;
import org.gridplan.sim.io.StaffingCsv;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.TravelMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridplan simulate}: one simulation run of a city, layout and staffing plan, given as files
 * and options or taken from a scenario file.
 */
@Command(name = "simulate",
        description = "Simulate incidents, patrol, routine work, dispatch and escalation for a city divided by a "
                + "layout, and print the run's KPIs: response time (report or discovery to first arrival of a "
                + "worker), closure time, time limits met, on-the-spot resolution, escalations, utilisation, "
                + "visits and where the workers' hours went. Either --city and --layout files, or --scenario. "
                + "The same inputs and seed give the same numbers.",
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class SimulateCommand implements Callable<Integer> {

    /** Options of the form without a scenario, which a scenario replaces. */
    private static final List<String> FILE_FORM_ONLY = List.of("--city", "--staffing", "--part-time",
            "--demand-scale", "--travel", "--duty", "--no-routine");

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "SCENARIO.yaml",
            description = "Simulate one run of a scenario file: its city, the layout --layout names (default: the "
                    + "first), its staffing plan for that layout (or the layout's staffing file; duty roster "
                    + "included), demand, dispatch, routine, timeLimits, travel, horizon and warm-up. --city, "
                    + "--staffing, --part-time, --demand-scale, --travel, --duty and --no-routine do not apply then.")
    Path scenario;

    @Option(names = "--city", paramLabel = "CITY.geojson", description = "The city (required without --scenario).")
    Path city;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "The grid layout file (required without --scenario); with --scenario, the name of one of "
                    + "its layouts (default: the first).")
    String layout;

    @Option(names = "--point", paramLabel = "N",
            description = "With --scenario: the sweep point, numbered from 0 as in 'gridplan run' (default: 0).")
    Integer point;

    @Option(names = "--staffing", paramLabel = "STAFFING.csv",
            description = "Workers, one a row: id,type,grid[,base][,shift]. Default: the field standard of one "
                    + "full-time worker per grid (Jidong county) plus --part-time workers per community.")
    Path staffing;

    @Option(names = "--part-time", paramLabel = "N", defaultValue = "2",
            description = "Without --staffing: part-time workers per community (default: ${DEFAULT-VALUE}).")
    int partTime;

    @Option(names = "--duty", paramLabel = "SCOPE", defaultValue = "community",
            description = "The out-of-hours duty roster: community (one full-time grid worker per community on duty "
                    + "out of hours, in rotation, at the community office), branch (one per branch pool) or none "
                    + "(default: ${DEFAULT-VALUE}).")
    String duty;

    @Option(names = "--no-routine",
            description = "No routine work: no household visits, street patrol, information collection, admin or "
                    + "assigned tasks.")
    boolean noRoutine;

    @Option(names = "--days", paramLabel = "DAYS",
            description = "Simulated days (default: 365, or the scenario's horizonDays).")
    Double days;

    @Option(names = "--warm-up", paramLabel = "DAYS",
            description = "Days at the start left out of the KPIs (default: 7, or the scenario's warmUpDays).")
    Double warmUp;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Run seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--demand-scale", paramLabel = "FACTOR", defaultValue = "1.0",
            description = "Multiplies every incident rate of the default catalog (0.2 incidents per household "
                    + "a year; Zhanjiang ETDZ) (default: ${DEFAULT-VALUE}).")
    double demandScale;

    @Option(names = "--travel", paramLabel = "MODE", defaultValue = "ebike",
            description = "How workers travel: walk (72 m/min), ebike (250 m/min) or none (default: ${DEFAULT-VALUE}).")
    String travel;

    @Option(names = "--json", paramLabel = "RESULT.json", description = "Write the full run result as JSON.")
    Path json;

    @Option(names = "--incidents", paramLabel = "INCIDENTS.csv",
            description = "Write the per-incident log (worker, each timestamp, distance) as CSV.")
    Path incidents;

    @Option(names = "--staffing-out", paramLabel = "STAFFING.csv",
            description = "Write the staffing plan used, as a starting point for editing.")
    Path staffingOut;

    /** The inputs of the run. */
    private record Inputs(City city, GridLayout layout, Staffing staffing, SimulationConfig config) {
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Inputs in;
        if (scenario != null) {
            for (String option : FILE_FORM_ONLY) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    return bad(err, option + " does not apply with --scenario (the scenario gives it)");
                }
            }
            Scenario s;
            try {
                s = new ScenarioReader(new OptimisingStaffingPlanner().capabilities()).read(scenario,
                        new Scenario.Overrides(days == null ? OptionalDouble.empty() : OptionalDouble.of(days),
                                warmUp == null ? OptionalDouble.empty() : OptionalDouble.of(warmUp),
                                OptionalInt.empty()));
            } catch (ScenarioException e) {
                return ValidateCommand.report(err, e);
            }
            outputs().scenario("--scenario", scenario, s).check();
            in = fromScenario(s, err);
        } else {
            if (point != null) {
                return bad(err, "--point applies only with --scenario");
            }
            if (city == null || layout == null) {
                return bad(err, "give --city and --layout files, or --scenario");
            }
            outputs().input("--city", city).input("--layout", Path.of(layout)).input("--staffing", staffing).check();
            in = fromFiles(err);
        }
        if (in == null) {
            return Main.EXIT_BAD_INPUT;
        }
        long start = System.nanoTime();
        RunResult result;
        try {
            result = GridSimulation.run(in.city(), in.layout(), in.staffing(), in.config());
        } catch (ConfigException e) {
            // A plan read from --staffing that the engine refuses: name the file, not the scenario field.
            if (staffing != null && e.field().startsWith("staffing.workers")) {
                throw new InputException(staffing, e.getMessage().substring(e.field().length() + 2));
            }
            throw e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // Outputs are written only once the run has succeeded, each atomically.
        if (json != null) {
            AtomicFiles.write(json, out -> out.write(RunResultJson.toJson(result).getBytes(StandardCharsets.UTF_8)));
        }
        if (incidents != null) {
            AtomicFiles.write(incidents, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                RunResultJson.writeIncidentCsv(result.incidents(), w);
                w.flush();
            });
        }
        if (staffingOut != null) {
            StaffingCsv.write(in.staffing(), staffingOut);
        }
        String origin = scenario != null ? " (the scenario's staffing)" : staffing != null ? " (--staffing)"
                : " (the default: one full-time worker per grid and --part-time " + partTime + " per community)";
        print(spec.commandLine().getOut(), result, in.staffing(), origin, seconds);
        return 0;
    }

    /** The outputs this run will write, to check against its inputs before anything runs. */
    private FileRoles outputs() {
        return new FileRoles().output("--json", json).output("--incidents", incidents)
                .output("--staffing-out", staffingOut);
    }

    /**
     * The run of a scenario: its city, one layout, the planner's staffing (or the layout's staffing
     * file with the planner's pools and duty roster) and the point's settings.
     */
    private Inputs fromScenario(Scenario s, PrintWriter err) {
        int index = 0;
        if (layout != null) {
            index = -1;
            for (int i = 0; i < s.layouts().size(); i++) {
                if (s.layouts().get(i).name().equals(layout)) {
                    index = i;
                }
            }
            if (index < 0) {
                bad(err, "--layout " + layout + ": scenario " + scenario.getFileName() + " has no such layout "
                        + "(layouts: " + s.layouts().stream().map(LayoutSource::name).collect(Collectors.joining(", "))
                        + ")");
                return null;
            }
        }
        int p = point == null ? 0 : point;
        if (p < 0 || p >= s.points().size()) {
            bad(err, "--point " + p + ": scenario " + scenario.getFileName() + " has " + s.points().size()
                    + " sweep point" + (s.points().size() == 1 ? " (0)" : "s (0 to " + (s.points().size() - 1) + ")"));
            return null;
        }
        RunSettings settings = s.points().get(p).settings();
        City c = CityNotes.say(ScenarioInputs.city(s), spec.commandLine().getErr());
        RunBounds.scenario(s, c.households());
        GridLayout l = ScenarioInputs.layout(s, c, index);
        Optional<Staffing> given;
        try {
            given = ScenarioInputs.staffing(s, c, l, index);
        } catch (ScenarioException e) {
            ValidateCommand.report(err, e);
            return null;
        }
        OptimisingStaffingPlanner planner = new OptimisingStaffingPlanner();
        Staffing plan = given.isPresent() ? planner.plan(c, l, given.get(), settings, s.optimise())
                : planner.plan(c, l, settings, s.optimise());
        return new Inputs(c, l, plan, settings.config(seed, incidents != null));
    }

    /** The run of the form without a scenario: files, options and the defaults. */
    private Inputs fromFiles(PrintWriter err) {
        // The bounds of the scenario fields these options stand for (Limits).
        double horizon = days == null ? 365 : days;
        double warm = warmUp == null ? 7 : warmUp;
        Limits.days("--days", horizon, "--warm-up", warm);
        Limits.number("--demand-scale", demandScale, 0, false, Limits.MAX_DEMAND_SCALE);
        Limits.whole("--part-time", partTime, 0, Limits.MAX_PART_TIME_PER_COMMUNITY);
        DutyRoster roster;
        switch (duty.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> roster = DutyRoster.NONE;
            case "community" -> roster = DutyRoster.defaults();
            case "branch" -> {
                bad(err, "--duty branch keeps one roster per branch pool, and simulate without --scenario has no "
                        + "branch pools; give community or none, or a scenario with staffing.branchPoolPerCommunity");
                return null;
            }
            default -> {
                bad(err, "--duty '" + duty + "' is not one of: none, community, branch");
                return null;
            }
        }
        TravelModel travelModel = "none".equalsIgnoreCase(travel) ? TravelModel.none()
                : TravelModel.road(Main.option("--travel", () -> TravelMode.fromKey(travel)));
        City c = CityNotes.say(GeoJson.readCity(city), spec.commandLine().getErr());
        GridLayout l = GeoJson.readLayout(Path.of(layout), c);
        // A building without a grid cannot be simulated; name the layout file, not the engine's field.
        List<String> missing = c.buildings().stream().map(b -> b.id())
                .filter(id -> !l.gridOfBuilding().containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new InputException(Path.of(layout), String.format(Locale.ROOT, "%,d of the %,d buildings of city "
                    + "%s are in no grid (first: %s); every building needs a grid to be simulated; was the layout "
                    + "drawn on another city? 'gridplan layout validate' lists every problem", missing.size(),
                    c.buildings().size(), c.name(), missing.get(0)));
        }
        DemandCatalog demand = DemandCatalog.defaults().withScale(demandScale);
        Limits.checkRun("--demand-scale " + Limits.plain(demandScale) + " and --days " + Limits.plain(horizon)
                + " on the " + String.format(Locale.ROOT, "%,d", c.households()) + " households of --city",
                        c.households(),
                demand.totalRatePerHouseholdYear(), horizon);
        if (staffing == null) {
            Limits.checkWorkers("--part-time " + partTime + " in each of " + c.streetOfCommunity().size()
                    + " communities, with one full-time worker in each of " + l.gridCount() + " grids",
                    (long) partTime * c.streetOfCommunity().size() + l.gridCount());
        }
        Staffing plan = (staffing == null ? Staffing.oneFullTimePerGrid(c, l, partTime)
                : StaffingCsv.read(staffing, c, l)).withDuty(roster);
        FieldModel field = FieldModel.defaults();
        PatrolConfig visits = PatrolConfig.defaults();
        if (noRoutine) {
            field = field.withRoutine(RoutineConfig.off());
            visits = PatrolConfig.off();
        }
        SimulationConfig config = SimulationConfig.builder()
                .horizonDays(horizon).warmUpDays(warm).seed(seed)
                .demand(demand)
                .travel(travelModel)
                .patrol(visits)
                .field(field)
                .collectIncidentLog(incidents != null)
                .build();
        return new Inputs(c, l, plan, config);
    }

    private static int bad(PrintWriter err, String message) {
        err.println("error: " + message);
        err.flush();
        return Main.EXIT_BAD_INPUT;
    }

    private static void print(PrintWriter out, RunResult r, Staffing plan, String origin, double seconds) {
        IncidentKpis d = r.district();
        out.printf(Locale.ROOT, "simulated %.0f days (%.0f warm-up) of city %s, layout %s: %d grids, %d workers, "
                        + "seed %d (%.1f s)%n", r.horizonDays(), r.warmUpDays(), r.city(), r.layout(), r.grids().size(),
                r.workers().size(), r.seed(), seconds);
        long full = plan.workers().stream().filter(w -> w.type() == WorkerType.FULL_TIME).count();
        long part = plan.workers().stream().filter(w -> w.type() == WorkerType.PART_TIME).count();
        long pro = plan.workers().size() - full - part;
        // Said, so that figures beside optimize's (whose baseline is only the workers it is given) compare.
        out.printf(Locale.ROOT, "staffing    %d full-time, %d part-time, %d professional%s%n", full, part, pro,
                origin);
        out.println("duty        " + plan.duty().label() + (plan.duty().active()
                ? plan.duty().hours().map(h -> ", " + h.name()).orElse(", out of hours") : ""));
        out.printf(Locale.ROOT, "incidents   %,d (%.1f%% found on patrol); reached %,d, closed %,d, open at end %,d%n",
                d.incidents(), pct(d.patrolDiscovered(), d.incidents()), d.reached(), d.closed(), d.open());
        out.println("response    " + stats(d.response(), "minutes", 1));
        // Closure takes days (a work order, its level, the reply): hours read better than thousands of minutes.
        out.println("closure     " + stats(d.closure(), "hours", 60));
        out.printf(Locale.ROOT, "reached     %.1f%% within 5 min, %.1f%% within 15 min%n", 100 * d.within5Share(),
                100 * d.within15Share());
        LimitKpis lim = d.limits();
        out.printf(Locale.ROOT, "on time     response %s (urgent %s), closure %s; %,d open cases overdue%n",
                share(lim.onTimeResponseShare()), share(lim.urgentOnTimeResponseShare()),
                share(lim.onTimeClosureShare()), lim.overdueOpen());
        out.printf(Locale.ROOT, "cases       %,d linked to professionals, %,d lost (queue full), %,d abandoned%n",
                lim.linked(), lim.lost(), lim.abandoned());
        out.printf(Locale.ROOT, "on the spot %.1f%% resolved; escalated: %s%n", 100 * d.onSpotShare(),
                d.escalations().entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %,d", level(e.getKey()), e.getValue()))
                        .collect(Collectors.joining(", ")));
        for (WorkerType type : WorkerType.values()) {
            var ws = r.workers().stream().filter(w -> w.type() == type && Double.isFinite(w.utilisation())).toList();
            if (!ws.isEmpty()) {
                out.printf(Locale.ROOT, "%-11s %d workers, utilisation mean %.1f%%, travel %.0f km each, "
                                + "%.1f patrol visits a month%n", StaffingCsv.typeKey(type), ws.size(),
                        100 * ws.stream().mapToDouble(WorkerKpis::utilisation).average().orElse(0),
                        ws.stream().mapToDouble(WorkerKpis::travelMetres).average().orElse(0) / 1000,
                        ws.stream().mapToDouble(WorkerKpis::visitsPerMonth).average().orElse(0));
            }
        }
        // Where the time went, per worker a week: minutes over the measured window / measured weeks.
        double weeks = (r.horizonDays() - r.warmUpDays()) / 7;
        for (WorkerType type : WorkerType.values()) {
            List<WorkHours> hs = r.workers().stream().filter(w -> w.type() == type).map(WorkerKpis::hours).toList();
            if (!hs.isEmpty()) {
                out.printf(Locale.ROOT, "hours       %s, a week per worker: routine %s, incidents %s, travel %s, "
                                + "idle %s, overtime %s%n", StaffingCsv.typeKey(type),
                        hours(hs, WorkHours::routine, weeks), hours(hs, WorkHours::incidents, weeks),
                        hours(hs, WorkHours::travel, weeks), hours(hs, WorkHours::idle, weeks),
                        hours(hs, WorkHours::overtime, weeks));
            }
        }
        out.printf(Locale.ROOT, "patrol      %.1f%% of full-time workers meet the target of %.0f households a month "
                + "(Tianya district)%n", 100 * r.visitTargetShare(), WorkerKpis.VISIT_TARGET_PER_MONTH);
        out.printf(Locale.ROOT, "visits      coverage %s (households visited within the visit cycle)%n",
                share(r.visitCoverage()));
        out.flush();
    }

    /** A share as a percentage, or {@code n/a} when there was nothing to measure (NaN). */
    private static String share(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "n/a";
    }

    /** The mean over workers of {@code part} (minutes over the window) in hours a week, or {@code n/a}. */
    private static String hours(List<WorkHours> hs, java.util.function.ToDoubleFunction<WorkHours> part,
            double weeks) {
        double mean = hs.stream().mapToDouble(part).average().orElse(Double.NaN) / 60 / weeks;
        return Double.isFinite(mean) ? String.format(Locale.ROOT, "%.1f", mean) : "n/a";
    }

    private static String level(EscalationLevel level) {
        return level.name().toLowerCase(Locale.ROOT);
    }

    private static double pct(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    /** The statistics of durations stored in minutes, shown in {@code unit} ({@code perUnit} minutes each). */
    private static String stats(Stats s, String unit, double perUnit) {
        if (s.count() == 0) {
            return "no incidents";
        }
        return String.format(Locale.ROOT, "%s: mean %.1f, p50 %.1f, p90 %.1f, p95 %.1f, max %.1f", unit,
                s.mean() / perUnit, s.p50() / perUnit, s.p90() / perUnit, s.p95() / perUnit, s.max() / perUnit);
    }

}
