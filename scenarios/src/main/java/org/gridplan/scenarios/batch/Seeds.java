package org.gridplan.scenarios.batch;

/**
 * Derivation of run seeds from a master seed: the one rule for replications, used by the batch
 * runner (a scenario's {@code seed}) and by {@code gridplan optimize --simulate} (its
 * {@code --seed}), so replication {@code r} of either faces the same incident stream.
 *
 * <p>The run seed of replication {@code r} is
 * {@code splitmix64(master + (r + 1) × 0x9E3779B97F4A7C15)} folded to 31 bits, with 0 replaced by 1
 * (MASON keeps 32 bits of a seed, and seed 0 is reserved). It does <b>not</b> depend on the layout
 * or the sweep point: the engine draws every incident attribute from a generator seeded by the run
 * seed, so replication {@code r} of every layout and every sweep point faces the same incident
 * stream (common random numbers) and differences between layouts are paired. Replications get
 * independent-looking seeds through SplitMix64's avalanche (Steele, Lea and Flood, 2014).
 */
public final class Seeds {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** The run seed of replication {@code replication} (0 or more): in [1, 2³¹ − 1]. */
    public static long runSeed(long master, int replication) {
        if (replication < 0) {
            throw new IllegalArgumentException("replication " + replication + " < 0");
        }
        long z = master + (replication + 1L) * GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        long folded = (z ^ (z >>> 32)) & 0x7FFFFFFFL;
        return folded == 0 ? 1 : folded;
    }
}
