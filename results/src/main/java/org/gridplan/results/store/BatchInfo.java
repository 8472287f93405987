package org.gridplan.results.store;

import java.util.Objects;

/**
 * What a results database holds: the batch it belongs to, recorded when the database is created
 * and checked on every resume.
 *
 * @param scenarioName the scenario's name
 * @param scenarioHash a hash of everything that determines the batch's runs (the scenario file,
 *                     the files it refers to, and command-line overrides); a database is resumed
 *                     only by a batch with the same hash
 * @param totalRuns    number of runs in the batch, at least 1
 */
public record BatchInfo(String scenarioName, String scenarioHash, int totalRuns) {

    public BatchInfo {
        Objects.requireNonNull(scenarioName, "scenarioName");
        Objects.requireNonNull(scenarioHash, "scenarioHash");
        if (totalRuns < 1) {
            throw new IllegalArgumentException("totalRuns " + totalRuns + " < 1");
        }
    }
}
