package org.gridplan.optimizer.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class ErlangCTest {

    @Test
    void single_server_waits_with_probability_rho() {
        assertThat(ErlangC.waitProbability(1, 0.3)).isCloseTo(0.3, offset(1e-12));
    }

    @Test
    void two_servers_one_erlang_wait_with_probability_one_third() {
        assertThat(ErlangC.waitProbability(2, 1.0)).isCloseTo(1.0 / 3, offset(1e-12));
    }

    @Test
    void mm1_mean_wait_is_rho_over_mu_minus_lambda() {
        // lambda 0.5, mu 1: Wq = 0.5 / 0.5 = 1 minute
        assertThat(ErlangC.meanWait(1, 0.5, 1.0)).isCloseTo(1.0, offset(1e-12));
    }

    @Test
    void textbook_case_five_servers_four_erlangs() {
        // C(5, 4) = 0.5541 (tables of the Erlang C function)
        assertThat(ErlangC.waitProbability(5, 4.0)).isCloseTo(0.5541, offset(1e-4));
    }

    @Test
    void overloaded_queue_waits_forever() {
        assertThat(ErlangC.waitProbability(2, 2.0)).isEqualTo(1.0);
        assertThat(ErlangC.meanWait(2, 3.0, 1.0)).isInfinite();
    }

    @Test
    void stays_finite_for_hundreds_of_servers() {
        double c = ErlangC.waitProbability(500, 480.0);
        assertThat(c).isBetween(0.0, 1.0);
    }

    @Test
    void rejects_no_servers() {
        assertThatThrownBy(() -> ErlangC.waitProbability(0, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("servers must be at least 1, got 0");
    }

    @Test
    void grid_response_adds_travel_and_wait() {
        // one worker, 1 incident per 100 min, 50 min busy each: rho 0.5, Wq = 0.5 / (0.02 - 0.01) = 50
        GridResponse r = GridResponse.of(1, 0.01, 50, 8);
        assertThat(r.utilisation()).isCloseTo(0.5, offset(1e-12));
        assertThat(r.waitMinutes()).isCloseTo(50.0, offset(1e-9));
        assertThat(r.totalMinutes()).isCloseTo(58.0, offset(1e-9));
    }
}
