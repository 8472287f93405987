/**
 * The mutable OptaPlanner planning classes of branch siting: the solution, the demand assignments
 * (planning entities whose variable is the branch site), the candidate sites (shadow entities that
 * know which assignments point at them), the parameters fact and the constraint weights.
 *
 * <p>Built only by {@code optimizer.mapping} from an immutable
 * {@link org.gridplan.optimizer.model.SitingProblem}. Travel costs are long integers in
 * 1/100 of the distance unit ({@link org.gridplan.optimizer.domain.DemandAssignment#COST_RESOLUTION}).
 */
package org.gridplan.optimizer.domain;
