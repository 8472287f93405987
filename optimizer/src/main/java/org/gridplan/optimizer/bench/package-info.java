/**
 * Benchmark adapters: readers for published p-median instances with proven optima (OR-Library
 * pmed, Beasley 1985/1990; Osman &amp; Christofides 1994 capacitated; Lorena &amp; Senne 2004
 * capacitated, real distances, with {@link org.gridplan.optimizer.bench.CpmpFormat} telling the two
 * capacitated formats apart), turning each into a
 * {@link org.gridplan.optimizer.model.SitingProblem} solved by the same constraint model as a
 * district, and a runner that reports the value found, the gap to the optimum, the time and the
 * move evaluations.
 */
package org.gridplan.optimizer.bench;
