package org.gridplan.sim.engine;

import org.gridplan.sim.agent.Schedule;
import org.gridplan.sim.demand.TimeLimit;

/**
 * Turns a time limit into the calendar minute at which it runs out, counting only working hours
 * for working-hours limits ("4 working hours" from Friday 16:00 runs out on Monday at 11:00 with
 * 08:30–17:30 weekday hours).
 */
final class WorkingClock {

    private final Schedule hours;

    WorkingClock(Schedule hours) {
        this.hours = hours;
    }

    /** The minute at which {@code limit}, started at {@code from}, runs out; infinite for no limit. */
    double due(double from, TimeLimit limit) {
        if (limit.isNone()) {
            return Double.POSITIVE_INFINITY;
        }
        return limit.clock() == TimeLimit.Clock.CALENDAR ? from + limit.minutes() : addWorking(from, limit.minutes());
    }

    /** The minute at which {@code minutes} working minutes have passed since {@code from}. */
    double addWorking(double from, double minutes) {
        double t = from;
        double left = minutes;
        // Each pass crosses one change of the working hours; a year has about 520 of them.
        for (int guard = 0; guard < 1_000_000; guard++) {
            double next = hours.nextChange(t);
            if (hours.onDuty(t)) {
                if (t + left <= next) {
                    return t + left;
                }
                left -= next - t;
            }
            if (next == Double.POSITIVE_INFINITY) {
                // Never on duty again: the limit never runs out.
                return Double.POSITIVE_INFINITY;
            }
            t = next;
        }
        return Double.POSITIVE_INFINITY;
    }
}
