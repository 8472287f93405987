package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.gridplan.scenarios.batch.BatchEngine;
import org.gridplan.scenarios.batch.BatchProgress;
import org.gridplan.scenarios.batch.BatchRunner;
import org.gridplan.scenarios.batch.StaffingPlanner;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.sim.io.InputException;

/**
 * {@code gridplan run --engine}: the local runner (the default) or Spark, whose engine lives in
 * module {@code spark} and is on the class path only in the Spark form of gridplan
 * ({@code ./gridplan-spark}, or {@code spark-submit} of {@code gridplan-spark.jar}); the default jar
 * says how to get it instead of failing on a missing class.
 */
final class EngineChoice {

    /** Name of the Spark engine. */
    static final String SPARK = "spark";

    /** What the default jar says when asked for Spark. */
    static final String NO_SPARK = "--engine spark: this gridplan has no Spark engine (the default jar is kept "
            + "without Spark); run the batch with the Spark form of gridplan, './gridplan-spark run SCENARIO.yaml "
            + "--engine spark [--master local[N]]', or on a cluster 'spark-submit --master URL "
            + "spark/target/gridplan-spark.jar run SCENARIO.yaml --engine spark' (README, \"Batches on Spark\")";

    private final String engine;
    private final Optional<String> master;
    private final Optional<BatchEngine.Provider> provider;

    private EngineChoice(String engine, Optional<String> master, Optional<BatchEngine.Provider> provider) {
        this.engine = engine;
        this.master = master;
        this.provider = provider;
    }

    /**
     * Checks the engine options before anything is read or written.
     *
     * @throws InputException for an unknown engine, options of another engine, or Spark missing
     */
    static EngineChoice of(String engine, String master, Integer threads) {
        if (engine.equals(BatchEngine.LOCAL)) {
            if (master != null) {
                throw new InputException("--master " + master + ": only with --engine spark");
            }
            return new EngineChoice(engine, Optional.empty(), Optional.empty());
        }
        if (!engine.equals(SPARK)) {
            throw new InputException("--engine " + engine + ": unknown engine; use local (the default) or spark");
        }
        if (threads != null) {
            throw new InputException("--threads " + threads + ": only with --engine local; with --engine spark the "
                    + "master sets how many runs go at once (local[N], or the cluster's executor cores)");
        }
        Optional<BatchEngine.Provider> p = BatchEngine.provider(SPARK);
        if (p.isEmpty()) {
            throw new InputException(NO_SPARK);
        }
        return new EngineChoice(engine, Optional.ofNullable(master), p);
    }

    /** Whether this is the local runner. */
    boolean local() {
        return provider.isEmpty();
    }

    /** How the batch runs, for the first line of {@code gridplan run}: "2 threads", "engine spark". */
    String describe(int threads) {
        return local() ? Counts.of(threads, "thread", "threads")
                : "engine " + engine + master.map(m -> ", master " + m).orElse("");
    }

    /** The engine for one batch. */
    BatchEngine create(Path file, Scenario.Overrides overrides, StaffingPlanner planner, int threads,
            BatchProgress progress, PrintWriter err) {
        if (local()) {
            return new BatchRunner(planner, threads, progress);
        }
        return provider.get().create(new BatchEngine.Request(file, overrides, planner, master, progress, err));
    }
}
