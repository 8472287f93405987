/**
 * The plan façade, the one way into the optimiser: a {@link org.gridplan.optimizer.plan.PlanRequest}
 * (grids, candidate sites, workers, demand catalog, travel, duty rules, siting rules, weights,
 * seed, budget) in, a {@link org.gridplan.optimizer.plan.Plan} (siting and worker plans against
 * their baselines, analytic KPIs, justifications in English and Chinese) out, made by
 * {@link org.gridplan.optimizer.plan.Planner}; the plan turns itself into the simulator's
 * {@link org.gridplan.sim.agent.Staffing}. Every type here is plain data or a plain class: no
 * OptaPlanner type appears in a public signature of this package.
 */
package org.gridplan.optimizer.plan;
