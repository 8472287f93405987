package org.gridplan.optimizer.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A worker → grid plan and its analytic KPIs.
 *
 * @param problemName the problem it solves
 * @param gridOfWorker worker id → grid id, for every worker
 * @param expectedResponseMinutes the district's expected response, minutes: the incident-weighted
 *     mean over grids of (mean home → grid travel of the grid's workers + Erlang C wait)
 * @param responseMinutesByGrid expected response per grid with demand and workers, minutes
 * @param feasible whether every grid with demand has a full-time worker and no grid is overloaded
 * @param score the solver's score, or {@code "baseline"} for a plan not from the solver
 * @param hardViolations one line per broken hard rule, empty when feasible
 */
public record StaffingPlan(String problemName, Map<String, String> gridOfWorker, double expectedResponseMinutes,
        Map<String, Double> responseMinutesByGrid, boolean feasible, String score, List<String> hardViolations) {

    /** Validates and copies. */
    public StaffingPlan {
        Objects.requireNonNull(problemName, "problemName");
        Objects.requireNonNull(score, "score");
        gridOfWorker = Map.copyOf(gridOfWorker);
        responseMinutesByGrid = Map.copyOf(responseMinutesByGrid);
        hardViolations = List.copyOf(hardViolations);
        if (feasible != hardViolations.isEmpty()) {
            throw new IllegalArgumentException("a plan is feasible exactly when it has no hard violations");
        }
    }
}
