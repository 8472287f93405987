package org.gridplan.results.stats;

import java.util.Objects;

/**
 * What one run went through in a surge window (平急转换, e.g. a typhoon), from its backlog series:
 * the figures an official asks of a storm, which a mean over the whole horizon hides.
 *
 * @param layout        layout name
 * @param sweepPoint    sweep point
 * @param replication   replication number
 * @param startHour     start of the surge window, hours from the start of the run
 * @param endHour       end of the surge window, hours from the start of the run
 * @param before        open cases before the surge: the mean over the seven days before it (or
 *                      since the start, if shorter); NaN when the series has no sample there
 * @param peakOpen      most cases open at once from the start of the surge to seven days after it
 * @param waitingAtEnd  cases known and still waiting for a worker when the surge ends
 * @param recoveryHours hours from the end of the surge until the open cases are back to the level
 *                      before it: the first hour whose next 24 hours hold at most {@link #TOLERANCE}
 *                      times the open cases of the same 24 hours of the week in the week before the
 *                      surge; NaN when they are not back by the end of the run (or the run has no
 *                      full week before the surge)
 */
public record SurgeRun(String layout, double sweepPoint, int replication, double startHour, double endHour,
        double before, double peakOpen, double waitingAtEnd, double recoveryHours) {

    /** How far above the level before the surge the open cases may stay and count as recovered. */
    public static final double TOLERANCE = 1.10;

    /** Hours after the surge within which its peak is looked for. */
    static final double PEAK_HOURS_AFTER = 7 * 24;

    public SurgeRun {
        Objects.requireNonNull(layout, "layout");
    }

    /**
     * The surge figures of a run whose backlog was sampled at {@code hours} (ascending, from the
     * start of the run) with {@code open} and {@code waiting} cases, for the window from
     * {@code startDay} lasting {@code durationDays}.
     */
    public static SurgeRun of(String layout, double sweepPoint, int replication, double startDay, double durationDays,
            double[] hours, double[] open, double[] waiting) {
        double start = startDay * 24;
        double end = (startDay + durationDays) * 24;
        double sum = 0;
        int n = 0;
        double peak = Double.NaN;
        double waitingEnd = Double.NaN;
        double bestGap = Double.POSITIVE_INFINITY;
        for (int k = 0; k < hours.length; k++) {
            double t = hours[k];
            if (t >= start - 7 * 24 && t < start) {
                sum += open[k];
                n++;
            }
            if (t >= start && t <= end + PEAK_HOURS_AFTER) {
                peak = Double.isNaN(peak) ? open[k] : Math.max(peak, open[k]);
            }
            if (waiting != null && k < waiting.length && Math.abs(t - end) < bestGap) {
                bestGap = Math.abs(t - end);
                waitingEnd = waiting[k];
            }
        }
        double before = n > 0 ? sum / n : Double.NaN;
        double recovery = Double.NaN;
        double step = hours.length > 1 ? hours[1] - hours[0] : 0;
        if (Double.isFinite(before) && step > 0) {
            // The backlog swings with the working day and the week, so each hour after the surge is
            // held against the same hour of the week before the surge, a day at a time: recovered
            // from the first hour whose next 24 hours have at most 10% more open cases than the
            // same 24 hours of that week.
            int perDay = (int) Math.round(24 / step);
            int perWeek = 7 * perDay;
            int first = (int) Math.ceil((end - hours[0]) / step - 1e-9);
            int weekBefore = (int) Math.ceil((start - hours[0]) / step - 1e-9) - perWeek;
            if (weekBefore >= 0) {
                for (int k = Math.max(first, 0); k + perDay <= hours.length; k++) {
                    double after = 0;
                    double usual = 0;
                    for (int i = k; i < k + perDay; i++) {
                        after += open[i];
                        usual += open[weekBefore + Math.floorMod(i - weekBefore, perWeek)];
                    }
                    if (after <= usual * TOLERANCE) {
                        recovery = hours[k] - end;
                        break;
                    }
                }
            }
        }
        return new SurgeRun(layout, sweepPoint, replication, start, end, before, peak, waitingEnd, recovery);
    }
}
