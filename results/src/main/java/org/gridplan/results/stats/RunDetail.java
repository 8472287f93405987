package org.gridplan.results.stats;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridplan.sim.engine.BacklogSeries;
import org.gridplan.sim.engine.GridKpis;
import org.gridplan.sim.engine.IncidentRecord;
import org.gridplan.sim.engine.RunResult;
import org.gridplan.sim.engine.WorkerKpis;

/**
 * The distributions behind one run's KPIs, for charts and pooled percentiles: response-time
 * samples, worker utilisations, the backlog series and per-grid KPIs.
 *
 * <p>The arrays are copied in and out, so a detail is immutable; {@code equals} compares them by
 * identity, as for any record with array components.
 *
 * @param layout            layout name
 * @param sweepPoint        sweep point
 * @param replication       replication number
 * @param responseMinutes   response time of every reached incident after warm-up, minutes; empty
 *                          when the run kept no incident log
 * @param workerUtilisation busy ÷ duty minutes of every worker on duty (can exceed 1 with overtime)
 * @param backlogHours      sample times of the backlog series, hours from the start (warm-up
 *                          included)
 * @param backlogOpen       open incidents at each sample time
 * @param gridKpis          grid id → its KPIs in stored units (utilisation over the workers of
 *                          the grid, full-time workers the grid's own full-time grid workers); a KPI a grid could not
 * measure is absent
 */
public record RunDetail(String layout, double sweepPoint, int replication, double[] responseMinutes,
        double[] workerUtilisation, double[] backlogHours, double[] backlogOpen, Map<String, Map<Kpi,
                Double>> gridKpis) {

    public RunDetail {
        Objects.requireNonNull(layout, "layout");
        responseMinutes = responseMinutes.clone();
        workerUtilisation = workerUtilisation.clone();
        backlogHours = backlogHours.clone();
        backlogOpen = backlogOpen.clone();
        if (backlogHours.length != backlogOpen.length) {
            throw new IllegalArgumentException("backlog: " + backlogHours.length + " times but "
                    + backlogOpen.length + " values");
        }
        Map<String, Map<Kpi, Double>> grids = new LinkedHashMap<>();
        gridKpis.forEach((g, m) -> {
            EnumMap<Kpi, Double> copy = new EnumMap<>(Kpi.class);
            m.forEach((k, v) -> {
                if (v != null && Double.isFinite(v)) {
                    copy.put(k, v);
                }
            });
            grids.put(g, Collections.unmodifiableMap(copy));
        });
        gridKpis = Collections.unmodifiableMap(grids);
    }

    @Override
    public double[] responseMinutes() {
        return responseMinutes.clone();
    }

    @Override
    public double[] workerUtilisation() {
        return workerUtilisation.clone();
    }

    @Override
    public double[] backlogHours() {
        return backlogHours.clone();
    }

    @Override
    public double[] backlogOpen() {
        return backlogOpen.clone();
    }

    /** The detail of {@code result}: response samples from its incident log (if kept), and so on. */
    public static RunDetail of(String layout, double sweepPoint, int replication, RunResult result) {
        double warmUpMinutes = result.warmUpDays() * 24 * 60;
        List<IncidentRecord> log = result.incidents();
        double[] response = new double[log.size()];
        int n = 0;
        for (IncidentRecord r : log) {
            double t = r.arrived() - r.known();
            if (r.occurred() >= warmUpMinutes && Double.isFinite(t)) {
                response[n++] = t;
            }
        }
        double[] utilisation = result.workers().stream().filter(w -> w.dutyMinutes() > 0)
                .mapToDouble(WorkerKpis::utilisation).filter(Double::isFinite).toArray();
        BacklogSeries backlog = result.backlog();
        double[] hours = new double[backlog.open().size()];
        double[] open = new double[hours.length];
        for (int k = 0; k < hours.length; k++) {
            hours[k] = k * backlog.intervalMinutes() / 60;
            open[k] = backlog.open().get(k);
        }
        Map<String, double[]> busyDuty = new HashMap<>();
        Map<String, Integer> fullTime = new HashMap<>();
        for (WorkerKpis w : result.workers()) {
            if (Staff.of(w.type(), w.role()) == Staff.FULL_TIME && w.grid() != null) {
                fullTime.merge(w.grid(), 1, Integer::sum);
            }
            if (w.dutyMinutes() > 0) {
                double[] bd = busyDuty.computeIfAbsent(w.grid(), g -> new double[2]);
                bd[0] += w.busyMinutes();
                bd[1] += w.dutyMinutes();
            }
        }
        Map<String, Map<Kpi, Double>> grids = new LinkedHashMap<>();
        for (GridKpis g : result.grids()) {
            Map<Kpi, Double> values = new EnumMap<>(Kpi.class);
            for (Kpi kpi : Kpi.values()) {
                values.put(kpi, RunKpis.gridValue(kpi, g));
            }
            double[] bd = busyDuty.get(g.grid());
            if (bd != null) {
                values.put(Kpi.UTILISATION, bd[0] / bd[1]);
            }
            values.put(Kpi.FULL_TIME_WORKERS, (double) fullTime.getOrDefault(g.grid(), 0));
            grids.put(g.grid(), values);
        }
        return new RunDetail(layout, sweepPoint, replication, Arrays.copyOf(response, n), utilisation,
                hours, open, grids);
    }
}
