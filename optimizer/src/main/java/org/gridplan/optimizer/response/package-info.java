/**
 * The analytic response models, fast enough to evaluate inside a local-search move.
 *
 * <p><b>The bare queueing model</b> ({@link org.gridplan.optimizer.response.GridResponse}): travel
 * plus an M/M/c (Erlang C) queueing delay. A grid's workers form one pool serving the grid's
 * Poisson incident stream first-come first-served, which is M/M/c; Erlang C gives its waiting
 * probability and mean wait in closed form in O(c). It holds with workers always on shift, no patrol
 * and no fallbacks (within 5% of the simulator, BENCHMARKS.md); with the field shift it misses the
 * wait for the next shift and predicts about a thousandth of the simulated mean.
 *
 * <p><b>The field-regime model</b> ({@link org.gridplan.optimizer.response.FieldResponseModel}):
 * the wait for the next shift from the arrival profile and the shift windows, the shift-start
 * backlog, the out-of-hours duty roster's travel from its location and linkage for urgent cases,
 * routine workload as reduced availability (the job in hand of the grid's routine workers, from a
 * numerical model of their working day), patrol discovery as a race against a late resident
 * report, the Erlang C wait and travel; per category, with the time limits on their clocks. Within
 * 3.3% of the simulated mean response and 1.1 points of the simulated on-time shares on nine
 * city/layout pairs (FieldModelIT, BENCHMARKS.md). Not modelled: backup dispatch of routine cases
 * between grids (the hypercube model's subject; off in the field regime, where a routine case
 * waits for its own grid), queue limits and patience, surges.
 *
 * <p>Both take the Erlang C formula from {@code org.gridplan.sim.engine.Queueing}, in its bounded
 * kind, which rates an overloaded grid with an infinite wait instead of rejecting it.
 *
 * <p>Units: minutes; rates per minute unless named per year.
 */
package org.gridplan.optimizer.response;
