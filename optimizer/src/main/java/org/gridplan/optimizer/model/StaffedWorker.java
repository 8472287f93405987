package org.gridplan.optimizer.model;

import java.util.Objects;
import org.gridplan.sim.agent.WorkerType;

/**
 * A worker to be assigned to a grid.
 *
 * @param id unique among the problem's workers
 * @param type full-time, part-time or professional (the simulator's kinds of worker)
 */
public record StaffedWorker(String id, WorkerType type) {

    /** Validates: non-blank id. */
    public StaffedWorker {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        if (id.isBlank()) {
            throw new IllegalArgumentException("worker id must not be blank");
        }
    }
}
