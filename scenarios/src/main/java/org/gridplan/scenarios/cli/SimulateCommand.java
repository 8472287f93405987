package org.gridplan.scenarios.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.demand.EscalationLevel;
import org.gridplan.sim.engine.GridSimulation;
import org.gridplan.sim.engine.IncidentKpis;
import org.gridplan.sim.engine.RunResult;
import org.gridplan.sim.engine.RunResultJson;
import org.gridplan.sim.engine.SimulationConfig;
import org.gridplan.sim.engine.Stats;
import org.gridplan.sim.engine.TravelModel;
import org.gridplan.sim.engine.WorkerKpis;
import org.gridplan.sim.io.AtomicFiles;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.io.StaffingCsv;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.TravelMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridplan simulate}: one simulation run of a city, layout and staffing plan. */
@Command(name = "simulate",
        description = "Simulate incidents, patrol, dispatch and escalation for a city divided by a layout, "
                + "and print the run's KPIs: response time (report or discovery to first arrival of a worker), "
                + "closure time, on-the-spot resolution, escalations, utilisation, patrol visits. "
                + "The same inputs and seed give the same numbers.",
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--city", required = true, paramLabel = "CITY.geojson", description = "The city.")
    Path city;

    @Option(names = "--layout", required = true, paramLabel = "LAYOUT.geojson", description = "The grid layout.")
    Path layout;

    @Option(names = "--staffing", paramLabel = "STAFFING.csv",
            description = "Workers, one a row: id,type,grid[,base][,shift]. Default: the field standard of one "
                    + "full-time worker per grid (Jidong county) plus --part-time workers per community.")
    Path staffing;

    @Option(names = "--part-time", paramLabel = "N", defaultValue = "2",
            description = "Without --staffing: part-time workers per community (default: ${DEFAULT-VALUE}).")
    int partTime;

    @Option(names = "--days", paramLabel = "DAYS", defaultValue = "365",
            description = "Simulated days (default: ${DEFAULT-VALUE}).")
    double days;

    @Option(names = "--warm-up", paramLabel = "DAYS", defaultValue = "7",
            description = "Days at the start left out of the KPIs (default: ${DEFAULT-VALUE}).")
    double warmUp;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Run seed (default: ${DEFAULT-VALUE}).")
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

    @Override
    public Integer call() {
        TravelModel travelModel = "none".equalsIgnoreCase(travel) ? TravelModel.none()
                : TravelModel.road(TravelMode.fromKey(travel));
        City c = GeoJson.readCity(city);
        GridLayout l = GeoJson.readLayout(layout, c);
        Staffing plan = staffing == null ? Staffing.oneFullTimePerGrid(c, l, partTime) : StaffingCsv.read(staffing, c, l);
        SimulationConfig config = SimulationConfig.builder()
                .horizonDays(days).warmUpDays(warmUp).seed(seed)
                .demand(DemandCatalog.defaults().withScale(demandScale))
                .travel(travelModel)
                .collectIncidentLog(incidents != null)
                .build();
        long start = System.nanoTime();
        RunResult result = GridSimulation.run(c, l, plan, config);
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
            StaffingCsv.write(plan, staffingOut);
        }
        print(spec.commandLine().getOut(), result, plan, seconds);
        return 0;
    }

    private static void print(PrintWriter out, RunResult r, Staffing plan, double seconds) {
        IncidentKpis d = r.district();
        out.printf(Locale.ROOT, "simulated %.0f days (%.0f warm-up) of city %s, layout %s: %d grids, %d workers, "
                        + "seed %d (%.1f s)%n", r.horizonDays(), r.warmUpDays(), r.city(), r.layout(), r.grids().size(),
                r.workers().size(), r.seed(), seconds);
        out.printf(Locale.ROOT, "incidents   %,d (%.1f%% found on patrol); reached %,d, closed %,d, open at end %,d%n",
                d.incidents(), pct(d.patrolDiscovered(), d.incidents()), d.reached(), d.closed(), d.open());
        out.println("response    " + stats(d.response(), "minutes", 1));
        // Closure takes days (a work order, its level, the reply): hours read better than thousands of minutes.
        out.println("closure     " + stats(d.closure(), "hours", 60));
        out.printf(Locale.ROOT, "reached     %.1f%% within 5 min, %.1f%% within 15 min%n", 100 * d.within5Share(),
                100 * d.within15Share());
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
        out.printf(Locale.ROOT, "patrol      %.1f%% of full-time workers meet the target of %.0f households a month "
                + "(Tianya district)%n", 100 * r.visitTargetShare(), WorkerKpis.VISIT_TARGET_PER_MONTH);
        out.flush();
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
