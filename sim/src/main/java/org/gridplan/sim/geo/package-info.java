/**
 * Coordinates as planners bring them: WGS84 longitude and latitude projected to metres for one
 * district ({@link org.gridplan.sim.geo.DistrictProjection}), and the offsets of Chinese web maps
 * (GCJ-02, BD-09) undone to WGS84 ({@link org.gridplan.sim.geo.ChineseOffsets}).
 */
package org.gridplan.sim.geo;
