package org.gridplan.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

/**
 * Statistics against values computed by hand. Student t quantiles t(0.975, df) from the table:
 * df 1: 12.706205, df 3: 3.182446, df 4: 2.776445.
 */
class ComparisonStatisticsTest {

    private static final double EPS = 1e-5;

    /** p90 response of the baseline in replications 0..4, minutes. */
    private static final double[] CURRENT = {20, 22, 25, 21, 24};
    /** Candidate = baseline + (−3, −2.5, −4, −3, −2.5). */
    private static final double[] GRID_400 = {17, 19.5, 21, 18, 21.5};
    /** grid-400 + (0.5, −0.5, 0.3, −0.2, 0.1): not distinguishable from grid-400. */
    private static final double[] GRID_300 = {17.5, 19, 21.3, 17.8, 21.6};

    static ComparisonData data(Map<String, double[]> p90ByLayout) {
        ComparisonData.Builder b = ComparisonData.builder(
                new ScenarioSummary("s", "city", 1000, Map.of(), 5, 1, ""));
        p90ByLayout.forEach((layout, values) -> {
            for (int r = 0; r < values.length; r++) {
                b.add(new RunKpis(layout, 1.0, r, Map.of(Kpi.P90_RESPONSE, values[r])));
            }
        });
        return b.baseline("current").build();
    }

    private static ComparisonStatistics threeLayouts() {
        return new ComparisonStatistics(data(orderedThree()));
    }

