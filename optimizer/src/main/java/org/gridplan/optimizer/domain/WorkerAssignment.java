package org.gridplan.optimizer.domain;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * A worker and the grid they serve, the planning variable; holds the worker's travel times from
 * home to every grid.
 */
@PlanningEntity
public class WorkerAssignment {

    @PlanningId
    private String id;
    private boolean fullTime;
    private double[] travelMinutes;

    @PlanningVariable
    private StaffingGrid grid;

    /** For OptaPlanner's cloning. */
    public WorkerAssignment() {
    }

    /**
     * An unassigned worker.
     *
     * @param id the worker's id
     * @param fullTime whether a full-time grid worker
     * @param travelMinutes travel from the worker's home to each grid, minutes (shared, read-only)
     */
    public WorkerAssignment(String id, boolean fullTime, double[] travelMinutes) {
        this.id = id;
        this.fullTime = fullTime;
        this.travelMinutes = travelMinutes;
    }

    /** The worker's id. */
    public String getId() {
        return id;
    }

    /** Whether a full-time grid worker. */
    public boolean isFullTime() {
        return fullTime;
    }

    /** The grid served, {@code null} while unassigned. */
    public StaffingGrid getGrid() {
        return grid;
    }

    /** Assigns a grid; only the solver and the mapping call this. */
    public void setGrid(StaffingGrid grid) {
        this.grid = grid;
    }

    /** Travel from home to the given grid, minutes. */
    public double travelTo(StaffingGrid g) {
        return travelMinutes[g.getIndex()];
    }

    /** Travel from home to the assigned grid in 1/100 minute, rounded (0 when unassigned). */
    public long travelCentiminutes() {
        return grid == null ? 0 : Math.round(travelMinutes[grid.getIndex()] * 100);
    }

    @Override
    public String toString() {
        return id + "->" + grid;
    }
}
