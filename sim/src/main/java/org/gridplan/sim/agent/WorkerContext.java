package org.gridplan.sim.agent;

import sim.engine.Steppable;

/**
 * What a {@link GridWorker} may ask of the simulation it lives in; implemented by the engine so a
 * worker never casts the {@code SimState} or reaches into other objects. Buildings are city
 * indices, incidents are the engine's incident numbers, times are minutes.
 */
public interface WorkerContext {

    /** The current simulation time. */
    double now();

    /** Runs {@code event} once at {@code time} (not before now). */
    void scheduleAt(double time, Steppable event);

    /** Road distance in metres between two buildings; 0 when travel is off. */
    double metres(int fromBuilding, int toBuilding);

    /** Minutes to travel {@code metres}. */
    double minutesFor(double metres);

    /** Removes and returns the oldest waiting incident {@code worker} may serve, or -1. */
    int takeQueued(GridWorker worker);

    /** The building of an incident. */
    int buildingOf(int incident);

    /** The on-site service time of an incident, minutes. */
    double serviceMinutes(int incident);

    /** A worker has reached an incident (first arrival), after travelling {@code metres}. */
    void arrived(GridWorker worker, int incident, double metres);

    /** A worker has finished on site: resolved, or reported to the command center. */
    void handled(GridWorker worker, int incident);

    /** Whether {@code worker} should patrol now (patrol on, full-time, daily visits left). */
    boolean mayPatrol(GridWorker worker);

    /**
     * When {@code worker}, idle because it reached its daily patrol cap, may patrol again: the next
     * midnight if it is on duty then and before the horizon; infinite when it need not be woken.
     */
    double patrolResumes(GridWorker worker);

    /** The next building {@code worker} visits on patrol. */
    int nextPatrolBuilding(GridWorker worker);

    /** Minutes of one patrol visit. */
    double patrolVisitMinutes();

    /**
     * {@code worker} is visiting {@code building} on patrol: records the visit and reveals latent
     * incidents there. Returns one revealed incident for the worker to handle at once, or -1.
     */
    int visited(GridWorker worker, int building);

    /**
     * The next piece of routine work for {@code worker} now, taken off its to-do list, or null when
     * it has none (routine work off, not a full-time grid worker, nothing due).
     */
    RoutineJob nextRoutine(GridWorker worker);

    /**
     * Whether a routine case may interrupt {@code job} while the worker works at it (an urgent case
     * always may).
     */
    boolean routineInterruptible(RoutineJob job);

    /**
     * {@code worker} has reached the building of a household visit, or ended a patrol leg there:
     * the visit records itself, and either reveals the latent incidents of the building. Returns
     * one revealed incident for the worker to handle at once (a visit is then given up), or -1.
     */
    int routineArrived(GridWorker worker, RoutineJob job);

    /** {@code worker} finished {@code job}. */
    void routineDone(GridWorker worker, RoutineJob job);

    /**
     * {@code worker} gave up {@code job} after working {@code workedMinutes} of it (0 if it had not
     * reached it): the rest goes back on the to-do list.
     */
    void routineInterrupted(GridWorker worker, RoutineJob job, double workedMinutes);
}
