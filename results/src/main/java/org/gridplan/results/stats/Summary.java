package org.gridplan.results.stats;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean, standard deviation and 95% confidence interval of one KPI across replications, in the
 * KPI's stored unit.
 *
 * <p>The interval is {@code mean ± t(0.975, n − 1) · sd / √n} (Student t, sample standard deviation
 * with {@code n − 1} in the denominator), valid for approximately normal replication means. Only
 * finite values count: a replication with no reached incident has no response time. The standard
 * deviation and interval need two values or more and are empty otherwise; the mean needs one.
 *
 * @param n    number of finite values
 * @param mean their mean; empty when {@code n = 0}
 * @param sd   their sample standard deviation; empty when {@code n < 2}
 * @param ci   the 95% confidence interval of the mean; empty when {@code n < 2}
 */
public record Summary(int n, OptionalDouble mean, OptionalDouble sd, Optional<Interval> ci) {

    /** The confidence level of every interval gridplan reports. */
    public static final double CONFIDENCE = 0.95;

    /** Summarises the finite values of {@code values}. */
    public static Summary of(double... values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        int n = finite.length;
        if (n == 0) {
            return new Summary(0, OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty());
        }
        double sum = 0;
        for (double v : finite) {
            sum += v;
        }
        double mean = sum / n;
        if (n == 1) {
            return new Summary(1, OptionalDouble.of(mean), OptionalDouble.empty(), Optional.empty());
        }
        double ss = 0;
        for (double v : finite) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double half = tQuantile(n - 1) * sd / Math.sqrt(n);
        return new Summary(n, OptionalDouble.of(mean), OptionalDouble.of(sd),
                Optional.of(new Interval(mean - half, mean + half)));
    }

    /** The two-sided 95% Student t quantile {@code t(0.975, df)}. */
    static double tQuantile(int degreesOfFreedom) {
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }
}
