package org.gridplan.spark;

import java.io.Serializable;
import org.gridplan.scenarios.batch.RunSpec;

/** A run as a Spark task gets it: {@link RunSpec}'s fields, serialisable. */
record SparkRun(int runId, int layout, int point, int replication, long seed) implements Serializable {

    static SparkRun of(RunSpec s) {
        return new SparkRun(s.runId(), s.layout(), s.point(), s.replication(), s.seed());
    }

    RunSpec spec() {
        return new RunSpec(runId, layout, point, replication, seed);
    }
}
