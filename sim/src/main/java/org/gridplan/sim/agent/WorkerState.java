package org.gridplan.sim.agent;

/** What a worker is doing. */
public enum WorkerState {
    /** Not on duty. */
    OFF_SHIFT,
    /** On duty at its base with nothing to do (patrol off or today's visits done). */
    IDLE,
    /** On duty, walking to or visiting a household; can be called away. */
    PATROLLING,
    /** On the way to an incident. */
    TRAVELLING,
    /** On site at an incident. */
    HANDLING,
    /** On the way back to base; can be called away. */
    RETURNING,
    /**
     * On the way to or at a piece of routine work (street patrol, information collection, admin,
     * a task, a household visit in a cycle); an urgent case calls it away, a routine case as the
     * routine policy says.
     */
    ROUTINE
}
