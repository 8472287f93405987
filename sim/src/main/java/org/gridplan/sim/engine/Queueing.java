package org.gridplan.sim.engine;

/**
 * Closed-form queueing results the engine is validated against and an analytic model can use.
 * Rates are per minute, times in minutes.
 *
 * <p>The M/M/c results come in two kinds. The strict ones ({@link #erlangC},
 * {@link #mmcMeanWait}, {@link #mmcWaitQuantile}) need a stable queue and throw otherwise, as a
 * validation against the engine should. The bounded ones ({@link #erlangCOrOne},
 * {@link #mmcMeanWaitOrInfinity}) also take an unstable queue, whose arrivals all wait, forever on
 * average: the optimiser's analytic response model rates understaffed grids with them. Both
 * kinds run the one Erlang B/C recursion.
 */
public final class Queueing {

    private Queueing() {
    }

    /**
     * Erlang's C formula: the probability that an arrival to an M/M/c queue with offered load
     * {@code a = λ/μ} (erlangs) must wait; requires {@code a < c}, see {@link #erlangCOrOne} for
     * a variant that also takes an unstable queue. Computed through the numerically stable
     * Erlang B recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), then
     * C = c·B / (c − a·(1 − B)), which stays stable for hundreds of servers (no factorials;
     * Gross &amp; Harris, Fundamentals of Queueing Theory, §2.3).
     *
     * @throws IllegalArgumentException unless {@code c ≥ 1} and {@code 0 ≤ a < c}
     */
    public static double erlangC(int c, double a) {
        if (c < 1 || !(a >= 0) || a >= c) {
            throw new IllegalArgumentException("Erlang C needs c >= 1 and 0 <= a < c, got c=" + c + ", a=" + a);
        }
        return erlangCRecursion(c, a);
    }

    /**
     * Erlang's C formula bounded for an unstable queue: {@link #erlangC} when
     * {@code offeredLoad < servers}, and 1 when {@code offeredLoad ≥ servers} (the queue grows
     * without bound and every arrival waits). For models that must rate any staffing, enough or
     * not.
     *
     * @param servers     c ≥ 1
     * @param offeredLoad a = λ/μ in erlangs, finite and ≥ 0
     * @return C(c, a) in [0, 1]
     * @throws IllegalArgumentException when {@code servers < 1} or the load is negative, NaN or infinite
     */
    public static double erlangCOrOne(int servers, double offeredLoad) {
        if (servers < 1) {
            throw new IllegalArgumentException("servers must be at least 1, got " + servers);
        }
        if (!(offeredLoad >= 0) || Double.isInfinite(offeredLoad)) {
            throw new IllegalArgumentException("offered load must be finite and 0 or more, got " + offeredLoad);
        }
        if (offeredLoad >= servers) {
            return 1.0;
        }
        return erlangCRecursion(servers, offeredLoad);
    }

    /** The Erlang B recursion and C from B, for {@code c ≥ 1} and {@code 0 ≤ a < c}. */
    private static double erlangCRecursion(int c, double a) {
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        return c * b / (c - a * (1 - b));
    }

    /** Mean wait in queue of M/M/c: C(c, λ/μ) / (cμ − λ); requires λ &lt; cμ. */
    public static double mmcMeanWait(double lambda, double mu, int c) {
        return erlangC(c, lambda / mu) / (c * mu - lambda);
    }

    /**
     * Mean wait in queue of M/M/c, {@code C(c, λ/μ) / (cμ − λ)} by {@link #erlangCOrOne}, and
     * {@link Double#POSITIVE_INFINITY} when {@code λ ≥ cμ} (an unstable queue).
     *
     * @param lambda arrivals per minute, finite and ≥ 0
     * @param mu     services per minute per server, finite and &gt; 0
     * @param c      servers, ≥ 1
     * @return minutes when rates are per minute
     * @throws IllegalArgumentException for a rate out of range or {@code c < 1}
     */
    public static double mmcMeanWaitOrInfinity(double lambda, double mu, int c) {
        if (!(mu > 0) || Double.isInfinite(mu)) {
            throw new IllegalArgumentException("service rate must be positive and finite, got " + mu);
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("arrival rate must be finite and 0 or more, got " + lambda);
        }
        double capacity = c * mu;
        if (lambda >= capacity) {
            return Double.POSITIVE_INFINITY;
        }
        return erlangCOrOne(c, lambda / mu) / (capacity - lambda);
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
