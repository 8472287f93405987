package org.gridplan.sim.engine;

import java.util.Map;
import org.gridplan.sim.demand.EscalationLevel;

/**
 * Incident KPIs over the incidents that occurred after warm-up, for a district or a grid.
 *
 * @param incidents        incidents that occurred
 * @param patrolDiscovered of which found by a patrol visit
 * @param reached          of which a worker reached by the end
 * @param closed           of which closed (reply given) by the end
 * @param open             of which still open at the end
 * @param response         report or discovery → first arrival of a worker, minutes, over reached
 *                         incidents (an overloaded run leaves some unreached: compare
 *                         {@code reached} with {@code incidents})
 * @param closure          report or discovery → reply, minutes, over closed incidents
 * @param onSpotShare      share of handled incidents resolved on the spot
 * @param escalations      handled incidents escalated, per level
 * @param within5Share     share of known incidents reached within 5 minutes, an incident still
 *                         unreached at the end counting as a miss once known for 5 minutes (the 5-minute
 *                         party-mass service circle, Sanya)
 * @param within15Share    the same within 15 minutes (the 15-minute public service circle,
 *                         Hetang district)
 * @param limits           time-limit KPIs
 */
public record IncidentKpis(long incidents, long patrolDiscovered, long reached, long closed, long open, Stats response,
        Stats closure, double onSpotShare, Map<EscalationLevel, Long> escalations, double within5Share,
        double within15Share, LimitKpis limits) {

    /** KPIs without time-limit figures. */
    public IncidentKpis(long incidents, long patrolDiscovered, long reached, long closed, long open, Stats response,
            Stats closure, double onSpotShare, Map<EscalationLevel, Long> escalations, double within5Share,
            double within15Share) {
        this(incidents, patrolDiscovered, reached, closed, open, response, closure, onSpotShare, escalations,
                within5Share, within15Share, LimitKpis.EMPTY);
    }
}
