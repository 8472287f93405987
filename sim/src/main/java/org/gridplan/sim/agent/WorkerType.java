package org.gridplan.sim.agent;

/**
 * The kinds of grid staff in the field reports (Jidong county: 633 full-time, 1,508 part-time and
 * 458 professional workers for 633 grids).
 */
public enum WorkerType {
    /** Full-time grid worker (专职网格员): primary for a grid, patrols it. */
    FULL_TIME,
    /** Part-time grid worker (兼职网格员): limited hours, backs up the grids of a community. */
    PART_TIME,
    /** Professional (police, judicial, urban management) assigned to a grid: primary, no patrol. */
    PROFESSIONAL
}
