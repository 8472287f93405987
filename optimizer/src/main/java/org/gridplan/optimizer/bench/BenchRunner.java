package org.gridplan.optimizer.bench;

import java.time.Duration;
import java.util.OptionalLong;
import org.gridplan.optimizer.mapping.SitingMapper;
import org.gridplan.optimizer.model.SitingPlan;
import org.gridplan.optimizer.model.SitingProblem;
import org.gridplan.optimizer.solver.BranchSitingSolver;
import org.gridplan.optimizer.solver.SitingOutcome;
import org.gridplan.optimizer.solver.SolveOptions;

/**
 * Runs a benchmark instance through {@link BranchSitingSolver} — the same constraint model and
 * moves as a district — and reports the value found, the gap, the time and the move evaluations.
 *
 * <p>A run ends at the first of: the proven optimum (when known and {@code stopAtOptimum}; it is
 * proven, so nothing better exists), the move-evaluation budget, or the time limit. The first two
 * are counts, so the plan and the evaluation count are the same on every machine for the same file,
 * seed and budget; only the time differs. The time limit is a cap for slow machines: a run it ends
 * says so, as its plan depends on the machine's speed. There is no unimproved-time limit: a search
 * that has not improved for a while still uses the budget given.
 */
public final class BenchRunner {

    /** Move evaluations per point and median of the default budget (see {@link #defaultEvaluations}). */
    static final long EVALUATIONS_PER_POINT_MEDIAN = 2_000;
    /** The smallest default budget. */
    static final long MIN_EVALUATIONS = 2_000_000;
    /** The largest default budget: about 40 s on the 2-core machine of BENCHMARKS.md, under the 60 s cap. */
    static final long MAX_EVALUATIONS = 6_000_000;

    private BenchRunner() {
    }

    /**
     * The default move-evaluation budget for an instance: {@value #EVALUATIONS_PER_POINT_MEDIAN} per
     * point and median, at least {@value #MIN_EVALUATIONS} and at most {@value #MAX_EVALUATIONS}
     * (SJC2, n = 200, p = 15: 6,000,000), so that on the machine of BENCHMARKS.md the budget, not
     * the clock, ends a run under the default time caps and the run is reproducible.
     */
    public static long defaultEvaluations(SitingProblem problem) {
        long scaled = EVALUATIONS_PER_POINT_MEDIAN * problem.demandCount() * problem.maxBranches();
        return Math.min(MAX_EVALUATIONS, Math.max(MIN_EVALUATIONS, scaled));
    }

    /** Solves the instance with the time limit and seed and the default budget, stopping at a known optimum. */
    public static BenchResult run(BenchInstance instance, Duration timeLimit, long seed) {
        return run(instance, timeLimit, seed, true);
    }

    /** Solves the instance with the time limit, seed and default budget; stops at a known optimum only if asked. */
    public static BenchResult run(BenchInstance instance, Duration timeLimit, long seed, boolean stopAtOptimum) {
        return run(instance, timeLimit, OptionalLong.empty(), seed, stopAtOptimum);
    }

    /**
     * Solves the instance.
     *
     * @param timeLimit the wall-clock cap
     * @param evaluations the move-evaluation budget, {@link #defaultEvaluations} when empty
     * @param seed the solver's seed
     * @param stopAtOptimum whether to stop on reaching the known optimum
     */
    public static BenchResult run(BenchInstance instance, Duration timeLimit, OptionalLong evaluations, long seed,
            boolean stopAtOptimum) {
        SitingProblem problem = instance.problem();
        SolveOptions options = SolveOptions.ofTime(timeLimit).withSeed(seed)
                .withEvaluationLimit(evaluations.orElse(defaultEvaluations(problem)));
        if (stopAtOptimum && instance.optimum().isPresent()) {
            options = options.withStopAtTravel(instance.optimum().getAsDouble() + instance.tolerance());
        }
        SitingOutcome outcome = BranchSitingSolver.solveOutcome(problem, options);
        SitingPlan plan = SitingMapper.toPlan(problem, outcome.solution());
        return new BenchResult(instance.name(), plan.travelObjective(), plan.feasible(), instance.optimum(),
                instance.decimals(), outcome.seconds(), outcome.evaluations(), outcome.ending());
    }
}
