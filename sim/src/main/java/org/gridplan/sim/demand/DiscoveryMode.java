package org.gridplan.sim.demand;

/** How an incident becomes known to the grid. */
public enum DiscoveryMode {
    /** The resident reports it through the hotline or app as soon as it occurs. */
    RESIDENT_REPORT,
    /**
     * It stays latent until a patrolling worker visits its building, or until its latent period
     * runs out and the resident reports it after all.
     */
    PATROL
}
