package org.gridplan.results.store;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.gridplan.results.stats.Kpi;

/**
 * The district KPIs of one stored run, as the KPI table needs them: every {@link Kpi} in its
 * stored unit (durations in minutes, shares as fractions, working hours per week). A KPI with
 * nothing to measure, or one a database of an older batch lacks, is NaN.
 *
 * @param runId       run number
 * @param layout      layout name
 * @param point       sweep point index
 * @param sweep       sweep values as JSON
 * @param replication replication index
 * @param kpis        KPI → value
 */
public record DistrictRow(int runId, String layout, int point, String sweep, int replication, Map<Kpi, Double> kpis) {

    public DistrictRow {
        EnumMap<Kpi, Double> copy = new EnumMap<>(Kpi.class);
        copy.putAll(kpis);
        kpis = Collections.unmodifiableMap(copy);
    }

    /** The value of {@code kpi}, NaN when the run has none. */
    public double value(Kpi kpi) {
        Double v = kpis.get(kpi);
        return v == null ? Double.NaN : v;
    }

    /** Mean response time (report or discovery to first arrival), minutes. */
    public double responseMean() {
        return value(Kpi.MEAN_RESPONSE);
    }

    /** 90th percentile of the response time, minutes. */
    public double responseP90() {
        return value(Kpi.P90_RESPONSE);
    }

    /** Mean closure time (report or discovery to reply), minutes. */
    public double closureMean() {
        return value(Kpi.MEAN_CLOSURE);
    }

    /** Busy ÷ duty minutes over all workers with duty. */
    public double utilisation() {
        return value(Kpi.UTILISATION);
    }
}
