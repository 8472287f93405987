package org.gridplan.optimizer.model;

/**
 * The kinds of grid worker in the field reports (Jidong county: 633 full-time, 1,508 part-time and
 * 458 professional workers for 633 grids).
 */
public enum WorkerType {
    /** Full-time grid worker (网格员): every grid with demand needs one. */
    FULL_TIME,
    /** Part-time grid worker. */
    PART_TIME,
    /** Professional (police, judicial, urban management). */
    PROFESSIONAL,
    /** Building head or volunteer. */
    VOLUNTEER
}
