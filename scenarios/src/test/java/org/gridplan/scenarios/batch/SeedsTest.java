package org.gridplan.scenarios.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void run_seeds_are_deterministic_31_bit_nonzero_and_distinct_per_replication() {
        Set<Long> seen = new HashSet<>();
        for (long master : new long[] {0, 1, -1, Long.MAX_VALUE}) {
            for (int r = 0; r < 1000; r++) {
                long s = Seeds.runSeed(master, r);
                assertThat(s).isBetween(1L, (long) Integer.MAX_VALUE).isEqualTo(Seeds.runSeed(master, r));
                seen.add(s);
            }
        }
        assertThat(seen).hasSizeGreaterThan(3990);
        assertThat(Seeds.runSeed(1, 0)).isNotEqualTo(Seeds.runSeed(2, 0));
    }
}
