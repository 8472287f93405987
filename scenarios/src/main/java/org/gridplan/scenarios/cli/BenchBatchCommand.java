package org.gridplan.scenarios.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.gridplan.results.store.ResultsStore;
import org.gridplan.scenarios.batch.BatchOutcome;
import org.gridplan.scenarios.batch.BatchProgress;
import org.gridplan.scenarios.batch.BatchRunner;
import org.gridplan.scenarios.batch.OptimisingStaffingPlanner;
import org.gridplan.scenarios.batch.ScenarioInputs;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.scenarios.spec.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridplan bench batch}: throughput, thread speed-up and heap of a large batch. */
@Command(name = "batch",
        description = "After a small warm-up batch, run a batch of about --runs runs of a scenario (default: the quickstart city and layouts) "
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
            description = "Thread counts to run, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--days", paramLabel = "DAYS", description = "Replace the scenario's horizon (default: as written).")
    Double days;

    @Override
    public Integer call() throws IOException, SQLException {
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
        out.printf(Locale.ROOT, "scenario %s: %,d households, %s grids; %d runs (%d layouts × %d points × %d "
                        + "replications) of %.0f days; set-up %.2f s%n", scenario.name(), inputs.city().households(),
                inputs.layouts().stream().map(l -> Integer.toString(l.gridCount())).collect(Collectors.joining("/")),
                scenario.runCount(), scenario.layouts().size(), scenario.points().size(), reps,
                scenario.points().get(0).settings().horizonDays(), (System.nanoTime() - t0) / 1e9);
        out.flush();
        Path dir = Files.createTempDirectory("gridplan-bench-batch");
        // JIT warm-up on a small batch first, so the first thread count is not charged for it.
        Scenario warm = new ScenarioReader(planner.capabilities()).read(scenarioFile, new Scenario.Overrides(
                days == null ? OptionalDouble.empty() : OptionalDouble.of(days), OptionalDouble.empty(),
                OptionalInt.of(Math.max(1, 30 / perRep))));
        try (ResultsStore store = ResultsStore.open(dir.resolve("warm-up.duckdb"))) {
            BatchOutcome w = new BatchRunner(planner, rt.availableProcessors(),
                    BatchProgress.silent()).run(warm, inputs, store);
            out.printf(Locale.ROOT, "JIT warm-up: %d runs in %.1f s (not counted)%n", w.ran(), w.seconds());
        }
        double base = Double.NaN;
        for (int n : threads) {
            Path db = dir.resolve("t" + n + ".duckdb");
            HeapSampler sampler = new HeapSampler(scenario.runCount());
            resetPeaks();
            BatchOutcome o;
            try (ResultsStore store = ResultsStore.open(db)) {
                o = new BatchRunner(planner, n, sampler).run(scenario, inputs, store);
            }
            long peak = peakHeap();
            double rate = o.ran() / o.seconds();
            if (Double.isNaN(base)) {
                base = rate;
            }
            out.printf(Locale.ROOT, "threads %d: %d runs in %.1f s = %.2f runs/s, speed-up %.2f×, peak heap %.0f MiB, "
                            + "database %.1f MiB%n", n, o.ran(), o.seconds(), rate, rate / base, peak / 1048576.0,
                    Files.size(db) / 1048576.0);
            out.printf(Locale.ROOT, "  live heap after GC at 10%%..100%% of the batch (MiB): %s%n",
                    sampler.samples.stream().map(b -> String.format(Locale.ROOT, "%.0f", b / 1048576.0))
                            .collect(Collectors.joining(" ")));
            out.flush();
        }
        return 0;
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
