package org.gridplan.optimizer.response;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.gridplan.sim.engine.Cumulative;
import org.gridplan.sim.engine.PatrolConfig;
import org.gridplan.sim.engine.RoutineConfig;

/**
 * How long a grid's routine workers stay unavailable to a routine case, minute by minute of the
 * shift: a numerical model of the routine workload as reduced availability.
 *
 * <p>It lays out the routine work of the grid's workers over a run of working days in the order
 * the simulator's routine book hands it out — tasks from above, admin in blocks, information
 * collection, street patrol, household visits in batches of up to eight households of one
 * building, paced so the round ends on time, at most {@code maxVisitsPerDay} a worker a day — and
 * records, for each minute of each sampled day, the least time until one of the grid's routine
 * workers may take a routine case: zero when one is free or on street patrol (which a routine case
 * interrupts), else the rest of the shortest job in hand. Incidents, travel between jobs and
 * interruptions are left out: at field loads a worker spends about 1% of the shift on incidents
 * and a minute a trip. Draws come from the model's own generator, so the figures are the same
 * for the same seed.
 */
final class RoutineDays {

    /** Most household visits in one building made as one job (as the simulator's routine book). */
    private static final int VISIT_BATCH = 8;

    private final float[][] rest;
    private final int shiftMinutes;
    /** Per minute of the shift, the days' rests in ascending order and their running sums; made on first use. */
    private final double[][] sorted;
    private final double[][] sums;

    private RoutineDays(float[][] rest, int shiftMinutes) {
        this.rest = rest;
        this.shiftMinutes = shiftMinutes;
        this.sorted = new double[shiftMinutes][];
        this.sums = new double[shiftMinutes][];
    }

    /** No routine worker is ever held up: every minute is free. */
    static RoutineDays free(int shiftMinutes) {
        return new RoutineDays(new float[1][shiftMinutes], shiftMinutes);
    }

    /**
     * Samples {@code days} working days after {@code warmUpDays} days of the routine work of one
     * grid.
     *
     * @param routine the routine configuration of the run
     * @param visits the household-visit configuration (cycle, daily cap, visit minutes)
     * @param buildingHouseholds households of each building of the grid, in the order of the round
     * @param roadMetres road metres of the grid (street patrol)
     * @param workers routine workers of the grid, at least 1
     * @param shiftMinutes length of one shift, minutes
     * @param daysPerWeek working days a week of the grid's workers, 1 to 7
     */
    static RoutineDays sample(RoutineConfig routine, PatrolConfig visits, long[] buildingHouseholds, double roadMetres,
            int workers, int shiftMinutes, int daysPerWeek, int warmUpDays, int days, long seed) {
        MersenneTwister rng = new MersenneTwister(seed);
        RealDistribution visitMinutes = visits.visit().distribution(rng);
        RealDistribution taskMinutes = routine.tasks().task().distribution(rng);
        RealDistribution infoMinutes = routine.info().task().distribution(rng);
        long households = 0;
        long[] cum = new long[buildingHouseholds.length];
        for (int b = 0; b < cum.length; b++) {
            households += buildingHouseholds[b];
            cum[b] = households;
        }
        boolean visitRound = visits.enabled() && visits.cycle() && households > 0;
        double workDaysPerCycle = visits.cycleDays() * daysPerWeek / 7.0;
        double[] adminLeft = new double[workers];
        @SuppressWarnings("unchecked")
        ArrayDeque<Double>[] tasks = new ArrayDeque[workers];
        for (int w = 0; w < workers; w++) {
            tasks[w] = new ArrayDeque<>();
        }
        ArrayDeque<Double> info = new ArrayDeque<>();
        long visitsMade = 0;
        long slot = 0;
        float[][] rest = new float[days][shiftMinutes];
        double[] free = new double[workers];
        int[] visitsToday = new int[workers];
        // Per worker, the non-interruptible jobs of the day as [start, end) pairs.
        double[][] blocks = new double[workers][64];
        int[] nBlocks = new int[workers];
        for (int day = 0; day < warmUpDays + days; day++) {
            // The morning: the day's street patrol, admin and tasks, the information tasks of the
            // calendar days since the last working day, the visit round's pace.
            double patrolLeft = routine.patrol().enabled()
                    ? roadMetres * routine.patrol().roundsPerDay() / routine.patrol().metresPerMinute() : 0;
            for (int w = 0; w < workers; w++) {
                if (routine.admin().enabled()) {
                    double weekly = routine.admin().hoursPerWeek() * 60;
                    adminLeft[w] = Math.min(weekly, adminLeft[w] + weekly / daysPerWeek);
                }
                if (routine.tasks().enabled()) {
                    int n = poisson(rng, routine.tasks().perWeek() / daysPerWeek);
                    for (int k = 0; k < n; k++) {
                        tasks[w].add(taskMinutes.sample());
                    }
                }
                free[w] = 0;
                visitsToday[w] = 0;
                nBlocks[w] = 0;
            }
            if (routine.info().enabled()) {
                int n = poisson(rng, households * routine.info().changesPerHouseholdYear() / 365 * 7.0 / daysPerWeek);
                for (int k = 0; k < n; k++) {
                    info.add(infoMinutes.sample());
                }
            }
            long target = visitRound ? (long) Math.ceil(households * (double) (day + 1) / workDaysPerCycle - 1e-9) : 0;
            // The day: the worker free first takes the next job, until nobody has one.
            boolean[] done = new boolean[workers];
            int active = workers;
            while (active > 0) {
                int w = -1;
                for (int k = 0; k < workers; k++) {
                    if (!done[k] && (w < 0 || free[k] < free[w])) {
                        w = k;
                    }
                }
                if (free[w] >= shiftMinutes) {
                    done[w] = true;
                    active--;
                    continue;
                }
                double minutes;
                boolean blocking = true;
                if (!tasks[w].isEmpty()) {
                    minutes = tasks[w].poll();
                } else if (adminLeft[w] > 1e-9) {
                    minutes = Math.min(adminLeft[w], routine.admin().blockMinutes());
                    adminLeft[w] -= minutes;
                } else if (!info.isEmpty()) {
                    minutes = info.poll();
                } else if (patrolLeft > 1e-9) {
                    minutes = Math.min(patrolLeft, routine.patrol().legMinutes());
                    patrolLeft -= minutes;
                    blocking = false;
                } else if (visitRound && visitsMade < target && visitsToday[w] < visits.maxVisitsPerDay()) {
                    long s = slot % households;
                    int b = Cumulative.upperBound(cum, s);
                    long k = Math.min(Math.min(target - visitsMade, visits.maxVisitsPerDay() - visitsToday[w]),
                            Math.min(cum[b] - s, VISIT_BATCH));
                    minutes = 0;
                    for (int j = 0; j < k; j++) {
                        minutes += visitMinutes.sample();
                    }
                    slot += k;
                    visitsMade += k;
                    visitsToday[w] += (int) k;
                } else {
                    done[w] = true;
                    active--;
                    continue;
                }
                if (blocking && minutes > 0) {
                    if (nBlocks[w] * 2 == blocks[w].length) {
                        blocks[w] = java.util.Arrays.copyOf(blocks[w], blocks[w].length * 2);
                    }
                    blocks[w][2 * nBlocks[w]] = free[w];
                    blocks[w][2 * nBlocks[w] + 1] = free[w] + minutes;
                    nBlocks[w]++;
                }
                free[w] += minutes;
            }
            if (day >= warmUpDays) {
                float[] r = rest[day - warmUpDays];
                java.util.Arrays.fill(r, Float.POSITIVE_INFINITY);
                for (int w = 0; w < workers; w++) {
                    // This worker's rest at each minute: 0 outside its blocks; the least over workers.
                    int from = 0;
                    for (int k = 0; k < nBlocks[w]; k++) {
                        double s0 = blocks[w][2 * k];
                        double e0 = blocks[w][2 * k + 1];
                        int a = (int) Math.max(0, Math.ceil(s0 - 0.5));
                        int b = (int) Math.min(shiftMinutes, Math.ceil(e0 - 0.5));
                        for (int x = from; x < Math.min(a, shiftMinutes); x++) {
                            r[x] = 0;
                        }
                        for (int x = a; x < b; x++) {
                            r[x] = (float) Math.min(r[x], e0 - (x + 0.5));
                        }
                        from = Math.max(from, b);
                    }
                    for (int x = from; x < shiftMinutes; x++) {
                        r[x] = 0;
                    }
                }
            }
        }
        return new RoutineDays(rest, shiftMinutes);
    }

