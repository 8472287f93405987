package org.gridplan.optimizer.solver;

import java.util.Objects;
import org.gridplan.optimizer.domain.SitingSolution;

/**
 * What a branch-siting solve did: the best solution, how many move evaluations it took, its wall
 * time and what ended it.
 *
 * @param solution the best solution found
 * @param evaluations move evaluations (score calculations) over all phases
 * @param seconds wall-clock seconds of the solve
 * @param ending what ended the solve
 */
public record SitingOutcome(SitingSolution solution, long evaluations, double seconds, Ending ending) {

    /** What ended a solve. */
    public enum Ending {
        /** The travel target of {@link SolveOptions#stopAtTravel()} was reached (a benchmark's optimum). */
        TARGET_REACHED,
        /**
         * The move-evaluation limit: the same problem, seed and limit give the same plan on any machine.
         */
        EVALUATION_LIMIT,
        /** A wall-clock limit (time or unimproved time) came first: the plan depends on the machine's speed. */
        TIME_LIMIT
    }

    /** Validates. */
    public SitingOutcome {
        Objects.requireNonNull(solution, "solution");
        Objects.requireNonNull(ending, "ending");
    }
}
