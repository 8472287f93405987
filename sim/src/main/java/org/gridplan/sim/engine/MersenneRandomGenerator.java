package org.gridplan.sim.engine;

import ec.util.MersenneTwisterFast;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A Commons Math {@link RandomGenerator} over a MASON {@link MersenneTwisterFast}, so Commons Math
 * distributions draw from the run's seeded generator and nothing else.
 */
public final class MersenneRandomGenerator implements RandomGenerator {

    private final MersenneTwisterFast random;

    /** Wraps {@code random}; draws advance it. */
    public MersenneRandomGenerator(MersenneTwisterFast random) {
        this.random = random;
    }

    @Override
    public void setSeed(int seed) {
        random.setSeed(seed);
    }

    @Override
    public void setSeed(int[] seed) {
        random.setSeed(seed);
    }

    @Override
    public void setSeed(long seed) {
        random.setSeed(seed);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }

    @Override
    public int nextInt() {
        return random.nextInt();
    }

    @Override
    public int nextInt(int n) {
        return random.nextInt(n);
    }

    @Override
    public long nextLong() {
        return random.nextLong();
    }

    @Override
    public boolean nextBoolean() {
        return random.nextBoolean();
    }

    @Override
    public float nextFloat() {
        return random.nextFloat();
    }

    @Override
    public double nextDouble() {
        return random.nextDouble();
    }

    @Override
    public double nextGaussian() {
        return random.nextGaussian();
    }
}
