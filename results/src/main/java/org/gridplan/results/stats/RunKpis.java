package org.gridplan.results.stats;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.gridplan.sim.engine.IncidentKpis;
import org.gridplan.sim.engine.RunResult;
import org.gridplan.sim.engine.WorkerKpis;

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

    /** The district KPIs of {@code result}. */
    public static RunKpis of(String layout, double sweepPoint, int replication, RunResult result) {
        Map<Kpi, Double> values = kpis(result.district());
        double busy = 0;
        double duty = 0;
        for (WorkerKpis w : result.workers()) {
            if (w.dutyMinutes() > 0) {
                busy += w.busyMinutes();
                duty += w.dutyMinutes();
            }
        }
        values.put(Kpi.UTILISATION, duty > 0 ? busy / duty : Double.NaN);
        return new RunKpis(layout, sweepPoint, replication, values);
    }

    /** The incident KPIs of a district or grid, without utilisation. */
    static Map<Kpi, Double> kpis(IncidentKpis k) {
        Map<Kpi, Double> values = new EnumMap<>(Kpi.class);
        values.put(Kpi.MEAN_RESPONSE, k.response().mean());
        values.put(Kpi.P50_RESPONSE, k.response().p50());
        values.put(Kpi.P90_RESPONSE, k.response().p90());
        values.put(Kpi.P95_RESPONSE, k.response().p95());
        values.put(Kpi.MEAN_CLOSURE, k.closure().mean());
        values.put(Kpi.ON_SPOT_SHARE, k.onSpotShare());
        values.put(Kpi.WITHIN_5_SHARE, k.within5Share());
        values.put(Kpi.WITHIN_15_SHARE, k.within15Share());
        return values;
    }
}
