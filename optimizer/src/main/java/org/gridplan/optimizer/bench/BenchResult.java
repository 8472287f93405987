package org.gridplan.optimizer.bench;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One benchmark run: the value found, the optimum and gap when known, and the wall time.
 *
 * @param instance the instance name
 * @param found the objective of the best plan found (sum of distances), or -1 when infeasible
 * @param feasible whether that plan meets every hard constraint
 * @param optimum the proven optimum, when known
 * @param seconds wall-clock seconds for the whole solve (construction and local search)
 */
public record BenchResult(String instance, long found, boolean feasible, OptionalLong optimum, double seconds) {

    /** Validates. */
    public BenchResult {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(optimum, "optimum");
    }

    /** The gap to the optimum in percent, {@code 100 (found - optimum) / optimum}, when known. */
    public OptionalDouble gapPercent() {
        if (optimum.isEmpty() || optimum.getAsLong() == 0 || !feasible) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * (found - optimum.getAsLong()) / optimum.getAsLong());
    }

    /** One line: {@code pmed1 found 5819 optimum 5819 gap 0.00% time 0.4 s}. */
    public String line() {
        StringBuilder sb = new StringBuilder(instance).append(" found ")
                .append(feasible ? Long.toString(found) : "infeasible");
        optimum.ifPresent(o -> sb.append(" optimum ").append(o));
        gapPercent().ifPresent(g -> sb.append(String.format(Locale.ROOT, " gap %.2f%%", g)));
        return sb.append(String.format(Locale.ROOT, " time %.1f s", seconds)).toString();
    }
}
