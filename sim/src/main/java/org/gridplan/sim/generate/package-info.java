/**
 * Synthetic districts for experiments: {@link org.gridplan.sim.generate.CityGenerator} builds a
 * {@link org.gridplan.sim.model.City} (street lattice, arterials, streets, communities, buildings
 * and candidate branch sites) from a household count and a seed, calibrated on the field figures
 * listed in the design document. It runs package-private stages in order, each a class of its
 * own (lattice, roads, streets and communities, buildings, sites, repair).
 *
 * <p>Units: positions and lengths in metres, areas in square kilometres, counts as integers.
 * Generation is a pure function of its {@link org.gridplan.sim.generate.CityGenerator.Spec}.
 */
package org.gridplan.sim.generate;
