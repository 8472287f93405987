package org.gridplan.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class QueueingTest {

    @Test
    void single_server_waits_with_probability_rho() {
        assertThat(Queueing.erlangC(1, 0.3)).isCloseTo(0.3, offset(1e-12));
        assertThat(Queueing.erlangCOrOne(1, 0.3)).isCloseTo(0.3, offset(1e-12));
    }

    @Test
    void two_servers_one_erlang_wait_with_probability_one_third() {
        assertThat(Queueing.erlangCOrOne(2, 1.0)).isCloseTo(1.0 / 3, offset(1e-12));
    }

    @Test
    void textbook_case_five_servers_four_erlangs() {
        // C(5, 4) = 0.5541 (tables of the Erlang C function)
        assertThat(Queueing.erlangC(5, 4.0)).isCloseTo(0.5541, offset(1e-4));
    }

    @Test
    void mm1_mean_wait_is_rho_over_mu_minus_lambda() {
        // lambda 0.5, mu 1: Wq = 0.5 / 0.5 = 1 minute
        assertThat(Queueing.mmcMeanWait(0.5, 1.0, 1)).isCloseTo(1.0, offset(1e-12));
        assertThat(Queueing.mmcMeanWaitOrInfinity(0.5, 1.0, 1)).isCloseTo(1.0, offset(1e-12));
    }

    @Test
    void strict_and_bounded_agree_exactly_on_a_stable_queue() {
        for (int c = 1; c <= 40; c++) {
            for (double a = 0; a < c; a += 0.37) {
                assertThat(Queueing.erlangCOrOne(c, a)).isEqualTo(Queueing.erlangC(c, a));
                assertThat(Queueing.mmcMeanWaitOrInfinity(a / 30, 1 / 30.0, c))
                        .isEqualTo(Queueing.mmcMeanWait(a / 30, 1 / 30.0, c));
            }
        }
    }

    @Test
    void stays_finite_for_hundreds_of_servers() {
        assertThat(Queueing.erlangCOrOne(500, 480.0)).isBetween(0.0, 1.0);
    }

    @Test
    void unstable_queue_is_rejected_by_the_strict_kind_and_waits_forever_in_the_bounded_kind() {
        assertThatThrownBy(() -> Queueing.erlangC(2, 2.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 <= a < c");
        assertThatThrownBy(() -> Queueing.mmcMeanWait(3.0, 1.0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Queueing.erlangCOrOne(2, 2.0)).isEqualTo(1.0);
        assertThat(Queueing.mmcMeanWaitOrInfinity(3.0, 1.0, 2)).isInfinite();
    }

    @Test
    void bounded_kind_rejects_no_servers_and_bad_rates() {
        assertThatThrownBy(() -> Queueing.erlangCOrOne(0, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("servers must be at least 1, got 0");
        assertThatThrownBy(() -> Queueing.erlangCOrOne(2, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offered load");
        assertThatThrownBy(() -> Queueing.mmcMeanWaitOrInfinity(0.5, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("service rate");
        assertThatThrownBy(() -> Queueing.mmcMeanWaitOrInfinity(Double.NaN, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arrival rate");
    }
}
