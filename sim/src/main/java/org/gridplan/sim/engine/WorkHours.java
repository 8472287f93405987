package org.gridplan.sim.engine;

/**
 * Where a worker's time went over the measured window, in minutes: routine work by kind, incidents
 * on site, travel, idle time on shift, overtime and on-call duty.
 *
 * <p>Routine work, incidents and travel are counted whenever the worker does them, on shift or
 * after it. Overtime has two parts: the worker's own minutes after its shift ended, finishing a case
 * or a task in hand ({@code overtime - dutyCalls}, already inside routine, incidents and travel), and
 * the minutes of urgent cases taken on out-of-hours duty ({@code dutyCalls}, outside them). So the
 * shift splits exactly into {@code routine + incidents + travel - (overtime - dutyCalls) + idle}, and
 * the minutes worked in all are {@link #worked()}.
 *
 * @param visits     household visits (time with the household)
 * @param patrol     street patrol, walking included
 * @param info       information collection at buildings
 * @param admin      admin and meetings
 * @param tasks      tasks assigned from above
 * @param incidents  on site at incidents
 * @param travel     travelling to incidents, visits and tasks and back to base
 * @param idle       on shift with nothing to do
 * @param overtime   minutes worked outside the shift: after it ended, and on urgent cases while on
 *                   out-of-hours duty
 * @param onCall     out-of-hours duty hours, whether called out or not
 * @param tasksDone  tasks from above finished
 * @param tasksLate  of which after their deadline
 * @param dutyCalls  of the overtime, the minutes on urgent cases while on out-of-hours duty
 */
public record WorkHours(double visits, double patrol, double info, double admin, double tasks, double incidents,
        double travel, double idle, double overtime, double onCall, long tasksDone, long tasksLate,
        double dutyCalls) {

    /** No time recorded. */
    public static final WorkHours EMPTY = new WorkHours(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Hours without duty calls (all overtime the worker's own). */
    public WorkHours(double visits, double patrol, double info, double admin, double tasks, double incidents,
            double travel, double idle, double overtime, double onCall, long tasksDone, long tasksLate) {
        this(visits, patrol, info, admin, tasks, incidents, travel, idle, overtime, onCall, tasksDone, tasksLate, 0);
    }

    /** Routine minutes: visits, patrol, information collection, admin and tasks. */
    public double routine() {
        return visits + patrol + info + admin + tasks;
    }

    /** Minutes worked in all: routine, incidents and travel (on shift or after it) and duty calls. */
    public double worked() {
        return routine() + incidents + travel + dutyCalls;
    }

    /** Minutes of the shift: routine, incidents and travel less the worker's own overtime, and idle. */
    public double shift() {
        return routine() + incidents + travel - (overtime - dutyCalls) + idle;
    }
}
