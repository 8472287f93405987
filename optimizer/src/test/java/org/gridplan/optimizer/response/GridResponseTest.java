package org.gridplan.optimizer.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class GridResponseTest {

    @Test
    void grid_response_adds_travel_and_wait() {
        // one worker, 1 incident per 100 min, 50 min busy each: rho 0.5, Wq = 0.5 / (0.02 - 0.01) = 50
        GridResponse r = GridResponse.of(1, 0.01, 50, 8);
        assertThat(r.utilisation()).isCloseTo(0.5, offset(1e-12));
        assertThat(r.waitMinutes()).isCloseTo(50.0, offset(1e-9));
        assertThat(r.totalMinutes()).isCloseTo(58.0, offset(1e-9));
    }

    @Test
    void overloaded_grid_waits_forever_at_a_utilisation_above_one() {
        // one worker, 1 incident per 25 min, 50 min busy each: rho 2
        GridResponse r = GridResponse.of(1, 0.04, 50, 8);
        assertThat(r.utilisation()).isCloseTo(2.0, offset(1e-12));
        assertThat(r.waitMinutes()).isInfinite();
    }
}
