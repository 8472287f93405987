package org.gridplan.results.stats;

/**
 * A key performance indicator of a run, as compared between layouts. Times are response (report
 * or discovery → first arrival of a worker) and closure (→ reply), stored in minutes; shares are
 * stored as fractions in [0, 1].
 */
public enum Kpi {
    /** Mean response time, minutes. */
    MEAN_RESPONSE(Unit.MINUTES, Direction.LOWER_IS_BETTER),
    /** Median response time (nearest rank), minutes. */
    P50_RESPONSE(Unit.MINUTES, Direction.LOWER_IS_BETTER),
    /** 90th percentile of response time (nearest rank), minutes. */
    P90_RESPONSE(Unit.MINUTES, Direction.LOWER_IS_BETTER),
    /** 95th percentile of response time (nearest rank), minutes. */
    P95_RESPONSE(Unit.MINUTES, Direction.LOWER_IS_BETTER),
    /** Mean closure time, minutes; displayed in hours. */
    MEAN_CLOSURE(Unit.HOURS, Direction.LOWER_IS_BETTER),
    /** Busy ÷ duty minutes of all workers together; neither higher nor lower is better as such. */
    UTILISATION(Unit.PERCENT, Direction.NEUTRAL),
    /** Share of handled incidents resolved on the spot. */
    ON_SPOT_SHARE(Unit.PERCENT, Direction.HIGHER_IS_BETTER),
    /** Share of reached incidents reached within 5 minutes (party-mass service circle, Sanya). */
    WITHIN_5_SHARE(Unit.PERCENT, Direction.HIGHER_IS_BETTER),
    /** Share reached within 15 minutes (public service circle, Hetang district). */
    WITHIN_15_SHARE(Unit.PERCENT, Direction.HIGHER_IS_BETTER);

    /** Which way a KPI improves. */
    public enum Direction {
        /** Smaller values are better (times). */
        LOWER_IS_BETTER,
        /** Larger values are better (service shares). */
        HIGHER_IS_BETTER,
        /** Neither; reported but not judged (utilisation). */
        NEUTRAL
    }

    private final Unit unit;
    private final Direction direction;

    Kpi(Unit unit, Direction direction) {
        this.unit = unit;
        this.direction = direction;
    }

    /** The unit this KPI is displayed in. */
    public Unit unit() {
        return unit;
    }

    /** Which way this KPI improves. */
    public Direction direction() {
        return direction;
    }

    /** Whether {@code a} is better than {@code b} (strictly); false for a neutral KPI. */
    public boolean better(double a, double b) {
        return switch (direction) {
            case LOWER_IS_BETTER -> a < b;
            case HIGHER_IS_BETTER -> a > b;
            case NEUTRAL -> false;
        };
    }
}
