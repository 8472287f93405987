package org.gridplan.results.stats;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.gridplan.sim.engine.GridKpis;
import org.gridplan.sim.engine.IncidentKpis;
import org.gridplan.sim.engine.LimitKpis;
import org.gridplan.sim.engine.RunResult;
import org.gridplan.sim.engine.WorkHours;

/**
 * The district KPIs of one run: one layout at one sweep point in one replication.
 *
 * @param layout      layout name
 * @param sweepPoint  value of the swept parameter (e.g. workers per grid); any constant when the
 *                    batch has no sweep
 * @param replication replication number; equal numbers saw the same incidents (common random
 *                    numbers)
 * @param values      KPI → value in its stored unit (minutes, fraction); a KPI that the run could
 *                    not measure (no reached incident) is absent or non-finite
 */
public record RunKpis(String layout, double sweepPoint, int replication, Map<Kpi, Double> values) {

    public RunKpis {
        Objects.requireNonNull(layout, "layout");
        EnumMap<Kpi, Double> copy = new EnumMap<>(Kpi.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
    }

    /** The value of {@code kpi}, NaN when the run has none. */
    public double value(Kpi kpi) {
        Double v = values.get(kpi);
        return v == null ? Double.NaN : v;
    }

    /** The district KPIs of {@code result}: every {@link Kpi}, as {@link #value(Kpi, RunResult)}. */
    public static RunKpis of(String layout, double sweepPoint, int replication, RunResult result) {
        Map<Kpi, Double> values = new EnumMap<>(Kpi.class);
        for (Kpi kpi : Kpi.values()) {
            values.put(kpi, value(kpi, result));
        }
        return new RunKpis(layout, sweepPoint, replication, values);
    }

    /**
     * The district value of {@code kpi} in {@code result}, in its stored unit; NaN when the run
     * could not measure it. The one place a KPI is drawn from a result: the results database
     * stores this value in the KPI's {@code district_kpis} column.
     */
    public static double value(Kpi kpi, RunResult result) {
        IncidentKpis d = result.district();
        return switch (kpi) {
            case UTILISATION -> StaffKpis.pooledUtilisation(result.workers());
            case VISIT_COVERAGE -> result.visitCoverage();
            case ROUTINE_HOURS_WEEK -> StaffKpis.fullTimeHoursPerWeek(result, WorkHours::routine);
            case OVERTIME_HOURS_WEEK -> StaffKpis.fullTimeHoursPerWeek(result, WorkHours::overtime);
            case WORKLOAD -> StaffKpis.fullTimeWorkload(result);
            case FULL_TIME_WORKERS -> StaffKpis.fullTimeWorkers(result);
            default -> incidentValue(kpi, d);
        };
    }

    /**
     * The value of {@code kpi} for one grid, in its stored unit; NaN for a KPI of workers
     * (utilisation, hours) and for one the grid could not measure.
     */
    public static double gridValue(Kpi kpi, GridKpis grid) {
        return switch (kpi) {
            case VISIT_COVERAGE -> grid.visitCoverage();
            default -> incidentValue(kpi, grid.kpis());
        };
    }

    /** A KPI of the incidents of a district or grid; NaN for the others. */
    private static double incidentValue(Kpi kpi, IncidentKpis k) {
        LimitKpis l = k.limits() == null ? LimitKpis.EMPTY : k.limits();
        return switch (kpi) {
            case MEAN_RESPONSE -> k.response().mean();
            case P50_RESPONSE -> k.response().p50();
            case P90_RESPONSE -> k.response().p90();
            case P95_RESPONSE -> k.response().p95();
            case MEAN_CLOSURE -> k.closure().mean();
            case ON_SPOT_SHARE -> k.onSpotShare();
            case WITHIN_5_SHARE -> k.within5Share();
            case WITHIN_15_SHARE -> k.within15Share();
            case ON_TIME_RESPONSE -> l.onTimeResponseShare();
            case URGENT_ON_TIME_RESPONSE -> l.urgentOnTimeResponseShare();
            case ON_TIME_CLOSURE -> l.onTimeClosureShare();
            case OVERDUE_OPEN -> overdueOpen(l);
            case UTILISATION, VISIT_COVERAGE, ROUTINE_HOURS_WEEK, OVERTIME_HOURS_WEEK, WORKLOAD, FULL_TIME_WORKERS ->
                    Double.NaN;
        };
    }

    /** Cases open past their closure limit; NaN when no case became known (nothing to judge). */
    public static double overdueOpen(LimitKpis limits) {
        return limits.known() == 0 ? Double.NaN : limits.overdueOpen();
    }
}
