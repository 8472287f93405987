package org.gridplan.spark;

import java.io.Serializable;

/**
 * What a task sends back to the driver: which run, whether it completed and the failure message
 * if not. The run's rows travel as files, not through the driver's memory.
 */
record RunSummary(int runId, boolean ok, String error) implements Serializable {
}
