package org.gridplan.optimizer.solver;

/**
 * A new best solution found during a solve, as a progress listener sees it.
 *
 * @param solution the planning solution (the solver's working copy: read it, do not keep it)
 * @param score    its score as text, e.g. {@code 0hard/-1234soft}
 * @param feasible whether it is initialised and breaks no hard constraint
 * @param <S>      the planning solution type
 */
public record NewBest<S>(S solution, String score, boolean feasible) {
}
