package org.gridplan.optimizer.bench;

import java.time.Duration;
import org.gridplan.optimizer.model.SitingPlan;
import org.gridplan.optimizer.solver.BranchSitingSolver;
import org.gridplan.optimizer.solver.SolveOptions;

/**
 * Runs a benchmark instance through {@link BranchSitingSolver} — the same constraint model and
 * moves as a district — and reports the value found, the gap and the time.
 *
 * <p>By default, when the optimum is known the solve stops as soon as it is reached (it is
 * proven, so nothing better exists) and the time is the time to reach it; otherwise, or with
 * {@code stopAtOptimum} off, it runs for the time limit or until it has not improved for half of
 * it, never looking at the optimum.
 */
public final class BenchRunner {

    private BenchRunner() {
    }

    /** Solves the instance with the time limit and seed, stopping at a known optimum. */
    public static BenchResult run(BenchInstance instance, Duration timeLimit, long seed) {
        return run(instance, timeLimit, seed, true);
    }

    /** Solves the instance with the time limit and seed; stops at a known optimum only if asked. */
    public static BenchResult run(BenchInstance instance, Duration timeLimit, long seed, boolean stopAtOptimum) {
        SolveOptions options = SolveOptions.ofTime(timeLimit).withSeed(seed)
                .withUnimprovedTimeLimit(timeLimit.dividedBy(2).isZero() ? timeLimit : timeLimit.dividedBy(2));
        if (stopAtOptimum && instance.optimum().isPresent()) {
            options = options.withStopAtTravel(instance.optimum().getAsLong());
        }
        long start = System.nanoTime();
        SitingPlan plan = BranchSitingSolver.solve(instance.problem(), options);
        double seconds = (System.nanoTime() - start) / 1e9;
        long found = Math.round(plan.travelObjective());
        return new BenchResult(instance.name(), plan.feasible() ? found : -1, plan.feasible(), instance.optimum(),
                seconds);
    }
}
