package org.gridplan.optimizer.bench;

import java.util.Objects;
import java.util.OptionalDouble;
import org.gridplan.optimizer.model.SitingProblem;

/**
 * A benchmark instance: its name, the siting problem it becomes, and its proven optimum if known.
 *
 * @param name the instance name, e.g. {@code pmed1}
 * @param problem the problem, with unit travel weights and the pure p-median weights
 * @param optimum the proven optimal objective (sum of distances), when known
 * @param decimals the decimals the optimum is published with: 0 for the integer-valued OR-Library
 *     instances, 2 for the real-valued Lorena–Senne ones; a value within half a unit of the last
 *     decimal of the optimum counts as optimal
 */
public record BenchInstance(String name, SitingProblem problem, OptionalDouble optimum, int decimals) {

    /** Validates. */
    public BenchInstance {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(optimum, "optimum");
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("decimals must be 0..6, got " + decimals);
        }
    }

    /** How far above the published optimum a value still counts as the optimum: half a unit of its last decimal. */
    public double tolerance() {
        return 0.5 * Math.pow(10, -decimals);
    }
}
