package org.gridplan.sim.agent;

/**
 * When someone is on duty, as minutes of the run: a {@link ShiftPattern}, or the hours outside
 * one (out-of-hours duty).
 */
public interface Schedule {

    /** Whether on duty at minute {@code t}. */
    boolean onDuty(double t);

    /** The first minute after {@code t} at which duty starts or ends; infinite if it never does. */
    double nextChange(double t);

    /** The hours outside {@code shift}: on duty exactly when {@code shift} is not. */
    static Schedule outside(Schedule shift) {
        return new Schedule() {
            @Override
            public boolean onDuty(double t) {
                return !shift.onDuty(t);
            }

            @Override
            public double nextChange(double t) {
                return shift.nextChange(t);
            }
        };
    }
}
