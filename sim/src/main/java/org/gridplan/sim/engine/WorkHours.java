package org.gridplan.sim.engine;

/**
 * Where a worker's time went over the measured window, in minutes: routine work by kind, incidents
 * on site, travel, idle time on shift, overtime past the shift's end and on-call duty. On-shift
 * minutes split exactly into routine + incidents + travel + idle; overtime and on-call duty lie
 * outside the shift.
 *
 * @param visits     household visits (time with the household)
 * @param patrol     street patrol, walking included
 * @param info       information collection at buildings
 * @param admin      admin and meetings
 * @param tasks      tasks assigned from above
 * @param incidents  on site at incidents
 * @param travel     travelling to incidents, visits and tasks and back to base
 * @param idle       on shift with nothing to do
 * @param overtime   working after the shift ended (finishing a case or task in hand) or on an
 *                   urgent case while on out-of-hours duty
 * @param onCall     out-of-hours duty hours, whether called out or not
 * @param tasksDone  tasks from above finished
 * @param tasksLate  of which after their deadline
 */
public record WorkHours(double visits, double patrol, double info, double admin, double tasks, double incidents,
        double travel, double idle, double overtime, double onCall, long tasksDone, long tasksLate) {

    /** No time recorded. */
    public static final WorkHours EMPTY = new WorkHours(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Routine minutes: visits, patrol, information collection, admin and tasks. */
    public double routine() {
        return visits + patrol + info + admin + tasks;
    }

    /** Working minutes: routine, incidents, travel and overtime. */
    public double worked() {
        return routine() + incidents + travel + overtime;
    }
}
