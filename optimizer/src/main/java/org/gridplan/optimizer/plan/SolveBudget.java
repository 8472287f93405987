package org.gridplan.optimizer.plan;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long the two solves may run. The move-evaluation budgets, which grow with the problem, end
 * them, so the plan is the same on every machine; the time limit is a cap, and a plan it may have
 * ended says so ({@link Plan#notes()}).
 *
 * @param timeLimit                     wall-clock cap of each solve (siting, then staffing)
 * @param unimprovedLimit               when present, a solve also stops once its best plan has not
 *                                      improved for this long (the plan then depends on the
 *                                      machine's speed)
 * @param sitingEvaluationsPerGridBranch siting budget per grid × branch (at least 20,000 in all)
 * @param staffingEvaluationsPerWorker  staffing budget per worker (at least 20,000 in all)
 */
public record SolveBudget(Duration timeLimit, Optional<Duration> unimprovedLimit,
        long sitingEvaluationsPerGridBranch, long staffingEvaluationsPerWorker) {

    /** The fewest evaluations of either solve. */
    static final long MIN_EVALUATIONS = 20_000L;

    /**
     * The default: 30 s cap, 10 evaluations per grid × branch and 1,000 per worker; on a shared
     * 2-core machine a 1,256-grid, 40-branch, 1,800-worker district spends roughly 25 s on each (see
     * BENCHMARKS.md).
     */
    public static final SolveBudget DEFAULT = new SolveBudget(Duration.ofSeconds(30), Optional.empty(), 10, 1_000);

    /** Validates. */
    public SolveBudget {
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(unimprovedLimit, "unimprovedLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("solve budget: time limit " + timeLimit + " must be positive");
        }
        if (sitingEvaluationsPerGridBranch < 1 || staffingEvaluationsPerWorker < 1) {
            throw new IllegalArgumentException("solve budget: evaluation budgets must be at least 1 per grid x branch"
                    + " and per worker");
        }
    }

    /** The default budgets with another time cap. */
    public static SolveBudget ofTime(Duration timeLimit) {
        return DEFAULT.withTimeLimit(timeLimit);
    }

    /** This budget with another time cap. */
    public SolveBudget withTimeLimit(Duration limit) {
        return new SolveBudget(limit, unimprovedLimit, sitingEvaluationsPerGridBranch, staffingEvaluationsPerWorker);
    }

    /** This budget stopping each solve after {@code limit} without improvement. */
    public SolveBudget withUnimprovedLimit(Duration limit) {
        return new SolveBudget(timeLimit, Optional.of(limit), sitingEvaluationsPerGridBranch,
                staffingEvaluationsPerWorker);
    }

    /** This budget with {@code evaluations} per worker for the staffing solve. */
    public SolveBudget withStaffingEvaluationsPerWorker(long evaluations) {
        return new SolveBudget(timeLimit, unimprovedLimit, sitingEvaluationsPerGridBranch, evaluations);
    }

    /** The siting solve's evaluations for {@code grids} grids and p = {@code branches}. */
    long sitingEvaluations(int grids, int branches) {
        return Math.max(MIN_EVALUATIONS, sitingEvaluationsPerGridBranch * grids * Math.max(1, branches));
    }

    /** The staffing solve's evaluations for {@code workers} workers. */
    long staffingEvaluations(int workers) {
        return Math.max(MIN_EVALUATIONS, staffingEvaluationsPerWorker * workers);
    }
}
