package org.gridplan.sim.agent;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a worker is on duty: a daily window {@code [startMinute, endMinute)} on the given days of
 * the week. Simulation day 0 is a Monday; minutes count from the start of the run.
 *
 * @param name        a label for reports
 * @param startMinute start of the window, minutes after midnight, 0..1439
 * @param endMinute   end of the window, minutes after midnight, after the start, at most 1440
 * @param days        the days of the week the window applies to, not empty
 */
public record ShiftPattern(String name, int startMinute, int endMinute, Set<DayOfWeek> days) {

    private static final int DAY = 1440;

    /** On duty all the time (the queueing validation, 24-hour duty desks). */
    public static final ShiftPattern ALWAYS = new ShiftPattern("always", 0, DAY, EnumSet.allOf(DayOfWeek.class));

    /** Office hours 08:30–17:30, Monday to Friday: the default for full-time grid workers. */
    public static final ShiftPattern WEEKDAY_DAY = new ShiftPattern("weekday-day", 8 * 60 + 30, 17 * 60 + 30,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    /** Limited hours 09:00–13:00, Monday to Saturday: the default for part-time grid workers. */
    public static final ShiftPattern PART_TIME = new ShiftPattern("part-time", 9 * 60, 13 * 60,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY));

    public ShiftPattern {
        Objects.requireNonNull(name, "name");
        if (startMinute < 0 || startMinute >= DAY) {
            throw new IllegalArgumentException("shift " + name + ": startMinute " + startMinute + " outside 0..1439");
        }
        if (endMinute <= startMinute || endMinute > DAY) {
            throw new IllegalArgumentException("shift " + name + ": endMinute " + endMinute + " must be in ("
                    + startMinute + ", 1440]");
        }
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("shift " + name + ": no days");
        }
        // An enum set: onDuty asks it at every patrol step, and a bit test is cheaper than hashing.
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    /** Whether this pattern is on duty at every minute. */
    public boolean isAlways() {
        return startMinute == 0 && endMinute == DAY && days.size() == 7;
    }

    /** Whether the worker is on duty at minute {@code t} of the run. */
    public boolean onDuty(double t) {
        long day = (long) Math.floor(t / DAY);
        double m = t - day * (double) DAY;
        return days.contains(dayOfWeek(day)) && m >= startMinute && m < endMinute;
    }

    /**
     * The first minute after {@code t} at which duty starts or ends; infinite for
     * {@link #isAlways()}.
     */
    public double nextChange(double t) {
        if (isAlways()) {
            return Double.POSITIVE_INFINITY;
        }
        long day = (long) Math.floor(t / DAY);
        double m = t - day * (double) DAY;
        if (days.contains(dayOfWeek(day))) {
            if (m < startMinute) {
                return day * (double) DAY + startMinute;
            }
            if (m < endMinute) {
                return day * (double) DAY + endMinute;
            }
        }
        for (long d = day + 1; ; d++) {
            if (days.contains(dayOfWeek(d))) {
                return d * (double) DAY + startMinute;
            }
        }
    }

    /** Minutes on duty per week. */
    public int weeklyMinutes() {
        return days.size() * (endMinute - startMinute);
    }

    private static DayOfWeek dayOfWeek(long day) {
        return DayOfWeek.of((int) Math.floorMod(day, 7L) + 1);
    }
}
