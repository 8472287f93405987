package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The console's batch size line says "1 layout", not "1 layouts". */
class CountsTest {

    @Test
    void one_is_singular_and_every_other_count_plural() {
        assertThat(Counts.batch(1, 9, 2)).isEqualTo("1 layout × 9 sweep points × 2 replications");
        assertThat(Counts.batch(3, 1, 10)).isEqualTo("3 layouts × 1 sweep point × 10 replications");
        assertThat(Counts.batch(2, 3, 1)).isEqualTo("2 layouts × 3 sweep points × 1 replication");
        assertThat(Counts.of(0, "run", "runs")).isEqualTo("0 runs");
    }
}
