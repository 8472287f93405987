/**
 * Graphs in compressed sparse row form ({@link org.gridplan.sim.graph.CsrGraph}), shared by the
 * road network, building adjacency and layout generation: primitive arrays of arcs, built once,
 * searched without allocating per step. Depends on no other gridplan package.
 */
package org.gridplan.sim.graph;
