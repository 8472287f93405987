package org.gridplan.results.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * The fully sequential ranking-and-selection procedure of Kim and Nelson (2001, "A fully
 * sequential procedure for indifference-zone selection in simulation", ACM TOMACS 11(3)) under
 * common random numbers: it picks the best of {@code k} systems (layouts, plans) with probability
 * of correct selection at least {@code 1 - α} whenever the best is at least {@code δ} better than
 * every other (the indifference zone), adding one replication of every surviving system at a time
 * and eliminating a system as soon as it falls clearly behind.
 *
 * <p>After {@code n₀} first-stage replications, {@code S²_il} is the sample variance of the paired
 * differences {@code X_ij − X_lj}; with {@code η = ½[(2α/(k−1))^(−2/(n₀−1)) − 1]} and
 * {@code h² = 2η(n₀−1)}, system {@code i} survives replication {@code r} when, for every other
 * survivor {@code l}, {@code X̄_i(r) ≥ X̄_l(r) − W_il(r)} with
 * {@code W_il(r) = max{0, (δ/2r)(h²S²_il/δ² − r)}} (for "larger is better"; the observations are
 * negated for "smaller is better"). Since {@code W_il} reaches 0 at
 * {@code r = h²S²_il/δ²}, the procedure ends by then at the latest.
 */
public final class KimNelson {

    /**
     * The procedure's settings.
     *
     * @param delta the indifference zone δ, in the KPI's unit, positive
     * @param alpha 1 − the guaranteed probability of correct selection, in (0, 1)
     * @param firstStage n₀, the first-stage replications, at least 2
     * @param largerIsBetter whether the best system has the largest mean (else the smallest)
     */
    public record Settings(double delta, double alpha, int firstStage, boolean largerIsBetter) {

        /** Validates. */
        public Settings {
            if (!(delta > 0) || !Double.isFinite(delta)) {
                throw new IllegalArgumentException("the indifference zone delta must be positive, got " + delta);
            }
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("alpha must be between 0 and 1 (exclusive), got " + alpha);
            }
            if (firstStage < 2) {
                throw new IllegalArgumentException("the first stage needs at least 2 replications, got "
                        + firstStage);
            }
        }

        /** η of the procedure for {@code k} systems. */
        public double eta(int k) {
            return 0.5 * (Math.pow(2 * alpha / (k - 1), -2.0 / (firstStage - 1)) - 1);
        }

        /** h² = 2η(n₀ − 1) for {@code k} systems. */
        public double hSquared(int k) {
            return 2 * eta(k) * (firstStage - 1);
        }
    }

    /** Observations of replication {@code replication} (from 0) of the given systems, in their order. */
    @FunctionalInterface
    public interface Sampler {
        /** One observation of each system in {@code systems} under the replication's random numbers. */
        double[] observe(int replication, int[] systems);
    }

    /**
     * The selection.
     *
     * @param best the selected system, or -1 when the replication cap ended it with several left
     * @param replications replications of the last survivor (the largest number of any system)
     * @param eliminatedAfter per system, the replication count after which it was eliminated; the
     *     selected one (and any left at the cap) get {@code replications}
     * @param means per system, the mean of its observations
     * @param observations total observations taken over all systems
     */
    public record Outcome(int best, int replications, int[] eliminatedAfter, double[] means, long observations) {

        /** Copies. */
        public Outcome {
            eliminatedAfter = eliminatedAfter.clone();
            means = means.clone();
        }

        /** Whether a single system remained. */
        public boolean selected() {
            return best >= 0;
        }
    }

    private KimNelson() {
    }

    /**
     * Runs the procedure on {@code k ≥ 2} systems.
     *
     * @param maxReplications the most replications of any system, at least the first stage
     */
    public static Outcome select(int k, Settings settings, Sampler sampler, int maxReplications) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(sampler, "sampler");
        if (k < 2) {
            throw new IllegalArgumentException("selection needs at least 2 systems, got " + k);
        }
        int n0 = settings.firstStage();
        if (maxReplications < n0) {
            throw new IllegalArgumentException("the replication cap " + maxReplications + " is below the first stage "
                    + n0);
        }
        double sign = settings.largerIsBetter() ? 1 : -1;
        double[][] x = new double[k][maxReplications];
        int[] all = new int[k];
        for (int i = 0; i < k; i++) {
            all[i] = i;
        }
        long observations = 0;
        for (int r = 0; r < n0; r++) {
            double[] o = observe(sampler, r, all);
            for (int i = 0; i < k; i++) {
                x[i][r] = sign * o[i];
            }
            observations += k;
        }
        double[][] s2 = new double[k][k];
        double[] sum = new double[k];
        for (int i = 0; i < k; i++) {
            for (int r = 0; r < n0; r++) {
                sum[i] += x[i][r];
            }
        }
        for (int i = 0; i < k; i++) {
            for (int l = i + 1; l < k; l++) {
                double mean = (sum[i] - sum[l]) / n0;
                double ss = 0;
                for (int r = 0; r < n0; r++) {
                    double d = x[i][r] - x[l][r] - mean;
                    ss += d * d;
                }
                s2[i][l] = ss / (n0 - 1);
                s2[l][i] = s2[i][l];
            }
        }
        double h2 = settings.hSquared(k);
        double delta = settings.delta();
        boolean[] in = new boolean[k];
        Arrays.fill(in, true);
        int[] eliminatedAfter = new int[k];
        int left = k;
        int r = n0;
        while (true) {
            // Screening against the survivors of the previous step.
            boolean[] keep = in.clone();
            for (int i = 0; i < k; i++) {
                if (!in[i]) {
                    continue;
                }
                for (int l = 0; l < k && keep[i]; l++) {
                    if (l == i || !in[l]) {
                        continue;
                    }
                    double w = Math.max(0, delta / (2.0 * r) * (h2 * s2[i][l] / (delta * delta) - r));
                    if (sum[i] / r < sum[l] / r - w) {
                        keep[i] = false;
                    }
                }
            }
            for (int i = 0; i < k; i++) {
                if (in[i] && !keep[i]) {
                    in[i] = false;
                    eliminatedAfter[i] = r;
                    left--;
                }
            }
            if (left <= 1 || r >= maxReplications) {
                break;
            }
            int[] survivors = new int[left];
            int j = 0;
            for (int i = 0; i < k; i++) {
                if (in[i]) {
                    survivors[j++] = i;
                }
            }
            double[] o = observe(sampler, r, survivors);
            for (int s = 0; s < survivors.length; s++) {
                x[survivors[s]][r] = sign * o[s];
                sum[survivors[s]] += sign * o[s];
            }
            observations += survivors.length;
            r++;
        }
        int best = -1;
        double[] means = new double[k];
        for (int i = 0; i < k; i++) {
            int n = in[i] ? r : eliminatedAfter[i];
            means[i] = sign * sum[i] / n;
            if (in[i]) {
                eliminatedAfter[i] = r;
                best = left == 1 ? i : -1;
            }
        }
        if (left == 0) {
            // Every survivor eliminated each other at once (ties in the last step): the best mean wins.
            best = 0;
            for (int i = 1; i < k; i++) {
                if (sign * means[i] > sign * means[best] && eliminatedAfter[i] == r) {
                    best = i;
                }
            }
        }
        return new Outcome(best, r, eliminatedAfter, means, observations);
    }

    private static double[] observe(Sampler sampler, int r, int[] systems) {
        double[] o = sampler.observe(r, systems);
        if (o == null || o.length != systems.length) {
            throw new IllegalStateException("the sampler gave " + (o == null ? "nothing" : o.length + " observations")
                    + " for " + systems.length + " systems");
        }
        for (double v : o) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("the sampler gave a non-finite observation " + v + " in replication "
                        + r);
            }
        }
        return o;
    }
}
