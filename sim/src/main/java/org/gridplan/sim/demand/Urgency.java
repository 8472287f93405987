package org.gridplan.sim.demand;

/**
 * How the joint command center triages a category. The center runs around the clock
 * (GB/T 33358-2016: hotline service 24 × 7); what differs is who is sent out of hours.
 */
public enum Urgency {
    /**
     * Sent at any hour: to the grid's own worker on shift, else the fallbacks, else the on-duty
     * worker of the duty roster (值班), else, after the linkage wait, a linked professional
     * (police / 110 linkage). Urgent cases interrupt any routine work.
     */
    URGENT,
    /** Handled by the grid's workers on shift; out of hours it waits for the next shift. */
    ROUTINE
}
