package org.gridplan.sim.demand;

import org.apache.commons.math3.distribution.ConstantRealDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
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

    /** Gamma with the given mean and standard deviation in minutes (shape (mean/sd)², scale sd²/mean). */
    static TimeDistribution gamma(double mean, double sd) {
        return new Gamma(mean, sd);
    }

    /** Equally likely draws from the given list of minutes (an empirical distribution). */
    static TimeDistribution empirical(java.util.List<Double> values) {
        return new Empirical(values);
    }

    /** A short description for reports and error messages, e.g. {@code log-normal 45 ± 30}. */
    default String describe() {
        if (this instanceof Exponential e) {
            return "exponential " + num(e.mean());
        } else if (this instanceof Deterministic d) {
            return "deterministic " + num(d.value());
        } else if (this instanceof LogNormal l) {
            return "log-normal " + num(l.mean()) + " ± " + num(l.sd());
        } else if (this instanceof Gamma g) {
            return "gamma " + num(g.mean()) + " ± " + num(g.sd());
        }
        Empirical e = (Empirical) this;
        return "empirical (" + e.values().size() + " values, mean " + num(e.mean()) + ")";
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Gamma-distributed minutes, given by mean and standard deviation: shape k = (mean/sd)², scale
     * θ = sd²/mean. A coefficient of variation below 1 gives Erlang-like service, above 1 a heavy
     * right tail.
     *
     * @param mean mean in minutes, positive
     * @param sd   standard deviation in minutes, positive
     */
    record Gamma(double mean, double sd) implements TimeDistribution {
        public Gamma {
            requirePositive(mean, "mean");
            requirePositive(sd, "sd");
        }

        @Override
        public double secondMoment() {
            return sd * sd + mean * mean;
        }

        @Override
        public RealDistribution distribution(RandomGenerator random) {
            double shape = mean * mean / (sd * sd);
            return new GammaDistribution(random, shape, sd * sd / mean,
                    GammaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        }
    }

    /**
     * An empirical distribution: each draw is one of the listed minutes, equally likely (a
     * researcher's measured service times, say).
     *
     * @param values minutes, at least one, each finite and zero or more; the mean must be positive
     *               where a positive mean is required (service times)
     */
    record Empirical(java.util.List<Double> values) implements TimeDistribution {
        public Empirical {
            values = java.util.List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("an empirical distribution needs at least one value");
            }
            for (int i = 0; i < values.size(); i++) {
                double v = values.get(i);
                if (!(v >= 0) || !Double.isFinite(v)) {
                    throw new IllegalArgumentException("value [" + i + "] " + v
                            + " must be a finite number of minutes >= 0");
                }
            }
        }

        @Override
        public double mean() {
            return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }

        @Override
        public double secondMoment() {
            return values.stream().mapToDouble(v -> v * v).average().orElseThrow();
        }

        @Override
        public RealDistribution distribution(RandomGenerator random) {
            double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
            return new org.apache.commons.math3.distribution.AbstractRealDistribution(random) {
                private static final long serialVersionUID = 1L;

                @Override
                public double sample() {
                    return v[random.nextInt(v.length)];
                }

                @Override
                public double density(double x) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public double cumulativeProbability(double x) {
                    int n = 0;
                    for (double d : v) {
                        n += d <= x ? 1 : 0;
                    }
                    return (double) n / v.length;
                }

                @Override
                public double getNumericalMean() {
                    return mean();
                }

                @Override
                public double getNumericalVariance() {
                    return secondMoment() - mean() * mean();
                }

                @Override
                public double getSupportLowerBound() {
                    return java.util.Arrays.stream(v).min().orElseThrow();
                }

                @Override
                public double getSupportUpperBound() {
                    return java.util.Arrays.stream(v).max().orElseThrow();
                }

                @Override
                public boolean isSupportLowerBoundInclusive() {
                    return true;
                }

                @Override
                public boolean isSupportUpperBoundInclusive() {
                    return true;
                }

                @Override
                public boolean isSupportConnected() {
                    return false;
                }
            };
        }
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
            return new LogNormalDistribution(random, scale(), shape(),
                    LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        }
    }

    private static void requirePositive(double v, String field) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(field + " " + v + " must be a positive finite number of minutes");
        }
    }
}
