/**
 * How the problems are solved. Branch siting: the constraint streams, their justifications, the
 * construction heuristic (greedy add, then nearest feasible assignment), the Teitz–Bart median
 * swap move, the nearby distance meter and the solver configuration, behind {@link
 * org.gridplan.optimizer.solver.BranchSitingSolver}. Worker assignment: the constraint streams on
 * the analytic response model and {@link org.gridplan.optimizer.solver.StaffingSolver}.
 *
 * <p>Reproducibility: the solver runs single-threaded ({@code moveThreadCount NONE}) in
 * {@code REPRODUCIBLE} mode with a fixed random seed, so the same problem, seed and move-evaluation
 * limit give the same plan. With an evaluation limit the branch-siting configuration has no spent
 * limit (simulated annealing would cool by the clock): the time limit is a cap applied from
 * outside, and {@link org.gridplan.optimizer.solver.BranchSitingSolver#solveOutcome} says when it
 * ended a solve. A wall-clock limit ends the search after however many moves fit, so time-ended
 * runs may differ from run to run; tests use evaluation limits. The capacitated median search
 * ({@link org.gridplan.optimizer.solver.CapacitatedMedianSearch}) counts its work in the same
 * evaluations.
 */
package org.gridplan.optimizer.solver;
