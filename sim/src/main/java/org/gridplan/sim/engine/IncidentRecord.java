package org.gridplan.sim.engine;

import org.gridplan.sim.demand.DiscoveryMode;
import org.gridplan.sim.demand.EscalationLevel;

/**
 * One incident's history, for the optional per-incident log. Times are minutes from the start of
 * the run; a step that has not happened by the end is NaN.
 *
 * @param number       incident number in order of occurrence
 * @param category     category name
 * @param grid         grid id
 * @param building     building id
 * @param discovery    how it became known: resident report, or patrol (found on a visit, or
 *                     reported by the resident after the latent period; see {@code foundOnPatrol})
 * @param foundOnPatrol whether a patrol visit revealed it
 * @param worker       id of the worker who reached it; empty if none yet
 * @param occurred     when it occurred
 * @param known        when it was reported or discovered
 * @param assigned     when a worker was sent
 * @param arrived      when the worker arrived
 * @param handled      when the worker left the site (resolved, or reported to the command center)
 * @param escalation   the level it was escalated to; null when resolved on the spot or not yet
 *                     handled
 * @param workOrder    when the command center's work order reached the level
 * @param levelDone    when the level finished
 * @param closed       when the reply closed it
 * @param travelMetres metres the worker travelled to it
 * @param urgent       whether its category is urgent
 * @param outcome      {@code ""} for a case worked by the grid, {@code linked} (handed to a linked
 *                     professional), {@code lost} (its grid's queue was full) or {@code abandoned}
 * @param responseDue  when its response limit runs out (calendar minute); infinite without a limit,
 *                     NaN while latent
 * @param closureDue   when its closure limit runs out; as {@code responseDue}
 */
public record IncidentRecord(int number, String category, String grid, String building, DiscoveryMode discovery,
        boolean foundOnPatrol, String worker, double occurred, double known, double assigned, double arrived,
        double handled, EscalationLevel escalation, double workOrder, double levelDone, double closed,
        double travelMetres, boolean urgent, String outcome, double responseDue, double closureDue) {

    /** A record without urgency, outcome and due times. */
    public IncidentRecord(int number, String category, String grid, String building, DiscoveryMode discovery,
            boolean foundOnPatrol, String worker, double occurred, double known, double assigned, double arrived,
            double handled, EscalationLevel escalation, double workOrder, double levelDone, double closed,
            double travelMetres) {
        this(number, category, grid, building, discovery, foundOnPatrol, worker, occurred, known, assigned, arrived,
                handled, escalation, workOrder, levelDone, closed, travelMetres, false, "", Double.NaN, Double.NaN);
    }
}
