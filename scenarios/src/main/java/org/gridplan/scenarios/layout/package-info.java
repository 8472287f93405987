/**
 * Candidate grid layouts: {@link org.gridplan.scenarios.layout.LayoutGenerator} divides every
 * community of a {@link org.gridplan.sim.model.City} into contiguous grids of a chosen size
 * within the {@link org.gridplan.sim.model.LayoutRules}, so a planner can compare alternative
 * redraws of the same district.
 *
 * <p>Units: households as integers, positions in metres.
 */
package org.gridplan.scenarios.layout;
