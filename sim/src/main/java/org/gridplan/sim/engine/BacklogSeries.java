package org.gridplan.sim.engine;

import java.util.List;

/**
 * Backlog over the whole run (warm-up included), sampled at {@code 0, interval, 2·interval, ...}.
 *
 * @param intervalMinutes sampling interval
 * @param open            incidents occurred and not yet closed (latent ones included)
 * @param waiting         incidents known and waiting in a queue for a worker
 */
public record BacklogSeries(double intervalMinutes, List<Integer> open, List<Integer> waiting) {

    public BacklogSeries {
        open = List.copyOf(open);
        waiting = List.copyOf(waiting);
    }

    /** Mean of {@code series} over samples taken in {@code [fromMinute, toMinute)}. */
    public double mean(List<Integer> series, double fromMinute, double toMinute) {
        double sum = 0;
        int n = 0;
        for (int k = 0; k < series.size(); k++) {
            double t = k * intervalMinutes;
            if (t >= fromMinute && t < toMinute) {
                sum += series.get(k);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
