package org.gridplan.sim.engine;

import java.util.Objects;
import org.gridplan.sim.demand.TimeDistribution;

/**
 * Household visits (入户走访) by full-time grid workers. A visit to a building reveals every latent
 * incident there; the worker handles the first at once and the others join the grid's queue.
 *
 * <p>Without a cycle ({@code cycleDays} 0), a worker on duty with nothing else to do visits a
 * household of its grid chosen at random in proportion to households, up to the daily cap. With a
 * cycle, the worker goes round its grid's households in a fixed order so that each is visited
 * once per cycle, paced by its working days: it makes the visits it is behind by (households ×
 * working days so far ÷ working days in a cycle, less visits made), at most the daily cap a day,
 * and the share of households visited within the last cycle is the grid's visit coverage.
 *
 * @param enabled         whether workers visit households
 * @param visit           time spent with the household, minutes; mean positive
 * @param maxVisitsPerDay visits per worker per day, at least 1
 * @param cycleDays       days in which every household is to be visited once; 0 for no cycle
 */
public record PatrolConfig(boolean enabled, TimeDistribution visit, int maxVisitsPerDay, double cycleDays) {

    /** Visits without a cycle (as before cycles existed). */
    public PatrolConfig(boolean enabled, TimeDistribution visit, int maxVisitsPerDay) {
        this(enabled, visit, maxVisitsPerDay, 0);
    }

    public PatrolConfig {
        Objects.requireNonNull(visit, "patrol.visit");
        if (!(visit.mean() > 0)) {
            throw new ConfigException("patrol.visit", "mean " + visit.mean() + " must be positive");
        }
        if (maxVisitsPerDay < 1) {
            throw new ConfigException("patrol.maxVisitsPerDay", maxVisitsPerDay + " < 1");
        }
        if (!(cycleDays >= 0) || !Double.isFinite(cycleDays)) {
            throw new ConfigException("patrol.cycleDays",
                    cycleDays + " must be 0 (no cycle) or a positive number of days");
        }
    }

    /**
     * Visits on, log-normal 20 ± 10 minutes, every household once in a 90-day cycle, at most 16 a
     * day. Assumptions: no norm is published (../FIELD.md); the field minimum of ≥ 30 households a
     * month per worker (Tianya district) is met by any grid of more than 90 households.
     */
    public static PatrolConfig defaults() {
        return new PatrolConfig(true, TimeDistribution.lognormal(20, 10), 16, 90);
    }

    /** Whether visits follow a cycle. */
    public boolean cycle() {
        return cycleDays > 0;
    }

    /** This configuration with another cycle. */
    public PatrolConfig withCycleDays(double days) {
        return new PatrolConfig(enabled, visit, maxVisitsPerDay, days);
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
