package org.gridplan.sim.engine;

/**
 * KPIs of one grid.
 *
 * @param grid        grid id
 * @param community   community id
 * @param households  households in the grid
 * @param kpis        incident KPIs of the grid's incidents
 */
public record GridKpis(String grid, String community, int households, IncidentKpis kpis) {
}
