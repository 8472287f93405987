package org.gridplan.scenarios.batch;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import org.gridplan.results.store.ResultsStore;
import org.gridplan.scenarios.spec.Scenario;

/**
 * What runs a batch's runs into its results database: the local runner ({@link BatchRunner}, a
 * thread pool in this process) or an engine of its own module, found by name through
 * {@link Provider} (the Spark engine of module {@code spark}, kept out of the default jar). Every
 * engine runs the same runs ({@link RunSpec#all}, run seeds from the master seed) the same way
 * ({@link RunSimulation}), skips the runs stored already and stores the others, so a batch's
 * numbers do not depend on the engine.
 */
public interface BatchEngine extends AutoCloseable {

    /** Name of the local runner, the default engine. */
    String LOCAL = "local";

    /**
     * Runs the runs of {@code scenario} that {@code include} accepts and {@code store} lacks, and
     * stores each.
     *
     * @throws SQLException when the database cannot be written (the batch stops; what was stored stays)
     */
    BatchOutcome run(Scenario scenario, ScenarioInputs inputs, ResultsStore store, Predicate<RunSpec> include)
            throws SQLException;

    /** Releases what the engine holds (a Spark context); the local runner holds nothing. */
    @Override
    default void close() {
    }

    /** An engine of another module, listed in its {@code META-INF/services} under this interface's name. */
    interface Provider {

        /** The name {@code gridplan run --engine} gives it. */
        String name();

        /** An engine for one {@code gridplan run}. */
        BatchEngine create(Request request);
    }

    /**
     * What a {@code gridplan run} tells an engine of its own module.
     *
     * @param scenarioFile the scenario file, which remote workers read again (at the same path)
     * @param overrides    the command line's overrides of the scenario
     * @param planner      the staffing planner; remote workers make their own of the same class
     * @param master       the engine's master (Spark's master URL), if given
     * @param progress     told of the batch's progress
     * @param err          for warnings
     */
    record Request(Path scenarioFile, Scenario.Overrides overrides, StaffingPlanner planner, Optional<String> master,
            BatchProgress progress, PrintWriter err) {
    }

    /** The provider of engine {@code name} on the class path, if any. */
    static Optional<Provider> provider(String name) {
        for (Provider p : ServiceLoader.load(Provider.class)) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
