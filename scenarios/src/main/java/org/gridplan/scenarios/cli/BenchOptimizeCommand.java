package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridplan.optimizer.plan.Plan;
import org.gridplan.optimizer.plan.PlanRequest;
import org.gridplan.optimizer.plan.PlanWorker;
import org.gridplan.optimizer.plan.Planner;
import org.gridplan.optimizer.plan.SitingRules;
import org.gridplan.optimizer.plan.SolveBudget;
import org.gridplan.scenarios.layout.LayoutGenerator;
import org.gridplan.sim.generate.CityGenerator;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.TravelMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridplan bench optimize}: the whole optimiser on a generated district of the size
 * (500,000 households, about 1,250 grids, 150 candidate sites, 1,800 full-time workers living
 * across the district): time to the first feasible plan and the improvement of the analytic
 * expected response over the nearest-site, one-worker-per-grid baseline.
 */
@Command(name = "optimize",
        description = {"Time the district optimiser on a generated district: branch siting (p branches, "
                + "capacity 1.15 x the even load) and worker -> grid assignment of workers who live in buildings "
                + "drawn in proportion to households. Prints the time to the first feasible plan of each solve "
                + "(building the problems included), the final scores and the analytic KPIs against the "
                + "nearest-site, one-worker-per-grid baseline."},
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class BenchOptimizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--households", defaultValue = "500000", paramLabel = "N",
            description = "District size (default: ${DEFAULT-VALUE}).")
    int households;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the city, the workers' homes and the solvers (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--target", defaultValue = "400", paramLabel = "HOUSEHOLDS",
            description = "Households per grid (default: ${DEFAULT-VALUE}).")
    int target;

    @Option(names = "--branches", defaultValue = "40", paramLabel = "P",
            description = "p, the most branches to open (default: ${DEFAULT-VALUE}).")
    int branches;

    @Option(names = "--workers", defaultValue = "1800", paramLabel = "N",
            description = "Full-time workers (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--time", defaultValue = "30s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Time limit of each solve (default ${DEFAULT-VALUE}).")
    Duration time;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "machine: %d cores available, max heap %.0f MiB, Java %s, load average %s%n",
                rt.availableProcessors(), rt.maxMemory() / 1048576.0, System.getProperty("java.version"),
                String.format(Locale.ROOT, "%.1f",
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        long t0 = System.nanoTime();
        City generated = new CityGenerator(CityGenerator.Spec.of(households, seed)).generate();
        LayoutGenerator.Result result = new LayoutGenerator(LayoutGenerator.Spec.of(target)).generate(generated);
        City city = result.city();
        GridLayout layout = result.layout();
        out.printf(Locale.ROOT, "district: %,d households, %,d grids, %,d candidate sites (generated in %.1f s)%n",
                city.households(), layout.gridCount(), city.sites().size(), (System.nanoTime() - t0) / 1e9);
        List<PlanWorker> people = PlanWorker.residents(city, workers, seed);
        long capacity = (long) Math.ceil(city.households() * 1.15 / branches);
        PlanRequest request = PlanRequest.builder(city, layout).workers(people).travel(TravelMode.EBIKE)
                .siting(SitingRules.DEFAULT.withMaxBranches(branches).withBranchCapacity(capacity)).seed(seed)
                .budget(SolveBudget.ofTime(time)).build();
        Plan plan = new Planner().plan(request, line -> {
            spec.commandLine().getErr().println(line);
            spec.commandLine().getErr().flush();
        });
        Plan.Kpis b = plan.baselineKpis();
        Plan.Kpis o = plan.optimisedKpis();
        Plan.Timings t = plan.timings();
        out.printf(Locale.ROOT, "problem built in %.2f s (travel times from %,d homes and %d sites)%n",
                t.setupSeconds(), people.size(), city.sites().size());
        out.printf(Locale.ROOT, "siting   (p = %d, capacity %,d): first feasible after %.2f s, final %s after %.1f s;"
                        + " feasible %s%n", branches, capacity, t.sitingFeasibleSeconds(), plan.sitingPlan().score(),
                t.sitingSeconds(), plan.sitingPlan().feasible());
        out.printf(Locale.ROOT, "staffing (%,d workers): first feasible after %.2f s, final %s after %.1f s; feasible"
                        + " %s%n", people.size(), t.staffingFeasibleSeconds(), plan.staffingPlan().score(),
                t.staffingSeconds(), plan.staffingPlan().feasible());
        out.printf(Locale.ROOT, "expected response: baseline %.3f min, optimised %.3f min (%.1f%% better)%n",
                b.expectedResponseMinutes(), o.expectedResponseMinutes(),
                100 * (1 - o.expectedResponseMinutes() / b.expectedResponseMinutes()));
        out.printf(Locale.ROOT, "households within 5 min of branch: baseline %.1f%%, optimised %.1f%%; within 15 min:"
                        + " %.1f%%, %.1f%%%n", 100 * b.within5Share(), 100 * o.within5Share(), 100 * b.within15Share(),
                100 * o.within15Share());
        out.printf(Locale.ROOT, "branch load max deviation from even: baseline %.1f%%, optimised %.1f%%%n",
                100 * b.branchLoadSpread(), 100 * o.branchLoadSpread());
        plan.notes().forEach(n -> out.println("note: " + n));
        out.flush();
        return 0;
    }
}
