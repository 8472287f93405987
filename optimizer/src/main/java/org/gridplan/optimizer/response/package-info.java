/**
 * The analytic response model: expected response time of a grid from travel plus an M/M/c
 * (Erlang C) queueing delay, fast enough to evaluate inside a local-search move.
 *
 * <p>Why Erlang C rather than the hypercube model (Larson 1974): a grid's workers form one pool
 * serving the grid's Poisson incident stream first-come first-served, which is M/M/c; Erlang C
 * gives its waiting probability and mean wait in closed form in O(c), so a move that changes one
 * grid's staffing is re-evaluated in microseconds. The hypercube model captures cross-grid
 * fallback dispatch but needs a state space of 2^N for N workers. Where the model is weak:
 * high utilisation (the wait grows without bound as load approaches the worker count, while the
 * simulator's fallbacks absorb the surge), non-exponential service times (Erlang C assumes
 * exponential; the mean wait scales roughly with (1 + cv²)/2 of the service time), shifts
 * (the model takes a constant staffing level and has no off-shift waiting term), fallback dispatch
 * (a neighbouring grid's free worker removes most of the wait) and patrol (a patrolling worker is
 * already in the grid and finds some incidents itself). Measured against the simulator: within
 * 5% with workers always on shift, no patrol and no fallbacks; 14–18% high with fallbacks,
 * about 65% high with patrol, and about a thousandth of the simulated mean with the weekday day
 * shift (BENCHMARKS.md). Units: minutes; rates per minute.
 */
package org.gridplan.optimizer.response;
