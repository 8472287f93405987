package org.gridplan.results.store;

import java.util.Objects;

/**
 * The row of the {@code runs} table for one run: which run it is, its seed, and how it went.
 *
 * @param runId       the run's number within the batch, 0 or more; unique
 * @param layout      layout name
 * @param point       sweep point index, 0 or more (0 when the scenario has no sweep)
 * @param sweep       the sweep point's values as a JSON object, {@code {}} without a sweep
 * @param replication replication index, 0 or more
 * @param seed        the run seed given to the simulation (32 bits, never 0)
 * @param status      {@link #OK} or {@link #FAILED}
 * @param error       the failure message, empty when the run succeeded
 * @param seconds     wall time of the run (set-up and simulation), seconds
 */
public record RunRecord(int runId, String layout, int point, String sweep, int replication, long seed, String status,
        String error, double seconds) {

    /** Status of a run that completed and whose KPIs are stored. */
    public static final String OK = "ok";
    /** Status of a run that threw; it is run again on resume. */
    public static final String FAILED = "failed";

    public RunRecord {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(sweep, "sweep");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        if (!status.equals(OK) && !status.equals(FAILED)) {
            throw new IllegalArgumentException("status " + status);
        }
    }
}
