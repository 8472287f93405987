/**
 * The mutable OptaPlanner planning classes.
 *
 * <p>Branch siting: {@link org.gridplan.optimizer.domain.SitingSolution}, demand assignments
 * (planning entities whose variable is the branch site), candidate sites (shadow entities that
 * know which assignments point at them), the parameters fact and the constraint weights. Travel
 * costs are long integers in 1/100 of the distance unit
 * ({@link org.gridplan.optimizer.domain.DemandAssignment#COST_RESOLUTION}).
 *
 * <p>Worker assignment: {@link org.gridplan.optimizer.domain.StaffingSolution}, worker
 * assignments (entities whose variable is the grid), grids (facts) and the constraint weights.
 *
 * <p>Built only by {@code optimizer.mapping} from the immutable problems in
 * {@code optimizer.model}; nothing here depends on the model.
 */
package org.gridplan.optimizer.domain;
