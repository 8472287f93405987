package org.gridplan.optimizer.solver;

import org.gridplan.optimizer.domain.StaffingGrid;
import org.gridplan.optimizer.domain.StaffingSolution;
import org.gridplan.optimizer.domain.WorkerAssignment;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/**
 * One group of tests per staffing constraint, each named after the method it verifies: penalised
 * by the exact amount, not penalised, and unassigned workers.
 *
 * <p>Rates are chosen so the queueing numbers are exact: 262,800 incidents a year is 0.5 per
 * minute; with 1-minute service that is 0.5 erlangs, and one worker waits Wq = 0.5 / (1 - 0.5) = 1 min.
 */
class StaffingConstraintProviderTest {

    private static final ConstraintVerifier<StaffingConstraintProvider, StaffingSolution> VERIFIER =
            ConstraintVerifier.build(new StaffingConstraintProvider(), StaffingSolution.class, WorkerAssignment.class);

    private final StaffingGrid half = new StaffingGrid("half", 0, 400, 262_800, 1.0); // 0.5 erlang
    private final StaffingGrid two = new StaffingGrid("two", 1, 300, 1_051_200, 1.0); // 2.0 erlangs
    private final StaffingGrid quiet = new StaffingGrid("quiet", 2, 50, 0, 1.0);

    private static WorkerAssignment worker(String id, boolean fullTime, StaffingGrid grid, double... travel) {
        WorkerAssignment w = new WorkerAssignment(id, fullTime, travel);
        w.setGrid(grid);
        return w;
    }

    // fullTimePerGrid

    @Test
    void fullTimePerGrid_penalizes_grid_without_full_time_worker_by_its_households() {
        VERIFIER.verifyThat(StaffingConstraintProvider::fullTimePerGrid)
                .given(half, two, quiet, worker("p1", false, half, 1, 1, 1), worker("f1", true, two, 1, 1, 1))
                .penalizesBy(400);
    }

    @Test
    void fullTimePerGrid_accepts_every_busy_grid_with_a_full_time_worker() {
        VERIFIER.verifyThat(StaffingConstraintProvider::fullTimePerGrid)
                .given(half, two, quiet, worker("f1", true, half, 1, 1, 1), worker("f2", true, two, 1, 1, 1))
                .penalizesBy(0);
    }

    @Test
    void fullTimePerGrid_counts_an_unassigned_worker_as_absent() {
        VERIFIER.verifyThat(StaffingConstraintProvider::fullTimePerGrid)
                .given(half, worker("f1", true, null, 1, 1, 1))
                .penalizesBy(400);
    }

    // overloadedGrid

    @Test
    void overloadedGrid_penalizes_load_beyond_workers_in_milli_erlangs() {
        // 2.0 erlangs on 1 worker: 1 + 1,000
        VERIFIER.verifyThat(StaffingConstraintProvider::overloadedGrid)
                .given(two, worker("f1", true, two, 1, 1, 1))
                .penalizesBy(1001);
    }

    @Test
    void overloadedGrid_accepts_load_below_workers() {
        VERIFIER.verifyThat(StaffingConstraintProvider::overloadedGrid)
                .given(two, worker("f1", true, two, 1, 1, 1), worker("f2", true, two, 1, 1, 1),
                        worker("f3", true, two, 1, 1, 1))
                .penalizesBy(0);
    }

    @Test
    void overloadedGrid_ignores_unassigned_worker() {
        VERIFIER.verifyThat(StaffingConstraintProvider::overloadedGrid)
                .given(two, worker("f1", true, null, 1, 1, 1))
                .penalizesBy(0);
    }

    // unstaffedGrid

    @Test
    void unstaffedGrid_penalizes_busy_grid_without_workers_by_its_load_in_milli_erlangs() {
        // "two" has no worker: 1 + 2,000; "half" is staffed; "quiet" has no demand
        VERIFIER.verifyThat(StaffingConstraintProvider::unstaffedGrid)
                .given(half, two, quiet, worker("p1", false, half, 1, 1, 1))
                .penalizesBy(2001);
    }

    @Test
    void unstaffedGrid_accepts_grid_with_any_worker() {
        VERIFIER.verifyThat(StaffingConstraintProvider::unstaffedGrid)
                .given(two, worker("p1", false, two, 1, 1, 1))
                .penalizesBy(0);
    }

    @Test
    void unstaffedGrid_counts_an_unassigned_worker_as_absent() {
        VERIFIER.verifyThat(StaffingConstraintProvider::unstaffedGrid)
                .given(half, worker("f1", true, null, 1, 1, 1))
                .penalizesBy(501);
    }

    // expectedResponse

    @Test
    void expectedResponse_penalizes_incidents_times_travel_plus_erlang_c_wait() {
        // 262,800 incidents x (8 min travel + 1 min wait) = 262,800 x 900 centiminutes
        VERIFIER.verifyThat(StaffingConstraintProvider::expectedResponse)
                .given(half, worker("f1", true, half, 8, 1, 1))
                .penalizesBy(236_520_000L);
    }

    @Test
    void expectedResponse_is_zero_for_grid_without_incidents() {
        VERIFIER.verifyThat(StaffingConstraintProvider::expectedResponse)
                .given(quiet, worker("f1", true, quiet, 1, 1, 9))
                .penalizesBy(0);
    }

    @Test
    void expectedResponse_ignores_unassigned_worker() {
        VERIFIER.verifyThat(StaffingConstraintProvider::expectedResponse)
                .given(half, worker("f1", true, null, 8, 1, 1))
                .penalizesBy(0);
    }

    // utilisationBalance

    @Test
    void utilisationBalance_penalizes_sum_of_squared_utilisation() {
        // one worker at 0.5 -> 0.25e6; two workers sharing 2.0 erlangs -> 2 x 1.0^2 = 2e6
        VERIFIER.verifyThat(StaffingConstraintProvider::utilisationBalance)
                .given(half, two, worker("f1", true, half, 1, 1, 1), worker("f2", true, two, 1, 1, 1),
                        worker("f3", true, two, 1, 1, 1))
                .penalizesBy(2_250_000L);
    }

    @Test
    void utilisationBalance_is_zero_for_idle_grid() {
        VERIFIER.verifyThat(StaffingConstraintProvider::utilisationBalance)
                .given(quiet, worker("f1", true, quiet, 1, 1, 1))
                .penalizesBy(0);
    }

    @Test
    void utilisationBalance_ignores_unassigned_worker() {
        VERIFIER.verifyThat(StaffingConstraintProvider::utilisationBalance)
                .given(half, worker("f1", true, null, 1, 1, 1))
                .penalizesBy(0);
    }

    // homeNearGrid

    @Test
    void homeNearGrid_penalizes_home_to_grid_travel_in_centiminutes() {
        VERIFIER.verifyThat(StaffingConstraintProvider::homeNearGrid)
                .given(half, two, worker("f1", true, half, 2.5, 9, 9), worker("f2", true, two, 9, 0.25, 9))
                .penalizesBy(275);
    }

    @Test
    void homeNearGrid_accepts_worker_living_in_the_grid() {
        VERIFIER.verifyThat(StaffingConstraintProvider::homeNearGrid)
                .given(half, worker("f1", true, half, 0, 9, 9))
                .penalizesBy(0);
    }

    @Test
    void homeNearGrid_ignores_unassigned_worker() {
        VERIFIER.verifyThat(StaffingConstraintProvider::homeNearGrid)
                .given(half, worker("f1", true, null, 5, 9, 9))
                .penalizesBy(0);
    }
}
