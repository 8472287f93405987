package org.gridplan.sim.engine;

/**
 * Closed-form queueing results the engine is validated against and an analytic model can use.
 * Rates are per minute, times in minutes.
 */
public final class Queueing {

    private Queueing() {
    }

    /**
     * Erlang's C formula: the probability that an arrival to an M/M/c queue with offered load
     * {@code a = λ/μ} (erlangs) must wait; requires {@code a < c}. Computed through the numerically
     * stable Erlang B recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), then
     * C = c·B / (c − a·(1 − B)).
     */
    public static double erlangC(int c, double a) {
        if (c < 1 || !(a >= 0) || a >= c) {
            throw new IllegalArgumentException("Erlang C needs c >= 1 and 0 <= a < c, got c=" + c + ", a=" + a);
        }
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        return c * b / (c - a * (1 - b));
    }

    /** Mean wait in queue of M/M/c: C(c, λ/μ) / (cμ − λ). */
    public static double mmcMeanWait(double lambda, double mu, int c) {
        return erlangC(c, lambda / mu) / (c * mu - lambda);
    }

    /**
     * The {@code p}-quantile of the waiting time in an M/M/c queue served first come, first
     * served: {@code P(W > t) = C(c, a) e^{-(c mu - lambda) t}}, so the quantile is 0 when the
     * probability of waiting is at most {@code 1 - p}, else {@code ln(C / (1 - p)) / (c mu - lambda)}.
     * Minutes when rates are per minute.
     */
    public static double mmcWaitQuantile(double lambda, double mu, int c, double p) {
        double waitProbability = erlangC(c, lambda / mu);
        if (waitProbability <= 1 - p) {
            return 0;
        }
        return Math.log(waitProbability / (1 - p)) / (c * mu - lambda);
    }

    /**
     * Mean wait in queue of M/G/1 by the Pollaczek–Khinchine formula: λ·E[S²] / (2(1 − ρ)),
     * ρ = λ·E[S] &lt; 1.
     */
    public static double mg1MeanWait(double lambda, double meanService, double secondMomentService) {
        double rho = lambda * meanService;
        if (!(rho < 1)) {
            throw new IllegalArgumentException("M/G/1 needs utilisation < 1, got " + rho);
        }
        return lambda * secondMomentService / (2 * (1 - rho));
    }
}