    private static Map<String, double[]> orderedThree() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("current", CURRENT);
        m.put("grid-400", GRID_400);
        m.put("grid-300", GRID_300);
        return m;
    }

    @Test
    void summary_gives_mean_sd_and_student_t_interval() {
        // 10, 12, 14, 16: mean 13; squared deviations 9 + 1 + 1 + 9 = 20; sd = √(20/3) = 2.581989;
        // half-width = t(0.975, 3) · sd / √4 = 3.182446 · 2.581989 / 2 = 4.108520.
        Summary s = Summary.of(10, 12, 14, 16);
        assertThat(s.n()).isEqualTo(4);
        assertThat(s.mean().getAsDouble()).isEqualTo(13.0);
        assertThat(s.sd().getAsDouble()).isCloseTo(2.581989, within(EPS));
        assertThat(s.ci().get().lower()).isCloseTo(13 - 4.108520, within(EPS));
        assertThat(s.ci().get().upper()).isCloseTo(13 + 4.108520, within(EPS));
    }

    @Test
    void summary_skips_non_finite_values() {
        // 5, 7: mean 6, sd √2; half-width = 12.706205 · √2 / √2 = 12.706205.
        Summary s = Summary.of(5, Double.NaN, 7);
        assertThat(s.n()).isEqualTo(2);
        assertThat(s.ci().get().lower()).isCloseTo(6 - 12.706205, within(EPS));
        assertThat(s.ci().get().upper()).isCloseTo(6 + 12.706205, within(EPS));
    }

    @Test
    void one_replication_has_a_mean_but_no_interval() {
        Summary s = Summary.of(42);
        assertThat(s.mean().getAsDouble()).isEqualTo(42.0);
        assertThat(s.sd()).isEmpty();
        assertThat(s.ci()).isEmpty();
        Summary none = Summary.of(Double.NaN);
        assertThat(none.n()).isZero();
        assertThat(none.mean()).isEmpty();
    }

    @Test
    void pooled_percentiles_are_nearest_rank() {
        // sorted 1 1 2 3 4 5 9 (n = 7): p50 = 4th (⌈3.5⌉) = 3; p90 = 7th (⌈6.3⌉) = 9; p95 = 7th = 9.
        PooledPercentiles p = PooledPercentiles.of(new double[] {3, 1, 4, 1, 5, 9, 2}).orElseThrow();
        assertThat(p.count()).isEqualTo(7);
        assertThat(p.p50()).isEqualTo(3.0);
        assertThat(p.p90()).isEqualTo(9.0);
        assertThat(p.p95()).isEqualTo(9.0);
        // 1..10: p50 = 5th = 5, p90 = 9th = 9, p95 = 10th (⌈9.5⌉) = 10.
        PooledPercentiles q = PooledPercentiles.of(new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}).orElseThrow();
        assertThat(List.of(q.p50(), q.p90(), q.p95())).containsExactly(5.0, 9.0, 10.0);
        assertThat(PooledPercentiles.of(new double[0])).isEmpty();
    }

    @Test
    void pooled_percentiles_pool_every_replication() {
        ComparisonData d = ComparisonData.builder(new ScenarioSummary("s", "c", 1, Map.of(), 2, 1, ""))
                .add(new RunKpis("a", 1, 0, Map.of()))
                .add(new RunDetail("a", 1, 0, new double[] {1, 2, 3, 4, 5}, new double[0], new double[0],
                        new double[0], Map.of()))
                .add(new RunDetail("a", 1, 1, new double[] {6, 7, 8, 9, 10}, new double[0], new double[0],
                        new double[0], Map.of()))
                .build();
        PooledPercentiles p = new ComparisonStatistics(d).pooled("a", 1).orElseThrow();
        assertThat(p.count()).isEqualTo(10);
        assertThat(List.of(p.p50(), p.p90(), p.p95())).containsExactly(5.0, 9.0, 10.0);
    }

    @Test
    void paired_comparison_under_common_random_numbers() {
        // d = grid-400 − current = −3, −2.5, −4, −3, −2.5: mean −3.0; squared deviations
        // 0 + 0.25 + 1 + 0 + 0.25 = 1.5; sd = √(1.5/4) = 0.612372; se = sd/√5 = 0.273861;
        // half-width = 2.776445 · 0.273861 = 0.760360 → CI [−3.760360, −2.239640].
        PairedComparison c = threeLayouts().compare("grid-400", "current", 1.0, Kpi.P90_RESPONSE);
        assertThat(c.pairs()).isEqualTo(5);
        assertThat(c.difference().getAsDouble()).isCloseTo(-3.0, within(EPS));
        assertThat(c.ci().get().lower()).isCloseTo(-3.760360, within(EPS));
        assertThat(c.ci().get().upper()).isCloseTo(-2.239640, within(EPS));
        assertThat(c.outcome()).isEqualTo(PairedComparison.Outcome.LOWER);
        assertThat(c.improves()).isTrue();
        assertThat(c.worsens()).isFalse();
        // t = −3.0 / 0.273861 = −10.954; the paired t test of Commons Math gives the same p-value.
        assertThat(c.pValue().getAsDouble()).isCloseTo(new TTest().pairedTTest(GRID_400, CURRENT), within(1e-9))
                .isLessThan(0.001);
    }

    @Test
    void unpaired_independent_analysis_would_not_see_the_difference_that_pairing_sees() {
        // Why pairing matters: the replication noise (sd of current ≈ 2.07) dwarfs the effect's
        // noise (sd of d ≈ 0.61), and CRN cancels it.
        Summary current = Summary.of(CURRENT);
        assertThat(current.sd().getAsDouble()).isGreaterThan(2 * 0.612372);
    }

    @Test
    void difference_whose_interval_contains_zero_is_not_distinguishable() {
        // grid-300 − grid-400 = 0.5, −0.5, 0.3, −0.2, 0.1: mean 0.04, interval spans 0.
        PairedComparison c = threeLayouts().compare("grid-300", "grid-400", 1.0, Kpi.P90_RESPONSE);
        assertThat(c.difference().getAsDouble()).isCloseTo(0.04, within(EPS));
        assertThat(c.ci().get().contains(0)).isTrue();
        assertThat(c.outcome()).isEqualTo(PairedComparison.Outcome.NOT_DISTINGUISHABLE);
        assertThat(c.improves()).isFalse();
        assertThat(c.worsens()).isFalse();
    }

    @Test
    void pairs_only_replications_both_layouts_have() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("current", new double[] {20, 22, 25, 21});
        m.put("grid-400", GRID_400);
        PairedComparison c = new ComparisonStatistics(data(m)).compare("grid-400", "current", 1.0,
                Kpi.P90_RESPONSE);
        // d = −3, −2.5, −4, −3 (replication 4 has no baseline): mean −3.125.
        assertThat(c.pairs()).isEqualTo(4);
        assertThat(c.difference().getAsDouble()).isCloseTo(-3.125, within(EPS));
    }

    @Test
    void one_replication_makes_the_comparison_unavailable() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("current", new double[] {20});
        m.put("grid-400", new double[] {17});
        ComparisonStatistics s = new ComparisonStatistics(data(m));
        PairedComparison c = s.compare("grid-400", "current", 1.0, Kpi.P90_RESPONSE);
        assertThat(c.outcome()).isEqualTo(PairedComparison.Outcome.UNAVAILABLE);
        assertThat(c.difference().getAsDouble()).isEqualTo(-3.0);
        assertThat(c.ci()).isEmpty();
        assertThat(c.pValue()).isEmpty();
        Ranking r = s.ranking(1.0, Kpi.P90_RESPONSE);
        assertThat(r.intervalsAvailable()).isFalse();
        assertThat(r.places()).extracting(Ranking.Place::layout).containsExactly("grid-400", "current");
        assertThat(r.places()).extracting(Ranking.Place::rank).containsExactly(1, 2);
    }

    @Test
    void ranking_ties_layouts_that_are_not_distinguishable() {
        // Means: grid-400 19.4, grid-300 19.44, current 22.4. grid-300 vs grid-400 is not
        // distinguishable → shares rank 1; current vs grid-400 is significant → rank 3.
        Ranking r = threeLayouts().ranking(1.0, Kpi.P90_RESPONSE);
        assertThat(r.intervalsAvailable()).isTrue();
        assertThat(r.places()).extracting(Ranking.Place::layout).containsExactly("grid-400", "grid-300", "current");
        assertThat(r.places()).extracting(Ranking.Place::rank).containsExactly(1, 1, 3);
        assertThat(r.places()).extracting(Ranking.Place::tied).containsExactly(true, true, false);
        assertThat(r.places().get(0).mean()).isCloseTo(19.4, within(EPS));
    }

    @Test
    void ranking_compares_every_pair_since_not_distinguishable_is_not_transitive() {
        // current beats grid-400 (differences 1.0, 1.1, 1.0, 1.1: significant); grid-300 is too
        // noisy to be told apart from either (differences to current −3, 5.9, −0.9, 4.4). Nothing
        // is shown better than current or grid-300, so both rank 1; grid-400 is beaten once: 2.
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("current", new double[] {10.0, 10.1, 9.9, 10.0});
        m.put("grid-400", new double[] {11.0, 11.2, 10.9, 11.1});
        m.put("grid-300", new double[] {7, 16, 9, 14.4});
        ComparisonStatistics s = new ComparisonStatistics(data(m));
        assertThat(s.compare("grid-400", "current", 1.0, Kpi.P90_RESPONSE).worsens()).isTrue();
        assertThat(s.compare("grid-300", "current", 1.0, Kpi.P90_RESPONSE).outcome())
                .isEqualTo(PairedComparison.Outcome.NOT_DISTINGUISHABLE);
        assertThat(s.compare("grid-300", "grid-400", 1.0, Kpi.P90_RESPONSE).outcome())
                .isEqualTo(PairedComparison.Outcome.NOT_DISTINGUISHABLE);
        Ranking r = s.ranking(1.0, Kpi.P90_RESPONSE);
        assertThat(r.places()).extracting(Ranking.Place::layout).containsExactly("current", "grid-300", "grid-400");
        assertThat(r.places()).extracting(Ranking.Place::rank).containsExactly(1, 1, 2);
        assertThat(r.places()).extracting(Ranking.Place::tied).containsExactly(true, true, false);
    }

    @Test
    void ranking_puts_higher_shares_first() {
        ComparisonData.Builder b = ComparisonData.builder(new ScenarioSummary("s", "c", 1, Map.of(), 3, 1, ""));
        double[][] shares = {{0.80, 0.82, 0.79}, {0.90, 0.91, 0.90}};
        String[] names = {"current", "grid-400"};
        for (int l = 0; l < 2; l++) {
            for (int r = 0; r < 3; r++) {
                b.add(new RunKpis(names[l], 1, r, Map.of(Kpi.WITHIN_15_SHARE, shares[l][r])));
            }
        }
        ComparisonStatistics s = new ComparisonStatistics(b.build());
        assertThat(s.ranking(1, Kpi.WITHIN_15_SHARE).places()).extracting(Ranking.Place::layout)
                .containsExactly("grid-400", "current");
        PairedComparison c = s.compare("grid-400", "current", 1, Kpi.WITHIN_15_SHARE);
        assertThat(c.outcome()).isEqualTo(PairedComparison.Outcome.HIGHER);
        assertThat(c.improves()).isTrue();
    }

    @Test
    void identical_layouts_under_crn_are_not_distinguishable() {
        // Zero differences in every replication: sd 0, interval [0, 0] contains 0, p = 1.
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("current", CURRENT);
        m.put("copy", CURRENT.clone());
        PairedComparison c = new ComparisonStatistics(data(m)).compare("copy", "current", 1.0, Kpi.P90_RESPONSE);
        assertThat(c.outcome()).isEqualTo(PairedComparison.Outcome.NOT_DISTINGUISHABLE);
        assertThat(c.pValue().getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void builder_rejects_duplicate_runs_and_unknown_baseline() {
        ComparisonData.Builder b = ComparisonData.builder(new ScenarioSummary("s", "c", 1, Map.of(), 1, 1, ""))
                .add(new RunKpis("a", 1, 0, Map.of()))
                .add(new RunKpis("a", 1, 0, Map.of()));
        assertThatThrownBy(b::build).hasMessageContaining("added twice");
        ComparisonData.Builder c = ComparisonData.builder(new ScenarioSummary("s", "c", 1, Map.of(), 1, 1, ""))
                .add(new RunKpis("a", 1, 0, Map.of())).baseline("nope");
        assertThatThrownBy(c::build).hasMessageContaining("baseline nope");
    }

    @Test
    void a_paired_change_goes_from_the_baseline_mean_to_the_candidate_mean_over_the_paired_replications() {
        ComparisonData.Builder b = ComparisonData.builder(new ScenarioSummary("s", "city", 1000, Map.of(), 5, 1, ""));
        double[] current = {0.90, 0.91, 0.92, 0.91, 0.91, 0.50};
        // d = 0.04, 0.05, 0.06, 0.05, 0.05; replication 5 has no candidate value and is left out.
        double[] grid300 = {0.94, 0.96, 0.98, 0.96, 0.96, Double.NaN};
        for (int r = 0; r < current.length; r++) {
            b.add(new RunKpis("current", 1.0, r, Map.of(Kpi.ON_TIME_CLOSURE, current[r])));
            b.add(new RunKpis("grid-300", 1.0, r, Map.of(Kpi.ON_TIME_CLOSURE, grid300[r])));
        }
        ComparisonStatistics stats = new ComparisonStatistics(b.build());
        PairedChange c = stats.change("grid-300", "current", 1.0, Kpi.ON_TIME_CLOSURE);
        assertThat(c.baselineMean()).isCloseTo(0.91, within(1e-12));
        assertThat(c.candidateMean()).isCloseTo(0.96, within(1e-12));
        // sd(d) = √(0.0002 / 4); half-width = 2.776445 · 0.0070711 / √5 = 0.0087798.
        assertThat(c.comparison().pairs()).isEqualTo(5);
        assertThat(c.comparison().difference().getAsDouble()).isCloseTo(0.05, within(1e-12));
        assertThat(c.comparison().ci().orElseThrow().lower()).isCloseTo(0.05 - 0.0087798, within(EPS));
        assertThat(c.comparison().improves()).isTrue();
        assertThat(stats.compare("grid-300", "current", 1.0, Kpi.ON_TIME_CLOSURE)).isEqualTo(c.comparison());
        assertThat(stats.measured(1.0, Kpi.ON_TIME_CLOSURE)).isTrue();
        assertThat(stats.measured(1.0, Kpi.OVERDUE_OPEN)).isFalse();
    }
}
