package org.gridplan.scenarios.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.gridplan.scenarios.spec.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch that optimises branches and workers gives the same results with one and two threads
 * (each layout and sweep point is planned once, deterministically), and the plan is what runs:
 * the professionals no longer sit where the field standard spreads them.
 */
class OptimisedBatchIT {

    @TempDir
    static Path dir;
    static Scenario scenario;
    static ScenarioInputs inputs;

    @BeforeAll
    static void scenario() throws IOException {
        scenario = BatchRunnerIT.read(dir.resolve("optimised.yaml"), new OptimisingStaffingPlanner(), """
                city:
                  generate: {households: 20000, seed: 4}
                layouts:
                  - {name: grid-450, targetHouseholds: 450}
                  - {name: grid-320, targetHouseholds: 320}
                replications: 2
                horizonDays: 20
                warmUpDays: 2
                staffing:
                  professionalsPerGrid: 0.3
                  branchPoolPerCommunity: 1
                optimise: {branches: true, workers: true}
                """);
        inputs = ScenarioInputs.load(scenario);
    }

    private static Path runBatch(String name, int threads) throws SQLException {
        assertThat(scenario.runCount()).isEqualTo(4);
        return BatchRunnerIT.runBatch(dir.resolve(name + ".duckdb"), new OptimisingStaffingPlanner(), threads,
                scenario, inputs);
    }

    @Test
    void gives_identical_results_with_one_and_two_threads_and_runs_the_optimised_plan() throws SQLException {
        Path one = runBatch("one", 1);
        Path two = runBatch("two", 2);
        for (String sql : List.of(
                "SELECT * FROM district_kpis ORDER BY run_id",
                "SELECT * FROM grid_kpis ORDER BY run_id, grid",
                "SELECT * FROM worker_kpis ORDER BY run_id, worker")) {
            List<String> a = BatchRunnerIT.rows(one, sql);
            assertThat(a).as(sql).isNotEmpty().isEqualTo(BatchRunnerIT.rows(two, sql));
        }
        // Branch pools sit at candidate sites (BP-<site>), not one per community (BP-<community>).
        assertThat(BatchRunnerIT.rows(one, "SELECT DISTINCT worker FROM worker_kpis WHERE worker LIKE 'BP-%'"))
                .isNotEmpty().allMatch(w -> w.startsWith("BP-P"));
        // The open branches are stored per layout for the report's map: the sites of the branch pools.
        for (String layout : List.of("grid-450", "grid-320")) {
            List<String> open = BatchRunnerIT.rows(one, "SELECT site FROM open_branches WHERE layout = '" + layout
                    + "' ORDER BY number");
            List<String> pools = BatchRunnerIT.rows(one, "SELECT DISTINCT substr(worker, 4, strpos(worker, '#') - 4) "
                    + "FROM worker_kpis WHERE layout = '" + layout + "' AND worker LIKE 'BP-%' ORDER BY 1");
            assertThat(open).as(layout).isNotEmpty().doesNotHaveDuplicates();
            assertThat(open.stream().sorted().toList()).as(layout).isEqualTo(pools.stream().sorted().toList());
            assertThat(BatchRunnerIT.rows(two, "SELECT site FROM open_branches WHERE layout = '" + layout
                    + "' ORDER BY number")).isEqualTo(open);
        }
    }
}
