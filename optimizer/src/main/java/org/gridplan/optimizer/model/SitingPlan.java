package org.gridplan.optimizer.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A branch-siting plan: the open branches, the branch of every demand point, and what the plan
 * achieves.
 *
 * @param problemName the name of the problem it solves
 * @param openSites ids of the sites where a branch opens, in site order
 * @param siteOfDemand demand point id → site id of its branch, for every demand point
 * @param travelObjective the p-median objective: the sum over points of travel weight × distance,
 *     in the matrix's unit (household-minutes, or plain distance for {@link TravelWeighting#UNIT})
 * @param shareOutsideInnerCircle households farther than the inner circle from their branch, as a
 *     share of all households (0..1; 0 when there are no households)
 * @param shareOutsideOuterCircle likewise for the outer circle
 * @param householdsPerSite households per open site id
 * @param feasible whether every hard constraint holds
 * @param score the solver's score, e.g. {@code 0hard/-581900soft}
 * @param hardViolations one line per broken hard constraint, empty when feasible
 */
public record SitingPlan(String problemName, List<String> openSites, Map<String, String> siteOfDemand,
        double travelObjective, double shareOutsideInnerCircle, double shareOutsideOuterCircle,
        Map<String, Long> householdsPerSite, boolean feasible, String score, List<String> hardViolations) {

    /** Validates and copies. */
    public SitingPlan {
        Objects.requireNonNull(problemName, "problemName");
        Objects.requireNonNull(score, "score");
        openSites = List.copyOf(openSites);
        siteOfDemand = Map.copyOf(siteOfDemand);
        householdsPerSite = Map.copyOf(householdsPerSite);
        hardViolations = List.copyOf(hardViolations);
        if (feasible != hardViolations.isEmpty()) {
            throw new IllegalArgumentException("a plan is feasible exactly when it has no hard violations");
        }
    }
}
