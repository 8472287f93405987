package org.gridplan.sim.demand;

import java.util.Objects;

/**
 * A kind of incident households raise, with everything the simulation needs to generate and
 * handle it.
 *
 * @param name                 unique name within a catalog, e.g. {@code disputes}
 * @param ratePerHouseholdYear incidents per household per year (365 days), before the catalog's
 *                             scale; zero or more
 * @param profile              time-of-day and weekday weights
 * @param discovery            how it becomes known
 * @param latentPeriod         for {@link DiscoveryMode#PATROL}: minutes from occurrence until the
 *                             resident reports it if no patrol has found it (ignored for
 *                             {@link DiscoveryMode#RESIDENT_REPORT})
 * @param service              the grid worker's time on site in minutes
 * @param onSpotProbability    probability the grid worker resolves it on the spot, in [0, 1]
 * @param escalation           the level a work order goes to otherwise
 */
public record IncidentCategory(String name, double ratePerHouseholdYear, TimeProfile profile, DiscoveryMode discovery,
        TimeDistribution latentPeriod, TimeDistribution service, double onSpotProbability, EscalationLevel escalation) {

    public IncidentCategory {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("category name is blank");
        }
        String at = "category " + name + ": ";
        if (!(ratePerHouseholdYear >= 0) || !Double.isFinite(ratePerHouseholdYear)) {
            throw new IllegalArgumentException(at + "ratePerHouseholdYear " + ratePerHouseholdYear + " must be >= 0");
        }
        if (!(onSpotProbability >= 0 && onSpotProbability <= 1)) {
            throw new IllegalArgumentException(at + "onSpotProbability " + onSpotProbability + " is outside [0, 1]");
        }
        Objects.requireNonNull(profile, at + "profile");
        Objects.requireNonNull(discovery, at + "discovery");
        Objects.requireNonNull(latentPeriod, at + "latentPeriod");
        Objects.requireNonNull(service, at + "service");
        Objects.requireNonNull(escalation, at + "escalation");
        if (!(service.mean() > 0)) {
            throw new IllegalArgumentException(at + "service mean " + service.mean() + " must be positive");
        }
    }

    /**
     * A resident-reported category with a flat profile that is always resolved on the spot (the
     * degenerate case of the queueing validation); refine it with the {@code withX} methods.
     */
    public static IncidentCategory reported(String name, double ratePerHouseholdYear, TimeDistribution service) {
        return new IncidentCategory(name, ratePerHouseholdYear, TimeProfile.flat(), DiscoveryMode.RESIDENT_REPORT,
                TimeDistribution.deterministic(0), service, 1.0, EscalationLevel.COMMUNITY);
    }

    public IncidentCategory withRate(double rate) {
        return new IncidentCategory(name, rate, profile, discovery, latentPeriod, service, onSpotProbability, escalation);
    }

    public IncidentCategory withProfile(TimeProfile p) {
        return new IncidentCategory(name, ratePerHouseholdYear, p, discovery, latentPeriod, service, onSpotProbability, escalation);
    }

    /** Patrol-discovered, reported by the resident after {@code latent} if no patrol finds it first. */
    public IncidentCategory withPatrolDiscovery(TimeDistribution latent) {
        return new IncidentCategory(name, ratePerHouseholdYear, profile, DiscoveryMode.PATROL, latent, service,
                onSpotProbability, escalation);
    }

    public IncidentCategory withService(TimeDistribution s) {
        return new IncidentCategory(name, ratePerHouseholdYear, profile, discovery, latentPeriod, s, onSpotProbability, escalation);
    }

    /** Resolved on the spot with probability {@code p}, otherwise escalated to {@code level}. */
    public IncidentCategory withOnSpot(double p, EscalationLevel level) {
        return new IncidentCategory(name, ratePerHouseholdYear, profile, discovery, latentPeriod, service, p, level);
    }
}
