package org.gridplan.scenarios.batch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.gridplan.results.store.BatchInfo;
import org.gridplan.results.store.ResultsStore;
import org.gridplan.results.store.StoredLayout;
import org.gridplan.scenarios.spec.RunSettings;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.model.GridLayout;

/**
 * Runs a scenario's batch: every layout × sweep point × replication not yet in the results
 * database, in parallel, each committed by a single writer thread as soon as it is done.
 *
 * <p><b>Parallelism.</b> Runs are simulated on {@code threads} worker threads (each run is
 * single-threaded; runs share only the immutable city and layouts and the thread-safe travel-time
 * cache). Finished runs go through a small bounded queue to one writer thread that owns the
 * {@link ResultsStore}, so the database sees one writer and memory holds at most a few results
 * at a time however long the batch.
 *
 * <p><b>Determinism.</b> A run's result is a pure function of the scenario, its layout, sweep
 * point and run seed ({@link Seeds}); the thread count only changes the order in which runs are
 * committed, never their values.
 *
 * <p><b>Resume.</b> Runs already stored with status ok are skipped; the database must belong to the
 * same scenario hash ({@link ResultsStore#claim}). A run that throws is stored as failed with its
 * message and the batch goes on; it is tried again on the next resume.
 */
public final class BatchRunner implements BatchEngine {

    private static final int MAX_ERRORS = 5;

    private final StaffingPlanner planner;
    private final int threads;
    private final BatchProgress progress;

