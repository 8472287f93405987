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
 * @param duty         whether the worker is an out-of-hours duty worker (值班) rather than a grid's
 *                     worker: it takes urgent cases of its grid's community only, on its shift or
 *                     in the hours outside it
 */
public record WorkerSpec(String id, WorkerType type, String grid, String baseBuilding, ShiftPattern shift,
        Duty duty) {

    /** Whether and when a worker is a duty worker. */
    public enum Duty {
        /** A grid's worker (full-time, part-time or professional). */
        NONE,
        /** A duty worker on duty during {@code shift}. */
        SHIFT,
        /** A duty worker on duty in every hour outside {@code shift} (the grid workers' shift). */
        OUT_OF_HOURS
    }

    /** A grid's worker, not a duty worker. */
    public WorkerSpec(String id, WorkerType type, String grid, String baseBuilding, ShiftPattern shift) {
        this(id, type, grid, baseBuilding, shift, Duty.NONE);
    }

    public WorkerSpec {
        Objects.requireNonNull(id, "worker id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("worker id is blank");
        }
        Objects.requireNonNull(type, "worker " + id + ": type");
        Objects.requireNonNull(grid, "worker " + id + ": grid");
        Objects.requireNonNull(baseBuilding, "worker " + id + ": baseBuilding");
        Objects.requireNonNull(shift, "worker " + id + ": shift");
        Objects.requireNonNull(duty, "worker " + id + ": duty");
    }

    /** This worker on another shift. */
    public WorkerSpec withShift(ShiftPattern s) {
        return new WorkerSpec(id, type, grid, baseBuilding, s, duty);
    }
}
