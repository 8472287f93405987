package org.gridplan.optimizer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.gridplan.optimizer.solver.SitingOutcome;
import org.junit.jupiter.api.Test;

/**
 * The capacitated search against published optima, bounded by move evaluations, not by the clock:
 * the time limits are caps far above what the budgets take, and nothing here depends on the
 * machine's speed.
 */
class CapacitatedSearchIT {

    private static final Path SJC = Path.of("..", "bench", "sjc");
    private static final Duration CAP = Duration.ofMinutes(5);

    @Test
    void sjc1_reaches_its_optimum_17288_99_within_a_million_evaluations() {
        BenchResult r = BenchRunner.run(LorenaSenneReader.read(SJC.resolve("SJC1.dat")), CAP,
                OptionalLong.of(1_000_000), 1, true);
        assertThat(r.ending()).isEqualTo(SitingOutcome.Ending.TARGET_REACHED);
        assertThat(r.feasible()).isTrue();
        assertThat(r.value()).isBetween(17288.985, 17288.995);
        assertThat(r.gapPercent()).hasValue(0.0);
        assertThat(r.evaluations()).isLessThanOrEqualTo(1_000_000);
    }

    @Test
    void pmedcap05_reaches_its_optimum_664_within_half_a_million_evaluations() {
        BenchResult r = BenchRunner.run(CpmpReader.read(Path.of("..", "bench", "pmedcap", "pmedcap05.txt")), CAP,
                OptionalLong.of(500_000), 1, true);
        assertThat(r.ending()).isEqualTo(SitingOutcome.Ending.TARGET_REACHED);
        assertThat(r.found()).isEqualTo(664);
    }

    @Test
    void an_evaluation_budget_gives_the_same_plan_and_count_every_time() {
        BenchInstance sjc1 = LorenaSenneReader.read(SJC.resolve("SJC1.dat"));
        BenchResult first = BenchRunner.run(sjc1, CAP, OptionalLong.of(200_000), 7, false);
        BenchResult second = BenchRunner.run(sjc1, CAP, OptionalLong.of(200_000), 7, false);
        assertThat(first.ending()).isEqualTo(SitingOutcome.Ending.EVALUATION_LIMIT);
        assertThat(second.value()).isEqualTo(first.value());
        assertThat(second.evaluations()).isEqualTo(first.evaluations());
    }
}
