package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gridplan.scenarios.batch.PhaseMeter;
import org.gridplan.scenarios.layout.LayoutGenerator;
import org.gridplan.scenarios.limits.Limits;
import org.gridplan.sim.engine.EngineBenchmark;
import org.gridplan.sim.generate.CityGenerator;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.LayoutRules;
import org.gridplan.sim.model.LayoutValidator;
import org.gridplan.sim.model.Violation;
import org.gridplan.sim.road.TravelTimes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridplan bench}: the benchmarks recorded in BENCHMARKS.md. */
@Command(name = "bench",
        description = "Benchmarks: measure speed and memory on this machine (figures for BENCHMARKS.md).",
        mixinStandardHelpOptions = true,
        subcommands = {BenchCommand.Foundation.class, BenchCommand.Engine.class, BenchPmedCommand.class,
                BenchCpmpCommand.class, BenchBatchCommand.class, BenchOptimizeCommand.class})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand: the usage, and the usage exit code. */
    @Override
    public Integer call() {
        return Main.usage(spec);
    }

    /** {@code gridplan bench foundation}: city, layout, validation and travel-time set-up. */
    @Command(name = "foundation",
            description = "Time the groundwork for a large district: city generation, layout generation, layout "
                    + "validation, and the travel-time set-up (one shortest-path tree per grid base and per candidate "
                    + "site). Prints wall time and peak heap per phase.",
            mixinStandardHelpOptions = true)
    static final class Foundation implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--households", defaultValue = "500000", paramLabel = "N",
                description = "District size (default: ${DEFAULT-VALUE}).")
        int households;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
                description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--target", defaultValue = "400", paramLabel = "HOUSEHOLDS",
                description = "Households per grid (default: ${DEFAULT-VALUE}).")
        int target;

        @Override
        public Integer call() {
            Limits.whole("--households", households, CityGenerator.MIN_HOUSEHOLDS, CityGenerator.MAX_HOUSEHOLDS);
            PrintWriter out = spec.commandLine().getOut();
            Runtime rt = Runtime.getRuntime();
            out.printf(Locale.ROOT, "machine: %d cores, max heap %.0f MiB, Java %s%n", rt.availableProcessors(),
                    rt.maxMemory() / 1048576.0, System.getProperty("java.version"));
            PhaseMeter meter = new PhaseMeter();
            City city = meter.measure("city generation", () ->
                    new CityGenerator(CityGenerator.Spec.of(households, seed)).generate());
            LayoutGenerator.Result result = meter.measure("layout generation", () ->
                    new LayoutGenerator(LayoutGenerator.Spec.of(target)).generate(city));
            GridLayout layout = result.layout();
            List<Violation> violations = meter.measure("layout validation", () ->
                    LayoutValidator.validate(result.city(), layout, LayoutRules.urban()));
            int trees = meter.measure("travel-time set-up", () -> {
                TravelTimes times = new TravelTimes(result.city());
                return times.warm(sourceNodes(result.city(), layout));
            });
            out.printf(Locale.ROOT, "district: %,d households, %,d buildings, %,d road nodes, %,d grids, %d sites, "
                            + "%d violations, %,d shortest-path trees%n",
                    result.city().households(), result.city().buildings().size(), result.city().roads().nodeCount(),
                    layout.gridCount(), result.city().sites().size(), violations.size(), trees);
            for (PhaseMeter.Phase p : meter.phases()) {
                out.println(p.row());
            }
            out.println(new PhaseMeter.Phase("total", meter.totalSeconds(), meter.peakHeapBytes()).row());
            out.flush();
            return violations.isEmpty() ? 0 : Main.EXIT_FINDINGS;
        }

        /** One source per grid (the building nearest its household-weighted centre) and per site. */
        private static int[] sourceNodes(City city, GridLayout layout) {
            Map<String, List<Integer>> byGrid = layout.buildingsByGrid(city);
            int[] nodes = new int[byGrid.size() + city.sites().size()];
            int k = 0;
            for (List<Integer> members : byGrid.values()) {
                double sx = 0;
                double sy = 0;
                double w = 0;
                for (int i : members) {
                    Building b = city.buildings().get(i);
                    sx += b.x() * b.households();
                    sy += b.y() * b.households();
                    w += b.households();
                }
                nodes[k++] = city.roads().nearestNode(sx / w, sy / w);
            }
            for (int s = 0; s < city.sites().size(); s++) {
                nodes[k++] = city.siteAccessNode(s);
            }
            return nodes;
        }
    }

    /** {@code gridplan bench engine}: one simulated year of a large district. */
    @Command(name = "engine",
            description = "Time one simulated year of a generated district with the default configuration (one "
                    + "full-time worker per grid plus part-time staff, default demand), then a bare MASON schedule "
                    + "loop of the same number of events, and print both with their ratio and the peak heap. "
                    + "The simulation runs on one thread; pin the JVM to one core with taskset to measure that.",
            mixinStandardHelpOptions = true)
    static final class Engine implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--households", defaultValue = "500000", paramLabel = "N",
                description = "District size (default: ${DEFAULT-VALUE}).")
        int households;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
                description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--target", defaultValue = "400", paramLabel = "HOUSEHOLDS",
                description = "Households per grid (default: ${DEFAULT-VALUE}).")
        int target;

        @Option(names = "--part-time", defaultValue = "2", paramLabel = "N",
                description = "Part-time workers per community (default: ${DEFAULT-VALUE}).")
        int partTime;

        @Option(names = "--repeat", defaultValue = "3", paramLabel = "N",
                description = "Runs in the same JVM, seeds seed..seed+N-1; the first includes JIT warm-up "
                        + "(default: ${DEFAULT-VALUE}).")
        int repeat;

        @Override
        public Integer call() {
            Limits.whole("--repeat", repeat, 1, Limits.MAX_REPEAT);
            Limits.whole("--part-time", partTime, 0, Limits.MAX_PART_TIME_PER_COMMUNITY);
            Limits.whole("--households", households, CityGenerator.MIN_HOUSEHOLDS, CityGenerator.MAX_HOUSEHOLDS);
            PrintWriter out = spec.commandLine().getOut();
            Runtime rt = Runtime.getRuntime();
            out.printf(Locale.ROOT, "machine: %d cores available, max heap %.0f MiB, Java %s%n",
                    rt.availableProcessors(), rt.maxMemory() / 1048576.0, System.getProperty("java.version"));
            City city = new CityGenerator(CityGenerator.Spec.of(households, seed)).generate();
            LayoutGenerator.Result result = new LayoutGenerator(LayoutGenerator.Spec.of(target)).generate(city);
            for (int k = 0; k < repeat; k++) {
                out.printf("run %d:%n%s%n", k + 1,
                        EngineBenchmark.run(result.city(), result.layout(), partTime, seed + k)
                        .indent(2).stripTrailing());
                out.flush();
            }
            return 0;
        }
    }
}
