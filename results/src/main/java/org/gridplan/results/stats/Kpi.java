package org.gridplan.results.stats;

import java.util.Arrays;
import java.util.List;

/**
 * A key performance indicator of a run, as compared between layouts. Times are response (report
 * or discovery → first arrival of a worker) and closure (→ reply), stored in minutes; shares are
 * stored as fractions in [0, 1]; counts as they are; working hours in hours per week.
 *
 * <p>The {@linkplain #official() officials' indicators} are the figures district officials judge
 * grid work by (按时响应率, 按期办结率, 超期未办结, 入户走访覆盖率, working hours): the report's verdict
 * names every significant paired difference on them. How a run's value is drawn from a result is
 * {@link RunKpis#value(Kpi, org.gridplan.sim.engine.RunResult)}; its labels are
 * {@code ChartText.KPI_<name>}; the results database column holding it is tagged with it (see
 * {@code org.gridplan.results.store.KpiTables}).
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
    WITHIN_15_SHARE(Unit.PERCENT, Direction.HIGHER_IS_BETTER),
    /** Share of judged cases reached within their response limit (按时响应率). */
    ON_TIME_RESPONSE(Unit.PERCENT, Direction.HIGHER_IS_BETTER, true),
    /** The same over urgent cases (紧急事件按时响应率). */
    URGENT_ON_TIME_RESPONSE(Unit.PERCENT, Direction.HIGHER_IS_BETTER, true),
    /** Share of judged cases closed within their closure limit (按期办结率). */
    ON_TIME_CLOSURE(Unit.PERCENT, Direction.HIGHER_IS_BETTER, true),
    /** Cases still open at the end past their closure limit (超期未办结); NaN when no case was known. */
    OVERDUE_OPEN(Unit.COUNT, Direction.LOWER_IS_BETTER, true),
    /** Share of households visited within the visit cycle (入户走访覆盖率); NaN without a cycle. */
    VISIT_COVERAGE(Unit.PERCENT, Direction.HIGHER_IS_BETTER, true),
    /**
     * Routine work (visits, patrol, information collection, admin, tasks) per week, mean over the
     * full-time grid workers; neither more nor less is better as such.
     */
    ROUTINE_HOURS_WEEK(Unit.HOURS_PER_WEEK, Direction.NEUTRAL, true),
    /** Overtime per week, mean over the full-time grid workers. */
    OVERTIME_HOURS_WEEK(Unit.HOURS_PER_WEEK, Direction.LOWER_IS_BETTER, true),
    /**
     * Share of the full-time grid workers' shift spent working — routine work, incidents and travel
     * — rather than idle (工作饱和度): unlike {@link #UTILISATION}, which counts incidents only, it
     * says how full their day is; neither more nor less is better as such.
     */
    WORKLOAD(Unit.PERCENT, Direction.NEUTRAL, true),
    /**
     * Full-time grid workers (专职网格员) of the plan: the headcount a layout costs, reported beside
     * what it buys; neither more nor less is better as such.
     */
    FULL_TIME_WORKERS(Unit.PEOPLE, Direction.NEUTRAL, true);

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
    private final boolean official;

    Kpi(Unit unit, Direction direction) {
        this(unit, direction, false);
    }

    Kpi(Unit unit, Direction direction, boolean official) {
        this.unit = unit;
        this.direction = direction;
        this.official = official;
    }

    /** The officials' indicators, in declaration order. */
    public static List<Kpi> officials() {
        return Arrays.stream(values()).filter(Kpi::official).toList();
    }

    /** The unit this KPI is displayed in. */
    public Unit unit() {
        return unit;
    }

    /** Which way this KPI improves. */
    public Direction direction() {
        return direction;
    }

    /**
     * Whether this is one of the officials' indicators: judged in the verdict, shown in the tables
     * but not in the KPI bar charts.
     */
    public boolean official() {
        return official;
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
