package org.gridplan.optimizer.solver;

import org.gridplan.optimizer.domain.WorkerAssignment;
import org.optaplanner.core.impl.heuristic.selector.common.nearby.NearbyDistanceMeter;

/**
 * The nearby distance between two workers for swap moves: the first worker's travel to the second
 * one's grid, so a swap mostly tries the workers whose grid lies near the first one's home (the
 * swaps that can shorten a trip). A worker not yet placed is far from every other.
 */
public class WorkerSwapDistanceMeter implements NearbyDistanceMeter<WorkerAssignment, WorkerAssignment> {

    @Override
    public double getNearbyDistance(WorkerAssignment origin, WorkerAssignment destination) {
        return destination.getGrid() == null ? Double.MAX_VALUE : origin.travelTo(destination.getGrid());
    }
}
