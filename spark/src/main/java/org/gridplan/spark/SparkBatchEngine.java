package org.gridplan.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.gridplan.results.store.ResultsStore;
import org.gridplan.results.store.RunFiles;
import org.gridplan.scenarios.batch.BatchEngine;
import org.gridplan.scenarios.batch.BatchOutcome;
import org.gridplan.scenarios.batch.BatchRunner;
import org.gridplan.scenarios.batch.RunSpec;
import org.gridplan.scenarios.batch.ScenarioInputs;
import org.gridplan.scenarios.spec.Scenario;

/**
 * {@code gridplan run --engine spark}: the driver expands the scenario into its runs
 * ({@link RunSpec#all}, the same run seeds and common random numbers as the local runner), skips
 * those the results database holds, and runs the others as Spark tasks, one run a task
 * ({@link RunTask}). Each task writes its run's rows as Parquet, one file per table under
 * {@code <batch folder>/parquet/<scenario hash>/<table>/run-<id>.parquet} ({@link RunFiles}); while
 * the job runs, and once more at its end, the driver loads the runs whose files are complete into
 * the batch's {@code results.duckdb}, so the report, export and SQL read it as a local batch.
 *
 * <p><b>Resume and retries.</b> Runs stored in the database are not run again; runs whose files an
 * earlier session's tasks completed but whose driver stopped before loading them are loaded, not
 * run. A task that fails is tried again by Spark (the master's {@code spark.task.maxFailures}, or
 * {@code local[N,F]}); its files are replaced, and a run's rows in the database are replaced when
 * loaded again, so no row is ever doubled. A run that throws in the simulation is stored as failed,
 * as the local runner stores it, and runs again on the next resume.
 *
 * <p>The folder is keyed by the scenario's hash, so files of another version of the scenario are
 * never loaded. It stays after the batch: Spark jobs can read it as Parquet; delete it to save
 * space.
 */
final class SparkBatchEngine implements BatchEngine {

    /** Folder of the run files in the batch folder. */
    static final String STAGING = "parquet";

    /** How often the driver looks for runs to load while the job runs. */
    private static final long POLL_MILLIS = 1000;

    private static final int MAX_ERRORS = 5;

    private final Request request;
    private final TaskFault fault;
    private JavaSparkContext context;

    SparkBatchEngine(Request request) {
        this(request, TaskFault.NONE);
    }

    SparkBatchEngine(Request request, TaskFault fault) {
        this.request = Objects.requireNonNull(request, "request");
        this.fault = Objects.requireNonNull(fault, "fault");
    }

    /** The run files' folder of {@code scenario}'s batch in the folder of {@code store}. */
    static Path staging(ResultsStore store, Scenario scenario) {
        String hash = scenario.hash();
        return store.file().toAbsolutePath().getParent().resolve(STAGING)
                .resolve(hash.length() > 16 ? hash.substring(0, 16) : hash);
    }

    @Override
    public BatchOutcome run(Scenario scenario, ScenarioInputs inputs, ResultsStore store, Predicate<RunSpec> include)
            throws SQLException {
        long start = System.nanoTime();
        Set<Integer> stored = BatchRunner.prepare(scenario, inputs, store);
        Path staging = staging(store, scenario);
        List<RunSpec> wanted = RunSpec.all(scenario).stream().filter(include).toList();
        Set<Integer> missing = new TreeSet<>();
        for (RunSpec r : wanted) {
            if (!stored.contains(r.runId())) {
                missing.add(r.runId());
            }
        }
        // Runs an earlier session's tasks completed but did not get loaded: load them, do not run them.
        try {
            RunFiles.removeTemporaries(staging);
            Set<Integer> earlier = RunFiles.complete(staging);
            earlier.retainAll(missing);
            store.load(staging, earlier);
        } catch (IOException e) {
            throw new SQLException("cannot read " + staging + ": " + e.getMessage(), e);
        }
        Set<Integer> ok = store.completedRunIds();
        List<SparkRun> todo = new ArrayList<>();
        for (RunSpec r : wanted) {
            if (missing.contains(r.runId()) && !ok.contains(r.runId())) {
                todo.add(SparkRun.of(r));
            }
        }
        int total = wanted.size();
        int resumed = total - todo.size();
        request.progress().started(total, resumed);
        Tally tally = new Tally(total, resumed);
        int parallelism = 0;
        try {
            if (!todo.isEmpty()) {
                JavaSparkContext sc = context(scenario);
                parallelism = sc.defaultParallelism();
                RunTask task = new RunTask(request.scenarioFile(), request.overrides(), scenario.hash(),
                        request.planner().getClass().getName(), staging, scenario.outputs().incidents(), fault);
                if (sc.master().startsWith("local")) {
                    task.share(scenario, inputs, request.planner());
                }
                sc.setJobDescription("gridplan " + scenario.name() + ": " + todo.size() + " runs");
                JavaFutureAction<List<RunSummary>> job = sc.parallelize(todo, todo.size()).map(task).collectAsync();
                List<RunSummary> summaries = await(job, staging, store, todo, tally);
                loadNew(staging, store, todo, tally);
                for (RunSummary s : summaries) {
                    if (!s.ok()) {
                        tally.error("run " + s.runId() + ": " + s.error());
                    }
                }
                List<Integer> lost = todo.stream().map(SparkRun::runId).filter(id -> !tally.loaded.contains(id))
                        .toList();
                if (!lost.isEmpty()) {
                    // A task failed every attempt: Spark stops the job, and the runs it did not finish
                    // run on the next resume.
                    tally.failed += lost.size();
                    tally.error(String.format(Locale.ROOT, "the Spark job stopped (%s); %d %s not stored (run %s%s); "
                            + "run the same command again to resume", tally.jobError, lost.size(),
                            lost.size() == 1 ? "run was" : "runs were", lost.get(0), lost.size() == 1 ? "" : ", ..."));
                }
            }
        } finally {
            request.progress().finished();
        }
        return new BatchOutcome(total, resumed, tally.ok, tally.failed, tally.errors, (System.nanoTime() - start) / 1e9,
                parallelism, Double.NaN, Double.NaN);
    }

