package org.gridplan.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.gridplan.results.stats.KimNelson.Outcome;
import org.gridplan.results.stats.KimNelson.Settings;
import org.junit.jupiter.api.Test;

class KimNelsonTest {

    /**
     * Systems with known means under common random numbers: observation = mean + a component shared
     * by all systems in the replication + an own one (correlation 0.5 between systems).
     */
    private static KimNelson.Sampler normals(double[] means, double sd, SplittableRandom random) {
        return (r, systems) -> {
            double common = gaussian(random) * sd * Math.sqrt(0.5);
            double[] o = new double[systems.length];
            for (int s = 0; s < systems.length; s++) {
                o[s] = means[systems[s]] + common + gaussian(random) * sd * Math.sqrt(0.5);
            }
            return o;
        };
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller from the test's own generator.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void eta_and_h_squared_follow_the_published_formulas() {
        Settings s = new Settings(1, 0.05, 10, true);
        // k = 5: eta = 0.5 * ((0.1 / 4)^(-2/9) - 1).
        assertThat(s.eta(5)).isCloseTo(0.5 * (Math.pow(0.025, -2.0 / 9) - 1), within(1e-12));
        assertThat(s.hSquared(5)).isCloseTo(18 * s.eta(5), within(1e-12));
    }

    @Test
    void selects_the_best_with_at_least_the_guaranteed_probability_in_the_slippage_configuration() {
        // Five systems, the best exactly delta above the others (the least favourable configuration).
        double delta = 1;
        double sd = 3;
        double[] means = {0, 0, delta, 0, 0};
        Settings s = new Settings(delta, 0.05, 10, true);
        SplittableRandom random = new SplittableRandom(20011);
        int macro = 2000;
        int correct = 0;
        long observations = 0;
        for (int m = 0; m < macro; m++) {
            Outcome o = KimNelson.select(5, s, normals(means, sd, random), 100_000);
            correct += o.best() == 2 ? 1 : 0;
            observations += o.observations();
        }
        double pcs = (double) correct / macro;
        assertThat(pcs).isGreaterThanOrEqualTo(0.95);
        // A fixed design with the same constant takes h² S² / δ² replications of every system, S² the
        // variance of a paired difference (2 sd² (1 − 0.5) = sd²): KN stops far earlier on average.
        double fixed = 5 * Math.ceil(s.hSquared(5) * sd * sd / (delta * delta));
        System.out.printf(java.util.Locale.ROOT, "KN slippage: PCS %.4f over %d macro replications; %.1f observations"
                + " on average against %.0f for the fixed design%n", pcs, macro, (double) observations / macro, fixed);
        assertThat((double) observations / macro).isLessThan(0.6 * fixed);
    }

    @Test
    void smaller_is_better_selects_the_least_mean_and_stops_at_the_first_stage_when_gaps_are_wide() {
        double[] means = {50, 10, 60};
        Outcome o = KimNelson.select(3, new Settings(1, 0.05, 5, false),
                normals(means, 0.5, new SplittableRandom(3)), 1000);
        assertThat(o.best()).isEqualTo(1);
        assertThat(o.replications()).isEqualTo(5);
        assertThat(o.means()[1]).isCloseTo(10, within(1.0));
        assertThat(o.eliminatedAfter()).containsExactly(5, 5, 5);
    }

    @Test
    void the_cap_ends_a_selection_between_equal_systems_without_a_choice() {
        Outcome o = KimNelson.select(2, new Settings(0.01, 0.05, 5, true),
                normals(new double[] {0, 0}, 1, new SplittableRandom(5)), 20);
        assertThat(o.replications()).isEqualTo(20);
        assertThat(o.selected()).isFalse();
    }

    @Test
    void rejects_bad_settings() {
        assertThatThrownBy(() -> new Settings(0, 0.05, 10, true)).hasMessageContaining("delta");
        assertThatThrownBy(() -> new Settings(1, 1, 10, true)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new Settings(1, 0.05, 1, true)).hasMessageContaining("at least 2");
    }
}
