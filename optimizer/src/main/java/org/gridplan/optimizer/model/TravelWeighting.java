package org.gridplan.optimizer.model;

/**
 * How the travel objective weighs a demand point's distance to its branch.
 */
public enum TravelWeighting {
    /** Distance times the point's households: the household-weighted p-median objective. */
    HOUSEHOLDS,
    /**
     * Every point weighs 1: the plain sum of distances, as in the OR-Library p-median and the
     * Osman–Christofides capacitated instances (households then only enter capacity and coverage).
     */
    UNIT
}
