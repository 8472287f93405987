package org.gridplan.spark;

import org.gridplan.scenarios.batch.BatchEngine;

/** Adds the Spark engine to {@code gridplan run --engine spark} (listed in META-INF/services). */
public final class SparkEngineProvider implements BatchEngine.Provider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public BatchEngine create(BatchEngine.Request request) {
        return new SparkBatchEngine(request);
    }
}
