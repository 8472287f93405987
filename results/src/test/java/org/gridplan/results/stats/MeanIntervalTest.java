package org.gridplan.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeanIntervalTest {

    @Test
    void student_t_interval_of_a_small_sample() {
        // n = 4, mean 5, s = sqrt(20/3); t(0.975, 3) = 3.182446
        MeanInterval m = MeanInterval.of(new double[] {2, 4, 6, 8});
        assertThat(m.n()).isEqualTo(4);
        assertThat(m.mean()).isEqualTo(5);
        assertThat(m.halfWidth().getAsDouble()).isCloseTo(3.182446 * Math.sqrt(20.0 / 3) / 2, within(1e-5));
    }

    @Test
    void one_value_has_a_mean_but_no_interval_and_nan_values_are_left_out() {
        MeanInterval m = MeanInterval.of(new double[] {7, Double.NaN});
        assertThat(m.n()).isEqualTo(1);
        assertThat(m.mean()).isEqualTo(7);
        assertThat(m.halfWidth()).isEmpty();
        assertThat(MeanInterval.of(new double[0]).halfWidth()).isEmpty();
    }
}
