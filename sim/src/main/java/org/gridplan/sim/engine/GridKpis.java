package org.gridplan.sim.engine;

/**
 * KPIs of one grid.
 *
 * @param grid        grid id
 * @param community   community id
 * @param households  households in the grid
 * @param kpis        incident KPIs of the grid's incidents
 * @param visitCoverage share of the grid's households visited within the visit cycle; NaN
 *                    without a cycle
 */
public record GridKpis(String grid, String community, int households, IncidentKpis kpis, double visitCoverage) {

    /** KPIs without visit coverage. */
    public GridKpis(String grid, String community, int households, IncidentKpis kpis) {
        this(grid, community, households, kpis, Double.NaN);
    }
}
