package org.gridplan.sim.agent;

/**
 * A worker's state and counters at a moment, for metrics. Counters cover the measured window
 * (after warm-up): an interval is clipped to it, a trip or visit counts when it ends in it.
 *
 * @param index         the worker's index in the simulation
 * @param id            worker id
 * @param type          worker type
 * @param role          how it enters dispatch
 * @param grid          grid index (home grid for part-time and pool workers)
 * @param state         current state
 * @param position      building index where it is or last was
 * @param served        incidents reached
 * @param busyMinutes   minutes travelling to or handling incidents
 * @param dutyMinutes   minutes on duty
 * @param travelMetres  metres travelled (to incidents, back to base, on patrol)
 * @param patrolVisits  patrol visits made
 */
public record WorkerSnapshot(int index, String id, WorkerType type, WorkerRole role, int grid, WorkerState state,
        int position, long served, double busyMinutes, double dutyMinutes, double travelMetres, long patrolVisits) {
}
