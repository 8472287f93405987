/**
 * The immutable domain model: buildings, candidate branch sites, the city that holds them with
 * its road network, grid layouts, and the rules a layout must satisfy.
 *
 * <p>Units: positions and distances in metres, household counts as integers.
 */
package org.gridplan.sim.model;
