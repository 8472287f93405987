package org.gridplan.sim.demand;

import java.util.List;

/**
 * When in the week incidents of a category occur: 24 hour-of-day weights and 7 day-of-week
 * weights (Monday first), each relative.
 *
 * <p>The weights are normalised to mean 1, so the intensity at minute {@code t} is
 * {@code annualRate × hour[h(t)]/mean(hour) × day[d(t)]/mean(day)} and the annual rate is kept.
 * Simulation day 0 is a Monday. Flat profiles (all weights equal) give a homogeneous Poisson
 * stream, as the queueing validation needs.
 *
 * @param hourOfDay 24 non-negative weights, hour 0 = 00:00–01:00, not all zero
 * @param dayOfWeek 7 non-negative weights, Monday first, not all zero
 */
public record TimeProfile(List<Double> hourOfDay, List<Double> dayOfWeek) {

    /** Minutes in a day. */
    public static final int DAY_MINUTES = 1440;

    public TimeProfile {
        hourOfDay = List.copyOf(hourOfDay);
        dayOfWeek = List.copyOf(dayOfWeek);
        check(hourOfDay, 24, "hourOfDay");
        check(dayOfWeek, 7, "dayOfWeek");
    }

    private static void check(List<Double> w, int n, String field) {
        if (w.size() != n) {
            throw new IllegalArgumentException(field + " has " + w.size() + " weights, expected " + n);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = w.get(i);
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException(field + "[" + i + "] = " + v + " must be a finite weight >= 0");
            }
            sum += v;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException(field + " weights are all zero");
        }
    }

    /** The same intensity at every hour of every day. */
    public static TimeProfile flat() {
        return new TimeProfile(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0,
                1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
                        List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0));
    }

    /**
     * Daytime activity: low at night, rising from 07:00, highest 09:00–11:00 and 14:00–17:00, a
     * lunch dip and an evening shoulder (peak/mean ≈ 1.8); weekends at 80 % of weekdays. An
     * assumption shaped like resident hotline (12345) call curves; the field reports give no
     * hourly figures.
     */
    public static TimeProfile daytime() {
        return new TimeProfile(List.of(0.15, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.4, 1.8, 1.8, 1.6,
                1.0, 1.2, 1.7, 1.8, 1.7, 1.4, 1.2, 1.1, 0.9, 0.7, 0.4, 0.25),
                List.of(1.0, 1.0, 1.0, 1.0, 1.0, 0.8, 0.8));
    }

    /**
     * Emergencies: spread over the whole day with a mild daytime excess (peak/mean ≈ 1.3), the
     * same every day. An assumption.
     */
    public static TimeProfile aroundTheClock() {
        return new TimeProfile(List.of(0.7, 0.6, 0.6, 0.6, 0.6, 0.7, 0.8, 1.0, 1.1, 1.2, 1.2, 1.2,
                1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.1, 1.0, 0.9, 0.8),
                        List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0));
    }

    /**
     * The 168 hour-of-week factors (Monday 00:00 first), each {@code hour/mean(hour) ×
     * day/mean(day)}, so their mean is 1.
     */
    public double[] hourOfWeekFactors() {
        double hMean = hourOfDay.stream().mapToDouble(Double::doubleValue).sum() / 24;
        double dMean = dayOfWeek.stream().mapToDouble(Double::doubleValue).sum() / 7;
        double[] out = new double[168];
        for (int d = 0; d < 7; d++) {
            for (int h = 0; h < 24; h++) {
                out[d * 24 + h] = hourOfDay.get(h) / hMean * dayOfWeek.get(d) / dMean;
            }
        }
        return out;
    }
}
