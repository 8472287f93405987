package org.gridplan.optimizer.bench;

import java.util.Objects;
import java.util.OptionalLong;
import org.gridplan.optimizer.model.SitingProblem;

/**
 * A benchmark instance: its name, the siting problem it becomes, and its proven optimum if known.
 *
 * @param name the instance name, e.g. {@code pmed1}
 * @param problem the problem, with unit travel weights and the pure p-median weights
 * @param optimum the proven optimal objective (sum of distances), when known
 */
public record BenchInstance(String name, SitingProblem problem, OptionalLong optimum) {

    /** Validates. */
    public BenchInstance {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(optimum, "optimum");
    }
}
