package org.gridplan.optimizer.model;

import java.util.Objects;

/**
 * A grid's incident load for the analytic response model.
 *
 * @param id unique among the problem's grids
 * @param households households in the grid
 * @param incidentsPerYear expected incidents a year (≈ 82 per grid per year in the Zhanjiang ETDZ
 *     field report: 7,300 events over 89 grids)
 * @param meanServiceMinutes mean minutes a worker is busy per incident (travel and handling), &gt; 0
 * @param field the grid's field-regime response by crew, or null to use travel plus the Erlang C wait
 */
public record GridDemand(String id, long households, double incidentsPerYear, double meanServiceMinutes,
        FieldTable field) {

    /** A grid of the bare queueing model (no field table). */
    public GridDemand(String id, long households, double incidentsPerYear, double meanServiceMinutes) {
        this(id, households, incidentsPerYear, meanServiceMinutes, null);
    }

    /** Minutes in a year (365 days), to turn yearly rates into rates per minute. */
    public static final double MINUTES_PER_YEAR = 365.0 * 24 * 60;

    /** Validates. */
    public GridDemand {
        Objects.requireNonNull(id, "id");
        if (households < 0 || !(incidentsPerYear >= 0) || Double.isInfinite(incidentsPerYear)
                || !(meanServiceMinutes > 0) || Double.isInfinite(meanServiceMinutes)) {
            throw new IllegalArgumentException("grid " + id + ": households, incident rate must be >= 0 and the"
                    + " mean service time > 0, got " + households + ", " + incidentsPerYear + ", "
                    + meanServiceMinutes);
        }
    }

    /** This grid with a field-regime response table. */
    public GridDemand withField(FieldTable table) {
        return new GridDemand(id, households, incidentsPerYear, meanServiceMinutes, table);
    }

    /** The incident rate per minute. */
    public double incidentsPerMinute() {
        return incidentsPerYear / MINUTES_PER_YEAR;
    }
}
