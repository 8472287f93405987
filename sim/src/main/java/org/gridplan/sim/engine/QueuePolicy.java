package org.gridplan.sim.engine;

import java.util.Optional;
import java.util.OptionalInt;
import org.gridplan.sim.demand.TimeDistribution;

/**
 * Limits of a grid's queue of waiting cases, so loss systems can be studied: with a limit, a case
 * that finds {@code limit} cases already waiting in its grid is lost (blocked: the resident calls
 * 110 instead); with a patience, a waiting case that no worker has taken after its patience is
 * abandoned. Lost and abandoned cases leave the grid's books; they are counted, not closed.
 * {@code limit 0} with one worker per grid and no fallbacks is the Erlang loss system M/M/c/c.
 *
 * @param limit    most cases waiting per grid; empty for no limit
 * @param patience minutes a case waits before it is abandoned, drawn per case; empty for no
 *                 abandonment
 */
public record QueuePolicy(OptionalInt limit, Optional<TimeDistribution> patience) {

    public QueuePolicy {
        if (limit.isPresent() && limit.getAsInt() < 0) {
            throw new ConfigException("dispatch.queueLimit", limit.getAsInt() + " must be 0 or more");
        }
    }

    /** No limit and no abandonment (the default). */
    public static QueuePolicy unlimited() {
        return new QueuePolicy(OptionalInt.empty(), Optional.empty());
    }

    public QueuePolicy withLimit(int v) {
        return new QueuePolicy(OptionalInt.of(v), patience);
    }

    public QueuePolicy withPatience(TimeDistribution v) {
        return new QueuePolicy(limit, Optional.of(v));
    }
}
