package org.gridplan.scenarios.batch;

import java.util.List;

/**
 * What a batch run did.
 *
 * @param total    runs in the batch
 * @param resumed  runs already stored when it started (skipped)
 * @param ran      runs completed and stored in this session
 * @param failed   runs that threw in this session (stored as failed; run again on resume)
 * @param errors   the first few failure messages, "run id: message"
 * @param seconds  wall time of this session, seconds
 * @param threads  simulation threads used
 * @param simulationCpuSeconds CPU time the simulation threads spent on runs (set-up, simulation,
 *                 response histogram, and the optimiser's planning where a run is the first to
 *                 need its plan), seconds; NaN where the JVM cannot measure thread CPU time
 * @param writerCpuSeconds CPU time of the single results writer thread, seconds; NaN where the JVM
 *                 cannot measure thread CPU time
 */
public record BatchOutcome(int total, int resumed, int ran, int failed, List<String> errors, double seconds,
        int threads, double simulationCpuSeconds, double writerCpuSeconds) {

    public BatchOutcome {
        errors = List.copyOf(errors);
    }

    /** Whether every run of the batch is stored successfully. */
    public boolean complete() {
        return resumed + ran == total;
    }
}
