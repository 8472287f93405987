package org.gridplan.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.gridplan.results.store.RunFiles;
import org.gridplan.scenarios.batch.FinishedRun;
import org.gridplan.scenarios.batch.RunSimulation;
import org.gridplan.scenarios.batch.ScenarioInputs;
import org.gridplan.scenarios.batch.StaffingPlanner;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.scenarios.spec.ScenarioReader;

/**
 * The Spark task of one run: simulates it exactly as the local runner does ({@link RunSimulation},
 * its run seed from the master seed) and writes its rows as {@link RunFiles} under the staging
 * folder, each file atomically and the {@code runs} file last, so a task tried again replaces its
 * files rather than adding to them.
 *
 * <p>The task carries the scenario's file, overrides and hash, not the scenario: each executor reads
 * the scenario again and loads its city and layouts once per JVM (kept for the tasks that follow),
 * and refuses to run when its copy of the scenario has another hash than the driver's. In local mode
 * the driver's own scenario and inputs are used ({@link #share}).
 */
final class RunTask implements Function<SparkRun, RunSummary> {

    private static final long serialVersionUID = 1L;

    /** A scenario as an executor has loaded it. */
    record Loaded(Scenario scenario, ScenarioInputs inputs, StaffingPlanner planner) {
    }

    /** Scenarios loaded in this JVM, by {@link #key}: one a batch, so a few at most. */
    private static final Map<String, Loaded> LOADED = new ConcurrentHashMap<>();

    /** Writers of run files, each with its in-memory database, reused by the tasks of this JVM. */
    private static final Queue<RunFiles> WRITERS = new ConcurrentLinkedQueue<>();

    private final String scenarioFile;
    private final Double days;
    private final Double warmUp;
    private final Integer replications;
    private final String hash;
    private final String plannerClass;
    private final String staging;
    private final boolean incidents;
    private final TaskFault fault;

    RunTask(Path scenarioFile, Scenario.Overrides overrides, String hash, String plannerClass, Path staging,
            boolean incidents, TaskFault fault) {
        this.scenarioFile = scenarioFile.toAbsolutePath().toString();
        this.days = overrides.horizonDays().isPresent() ? overrides.horizonDays().getAsDouble() : null;
        this.warmUp = overrides.warmUpDays().isPresent() ? overrides.warmUpDays().getAsDouble() : null;
        this.replications = overrides.replications().isPresent() ? overrides.replications().getAsInt() : null;
        this.hash = hash;
        this.plannerClass = plannerClass;
        this.staging = staging.toAbsolutePath().toString();
        this.incidents = incidents;
        this.fault = fault;
    }

    private String key() {
        return hash + "\n" + plannerClass + "\n" + scenarioFile;
    }

    /** Lets this JVM's tasks use the driver's scenario and inputs (local mode) instead of loading them again. */
    void share(Scenario scenario, ScenarioInputs inputs, StaffingPlanner planner) {
        if (LOADED.size() > 4) {
            LOADED.clear();
        }
        LOADED.put(key(), new Loaded(scenario, inputs, planner));
    }

    @Override
    public RunSummary call(SparkRun run) throws SQLException, IOException {
        Loaded l = LOADED.computeIfAbsent(key(), k -> load());
        FinishedRun f = RunSimulation.simulate(l.planner(), l.scenario(), l.inputs(), run.spec(), incidents);
        TaskContext context = TaskContext.get();
        int attempt = context == null ? 0 : context.attemptNumber();
        RunFiles writer = WRITERS.poll();
        if (writer == null) {
            writer = RunFiles.open();
        }
        try {
            writer.write(Path.of(staging), f.record(), f.result(), incidents, f.response(), f.justifications(),
                    f.openBranches(), table -> fault.written(run.runId(), attempt, table));
            WRITERS.add(writer);
        } catch (SQLException | IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
        return new RunSummary(run.runId(), f.result().isPresent(), f.record().error());
    }

    /** Reads the scenario and loads its inputs on this executor; refuses a scenario that is not the driver's. */
    private Loaded load() {
        StaffingPlanner planner;
        try {
            planner = (StaffingPlanner) Class.forName(plannerClass).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException i ? i.getCause() : e;
            throw new IllegalStateException("cannot make the staffing planner " + plannerClass + ": " + cause, cause);
        }
        Scenario.Overrides overrides = new Scenario.Overrides(
                days == null ? OptionalDouble.empty() : OptionalDouble.of(days),
                warmUp == null ? OptionalDouble.empty() : OptionalDouble.of(warmUp),
                replications == null ? OptionalInt.empty() : OptionalInt.of(replications));
        Scenario scenario;
        try {
            scenario = new ScenarioReader(planner.capabilities()).read(Path.of(scenarioFile), overrides);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("this worker cannot read the scenario " + scenarioFile + " (every node "
                    + "needs the scenario and the files it names at the same path): " + e.getMessage(), e);
        }
        if (!scenario.hash().equals(hash)) {
            throw new IllegalStateException("the scenario " + scenarioFile + " on this worker, or a file it names, "
                    + "differs from the driver's (hash " + scenario.hash() + ", not " + hash + "): every node needs "
                    + "the same files at the same path");
        }
        return new Loaded(scenario, ScenarioInputs.load(scenario), planner);
    }
}
