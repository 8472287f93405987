package org.gridplan.sim.engine;

import java.util.Objects;
import org.gridplan.sim.demand.TimeDistribution;

/**
 * The joint command center's triage: it runs around the clock (GB/T 33358-2016: government hotline
 * service 24 × 7, calls answered within 15 s) and every resident report passes it before a worker
 * is sent, which takes {@code delay}. A case found by a patrolling worker is handled at once and
 * is not triaged. The delay is drawn with the incident, from the demand stream (common random
 * numbers).
 *
 * @param delay minutes from the report to the dispatch decision
 */
public record TriageConfig(TimeDistribution delay) {

    public TriageConfig {
        Objects.requireNonNull(delay, "triage.delay");
    }

    /**
     * Log-normal 5 ± 3 minutes: an assumption. The national guidance on 12345 asks for immediate
     * transfer (即时转办) and GB/T 33358 answers calls within 15 s; logging, classing and assigning a
     * case takes a few minutes.
     */
    public static TriageConfig defaults() {
        return new TriageConfig(TimeDistribution.lognormal(5, 3));
    }

    /** No delay: a report is dispatched the moment it is made. */
    public static TriageConfig off() {
        return new TriageConfig(TimeDistribution.deterministic(0));
    }
}
