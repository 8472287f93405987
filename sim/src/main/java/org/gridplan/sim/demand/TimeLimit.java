package org.gridplan.sim.demand;

import java.util.Locale;

/**
 * A time limit of a case (response or closure), counted from the moment the case is known (the
 * report, or discovery on patrol), on a working-hours or a calendar clock.
 *
 * <p>Working-hours limits are how Chinese city-management and hotline rules state them ("exposed
 * rubbish within 4 working hours", "sign for a work order within 1 working day"): only minutes
 * inside the working hours (the simulation's {@code workingHours}, by default 08:30–17:30 Monday to
 * Friday) count. A working day is {@link #WORKING_DAY_MINUTES} working minutes.
 *
 * @param minutes the limit in minutes of its clock, positive; infinite for no limit
 * @param clock   which minutes count
 */
public record TimeLimit(double minutes, Clock clock) {

    /** Minutes of one working day: 08:30–17:30 is nine hours. */
    public static final double WORKING_DAY_MINUTES = 540;

    /** The clock a limit is counted on. */
    public enum Clock {
        /** Only minutes within the working hours count. */
        WORKING,
        /** Every minute counts. */
        CALENDAR
    }

    /** No limit: every case is on time. */
    public static final TimeLimit NONE = new TimeLimit(Double.POSITIVE_INFINITY, Clock.CALENDAR);

    public TimeLimit {
        if (!(minutes > 0)) {
            throw new IllegalArgumentException("time limit " + minutes + " must be positive minutes");
        }
        if (clock == null) {
            throw new IllegalArgumentException("time limit clock is missing");
        }
    }

    /** A limit of {@code hours} working hours. */
    public static TimeLimit workingHours(double hours) {
        return new TimeLimit(hours * 60, Clock.WORKING);
    }

    /** A limit of {@code days} working days of {@link #WORKING_DAY_MINUTES}. */
    public static TimeLimit workingDays(double days) {
        return new TimeLimit(days * WORKING_DAY_MINUTES, Clock.WORKING);
    }

    /** A limit of {@code minutes} calendar minutes. */
    public static TimeLimit calendarMinutes(double minutes) {
        return new TimeLimit(minutes, Clock.CALENDAR);
    }

    /** A limit of {@code hours} calendar hours. */
    public static TimeLimit calendarHours(double hours) {
        return new TimeLimit(hours * 60, Clock.CALENDAR);
    }

    /** Whether this is no limit at all. */
    public boolean isNone() {
        return Double.isInfinite(minutes);
    }

    /** The limit as a scenario writes it, e.g. {@code 4 working hours}, {@code 30 minutes}, {@code none}. */
    @Override
    public String toString() {
        if (isNone()) {
            return "none";
        }
        String unit;
        double v;
        if (clock == Clock.WORKING) {
            boolean days = minutes % WORKING_DAY_MINUTES == 0;
            v = days ? minutes / WORKING_DAY_MINUTES : minutes / 60;
            unit = days ? "working days" : "working hours";
        } else if (minutes % 1440 == 0) {
            v = minutes / 1440;
            unit = "days";
        } else if (minutes % 60 == 0) {
            v = minutes / 60;
            unit = "hours";
        } else {
            v = minutes;
            unit = "minutes";
        }
        String n = v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
        return n + " " + unit;
    }
}
