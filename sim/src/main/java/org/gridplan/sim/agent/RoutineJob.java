package org.gridplan.sim.agent;

/**
 * A piece of routine work a grid worker is given: go to {@code building} and work there for
 * {@code minutes}.
 *
 * @param kind     one of {@link #VISIT}, {@link #PATROL}, {@link #INFO}, {@link #ADMIN}, {@link #TASK}
 * @param building building index where the work is done
 * @param minutes  minutes of work on arrival, zero or more
 * @param ref      the engine's reference of the work item: the households of a visit job, else -1
 */
public record RoutineJob(int kind, int building, double minutes, int ref) {

    /** A household visit. */
    public static final int VISIT = 0;
    /** A leg of street patrol. */
    public static final int PATROL = 1;
    /** Information collection at a building. */
    public static final int INFO = 2;
    /** Admin and meetings at the base. */
    public static final int ADMIN = 3;
    /** A task assigned from above. */
    public static final int TASK = 4;
    /** Number of kinds. */
    public static final int KINDS = 5;
}
