package org.gridplan.sim.agent;

import java.util.Objects;

/**
 * One worker of a staffing plan.
 *
 * @param id           unique worker id
 * @param type         full-time, part-time or professional
 * @param grid         the grid the worker is assigned to (for a part-time worker, the grid whose
 *                     community it backs up)
 * @param baseBuilding id of the building the worker starts from and returns to
 * @param shift        when the worker is on duty
 */
public record WorkerSpec(String id, WorkerType type, String grid, String baseBuilding, ShiftPattern shift) {

    public WorkerSpec {
        Objects.requireNonNull(id, "worker id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("worker id is blank");
        }
        Objects.requireNonNull(type, "worker " + id + ": type");
        Objects.requireNonNull(grid, "worker " + id + ": grid");
        Objects.requireNonNull(baseBuilding, "worker " + id + ": baseBuilding");
        Objects.requireNonNull(shift, "worker " + id + ": shift");
    }

    /** This worker on another shift. */
    public WorkerSpec withShift(ShiftPattern s) {
        return new WorkerSpec(id, type, grid, baseBuilding, s);
    }
}