    /**
     * @param planner  builds each layout's staffing
     * @param threads  simulation threads, at least 1
     * @param progress told of each committed run
     */
    public BatchRunner(StaffingPlanner planner, int threads, BatchProgress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + " < 1");
        }
        this.planner = Objects.requireNonNull(planner, "planner");
        this.threads = threads;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** File name of the city in the batch folder. */
    public static final String CITY_FILE = "city.geojson";
    /** Folder of the layout files in the batch folder. */
    public static final String LAYOUT_DIR = "layouts";

    /** The end of the writer's queue. */
    private static final FinishedRun END = new FinishedRun(null, null);

    /**
     * Runs the runs of {@code scenario} missing from {@code store} and commits each.
     *
     * @throws SQLException when the database cannot be written (the batch stops; what was
     *                      committed stays)
     */
    public BatchOutcome run(Scenario scenario, ScenarioInputs inputs, ResultsStore store) throws SQLException {
        return run(scenario, inputs, store, r -> true);
    }

    /**
     * As {@link #run(Scenario, ScenarioInputs, ResultsStore)} for the runs {@code include} accepts
     * only (a selection procedure's next replications); the others are neither run nor counted.
     */
    @Override
    public BatchOutcome run(Scenario scenario, ScenarioInputs inputs, ResultsStore store,
            java.util.function.Predicate<RunSpec> include) throws SQLException {
        long start = System.nanoTime();
        Set<Integer> stored = prepare(scenario, inputs, store);
        List<RunSpec> todo = new ArrayList<>();
        int included = 0;
        for (RunSpec r : RunSpec.all(scenario)) {
            if (!include.test(r)) {
                continue;
            }
            included++;
            if (!stored.contains(r.runId())) {
                todo.add(r);
            }
        }
        int total = included;
        int resumed = total - todo.size();
        progress.started(total, resumed);
        boolean incidents = scenario.outputs().incidents();

        BlockingQueue<FinishedRun> queue = new ArrayBlockingQueue<>(2 * threads + 2);
        AtomicBoolean aborted = new AtomicBoolean();
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        SQLException[] writerError = new SQLException[1];
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        boolean cpuTimed = cpu.isCurrentThreadCpuTimeSupported() && cpu.isThreadCpuTimeEnabled();
        LongAdder simulationCpu = new LongAdder();
        AtomicLong writerCpu = new AtomicLong();

        Thread writer = new Thread(() -> {
            try {
                write(queue, store, incidents, resumed, total, aborted, ran, writerError);
            } finally {
                writerCpu.set(cpuTimed ? cpu.getCurrentThreadCpuTime() : 0);
            }
        }, "gridplan-results-writer");
        writer.start();

        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gridplan-run");
            t.setDaemon(true);
            return t;
        });
        try {
            for (RunSpec spec : todo) {
                pool.execute(() -> {
                    if (aborted.get()) {
                        return;
                    }
                    long cpu0 = cpuTimed ? cpu.getCurrentThreadCpuTime() : 0;
                    FinishedRun d = RunSimulation.simulate(planner, scenario, inputs, spec, incidents);
                    if (cpuTimed) {
                        simulationCpu.add(cpu.getCurrentThreadCpuTime() - cpu0);
                    }
                    if (d.result().isEmpty()) {
                        failed.incrementAndGet();
                        if (errors.size() < MAX_ERRORS) {
                            errors.add("run " + spec.runId() + ": " + d.record().error());
                        }
                    }
                    try {
                        while (!aborted.get() && !queue.offer(d, 100, TimeUnit.MILLISECONDS)) {
                            // The writer is behind; wait rather than hold more results in memory.
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // Runs in progress.
            }
            queue.put(END);
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
            aborted.set(true);
            throw new SQLException("interrupted", e);
        } finally {
            progress.finished();
        }
        if (writerError[0] != null) {
            throw writerError[0];
        }
        return new BatchOutcome(total, resumed, ran.get(), failed.get(), errors, (System.nanoTime() - start) / 1e9,
                threads, cpuTimed ? simulationCpu.sum() / 1e9 : Double.NaN,
                        cpuTimed ? writerCpu.get() / 1e9 : Double.NaN);
    }

    /** The writer thread's loop: commits each finished run until the end marker. */
    private void write(BlockingQueue<FinishedRun> queue, ResultsStore store, boolean incidents, int resumed, int total,
            AtomicBoolean aborted, AtomicInteger ran, SQLException[] writerError) {
        int done = resumed;
        // A layout's plan at a sweep point is the same for all its runs: its justifications and open
        // branches are stored with its first completed run of this session, not replaced at every run.
        Set<String> justified = new HashSet<>();
        while (true) {
            FinishedRun d;
            try {
                d = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (d.spec() == null) {
                return;
            }
            if (aborted.get()) {
                continue;
            }
            try {
                String plan = d.record().layout() + "\n" + d.record().point();
                boolean first = d.result().isPresent() && !justified.contains(plan);
                store.writeRun(d.record(), d.result(), incidents, d.response(),
                        first ? d.justifications() : List.of(), first ? d.openBranches() : List.of());
                if (d.result().isPresent()) {
                    ran.incrementAndGet();
                    justified.add(plan);
                }
                progress.committed(++done, total);
            } catch (SQLException | RuntimeException e) {
                writerError[0] = e instanceof SQLException s ? s : new SQLException(e.getMessage(), e);
                aborted.set(true);
            }
        }
    }

    /** The file of layout {@code index} (from 0) named {@code name} in the batch folder, relative to it. */
    public static String layoutFile(int index, String name) {
        return LAYOUT_DIR + "/" + (index + 1) + "-" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".geojson";
    }

    /**
     * What every engine does before its runs: claims {@code store} for the scenario (a database of
     * another scenario is refused), describes the batch ({@link #describe}) and returns the ids of
     * the runs stored already, which a resume skips.
     */
    public static Set<Integer> prepare(Scenario scenario, ScenarioInputs inputs, ResultsStore store)
            throws SQLException {
        store.claim(new BatchInfo(scenario.name(), scenario.hash(), scenario.runCount()), scenario.earlierHashes());
        describe(scenario, inputs, store);
        return store.completedRunIds();
    }

    /**
     * Makes the batch folder self-contained for reports: writes the city and every layout as
     * GeoJSON beside the database (the same scenario gives the same bytes, so a resume rewrites
     * them unchanged) and records the settings and layouts a report needs in the database.
     */
    private static void describe(Scenario scenario, ScenarioInputs inputs, ResultsStore store) throws SQLException {
        Path dir = store.file().toAbsolutePath().getParent();
        GeoJson.writeCity(inputs.city(), dir.resolve(CITY_FILE));
        List<StoredLayout> layouts = new ArrayList<>();
        for (int i = 0; i < inputs.layouts().size(); i++) {
            GridLayout l = inputs.layouts().get(i);
            String file = layoutFile(i, l.name());
            GeoJson.writeLayout(inputs.city(), l, dir.resolve(file));
            layouts.add(new StoredLayout(scenario.layouts().get(i).name(), l.gridCount(), file));
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("seed", Long.toString(scenario.seed()));
        settings.put("replications", Integer.toString(scenario.replications()));
        settings.put("sweep_mode", scenario.sweepMode().name().toLowerCase(Locale.ROOT));
        settings.put("city_file", CITY_FILE);
        Scenario.Optimise o = scenario.optimise();
        settings.put("optimise", o.branches() && o.workers() ? "branches,workers" : o.branches() ? "branches"
                : o.workers() ? "workers" : "none");
        settings.put("description", scenario.description());
        // The first surge window of every sweep point ("point@startDay:durationDays;..."), for the
        // report's figures of the surge window.
        List<String> windows = new ArrayList<>();
        for (int p = 0; p < scenario.points().size(); p++) {
            List<RunSettings.SurgeSpec> surges = scenario.points().get(p).settings().surges();
            if (!surges.isEmpty()) {
                windows.add(p + "@" + surges.get(0).startDay() + ":" + surges.get(0).durationDays());
            }
        }
        if (!windows.isEmpty()) {
            settings.put("surge_windows", String.join(";", windows));
        }
        store.describe(settings, layouts);
    }
}
