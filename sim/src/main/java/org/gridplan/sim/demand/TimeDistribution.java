package org.gridplan.sim.demand;

import org.apache.commons.math3.distribution.ConstantRealDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A distribution of a duration in minutes: service times, latent periods, handoff delays.
 *
 * <p>A small closed set of specifications, each turned into a Commons Math
 * {@link RealDistribution} bound to the run's generator by {@link #distribution}, so every draw
 * comes from the run seed.
 */
public sealed interface TimeDistribution {

    /** The mean in minutes. */
    double mean();

    /** The second moment E[X²] in minutes², as the Pollaczek–Khinchine formula needs. */
    double secondMoment();

    /** A Commons Math distribution of this shape drawing from {@code random}. */
    RealDistribution distribution(RandomGenerator random);

    /** Exponential with the given mean in minutes (memoryless; M/M/c service). */
    static TimeDistribution exponential(double mean) {
        return new Exponential(mean);
    }

    /** Always {@code value} minutes. */
    static TimeDistribution deterministic(double value) {
        return new Deterministic(value);
    }

    /** Log-normal with the given mean and standard deviation in minutes (not log-scale). */
    static TimeDistribution lognormal(double mean, double sd) {
        return new LogNormal(mean, sd);
    }

    /**
     * Exponentially distributed minutes.
     *
     * @param mean mean in minutes, positive
     */
    record Exponential(double mean) implements TimeDistribution {
        public Exponential {
            requirePositive(mean, "mean");
        }

        @Override
        public double secondMoment() {
            return 2 * mean * mean;
        }

        @Override
        public RealDistribution distribution(RandomGenerator random) {
            return new ExponentialDistribution(random, mean);
        }
    }

    /**
     * A fixed number of minutes.
     *
     * @param value minutes, zero or more
     */
    record Deterministic(double value) implements TimeDistribution {
        public Deterministic {
            if (!(value >= 0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException("value " + value + " must be a finite number of minutes >= 0");
            }
        }

        @Override
        public double mean() {
            return value;
        }

        @Override
        public double secondMoment() {
            return value * value;
        }

        @Override
        public RealDistribution distribution(RandomGenerator random) {
            return new ConstantRealDistribution(value);
        }
    }

    /**
     * Log-normally distributed minutes, given by the mean and standard deviation of the minutes
     * themselves: the log-scale parameters are σ² = ln(1 + sd²/mean²) and μ = ln(mean) − σ²/2.
     *
     * @param mean mean in minutes, positive
     * @param sd   standard deviation in minutes, positive
     */
    record LogNormal(double mean, double sd) implements TimeDistribution {
        public LogNormal {
            requirePositive(mean, "mean");
            requirePositive(sd, "sd");
        }

        @Override
        public double secondMoment() {
            return sd * sd + mean * mean;
        }

        /** The log-scale shape σ. */
        public double shape() {
            return Math.sqrt(Math.log1p(sd * sd / (mean * mean)));
        }

        /** The log-scale location μ. */
        public double scale() {
            double s = shape();
            return Math.log(mean) - s * s / 2;
        }

        @Override
        public RealDistribution distribution(RandomGenerator random) {
            return new LogNormalDistribution(random, scale(), shape(), LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        }
    }

    private static void requirePositive(double v, String field) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(field + " " + v + " must be a positive finite number of minutes");
        }
    }
}
