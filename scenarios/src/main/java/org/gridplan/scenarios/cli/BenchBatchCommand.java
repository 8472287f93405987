package org.gridplan.scenarios.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gridplan.results.store.ResultsStore;
import org.gridplan.scenarios.batch.BatchOutcome;
import org.gridplan.scenarios.batch.BatchProgress;
import org.gridplan.scenarios.batch.BatchRunner;
import org.gridplan.scenarios.batch.OptimisingStaffingPlanner;
import org.gridplan.scenarios.batch.ScenarioInputs;
import org.gridplan.scenarios.limits.Limits;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.scenarios.spec.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridplan bench batch}: throughput, thread speed-up and heap of a large batch. */
@Command(name = "batch",
        description = "After a small warm-up batch, run a batch of about --runs runs of a scenario (default: the "
                + "quickstart city and layouts) "
                + "once per thread count into a fresh results database, and print runs per second, the speed-up "
                + "over the first thread count, the peak heap, and the live heap after a full collection at every "
                + "tenth of the batch (flat when memory does not grow with the run count).",
        mixinStandardHelpOptions = true)
final class BenchBatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "FILE", defaultValue = "scenarios/examples/quickstart.yaml",
            description = "Scenario whose city, layouts and settings are run (default: ${DEFAULT-VALUE}).")
    Path scenarioFile;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "1000",
            description = "Runs in the batch, rounded up to whole replications (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--threads", paramLabel = "N", split = ",", defaultValue = "1,2",
            description = "Thread counts to run, comma-separated, one batch each in this order (default: "
                    + "${DEFAULT-VALUE}). A count may repeat, e.g. 1,2,1,2,1,2: the medians are then printed too, "
                    + "since one batch on a shared machine can be slow by chance.")
    List<Integer> threads;

    @Option(names = "--warm-up", paramLabel = "N", defaultValue = "90",
            description = "Runs of the JIT warm-up batch before the measured ones, rounded up to whole replications "
                    + "(default: ${DEFAULT-VALUE}; the compiler is still busy after 30).")
    int warmUp;

    @Option(names = "--days", paramLabel = "DAYS",
            description = "Replace the scenario's horizon (default: as written).")
    Double days;

    @Override
    public Integer call() throws IOException, SQLException {
        Limits.whole("--runs", runs, 1, ScenarioReader.MAX_RUNS);
        Limits.whole("--warm-up", warmUp, 0, ScenarioReader.MAX_RUNS);
        for (int n : threads) {
            Limits.whole("--threads", n, 1, Limits.MAX_THREADS);
        }
        PrintWriter out = spec.commandLine().getOut();
        // The planner a user's `gridplan run` uses; it plans each layout once and reuses the plan.
        OptimisingStaffingPlanner planner = new OptimisingStaffingPlanner();
        Scenario probe = new ScenarioReader(planner.capabilities()).read(scenarioFile);
        int perRep = probe.layouts().size() * probe.points().size();
        int reps = Math.max(1, (runs + perRep - 1) / perRep);
        Scenario scenario = new ScenarioReader(planner.capabilities()).read(scenarioFile, new Scenario.Overrides(
                days == null ? OptionalDouble.empty() : OptionalDouble.of(days), OptionalDouble.empty(),
                OptionalInt.of(reps)));
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "machine: %d cores available, max heap %.0f MiB, Java %s%n", rt.availableProcessors(),
                rt.maxMemory() / 1048576.0, System.getProperty("java.version"));
        long t0 = System.nanoTime();
        ScenarioInputs inputs = ScenarioInputs.load(scenario);
        CityNotes.say(inputs.city(), out);
        out.printf(Locale.ROOT, "scenario %s: %,d households, %s grids; %d runs (%d layouts × %d points × %d "
                        + "replications) of %.0f days; set-up %.2f s%n", scenario.name(), inputs.city().households(),
                inputs.layouts().stream().map(l -> Integer.toString(l.gridCount())).collect(Collectors.joining("/")),
                scenario.runCount(), scenario.layouts().size(), scenario.points().size(), reps,
                scenario.points().get(0).settings().horizonDays(), (System.nanoTime() - t0) / 1e9);
        out.flush();
        Path dir = Files.createTempDirectory("gridplan-bench-batch");
        try {
            measure(out, planner, scenario, inputs, perRep, dir);
        } finally {
            deleteTree(dir);
        }
        return 0;
    }

    private void measure(PrintWriter out, OptimisingStaffingPlanner planner, Scenario scenario, ScenarioInputs inputs,
            int perRep, Path dir) throws IOException, SQLException {
        Runtime rt = Runtime.getRuntime();
        // JIT warm-up on a small batch first, so the first thread count is not charged for it.
        Scenario warm = new ScenarioReader(planner.capabilities()).read(scenarioFile, new Scenario.Overrides(
                days == null ? OptionalDouble.empty() : OptionalDouble.of(days), OptionalDouble.empty(),
                OptionalInt.of(Math.max(1, (warmUp + perRep - 1) / perRep))));
        try (ResultsStore store = ResultsStore.open(dir.resolve("warm-up.duckdb"))) {
            BatchOutcome w = new BatchRunner(planner, rt.availableProcessors(),
                    BatchProgress.silent()).run(warm, inputs, store);
            out.printf(Locale.ROOT, "JIT warm-up: %d runs in %.1f s (not counted)%n", w.ran(), w.seconds());
        }
        double base = Double.NaN;
        Map<Integer, List<Double>> rates = new LinkedHashMap<>();
        for (int i = 0; i < threads.size(); i++) {
            int n = threads.get(i);
            Path db = dir.resolve("batch-" + (i + 1) + "-threads-" + n + ".duckdb");
            HeapSampler sampler = new HeapSampler(scenario.runCount());
            resetPeaks();
            long gc0 = gcMillis();
            long jit0 = jitMillis();
            long process0 = processCpuNanos();
            BatchOutcome o;
            try (ResultsStore store = ResultsStore.open(db)) {
                o = new BatchRunner(planner, n, sampler).run(scenario, inputs, store);
            }
            long peak = peakHeap();
            double rate = o.ran() / o.seconds();
            if (Double.isNaN(base)) {
                base = rate;
            }
            rates.computeIfAbsent(n, k -> new ArrayList<>()).add(rate);
            out.printf(Locale.ROOT, "threads %d: %d runs in %.1f s = %.2f runs/s, speed-up %.2f×, peak heap %.0f MiB, "
                            + "database %.1f MiB%n", n, o.ran(), o.seconds(), rate, rate / base, peak / 1048576.0,
                    Files.size(db) / 1048576.0);
            double processCpu = (processCpuNanos() - process0) / 1e9;
            double gc = (gcMillis() - gc0) / 1e3;
            double jit = (jitMillis() - jit0) / 1e3;
            out.printf(Locale.ROOT, "  CPU per run (ms): simulation %.1f, results writer %.1f, collector pauses %.1f "
                            + "(wall, all threads stopped), JIT compilation %.1f, whole process %.1f; cores busy "
                                    + "%.2f of %d%n",
                    1e3 * o.simulationCpuSeconds() / o.ran(), 1e3 * o.writerCpuSeconds() / o.ran(), 1e3 * gc / o.ran(),
                    1e3 * jit / o.ran(), 1e3 * processCpu / o.ran(), processCpu / o.seconds(),
                            rt.availableProcessors());
            out.printf(Locale.ROOT, "  live heap after GC at 10%%..100%% of the batch (MiB): %s%n",
                    sampler.samples.stream().map(b -> String.format(Locale.ROOT, "%.0f", b / 1048576.0))
                            .collect(Collectors.joining(" ")));
            out.flush();
            Files.delete(db);
        }
        if (rates.values().stream().anyMatch(r -> r.size() > 1)) {
            // Repeated thread counts: the median rate of each, so one slow batch does not decide.
            double first = median(rates.values().iterator().next());
            rates.forEach((n, r) -> out.printf(Locale.ROOT,
                    "threads %d: median of %d batch%s %.2f runs/s, speed-up %.2f×%n",
                    n, r.size(), r.size() == 1 ? "" : "es", median(r), median(r) / first));
        }
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Total time the collectors report, milliseconds (their pauses, plus concurrent phases for G1). */
    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, g.getCollectionTime());
        }
        return sum;
    }

    /** Time the JIT compilers have spent compiling, milliseconds; 0 where the JVM does not say. */
    private static long jitMillis() {
        CompilationMXBean c = ManagementFactory.getCompilationMXBean();
        return c != null && c.isCompilationTimeMonitoringSupported() ? c.getTotalCompilationTime() : 0;
    }

    /** CPU time of the whole JVM process, nanoseconds, or 0 where the platform does not say. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid()) {
                p.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset (as {@code PhaseMeter}: an upper bound). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid()) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Live heap after a full collection at each tenth of the batch, taken on the writer thread. */
    private static final class HeapSampler implements BatchProgress {
        final List<Long> samples = new ArrayList<>();
        final int total;
        int nextTenth = 1;

        HeapSampler(int total) {
            this.total = total;
        }

        @Override
        public void started(int total, int resumed) {
        }

        @Override
        public void committed(int done, int total) {
            while (nextTenth <= 10 && done * 10L >= (long) nextTenth * total) {
                System.gc();
                Runtime rt = Runtime.getRuntime();
                samples.add(rt.totalMemory() - rt.freeMemory());
                nextTenth++;
            }
        }

        @Override
        public void finished() {
        }
    }
}
