package org.gridplan.results.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a batch simulated, for the head of a report.
 *
 * @param name           scenario name
 * @param city           city name
 * @param households     households in the district
 * @param gridsPerLayout layout name → number of grids, in layout order
 * @param replications   replications per layout and sweep point
 * @param seed           the scenario's master seed
 * @param sweepParameter what the sweep varies, with its unit (e.g. "full-time workers per
 *                       grid"); empty when the batch has no sweep
 * @param sweep          what the sweep varies, by field path; {@link SweepAxis#NONE} when unknown
 */
public record ScenarioSummary(String name, String city, long households, Map<String, Integer> gridsPerLayout,
        int replications, long seed, String sweepParameter, SweepAxis sweep) {

    /** A summary without the sweep's fields. */
    public ScenarioSummary(String name, String city, long households, Map<String, Integer> gridsPerLayout,
            int replications, long seed, String sweepParameter) {
        this(name, city, households, gridsPerLayout, replications, seed, sweepParameter, SweepAxis.NONE);
    }

    public ScenarioSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(sweepParameter, "sweepParameter");
        Objects.requireNonNull(sweep, "sweep");
        gridsPerLayout = Collections.unmodifiableMap(new LinkedHashMap<>(gridsPerLayout));
        if (replications < 1) {
            throw new IllegalArgumentException("replications " + replications + " < 1");
        }
    }
}
