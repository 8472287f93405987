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
 * @param urgency              how the command center triages it: urgent cases are sent at any hour
 * @param responseLimit        the limit from known (report or discovery) to a worker's arrival
 * @param closureLimit         the limit from known to closure (the reply to the resident)
 */
public record IncidentCategory(String name, double ratePerHouseholdYear, TimeProfile profile, DiscoveryMode discovery,
        TimeDistribution latentPeriod, TimeDistribution service, double onSpotProbability, EscalationLevel escalation,
        Urgency urgency, TimeLimit responseLimit, TimeLimit closureLimit) {

    /** A routine category without time limits (as before urgency and limits existed). */
    public IncidentCategory(String name, double ratePerHouseholdYear, TimeProfile profile, DiscoveryMode discovery,
            TimeDistribution latentPeriod, TimeDistribution service, double onSpotProbability,
            EscalationLevel escalation) {
        this(name, ratePerHouseholdYear, profile, discovery, latentPeriod, service, onSpotProbability, escalation,
                Urgency.ROUTINE, TimeLimit.NONE, TimeLimit.NONE);
    }

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
        Objects.requireNonNull(urgency, at + "urgency");
        Objects.requireNonNull(responseLimit, at + "responseLimit");
        Objects.requireNonNull(closureLimit, at + "closureLimit");
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
        return new IncidentCategory(name, rate, profile, discovery, latentPeriod, service, onSpotProbability,
                escalation,
                urgency, responseLimit, closureLimit);
    }

    public IncidentCategory withProfile(TimeProfile p) {
        return new IncidentCategory(name, ratePerHouseholdYear, p, discovery, latentPeriod, service, onSpotProbability,
                escalation, urgency, responseLimit, closureLimit);
    }

    /** Patrol-discovered, reported by the resident after {@code latent} if no patrol finds it first. */
    public IncidentCategory withPatrolDiscovery(TimeDistribution latent) {
        return new IncidentCategory(name, ratePerHouseholdYear, profile, DiscoveryMode.PATROL, latent, service,
                onSpotProbability, escalation, urgency, responseLimit, closureLimit);
    }

    /** Reported by the resident as soon as it occurs. */
    public IncidentCategory withResidentReport() {
        return new IncidentCategory(name, ratePerHouseholdYear, profile, DiscoveryMode.RESIDENT_REPORT,
                TimeDistribution.deterministic(0), service, onSpotProbability, escalation, urgency, responseLimit,
                closureLimit);
    }

    public IncidentCategory withService(TimeDistribution s) {
        return new IncidentCategory(name, ratePerHouseholdYear, profile, discovery, latentPeriod, s, onSpotProbability,
                escalation, urgency, responseLimit, closureLimit);
    }

    /** Resolved on the spot with probability {@code p}, otherwise escalated to {@code level}. */
    public IncidentCategory withOnSpot(double p, EscalationLevel level) {
        return new IncidentCategory(name, ratePerHouseholdYear, profile, discovery, latentPeriod, service, p, level,
                urgency, responseLimit, closureLimit);
    }

    public IncidentCategory withUrgency(Urgency u) {
        return new IncidentCategory(name, ratePerHouseholdYear, profile, discovery, latentPeriod, service,
                onSpotProbability, escalation, u, responseLimit, closureLimit);
    }

    /** With a response limit and a closure limit. */
    public IncidentCategory withLimits(TimeLimit response, TimeLimit closure) {
        return new IncidentCategory(name, ratePerHouseholdYear, profile, discovery, latentPeriod, service,
                onSpotProbability, escalation, urgency, response, closure);
    }

    /** Whether the command center sends it at any hour. */
    public boolean urgent() {
        return urgency == Urgency.URGENT;
    }
}
