package org.gridplan.optimizer.response;

/**
 * The Erlang C formula for the M/M/c queue: the probability that an arriving job waits and the
 * mean waiting time, for c identical servers, Poisson arrivals and exponential service.
 *
 * <p>Computed through the Erlang B recursion {@code B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1))}
 * and {@code C = c B / (c - a (1 - B))}, which stays stable for hundreds of servers (no
 * factorials). Source: e.g. Gross &amp; Harris, Fundamentals of Queueing Theory, §2.3.
 */
public final class ErlangC {

    private ErlangC() {
    }

    /**
     * The probability that an arrival has to wait.
     *
     * @param servers c ≥ 1
     * @param offeredLoad a = λ/μ in erlangs, ≥ 0
     * @return C(c, a) in [0, 1]; 1 when a ≥ c (the queue is unstable and every arrival waits)
     */
    public static double waitProbability(int servers, double offeredLoad) {
        if (servers < 1) {
            throw new IllegalArgumentException("servers must be at least 1, got " + servers);
        }
        if (!(offeredLoad >= 0) || Double.isInfinite(offeredLoad)) {
            throw new IllegalArgumentException("offered load must be finite and 0 or more, got " + offeredLoad);
        }
        if (offeredLoad >= servers) {
            return 1.0;
        }
        double b = 1.0;
        for (int k = 1; k <= servers; k++) {
            b = offeredLoad * b / (k + offeredLoad * b);
        }
        return servers * b / (servers - offeredLoad * (1 - b));
    }

    /**
     * The mean time an arrival waits in the queue, {@code Wq = C(c, a) / (c μ - λ)}.
     *
     * @param servers c ≥ 1
     * @param arrivalRate λ, arrivals per minute, ≥ 0
     * @param serviceRate μ, services per minute per server, &gt; 0
     * @return minutes; {@link Double#POSITIVE_INFINITY} when λ ≥ c μ
     */
    public static double meanWait(int servers, double arrivalRate, double serviceRate) {
        if (!(serviceRate > 0) || Double.isInfinite(serviceRate)) {
            throw new IllegalArgumentException("service rate must be positive and finite, got " + serviceRate);
        }
        if (!(arrivalRate >= 0) || Double.isInfinite(arrivalRate)) {
            throw new IllegalArgumentException("arrival rate must be finite and 0 or more, got " + arrivalRate);
        }
        double capacity = servers * serviceRate;
        if (arrivalRate >= capacity) {
            return Double.POSITIVE_INFINITY;
        }
        return waitProbability(servers, arrivalRate / serviceRate) / (capacity - arrivalRate);
    }

    /** Server utilisation ρ = λ / (c μ), which may exceed 1 for an unstable queue. */
    public static double utilisation(int servers, double arrivalRate, double serviceRate) {
        return arrivalRate / (servers * serviceRate);
    }
}