    private static int poisson(MersenneTwister rng, double mean) {
        if (!(mean > 0)) {
            return 0;
        }
        double limit = Math.exp(-mean);
        double p = rng.nextDouble();
        int n = 0;
        while (p > limit) {
            p *= rng.nextDouble();
            n++;
        }
        return n;
    }

    /** Sampled days. */
    int days() {
        return rest.length;
    }

    /** Shift length, minutes. */
    int shiftMinutes() {
        return shiftMinutes;
    }

    /**
     * Minutes until a routine worker may take a routine case dispatched at minute {@code x} of the
     * shift on sampled day {@code day}; 0 at or after the shift's end.
     */
    double rest(int day, double x) {
        int m = (int) x;
        return m < 0 || m >= shiftMinutes ? 0 : rest[day][m];
    }

    /**
     * The sampled days' rests at minute {@code x} of the shift, ascending (as {@link #rest}, so
     * all zeros at or after the shift's end). The model's answers depend only on how many days have
     * a rest below a bound and on their sum, so it searches this instead of every day.
     */
    double[] sortedRests(double x) {
        int m = (int) x;
        if (m < 0 || m >= shiftMinutes) {
            return new double[rest.length];
        }
        if (sorted[m] == null) {
            double[] v = new double[rest.length];
            for (int day = 0; day < v.length; day++) {
                v[day] = rest[day][m];
            }
            Arrays.sort(v);
            double[] sum = new double[v.length + 1];
            for (int i = 0; i < v.length; i++) {
                sum[i + 1] = sum[i] + v[i];
            }
            sums[m] = sum;
            sorted[m] = v;
        }
        return sorted[m];
    }

    /**
     * The sum of the {@code count} smallest rests at minute {@code x} of the shift (after
     * {@link #sortedRests} for that minute).
     */
    double sumOfSmallest(double x, int count) {
        int m = (int) x;
        if (m < 0 || m >= shiftMinutes) {
            return 0;
        }
        sortedRests(x);
        return sums[m][count];
    }
}
