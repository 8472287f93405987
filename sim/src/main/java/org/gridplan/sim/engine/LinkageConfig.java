package org.gridplan.sim.engine;

import java.util.Objects;
import org.gridplan.sim.demand.TimeDistribution;

/**
 * Linkage with professionals (police / 110 linkage, 联动): an urgent case that no grid worker, duty
 * worker or pool has taken {@code afterMinutes} after it was triaged is handed to a linked
 * professional, who arrives after {@code response} minutes. Linked professionals are not limited
 * in number (the police are not part of the grid's capacity). The case is then handled as any
 * other: resolved on the spot or escalated.
 *
 * @param enabled      whether urgent cases are handed over
 * @param afterMinutes minutes an urgent case waits for a grid worker before the hand-over, zero or more
 * @param response     the professional's response, minutes from the hand-over to arrival
 */
public record LinkageConfig(boolean enabled, double afterMinutes, TimeDistribution response) {

    public LinkageConfig {
        Objects.requireNonNull(response, "linkage.response");
        if (!(afterMinutes >= 0) || !Double.isFinite(afterMinutes)) {
            throw new ConfigException("dispatch.linkage.afterMinutes", afterMinutes + " must be a finite number >= 0");
        }
    }

    /**
     * On: hand over after 30 minutes, response log-normal 15 ± 8 minutes. Both are assumptions
     * (Chinese police state urban arrival targets of 5 to 15 minutes; the command center first
     * tries the grid).
     */
    public static LinkageConfig defaults() {
        return new LinkageConfig(true, 30, TimeDistribution.lognormal(15, 8));
    }

    /** No linkage: an urgent case waits for a grid worker like any other. */
    public static LinkageConfig off() {
        return new LinkageConfig(false, 30, TimeDistribution.lognormal(15, 8));
    }
}