    /** The runs loaded and failed in this session, and the first errors. */
    private static final class Tally {
        final int total;
        int done;
        int ok;
        int failed;
        final Set<Integer> loaded = new LinkedHashSet<>();
        final List<String> errors = new ArrayList<>();
        String jobError = "";

        Tally(int total, int resumed) {
            this.total = total;
            this.done = resumed;
        }

        void error(String e) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(e);
            }
        }
    }

    /** Waits for the job, loading the runs whose files are complete as they come; the tasks' summaries. */
    private List<RunSummary> await(JavaFutureAction<List<RunSummary>> job, Path staging, ResultsStore store,
            List<SparkRun> todo, Tally tally) throws SQLException {
        while (true) {
            try {
                return job.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                try {
                    loadNew(staging, store, todo, tally);
                } catch (SQLException | RuntimeException ex) {
                    job.cancel(true);
                    throw ex;
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                String message = Objects.toString(cause.getMessage(), cause.getClass().getName());
                tally.jobError = message.lines().findFirst().orElse("");
                settle();
                return List.of();
            } catch (InterruptedException e) {
                job.cancel(true);
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", e);
            }
        }
    }

    /**
     * After a job stopped: waits (up to a minute) for its tasks still running, which Spark lets run
     * to their end, so that none is cut off by the context's stop, and their complete runs load.
     */
    private void settle() {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < until && Arrays.stream(context.sc().statusTracker().getExecutorInfos())
                .anyMatch(e -> e.numRunningTasks() > 0)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Loads the runs of {@code todo} whose files are complete and that are not loaded yet. */
    private void loadNew(Path staging, ResultsStore store, List<SparkRun> todo, Tally tally) throws SQLException {
        Set<Integer> complete;
        try {
            complete = RunFiles.complete(staging);
        } catch (IOException e) {
            throw new SQLException("cannot read " + staging + ": " + e.getMessage(), e);
        }
        Set<Integer> fresh = new TreeSet<>();
        for (SparkRun r : todo) {
            if (complete.contains(r.runId()) && !tally.loaded.contains(r.runId())) {
                fresh.add(r.runId());
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        RunFiles.Loaded l = store.load(staging, fresh);
        tally.loaded.addAll(fresh);
        tally.ok += l.ok();
        tally.failed += l.failed();
        tally.done += l.ok() + l.failed();
        request.progress().committed(tally.done, tally.total);
    }

    /** The Spark context, started on first need and kept for the batches of this command (a selection's steps). */
    private JavaSparkContext context(Scenario scenario) {
        if (context == null) {
            SparkConf conf = new SparkConf().setAppName("gridplan " + scenario.name());
            request.master().ifPresent(conf::setMaster);
            if (!conf.contains("spark.master")) {
                conf.setMaster("local[*]");
            }
            // gridplan prints its own progress; the web UI is no use to a local batch and takes a port.
            conf.setIfMissing("spark.ui.showConsoleProgress", "false");
            if (conf.get("spark.master").startsWith("local")) {
                conf.setIfMissing("spark.ui.enabled", "false");
            }
            context = new JavaSparkContext(conf);
        }
        return context;
    }

    @Override
    public void close() {
        if (context != null) {
            context.stop();
            context = null;
        }
    }
}
