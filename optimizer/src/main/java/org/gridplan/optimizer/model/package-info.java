/**
 * The immutable branch-siting model: a {@link org.gridplan.optimizer.model.SitingProblem} (demand
 * points, candidate sites, a demand × site distance matrix, at most p branches, optional branch
 * capacity) and the {@link org.gridplan.optimizer.model.SitingPlan} the solver returns.
 *
 * <p>Units: distances in the unit the matrix states (minutes or metres); household counts as
 * integers. Nothing here depends on OptaPlanner; {@code optimizer.mapping} translates to and from
 * the planning classes in {@code optimizer.domain}.
 */
package org.gridplan.optimizer.model;
