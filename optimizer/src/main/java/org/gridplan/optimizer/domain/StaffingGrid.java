package org.gridplan.optimizer.domain;

import org.gridplan.optimizer.model.FieldTable;
import org.optaplanner.core.api.domain.lookup.PlanningId;

/**
 * A grid as the staffing solver sees it (a problem fact and the value of a worker's planning
 * variable): households and the incident load of the analytic response model.
 */
public class StaffingGrid {

    @PlanningId
    private String id;
    private int index;
    private long households;
    private double incidentsPerYear;
    private double meanServiceMinutes;
    private FieldTable field;

    /** For OptaPlanner. */
    public StaffingGrid() {
    }

    /**
     * A grid.
     *
     * @param id the grid's id
     * @param index its column in the travel matrix
     * @param households households in the grid
     * @param incidentsPerYear expected incidents a year
     * @param meanServiceMinutes mean minutes a worker is busy per incident
     */
    public StaffingGrid(String id, int index, long households, double incidentsPerYear, double meanServiceMinutes) {
        this.id = id;
        this.index = index;
        this.households = households;
        this.incidentsPerYear = incidentsPerYear;
        this.meanServiceMinutes = meanServiceMinutes;
    }

    /** A grid with its field-regime response table (null for the bare queueing model). */
    public StaffingGrid(String id, int index, long households, double incidentsPerYear, double meanServiceMinutes,
            FieldTable field) {
        this(id, index, households, incidentsPerYear, meanServiceMinutes);
        this.field = field;
    }

    /** The field-regime response table, or null. */
    public FieldTable getField() {
        return field;
    }

    /** The grid's id. */
    public String getId() {
        return id;
    }

    /** Its column in the travel matrix. */
    public int getIndex() {
        return index;
    }

    /** Households in the grid. */
    public long getHouseholds() {
        return households;
    }

    /** Expected incidents a year. */
    public double getIncidentsPerYear() {
        return incidentsPerYear;
    }

    /** Mean minutes a worker is busy per incident. */
    public double getMeanServiceMinutes() {
        return meanServiceMinutes;
    }

    /** Whether incidents arise here (then it needs a full-time worker). */
    public boolean hasDemand() {
        return incidentsPerYear > 0;
    }

    @Override
    public String toString() {
        return id;
    }
}
