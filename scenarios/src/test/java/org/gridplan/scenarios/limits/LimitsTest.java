package org.gridplan.scenarios.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.io.InputException;
import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void the_estimate_is_households_times_rate_times_days() {
        // The default year of the largest district: 500,000 × 0.2 = 100,000 incidents.
        assertThat(Limits.expectedIncidents(500_000, DemandCatalog.DEFAULT_TOTAL_RATE, 365)).isEqualTo(100_000,
                org.assertj.core.data.Offset.offset(1e-6));
        Limits.checkRun("defaults", 500_000, DemandCatalog.DEFAULT_TOTAL_RATE, 365);
        assertThatThrownBy(() -> Limits.checkRun("--demand-scale 100 and --days 3650", 500_000, 20, 3650))
                .isInstanceOf(InputException.class)
                .hasMessage("--demand-scale 100 and --days 3650: a run would expect about 100,000,000 incidents "
                        + "(500,000 households × 20 a household-year × 3,650 days ÷ 365), above the limit of "
                        + "10,000,000 a run; lower them");
    }

    @Test
    void workers_and_solver_pairs_are_bounded_before_anything_is_built() {
        assertThatThrownBy(() -> Limits.checkWorkers("--workers fulltime=2000000000", 2_000_000_000L))
                .hasMessage("--workers fulltime=2000000000: 2,000,000,000 workers, above the limit of 100,000 workers "
                        + "a plan");
        Limits.checkSolver("defaults", 1_800, 1_250, 150);
        assertThatThrownBy(() -> Limits.checkSolver("--workers fulltime=90000", 90_000, 1_250, 150))
                .hasMessageStartingWith("--workers fulltime=90000: the optimiser would weigh 112,687,500 pairs");
    }

    @Test
    void values_name_their_option_and_the_bound() {
        assertThatThrownBy(() -> Limits.whole("--repeat", 0, 1, Limits.MAX_REPEAT))
                .hasMessage("--repeat 0: below the minimum 1");
        assertThatThrownBy(() -> Limits.number("--days", 3651, 0, true, Limits.MAX_DAYS))
                .hasMessage("--days 3651: above the limit of 3,650");
        assertThatThrownBy(() -> Limits.number("--demand-scale", Double.NaN, 0, false, 100))
                .hasMessage("--demand-scale NaN: not a finite number");
        assertThatThrownBy(() -> Limits.days("--days", 7, "--warm-up", 7))
                .hasMessage("--days 7 leaves nothing after the warm-up of 7 days (--warm-up); give at least 8, 1 day "
                        + "more than the warm-up");
        Limits.days("--days", 8, "--warm-up", 7);
    }
}
