package org.gridplan.optimizer.plan;

import org.gridplan.optimizer.domain.StaffingConstraintConfiguration;
import org.gridplan.optimizer.model.SitingWeights;

/**
 * The soft-constraint weights of a plan (a scenario's {@code optimise.weights}); hard constraints
 * keep weight 1, since they are rules, not trade-offs. A weight of 0 switches its constraint off.
 *
 * @param siting             branch siting: travel, households outside the 5- and 15-minute
 *                           circles, load balance (see {@link SitingWeights})
 * @param expectedResponse   worker assignment: the analytic expected response
 * @param utilisationBalance worker assignment: balance of utilisation across workers
 * @param homeNearGrid       worker assignment: a worker's home near the grid
 */
public record PlanWeights(SitingWeights siting, long expectedResponse, long utilisationBalance, long homeNearGrid) {

    /** The optimiser's defaults. */
    public static final PlanWeights DEFAULT = new PlanWeights(SitingWeights.DEFAULT, 1, 1, 1);

    /** Validates: every weight 0 or more. */
    public PlanWeights {
        if (siting == null || expectedResponse < 0 || utilisationBalance < 0 || homeNearGrid < 0) {
            throw new IllegalArgumentException("plan weights must be 0 or more");
        }
    }

    /** The worker-assignment constraint configuration with these weights (a planning type: kept here). */
    StaffingConstraintConfiguration staffingConfiguration() {
        return StaffingConstraintConfiguration.ofSoftWeights(expectedResponse, utilisationBalance, homeNearGrid);
    }
}
