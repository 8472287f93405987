package org.gridplan.results.stats;

/**
 * The display unit of a KPI, with the factor that converts the stored value (minutes for times,
 * a fraction in [0, 1] for shares) to it.
 */
public enum Unit {
    /** Minutes; stored in minutes. */
    MINUTES(1),
    /** Hours; stored in minutes. */
    HOURS(1.0 / 60),
    /** Percent; stored as a fraction in [0, 1]. */
    PERCENT(100);

    private final double factor;

    Unit(double factor) {
        this.factor = factor;
    }

    /** The stored value {@code stored} in this unit. */
    public double display(double stored) {
        return stored * factor;
    }
}
