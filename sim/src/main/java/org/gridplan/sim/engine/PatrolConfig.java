package org.gridplan.sim.engine;

import java.util.Objects;
import org.gridplan.sim.demand.TimeDistribution;

/**
 * Patrol by full-time grid workers: when on duty with nothing to do, a worker walks to a household
 * of its grid (chosen at random in proportion to households) and visits it. A visit to a building
 * reveals every latent incident there; the worker handles the first at once and the others join
 * the grid's queue.
 *
 * @param enabled      whether workers patrol
 * @param visit        time spent with the household, minutes; mean positive
 * @param maxVisitsPerDay visits per worker per day, at least 1; the field target is 30 households
 *                     a month (Tianya district), about 1.4 per working day
 */
public record PatrolConfig(boolean enabled, TimeDistribution visit, int maxVisitsPerDay) {

    public PatrolConfig {
        Objects.requireNonNull(visit, "patrol.visit");
        if (!(visit.mean() > 0)) {
            throw new ConfigException("patrol.visit", "mean " + visit.mean() + " must be positive");
        }
        if (maxVisitsPerDay < 1) {
            throw new ConfigException("patrol.maxVisitsPerDay", maxVisitsPerDay + " < 1");
        }
    }

    /**
     * Patrol on, visits log-normal 20 ± 10 minutes, at most 4 a day (about 87 a month on a
     * weekday shift, enough for the ≥ 30 target with room for incident work). Assumptions.
     */
    public static PatrolConfig defaults() {
        return new PatrolConfig(true, TimeDistribution.lognormal(20, 10), 4);
    }

    /** No patrol. */
    public static PatrolConfig off() {
        return new PatrolConfig(false, TimeDistribution.deterministic(20), 4);
    }

    /** Patrol on with the given visit time and daily cap. */
    public static PatrolConfig of(TimeDistribution visit, int maxVisitsPerDay) {
        return new PatrolConfig(true, visit, maxVisitsPerDay);
    }
}
