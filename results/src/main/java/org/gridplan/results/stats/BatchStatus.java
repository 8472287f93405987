package org.gridplan.results.stats;

/**
 * How complete a stored batch is and whether its staffing was optimised, for the report's
 * warnings and its justifications section.
 *
 * @param plannedRuns runs the batch consists of (layouts × sweep points × replications)
 * @param storedRuns  runs stored successfully
 * @param failedRuns  runs stored as failed (tried again on resume)
 * @param optimised   whether the scenario asked for an optimised plan (branches or workers)
 */
public record BatchStatus(int plannedRuns, int storedRuns, int failedRuns, boolean optimised) {

    public BatchStatus {
        if (plannedRuns < 1 || storedRuns < 0 || failedRuns < 0 || storedRuns + failedRuns > plannedRuns) {
            throw new IllegalArgumentException("runs: " + storedRuns + " stored and " + failedRuns + " failed of "
                    + plannedRuns);
        }
    }

    /** Whether every run of the batch is stored successfully. */
    public boolean complete() {
        return storedRuns == plannedRuns;
    }
}
