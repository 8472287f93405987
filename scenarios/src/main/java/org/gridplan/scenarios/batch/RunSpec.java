package org.gridplan.scenarios.batch;

import java.util.ArrayList;
import java.util.List;
import org.gridplan.scenarios.spec.Scenario;

/**
 * One run of a batch: a layout, a sweep point and a replication, with its run seed.
 *
 * @param runId       {@code (layout × points + point) × replications + replication}: unique and
 *                    stable for a scenario, the key of the run in the results database
 * @param layout      index of the layout in the scenario
 * @param point       index of the sweep point
 * @param replication replication index
 * @param seed        the run seed, {@link Seeds#runSeed} of the master seed and the replication
 */
public record RunSpec(int runId, int layout, int point, int replication, long seed) {

    /** Every run of {@code scenario}, in run id order. */
    public static List<RunSpec> all(Scenario scenario) {
        List<RunSpec> out = new ArrayList<>(scenario.runCount());
        int points = scenario.points().size();
        int reps = scenario.replications();
        for (int l = 0; l < scenario.layouts().size(); l++) {
            for (int p = 0; p < points; p++) {
                for (int r = 0; r < reps; r++) {
                    out.add(new RunSpec((l * points + p) * reps + r, l, p, r, Seeds.runSeed(scenario.seed(), r)));
                }
            }
        }
        return out;
    }
}
