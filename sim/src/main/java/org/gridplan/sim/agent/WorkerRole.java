package org.gridplan.sim.agent;

/** How a worker enters dispatch. */
public enum WorkerRole {
    /** A full-time or professional worker of a grid: first call for that grid. */
    PRIMARY,
    /** A part-time worker backing up the grids of its community. */
    PART_TIME,
    /** A worker of a branch pool backing up the branch's grids. */
    BRANCH_POOL,
    /** A worker of a surge's emergency pool backing up every grid during the surge. */
    EMERGENCY,
    /** An out-of-hours duty worker of a duty roster: urgent cases only. */
    DUTY
}
