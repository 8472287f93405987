package org.gridplan.sim.agent;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a worker is on duty: a daily window from {@code startMinute} to {@code endMinute} on the
 * given days of the week. A window whose end is before its start runs past midnight (a night
 * shift): it starts on each given day and ends the next morning. Simulation day 0 is a Monday;
 * minutes count from the start of the run.
 *
 * @param name        a label for reports
 * @param startMinute start of the window, minutes after midnight, 0..1439
 * @param endMinute   end of the window, minutes after midnight, 1..1440, not the start; before
 *                    the start for a window past midnight
 * @param days        the days of the week the window starts on, not empty
 */
public record ShiftPattern(String name, int startMinute, int endMinute, Set<DayOfWeek> days) implements Schedule {

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
        if (endMinute < 1 || endMinute > DAY || endMinute == startMinute) {
            throw new IllegalArgumentException("shift " + name + ": endMinute " + endMinute + " must be in 1..1440"
                    + " and not the start " + startMinute);
        }
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("shift " + name + ": no days");
        }
        // An enum set: onDuty asks it at every patrol step, and a bit test is cheaper than hashing.
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    /** The named patterns {@link #parse} knows, by name. */
    public static final List<ShiftPattern> NAMED = List.of(WEEKDAY_DAY, PART_TIME, ALWAYS);

    /** What {@link #parse} accepts, for error messages. */
    public static final String SYNTAX = "weekday-day, part-time, always, or 'HH:MM-HH:MM DAYS' such as "
            + "'08:00-20:00 mon-sun' or '20:00-08:00 daily' (DAYS: daily, or days mon..sun, ranges a-b and lists a,b;"
            + " a window that ends before it starts runs past midnight and starts on the days given)";

    private static final Pattern WINDOW = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})\\s+(\\S.*)");
    private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    /**
     * A named pattern ({@code weekday-day}, {@code part-time}, {@code always}) or a window on days,
     * written {@code HH:MM-HH:MM DAYS}: e.g. {@code 08:00-20:00 mon-sun}, {@code 17:30-22:00 mon-fri},
     * {@code 09:00-12:00 sat,sun}. The pattern's name is the text, so it reads back the same.
     *
     * @throws IllegalArgumentException naming what is wrong and what is accepted ({@link #SYNTAX})
     */
    public static ShiftPattern parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        for (ShiftPattern s : NAMED) {
            if (s.name().equals(t)) {
                return s;
            }
        }
        Matcher m = WINDOW.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a shift: give " + SYNTAX);
        }
        int start = minute(text, m.group(1), m.group(2));
        int end = minute(text, m.group(3), m.group(4));
        if (start >= DAY) {
            throw new IllegalArgumentException("shift '" + text + "' starts at 24:00; the last start is 23:59");
        }
        if (end == 0 && start > 0) {
            // Ending at midnight: 22:00-00:00 is 22:00-24:00.
            end = DAY;
        }
        if (end == start) {
            throw new IllegalArgumentException("shift '" + text + "' starts and ends at the same time; for round "
                    + "the clock give 00:00-24:00 daily or always");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        String daysText = m.group(5).replace(" ", "");
        if (daysText.equals("daily")) {
            days = EnumSet.allOf(DayOfWeek.class);
        } else {
            for (String part : daysText.split(",", -1)) {
                String[] range = part.split("-", -1);
                if (range.length > 2) {
                    throw new IllegalArgumentException("shift '" + text + "': '" + part + "' is not a day or a range"
                            + " of days such as mon-fri");
                }
                int from = day(text, range[0]);
                int to = day(text, range[range.length - 1]);
                for (int d = from; ; d = (d + 1) % 7) {
                    days.add(DayOfWeek.of(d + 1));
                    if (d == to) {
                        break;
                    }
                }
            }
        }
        return new ShiftPattern(t, start, end, days);
    }

    private static int minute(String text, String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int mm = Integer.parseInt(minutes);
        if (mm > 59 || h > 24 || (h == 24 && mm > 0)) {
            throw new IllegalArgumentException("shift '" + text + "': " + hours + ":" + minutes
                    + " is not a time of day (00:00 to 24:00)");
        }
        return h * 60 + mm;
    }

    private static int day(String text, String name) {
        int d = DAY_NAMES.indexOf(name);
        if (d < 0) {
            throw new IllegalArgumentException("shift '" + text + "': '" + name + "' is not a day (mon, tue, wed, "
                    + "thu, fri, sat, sun)");
        }
        return d;
    }

    /** Whether this pattern is on duty at every minute. */
    public boolean isAlways() {
        return startMinute == 0 && endMinute == DAY && days.size() == 7;
    }

    /** Whether the window runs past midnight, ending the day after it starts. */
    public boolean overnight() {
        return endMinute < startMinute;
    }

    /** Whether the worker is on duty at minute {@code t} of the run. */
    @Override
    public boolean onDuty(double t) {
        long day = (long) Math.floor(t / DAY);
        double m = t - day * (double) DAY;
        if (overnight()) {
            return (m >= startMinute && days.contains(dayOfWeek(day)))
                    || (m < endMinute && days.contains(dayOfWeek(day - 1)));
        }
        return days.contains(dayOfWeek(day)) && m >= startMinute && m < endMinute;
    }

    /**
     * The first minute after {@code t} at which duty starts or ends; infinite for
     * {@link #isAlways()}.
     */
    @Override
    public double nextChange(double t) {
        if (isAlways()) {
            return Double.POSITIVE_INFINITY;
        }
        long day = (long) Math.floor(t / DAY);
        double m = t - day * (double) DAY;
        if (overnight()) {
            if (m < endMinute && days.contains(dayOfWeek(day - 1))) {
                // In the window that started yesterday: it ends this morning.
                return day * (double) DAY + endMinute;
            }
            if (days.contains(dayOfWeek(day))) {
                return m < startMinute ? day * (double) DAY + startMinute : (day + 1) * (double) DAY + endMinute;
            }
        } else if (days.contains(dayOfWeek(day))) {
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
        return days.size() * (overnight() ? DAY - startMinute + endMinute : endMinute - startMinute);
    }

    private static DayOfWeek dayOfWeek(long day) {
        return DayOfWeek.of((int) Math.floorMod(day, 7L) + 1);
    }
}
