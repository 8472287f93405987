package org.gridplan.optimizer.response;

import org.gridplan.sim.engine.Queueing;

/**
 * The analytic expected response time of one grid: travel from the workers' base to the grid's
 * households plus the Erlang C wait for a free worker.
 *
 * @param travelMinutes mean travel time to an incident, minutes
 * @param waitMinutes mean wait for a free worker (Erlang C), minutes; infinite when overloaded
 * @param utilisation offered load per worker, λ / (c μ), which exceeds 1 for an overloaded grid
 */
public record GridResponse(double travelMinutes, double waitMinutes, double utilisation) {

    /** Validates: travel finite and ≥ 0, wait ≥ 0 (may be infinite), utilisation ≥ 0. */
    public GridResponse {
        if (!(travelMinutes >= 0) || Double.isInfinite(travelMinutes) || !(waitMinutes >= 0) || !(utilisation >= 0)) {
            throw new IllegalArgumentException("invalid grid response: travel " + travelMinutes + ", wait "
                    + waitMinutes + ", utilisation " + utilisation);
        }
    }

    /**
     * The expected response of a grid staffed by {@code workers}.
     *
     * @param workers workers serving the grid, ≥ 1
     * @param incidentsPerMinute the grid's incident rate λ (e.g. 82 a year ≈ 1.56e-4 per minute,
     *     Zhanjiang ETDZ field report)
     * @param meanServiceMinutes mean time a worker is busy per incident (travel and handling), 1/μ
     * @param travelMinutes mean travel time from the workers' base to an incident
     */
    public static GridResponse of(int workers, double incidentsPerMinute, double meanServiceMinutes,
            double travelMinutes) {
        if (!(meanServiceMinutes > 0)) {
            throw new IllegalArgumentException("mean service time must be positive, got " + meanServiceMinutes);
        }
        double mu = 1.0 / meanServiceMinutes;
        return new GridResponse(travelMinutes, Queueing.mmcMeanWaitOrInfinity(incidentsPerMinute, mu, workers),
                incidentsPerMinute / (workers * mu));
    }

    /** Travel plus wait, minutes. */
    public double totalMinutes() {
        return travelMinutes + waitMinutes;
    }
}
