package org.gridplan.results.stats;

/**
 * The display unit of a KPI, with the factor that converts the stored value (minutes for times,
 * a fraction in [0, 1] for shares, cases for counts, hours for weekly working hours) to it.
 */
public enum Unit {
    /** Minutes; stored in minutes. */
    MINUTES(1),
    /** Hours; stored in minutes. */
    HOURS(1.0 / 60),
    /** Percent; stored as a fraction in [0, 1]. */
    PERCENT(100),
    /** A number of cases; stored as it is. */
    COUNT(1),
    /** Hours per week of a worker; stored in hours per week. */
    HOURS_PER_WEEK(1),
    /** A number of workers (headcount); stored as it is. */
    PEOPLE(1);

    private final double factor;

    Unit(double factor) {
        this.factor = factor;
    }

    /** The stored value {@code stored} in this unit. */
    public double display(double stored) {
        return stored * factor;
    }
}
