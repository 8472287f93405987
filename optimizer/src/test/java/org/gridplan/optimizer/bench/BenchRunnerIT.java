package org.gridplan.optimizer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Published instances through the adapter and the full constraint model, from the repository's
 * {@code bench} folder ({@code ../bench} from this module). The time limits are generous caps: both stop as soon as
 * the proven optimum is reached (typically within a second or two).
 */
class BenchRunnerIT {

    private static final Path BENCH = Path.of("..", "bench");

    @Test
    void pmed1_reaches_the_optimum_5819() {
        Path file = BENCH.resolve("pmed").resolve("pmed1.txt");
        BenchResult result = BenchRunner.run(PmedReader.read(file), Duration.ofSeconds(20), 1);
        assertThat(result.found()).isEqualTo(5819);
        assertThat(result.gapPercent()).hasValue(0.0);
    }

    @Test
    void pmedcap01_gets_within_1_percent_of_the_optimum_713() {
        Path file = BENCH.resolve("pmedcap").resolve("pmedcap01.txt");
        BenchResult result = BenchRunner.run(CpmpReader.read(file), Duration.ofSeconds(10), 1);
        assertThat(result.feasible()).isTrue();
        assertThat(result.found()).isBetween(713L, 720L);
    }
}
