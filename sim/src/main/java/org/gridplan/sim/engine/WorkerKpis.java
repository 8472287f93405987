package org.gridplan.sim.engine;

import org.gridplan.sim.agent.WorkerRole;
import org.gridplan.sim.agent.WorkerType;

/**
 * KPIs of one worker over the measured window (after warm-up).
 *
 * @param id               worker id
 * @param type             worker type
 * @param role             how it entered dispatch
 * @param grid             its grid (home grid for part-time, pool and emergency workers)
 * @param served           incidents reached
 * @param busyMinutes      minutes travelling to or handling incidents
 * @param dutyMinutes      minutes on duty
 * @param utilisation      busy ÷ duty minutes (can exceed 1 with overtime); NaN with no duty
 * @param travelMetres     metres travelled
 * @param patrolVisits     patrol visits
 * @param visitsPerMonth   patrol visits per month of 365/12 days
 * @param meetsVisitTarget whether visits per month reach the field target of 30 households
 *                         (Tianya district); only full-time grid workers have the target, so
 *                         this is true for everyone else
 * @param hours            where the worker's time went
 */
public record WorkerKpis(String id, WorkerType type, WorkerRole role, String grid, long served, double busyMinutes,
        double dutyMinutes, double utilisation, double travelMetres, long patrolVisits, double visitsPerMonth,
        boolean meetsVisitTarget, WorkHours hours) {

    /** KPIs without the split of hours. */
    public WorkerKpis(String id, WorkerType type, WorkerRole role, String grid, long served, double busyMinutes,
            double dutyMinutes, double utilisation, double travelMetres, long patrolVisits, double visitsPerMonth,
            boolean meetsVisitTarget) {
        this(id, type, role, grid, served, busyMinutes, dutyMinutes, utilisation, travelMetres, patrolVisits,
                visitsPerMonth, meetsVisitTarget, WorkHours.EMPTY);
    }

    /** The monthly patrol target per full-time worker, households (Tianya district). */
    public static final double VISIT_TARGET_PER_MONTH = 30;
}
