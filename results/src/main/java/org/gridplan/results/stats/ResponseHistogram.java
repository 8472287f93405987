package org.gridplan.results.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.gridplan.sim.engine.IncidentRecord;

/**
 * The response times of one run as a histogram at a resolution of {@link #RESOLUTION_MINUTES}
 * (six seconds): each distinct rounded time with the number of incidents reached after it. A
 * year of a 40,000-household district (about 8,000 reached incidents) takes a few hundred to a
 * couple of thousand bins, and percentiles of the expanded samples are within 0.05 minutes of
 * the exact ones, below the one decimal a report shows.
 *
 * @param minutes the distinct response times, minutes, ascending, multiples of the resolution
 * @param counts  incidents at each time, each at least 1
 */
public record ResponseHistogram(double[] minutes, int[] counts) {

    /** Width of a bin, minutes. */
    public static final double RESOLUTION_MINUTES = 0.1;

    /** No incidents. */
    public static final ResponseHistogram EMPTY = new ResponseHistogram(new double[0], new int[0]);

    public ResponseHistogram {
        Objects.requireNonNull(minutes, "minutes");
        Objects.requireNonNull(counts, "counts");
        if (minutes.length != counts.length) {
            throw new IllegalArgumentException(minutes.length + " times but " + counts.length + " counts");
        }
        minutes = minutes.clone();
        counts = counts.clone();
        for (int i = 0; i < minutes.length; i++) {
            if (counts[i] < 1 || !(minutes[i] >= 0) || (i > 0 && minutes[i] <= minutes[i - 1])) {
                throw new IllegalArgumentException("bin " + i + ": " + minutes[i] + " min × " + counts[i]
                        + " (times must be ascending and ≥ 0, counts ≥ 1)");
            }
        }
    }

    @Override
    public double[] minutes() {
        return minutes.clone();
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    /** Number of incidents. */
    public long total() {
        long n = 0;
        for (int c : counts) {
            n += c;
        }
        return n;
    }

    /** Every incident's rounded response time, ascending. */
    public double[] samples() {
        long n = total();
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(n + " samples do not fit an array");
        }
        double[] out = new double[(int) n];
        int at = 0;
        for (int i = 0; i < minutes.length; i++) {
            Arrays.fill(out, at, at + counts[i], minutes[i]);
            at += counts[i];
        }
        return out;
    }

    /** The histogram of response times {@code minutes} (non-finite values are left out). */
    public static ResponseHistogram of(double[] minutes) {
        TreeMap<Long, Integer> bins = new TreeMap<>();
        for (double t : minutes) {
            if (Double.isFinite(t)) {
                bins.merge(Math.round(Math.max(0, t) / RESOLUTION_MINUTES), 1, Integer::sum);
            }
        }
        double[] m = new double[bins.size()];
        int[] c = new int[bins.size()];
        int i = 0;
        for (var e : bins.entrySet()) {
            m[i] = e.getKey() * RESOLUTION_MINUTES;
            c[i++] = e.getValue();
        }
        return new ResponseHistogram(m, c);
    }

    /**
     * The histogram of the response times in an incident log: report or discovery to first
     * arrival, over the reached incidents that occurred after the warm-up (the incidents the
     * run's KPIs count).
     *
     * @param warmUpMinutes incidents occurring earlier are left out
     */
    public static ResponseHistogram of(List<IncidentRecord> log, double warmUpMinutes) {
        double[] t = new double[log.size()];
        int n = 0;
        for (IncidentRecord r : log) {
            double v = r.arrived() - r.known();
            if (r.occurred() >= warmUpMinutes && Double.isFinite(v)) {
                t[n++] = v;
            }
        }
        return of(Arrays.copyOf(t, n));
    }
}
