package org.gridplan.optimizer.solver;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * How long and how a branch-siting solve runs.
 *
 * @param timeLimit wall-clock limit of the whole solve (positive)
 * @param unimprovedTimeLimit stop when the best score has not improved for this long
 * @param seed the solver's random seed; the same problem, seed and step limit give the same plan
 * @param evaluationLimit stop after this many move evaluations (score calculations): a
 *     deterministic limit, for reproducible runs and tests. (A local-search step limit would be
 *     deterministic too, but late acceptance takes ever more evaluations per step once the search
 *     has converged, so a step limit does not bound the run time.)
 * @param stopAtTravel stop right after the step that finds a plan meeting every hard constraint
 *     with a travel objective, recomputed from the unrounded distances, at or below this value (for
 *     benchmarks with a proven optimum: a step count, so the same on every machine); only with
 *     weights that make the soft score the pure travel objective ({@code SitingWeights.P_MEDIAN})
 */
public record SolveOptions(Duration timeLimit, Optional<Duration> unimprovedTimeLimit, long seed,
        OptionalLong evaluationLimit, OptionalDouble stopAtTravel) {

    /** Validates. */
    public SolveOptions {
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(unimprovedTimeLimit, "unimprovedTimeLimit");
        Objects.requireNonNull(evaluationLimit, "evaluationLimit");
        Objects.requireNonNull(stopAtTravel, "stopAtTravel");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive, got " + timeLimit);
        }
        unimprovedTimeLimit.ifPresent(d -> {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("unimproved time limit must be positive, got " + d);
            }
        });
    }

    /** A time limit only, seed 1. */
    public static SolveOptions ofTime(Duration timeLimit) {
        return new SolveOptions(timeLimit, Optional.empty(), 1L, OptionalLong.empty(), OptionalDouble.empty());
    }

    /** These options with another seed. */
    public SolveOptions withSeed(long newSeed) {
        return new SolveOptions(timeLimit, unimprovedTimeLimit, newSeed, evaluationLimit, stopAtTravel);
    }

    /** These options with an unimproved-time limit. */
    public SolveOptions withUnimprovedTimeLimit(Duration limit) {
        return new SolveOptions(timeLimit, Optional.of(limit), seed, evaluationLimit, stopAtTravel);
    }

    /** These options with a move-evaluation limit (deterministic). */
    public SolveOptions withEvaluationLimit(long evaluations) {
        return new SolveOptions(timeLimit, unimprovedTimeLimit, seed, OptionalLong.of(evaluations), stopAtTravel);
    }

    /** These options stopping at a known optimal travel objective. */
    public SolveOptions withStopAtTravel(double travel) {
        return new SolveOptions(timeLimit, unimprovedTimeLimit, seed, evaluationLimit, OptionalDouble.of(travel));
    }
}
