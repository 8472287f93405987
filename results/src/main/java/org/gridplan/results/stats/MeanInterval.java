package org.gridplan.results.stats;

import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of a sample of replications with a two-sided Student-t confidence interval:
 * {@code mean ± t(1 − α/2, n − 1) · s / √n}, the usual interval for independent replications of
 * a simulation (Law, <i>Simulation Modeling and Analysis</i>, §9.4.1).
 *
 * @param n          number of finite values used (NaN values, e.g. a run with no incidents, are
 *                   left out)
 * @param mean       their mean; NaN when {@code n} is 0
 * @param halfWidth  the interval's half-width; empty when {@code n < 2} (no interval exists)
 * @param confidence confidence level in (0, 1), e.g. 0.95
 */
public record MeanInterval(int n, double mean, OptionalDouble halfWidth, double confidence) {

    /** The usual confidence level, 95 %. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    public MeanInterval {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " outside (0, 1)");
        }
    }

    /** The mean and 95 % interval of the finite values. */
    public static MeanInterval of(double[] values) {
        return of(values, DEFAULT_CONFIDENCE);
    }

    /** The mean and interval at {@code confidence} of the finite values. */
    public static MeanInterval of(double[] values, double confidence) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new MeanInterval(0, Double.NaN, OptionalDouble.empty(), confidence);
        }
        double mean = sum / n;
        if (n < 2) {
            return new MeanInterval(n, mean, OptionalDouble.empty(), confidence);
        }
        double ss = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new MeanInterval(n, mean, OptionalDouble.of(t * sd / Math.sqrt(n)), confidence);
    }

    /** Lower end of the interval; empty without one. */
    public OptionalDouble lower() {
        return halfWidth.isPresent() ? OptionalDouble.of(mean - halfWidth.getAsDouble()) : OptionalDouble.empty();
    }

    /** Upper end of the interval; empty without one. */
    public OptionalDouble upper() {
        return halfWidth.isPresent() ? OptionalDouble.of(mean + halfWidth.getAsDouble()) : OptionalDouble.empty();
    }
}
