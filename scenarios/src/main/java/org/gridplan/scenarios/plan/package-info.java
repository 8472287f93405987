/**
 * The file side of district plans: candidate sites read from GeoJSON, and a plan of the optimizer's
 * façade ({@link org.gridplan.optimizer.plan.Plan}) written as {@code plan.json} and
 * {@code plan.geojson}. Planning itself is the optimizer's ({@link org.gridplan.optimizer.plan.Planner}).
 */
package org.gridplan.scenarios.plan;
