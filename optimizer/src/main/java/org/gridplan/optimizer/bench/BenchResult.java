package org.gridplan.optimizer.bench;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import org.gridplan.optimizer.solver.SitingOutcome;

/**
 * One benchmark run: the value found, the optimum and gap when known, the wall time, the move
 * evaluations and what ended the solve.
 *
 * @param instance the instance name
 * @param value the objective of the best plan found (sum of distances, from the unrounded matrix),
 *     meaningful only when feasible
 * @param feasible whether that plan meets every hard constraint
 * @param optimum the proven optimum, when known
 * @param decimals the decimals the values are shown with (those of the published optimum)
 * @param seconds wall-clock seconds for the whole solve (construction and local search)
 * @param evaluations the move evaluations (score calculations) the solve took
 * @param ending what ended the solve
 */
public record BenchResult(String instance, double value, boolean feasible, OptionalDouble optimum, int decimals,
        double seconds, long evaluations, SitingOutcome.Ending ending) {

    /** Validates. */
    public BenchResult {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(optimum, "optimum");
        Objects.requireNonNull(ending, "ending");
    }

    /** The value found rounded to an integer (exact for the integer-valued instances), or -1 when infeasible. */
    public long found() {
        return feasible ? Math.round(value) : -1;
    }

    /**
     * The gap to the optimum in percent, {@code 100 (found - optimum) / optimum}, when known; the
     * value and the optimum are first rounded to the optimum's published decimals, so a plan at
     * the optimum has gap 0.
     */
    public OptionalDouble gapPercent() {
        if (optimum.isEmpty() || optimum.getAsDouble() == 0 || !feasible) {
            return OptionalDouble.empty();
        }
        double scale = Math.pow(10, decimals);
        double v = Math.round(value * scale) / scale;
        double o = Math.round(optimum.getAsDouble() * scale) / scale;
        return OptionalDouble.of(100.0 * (v - o) / o);
    }

    /**
     * One line: {@code pmed1 found 5819 optimum 5819 gap 0.00% time 0.4 s, 41,273 evaluations, at the optimum}.
     */
    public String line() {
        String number = "%." + decimals + "f";
        StringBuilder sb = new StringBuilder(instance).append(" found ")
                .append(feasible ? String.format(Locale.ROOT, number, value) : "infeasible");
        optimum.ifPresent(o -> sb.append(" optimum ").append(String.format(Locale.ROOT, number, o)));
        gapPercent().ifPresent(g -> sb.append(String.format(Locale.ROOT, " gap %.2f%%", g)));
        sb.append(String.format(Locale.ROOT, " time %.1f s, %,d evaluations, ", seconds, evaluations));
        return sb.append(switch (ending) {
            case TARGET_REACHED -> "at the optimum";
            case EVALUATION_LIMIT -> "evaluation budget used";
            case TIME_LIMIT -> "time limit reached first (the plan may differ on another machine)";
        }).toString();
    }
}
