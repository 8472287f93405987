package org.gridplan.sim.engine;

import java.util.List;

/**
 * The outcome of one simulation run: KPIs for the district, every grid and every worker, the
 * backlog series, batch means of the response time, and optionally every incident. Immutable and
 * a pure function of the inputs: the same city, layout, staffing and configuration (seed
 * included) give an equal result. Serialise with {@link RunResultJson}.
 *
 * @param city               city name
 * @param layout             layout name
 * @param seed               the run seed
 * @param horizonDays        simulated days
 * @param warmUpDays         days excluded from KPIs
 * @param generated          incidents generated over the whole run (warm-up included)
 * @param events             scheduled simulation events (for benchmarks)
 * @param district           KPIs over all grids
 * @param grids              KPIs per grid, by grid id
 * @param workers            KPIs per worker, in staffing order (pool and emergency workers last)
 * @param visitTargetShare   share of full-time grid workers meeting the patrol target
 * @param backlog            open and waiting incidents over time
 * @param responseBatchMeans mean response time of consecutive equal batches of the reached
 *                           incidents in order of occurrence (batch means method); empty when
 *                           batches are off
 * @param incidents          the per-incident log, empty unless requested
 * @param visitCoverage      share of the district's households visited within the visit cycle
 *                           (household-weighted over grids); NaN without a cycle
 * @param breakdown          the district's cases by category and by working hours or not
 */
public record RunResult(String city, String layout, long seed, double horizonDays, double warmUpDays, long generated,
        long events, IncidentKpis district, List<GridKpis> grids, List<WorkerKpis> workers, double visitTargetShare,
        BacklogSeries backlog, List<Double> responseBatchMeans, List<IncidentRecord> incidents, double visitCoverage,
        Breakdown breakdown) {

    /** A result without the breakdown. */
    public RunResult(String city, String layout, long seed, double horizonDays, double warmUpDays, long generated,
            long events, IncidentKpis district, List<GridKpis> grids, List<WorkerKpis> workers,
            double visitTargetShare, BacklogSeries backlog, List<Double> responseBatchMeans,
            List<IncidentRecord> incidents, double visitCoverage) {
        this(city, layout, seed, horizonDays, warmUpDays, generated, events, district, grids, workers,
                visitTargetShare, backlog, responseBatchMeans, incidents, visitCoverage, Breakdown.EMPTY);
    }

    /** A result without visit coverage. */
    public RunResult(String city, String layout, long seed, double horizonDays, double warmUpDays, long generated,
            long events, IncidentKpis district, List<GridKpis> grids, List<WorkerKpis> workers,
            double visitTargetShare, BacklogSeries backlog, List<Double> responseBatchMeans,
            List<IncidentRecord> incidents) {
        this(city, layout, seed, horizonDays, warmUpDays, generated, events, district, grids, workers,
                visitTargetShare, backlog, responseBatchMeans, incidents, Double.NaN);
    }

    public RunResult {
        grids = List.copyOf(grids);
        workers = List.copyOf(workers);
        responseBatchMeans = List.copyOf(responseBatchMeans);
        incidents = List.copyOf(incidents);
        java.util.Objects.requireNonNull(breakdown, "breakdown");
    }

    /** The KPIs of grid {@code id}. */
    public GridKpis grid(String id) {
        for (GridKpis g : grids) {
            if (g.grid().equals(id)) {
                return g;
            }
        }
        throw new IllegalArgumentException("no grid " + id);
    }

    /** The KPIs of worker {@code id}. */
    public WorkerKpis worker(String id) {
        for (WorkerKpis w : workers) {
            if (w.id().equals(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("no worker " + id);
    }
}
