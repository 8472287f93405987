package org.gridplan.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The surge window's figures from a backlog series whose answers are known by construction. */
class SurgeRunTest {

    /**
     * Hourly samples over 20 days: 40 open cases, a surge on days 10-12 that adds 20 an hour up to
     * 100 more at its end, then 10 fewer an hour back to 40; waiting is a quarter of the extra.
     */
    private static SurgeRun run(double recoverPerHour) {
        int n = 20 * 24;
        double[] hours = new double[n];
        double[] open = new double[n];
        double[] waiting = new double[n];
        for (int k = 0; k < n; k++) {
            hours[k] = k;
            double extra = 0;
            if (k >= 240 && k < 312) {
                extra = Math.min(100, (k - 240) * 20);
            } else if (k >= 312) {
                extra = Math.max(0, 100 - (k - 312) * recoverPerHour);
            }
            open[k] = 40 + extra;
            waiting[k] = extra / 4;
        }
        return SurgeRun.of("grid-400", 2, 0, 10, 3, hours, open, waiting);
    }

    @Test
    void peak_waiting_at_the_end_and_recovery_of_a_known_series() {
        SurgeRun r = run(10);
        assertThat(r.startHour()).isEqualTo(240);
        assertThat(r.endHour()).isEqualTo(312);
        assertThat(r.before()).isEqualTo(40);
        assertThat(r.peakOpen()).isEqualTo(140);
        assertThat(r.waitingAtEnd()).isEqualTo(25);
        // Back within 10% of 40 (44 open) as a 24-hour mean: from hour 312 + t the mean of
        // max(0, 100 - 10 (t + i)) over i < 24 must be at most 4: 4.17 at t = 6, 2.5 at t = 7.
        assertThat(r.recoveryHours()).isCloseTo(7, within(1e-9));
    }

    @Test
    void a_backlog_not_back_by_the_end_has_no_recovery_time() {
        // 0.1 an hour: 1,000 hours to clear, beyond the 20 days sampled.
        assertThat(run(0.1).recoveryHours()).isNaN();
        assertThat(run(0.1).peakOpen()).isEqualTo(140);
    }
}
