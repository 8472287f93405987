package org.gridplan.results.store;

/**
 * The headline district KPIs of one stored run, as the KPI table needs them. Durations in
 * minutes; a KPI with no incidents to measure is NaN.
 *
 * @param runId        run number
 * @param layout       layout name
 * @param point        sweep point index
 * @param sweep        sweep values as JSON
 * @param replication  replication index
 * @param responseMean mean response time (report or discovery to first arrival)
 * @param responseP90  90th percentile of the response time
 * @param closureMean  mean closure time (report or discovery to reply)
 * @param utilisation  busy ÷ duty minutes over all workers with duty
 */
public record DistrictRow(int runId, String layout, int point, String sweep, int replication, double responseMean,
        double responseP90, double closureMean, double utilisation) {
}
