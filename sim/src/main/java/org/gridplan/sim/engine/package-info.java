/**
 * The simulation engine: run configuration, the MASON model {@link org.gridplan.sim.engine.GridSimulation},
 * dispatch, and the immutable {@link org.gridplan.sim.engine.RunResult} of a run with its KPIs.
 */
package org.gridplan.sim.engine;
