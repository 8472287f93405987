package org.gridplan.optimizer.solver;

import org.gridplan.optimizer.domain.StaffingGrid;
import org.gridplan.optimizer.domain.WorkerAssignment;
import org.optaplanner.core.impl.heuristic.selector.common.nearby.NearbyDistanceMeter;

/**
 * The nearby distance from a worker to a grid: the worker's travel to it, so change moves mostly
 * try the grids near the worker's home.
 */
public class WorkerGridDistanceMeter implements NearbyDistanceMeter<WorkerAssignment, StaffingGrid> {

    @Override
    public double getNearbyDistance(WorkerAssignment origin, StaffingGrid destination) {
        return origin.travelTo(destination);
    }
}
