package org.gridplan.optimizer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.gridplan.optimizer.solver.SitingOutcome.Ending;
import org.junit.jupiter.api.Test;

/**
 * Published instances through the adapter and the full constraint model, from the repository's
 * {@code bench} folder ({@code ../bench} from this module). Each solve is bounded by a
 * move-evaluation budget, so it ends at the same step on every machine; the time limit is only a
 * guard against a hung solve, and a solve it ends fails the test rather than passing on a fast
 * machine and failing on a slow one.
 */
class BenchRunnerIT {

    private static final Path BENCH = Path.of("..", "bench");
    private static final Duration GUARD = Duration.ofMinutes(10);
    /** Budgets with room: seed 1 reached both optima in under 30,000 evaluations when they were set. */
    private static final long PMED1_BUDGET = 100_000;
    private static final long PMEDCAP01_BUDGET = 100_000;

    @Test
    void pmed1_reaches_the_optimum_5819_within_its_evaluation_budget() {
        Path file = BENCH.resolve("pmed").resolve("pmed1.txt");
        BenchResult result = BenchRunner.run(PmedReader.read(file), GUARD, OptionalLong.of(PMED1_BUDGET), 1, true);
        assertThat(result.ending()).isEqualTo(Ending.TARGET_REACHED);
        assertThat(result.found()).isEqualTo(5819);
        assertThat(result.gapPercent()).hasValue(0.0);
    }

    @Test
    void pmedcap01_gets_within_1_percent_of_the_optimum_713_within_its_evaluation_budget() {
        Path file = BENCH.resolve("pmedcap").resolve("pmedcap01.txt");
        BenchResult result = BenchRunner.run(CpmpReader.read(file), GUARD, OptionalLong.of(PMEDCAP01_BUDGET), 1, true);
        assertThat(result.ending()).isNotEqualTo(Ending.TIME_LIMIT);
        assertThat(result.feasible()).isTrue();
        assertThat(result.found()).isBetween(713L, 720L);
    }
}
