package org.gridplan.sim.engine;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who answers an incident when the grid's own workers (its full-time and professional workers) are
 * all busy or off duty: the fallbacks in order, and a first-come-first-served queue after them.
 *
 * <p>Within each step the available worker nearest in straight line to the incident, from where
 * it is, is sent (ties to the first in staffing order); it then travels by road. Straight-line
 * ranking keeps a fallback over many candidates from costing a road search per candidate. A worker who becomes free
 * takes the oldest waiting incident among
 * the grids it may serve: its own grid, and under {@link Fallback#NEIGHBOUR_GRID} the other grids
 * of its community (part-time workers: their community's grids; pool workers: the pool's grids;
 * emergency workers: every grid). Oldest-first across grids means no incident waits behind a
 * younger one the same worker could serve, and it is the FCFS queue of Larson's hypercube model.
 *
 * @param fallbacks the fallbacks tried in order, no repeats; may be empty (own grid, then queue)
 */
public record DispatchPolicy(List<Fallback> fallbacks) {

    /** A source of backup workers. */
    public enum Fallback {
        /** An available full-time or professional worker of another grid in the same community. */
        NEIGHBOUR_GRID,
        /** An available part-time worker of the community. */
        PART_TIME,
        /** An available worker of a branch pool serving the grid. */
        BRANCH_POOL
    }

    public DispatchPolicy {
        fallbacks = List.copyOf(fallbacks);
        Set<Fallback> seen = EnumSet.noneOf(Fallback.class);
        for (int i = 0; i < fallbacks.size(); i++) {
            if (!seen.add(fallbacks.get(i))) {
                throw new ConfigException("dispatch.fallbacks[" + i + "]", "repeats " + fallbacks.get(i));
            }
        }
    }

    /** Neighbouring grid, then part-time, then branch pool, then queue. */
    public static DispatchPolicy defaults() {
        return new DispatchPolicy(List.of(Fallback.NEIGHBOUR_GRID, Fallback.PART_TIME, Fallback.BRANCH_POOL));
    }

    /** The grid's own workers, then queue. */
    public static DispatchPolicy queueOnly() {
        return new DispatchPolicy(List.of());
    }

    /** The given fallbacks in order, then queue. */
    public static DispatchPolicy of(Fallback... fallbacks) {
        return new DispatchPolicy(List.of(fallbacks));
    }

    /** Whether the policy uses {@code f}. */
    public boolean uses(Fallback f) {
        return fallbacks.contains(f);
    }
}
