package org.gridplan.sim.engine;

import ec.util.MersenneTwisterFast;
import java.util.ArrayDeque;
import org.apache.commons.math3.distribution.RealDistribution;
import org.gridplan.sim.agent.RoutineJob;
import org.gridplan.sim.agent.Schedule;

/**
 * The to-do lists of routine work (see {@link RoutineConfig} and {@link PatrolConfig}): per grid the
 * household-visit round, the day's street patrol and the information-collection tasks; per worker
 * the day's admin and the tasks assigned from above. The engine asks it for a worker's next job and
 * tells it what was done or given up; arrivals of tasks and changes are drawn here from the run's
 * routine generator, never from the demand generator, so routine work leaves the incident stream
 * unchanged (common random numbers). Tasks and household changes of a day are drawn when the day
 * starts: a Poisson number of each, at the day's rate.
 */
final class RoutineBook {

    private static final double DAY = 1440;
    /** Most household visits in one building made as one job. */
    private static final long VISIT_BATCH = 8;

    private final RoutineConfig config;
    private final PatrolConfig visits;
    private final int[][] gridBuildings;
    private final long[][] gridCum;
    private final int[] gridHouseholds;
    private final double[] gridRoadMetres;
    private final int[] workerGrid;
    private final int[] workerBase;
    private final boolean[] routineWorker;
    private final Schedule[] shifts;
    private final double[] workingDaysPerWeek;
    private final WorkingClock clock;
    private final MersenneTwisterFast rng;
    private final RealDistribution visitMinutes;
    private final RealDistribution infoMinutes;
    private final RealDistribution taskMinutes;
    private final double measureFrom;

    // Per grid.
    private final double[] patrolLeft;
    private final long[] visitSlot;
    private final long[] visitsMade;
    /** Working days of the grid's workers so far (today included), and their working days a week. */
    private final long[] gridWorkDays;
    private final double[] gridDaysPerWeek;
    private final int[][] visitsByDay;
    private final boolean[][] workedByDay;
    private final ArrayDeque<double[]>[] info;

    // Per worker.
    private final double[] adminLeft;
    private final ArrayDeque<double[]>[] tasks;
    private final long[] tasksDone;
    private final long[] tasksLate;
    /** The task record each worker holds while it works at it. */
    private final double[][] pendingTask;

    @SuppressWarnings("unchecked")
    RoutineBook(RoutineConfig config, PatrolConfig visits, int[][] gridBuildings, long[][] gridCum,
            int[] gridHouseholds, double[] gridRoadMetres, int[] workerGrid, int[] workerBase,
            boolean[] routineWorker, Schedule[] shifts, WorkingClock clock, MersenneTwisterFast rng,
            RealDistribution visitMinutes, RealDistribution infoMinutes, RealDistribution taskMinutes,
            double measureFrom, double horizonDays) {
        this.config = config;
        this.visits = visits;
        this.gridBuildings = gridBuildings;
        this.gridCum = gridCum;
        this.gridHouseholds = gridHouseholds;
        this.gridRoadMetres = gridRoadMetres;
        this.workerGrid = workerGrid;
        this.workerBase = workerBase;
        this.routineWorker = routineWorker;
        this.shifts = shifts;
        this.clock = clock;
        this.rng = rng;
        this.visitMinutes = visitMinutes;
        this.infoMinutes = infoMinutes;
        this.taskMinutes = taskMinutes;
        this.measureFrom = measureFrom;
        int nGrids = gridBuildings.length;
        int nWorkers = workerGrid.length;
        patrolLeft = new double[nGrids];
        visitSlot = new long[nGrids];
        visitsMade = new long[nGrids];
        gridWorkDays = new long[nGrids];
        gridDaysPerWeek = new double[nGrids];
        visitsByDay = new int[visitsCycle() ? nGrids : 0][];
        workedByDay = new boolean[visitsByDay.length][];
        for (int g = 0; g < visitsByDay.length; g++) {
            visitsByDay[g] = new int[(int) Math.ceil(horizonDays) + 1];
            workedByDay[g] = new boolean[visitsByDay[g].length];
        }
        info = new ArrayDeque[nGrids];
        for (int g = 0; g < nGrids; g++) {
            info[g] = new ArrayDeque<>();
        }
        adminLeft = new double[nWorkers];
        tasks = new ArrayDeque[nWorkers];
        tasksDone = new long[nWorkers];
        tasksLate = new long[nWorkers];
        pendingTask = new double[nWorkers][];
        workingDaysPerWeek = new double[nWorkers];
        for (int w = 0; w < nWorkers; w++) {
            tasks[w] = new ArrayDeque<>();
            int days = 0;
            for (int d = 0; d < 7; d++) {
                days += works(w, d) ? 1 : 0;
            }
            workingDaysPerWeek[w] = days;
            if (routineWorker[w] && gridDaysPerWeek[workerGrid[w]] == 0) {
                gridDaysPerWeek[workerGrid[w]] = days;
            }
        }
    }

    /** Whether household visits follow a cycle (and so are routine jobs). */
    boolean visitsCycle() {
        return visits.enabled() && visits.cycle();
    }

    /** Whether worker {@code w}'s shift has working time on day {@code day}. */
    private boolean works(int w, long day) {
        double start = day * DAY;
        return shifts[w].onDuty(start) || shifts[w].nextChange(start) < start + DAY;
    }

    /**
     * A new day: the day's street patrol, admin and tasks from above for everyone whose shift works
     * that day, and the day's household changes of every grid; the visit round's pace moves on by a
     * working day.
     */
    void dayStart(long day) {
        boolean[] patrolSet = new boolean[gridBuildings.length];
        boolean[] counted = new boolean[gridBuildings.length];
        for (int w = 0; w < workerGrid.length; w++) {
            if (!routineWorker[w] || !works(w, day)) {
                continue;
            }
            int g = workerGrid[w];
            if (!counted[g]) {
                counted[g] = true;
                gridWorkDays[g]++;
                if (workedByDay.length > 0 && day < workedByDay[g].length) {
                    workedByDay[g][(int) day] = true;
                }
            }
            if (config.patrol().enabled() && !patrolSet[g]) {
                patrolSet[g] = true;
                patrolLeft[g] = gridRoadMetres[g] * config.patrol().roundsPerDay() / config.patrol().metresPerMinute();
            }
            if (config.admin().enabled() && workingDaysPerWeek[w] > 0) {
                double weekly = config.admin().hoursPerWeek() * 60;
                adminLeft[w] = Math.min(weekly, adminLeft[w] + weekly / workingDaysPerWeek[w]);
            }
            if (config.tasks().enabled() && workingDaysPerWeek[w] > 0) {
                // Tasks are handed out at the start of each working day (the morning's instructions).
                int n = poisson(config.tasks().perWeek() / workingDaysPerWeek[w]);
                for (int k = 0; k < n; k++) {
                    addTask(w, day * DAY);
                }
            }
        }
        if (config.info().enabled()) {
            for (int g = 0; g < gridBuildings.length; g++) {
                if (gridBuildings[g].length == 0) {
                    continue;
                }
                int n = poisson(gridHouseholds[g] * config.info().changesPerHouseholdYear() / 365);
                for (int k = 0; k < n; k++) {
                    addInfo(g);
                }
            }
        }
    }

    /** A Poisson draw of the given mean (Knuth's product of uniforms; the means here are small). */
    private int poisson(double mean) {
        if (!(mean > 0)) {
            return 0;
        }
        if (mean > 30) {
            // Normal approximation for large means, rounded and kept non-negative.
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
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

    /** A task from above for worker {@code w} at {@code now}. */
    void addTask(int w, double now) {
        int g = workerGrid[w];
        int b = buildingByHouseholds(g);
        double due = clock.due(now, config.tasks().deadline());
        tasks[w].add(new double[] {b, taskMinutes.sample(), due, now});
    }

    /** A household moving in or out of grid {@code g}: an information-collection task. */
    void addInfo(int g) {
        info[g].add(new double[] {buildingByHouseholds(g), infoMinutes.sample()});
    }

    /**
     * The next job of worker {@code w}, in priority order (tasks, admin, information collection,
     * street patrol, household visits), taken off the lists; null when nothing is due.
     */
    RoutineJob next(int w, double now, int visitsToday) {
        if (!routineWorker[w]) {
            return null;
        }
        int g = workerGrid[w];
        if (!tasks[w].isEmpty()) {
            double[] t = tasks[w].poll();
            // The task goes back on the list if given up; the record travels as the job's reference.
            pendingTask[w] = t;
            return new RoutineJob(RoutineJob.TASK, (int) t[0], t[1], w);
        }
        if (adminLeft[w] > 1e-9) {
            double m = Math.min(adminLeft[w], config.admin().blockMinutes());
            adminLeft[w] -= m;
            return new RoutineJob(RoutineJob.ADMIN, workerBase[w], m, -1);
        }
        if (!info[g].isEmpty()) {
            double[] t = info[g].poll();
            return new RoutineJob(RoutineJob.INFO, (int) t[0], t[1], -1);
        }
        if (patrolLeft[g] > 1e-9) {
            double m = Math.min(patrolLeft[g], config.patrol().legMinutes());
            patrolLeft[g] -= m;
            int b = gridBuildings[g][rng.nextInt(gridBuildings[g].length)];
            return new RoutineJob(RoutineJob.PATROL, b, m, -1);
        }
        if (visitsCycle() && visitsToday < visits.maxVisitsPerDay()) {
            // Paced by working days: by the end of each working day the round is where the cycle
            // says it should be, the days off of the shift left out.
            double workDaysPerCycle = visits.cycleDays() * gridDaysPerWeek[g] / 7;
            long target = (long) Math.ceil(gridHouseholds[g] * gridWorkDays[g] / workDaysPerCycle - 1e-9);
            if (visitsMade[g] < target) {
                long slot = visitSlot[g] % gridHouseholds[g];
                int bi = Cumulative.upperBound(gridCum[g], slot);
                // Households of one building are visited in one go, up to a batch: one trip, one event.
                long k = Math.min(Math.min(target - visitsMade[g], visits.maxVisitsPerDay() - visitsToday),
                        Math.min(gridCum[g][bi] - slot, VISIT_BATCH));
                double minutes = 0;
                for (int j = 0; j < k; j++) {
                    minutes += visitMinutes.sample();
                }
                // The households are the job's: the round moves past them now, so a second worker of
                // the grid goes on to the next ones. Households of a job given up are visited next round.
                visitSlot[g] += k;
                return new RoutineJob(RoutineJob.VISIT, gridBuildings[g][bi], minutes, (int) k);
            }
        }
        return null;
    }

    /** A household visit was made in grid {@code g} at {@code now}. */
    void visitMade(int g, double now) {
        visitsMade[g]++;
        if (visitsByDay.length > 0) {
            int day = (int) Math.min(visitsByDay[g].length - 1, Math.floor(now / DAY));
            visitsByDay[g][day]++;
        }
    }

    /** Worker {@code w} finished {@code job} at {@code now}. */
    void done(int w, RoutineJob job, double now) {
        if (job.kind() == RoutineJob.TASK) {
            double[] t = pendingTask[w];
            pendingTask[w] = null;
            if (t[3] >= measureFrom) {
                tasksDone[w]++;
                tasksLate[w] += now > t[2] ? 1 : 0;
            }
        }
    }

    /** Worker {@code w} gave up {@code job} after {@code worked} minutes: the rest goes back. */
    void interrupted(int w, RoutineJob job, double worked) {
        double rest = Math.max(0, job.minutes() - worked);
        int g = workerGrid[w];
        switch (job.kind()) {
            case RoutineJob.TASK -> {
                double[] t = pendingTask[w];
                pendingTask[w] = null;
                t[1] = rest;
                tasks[w].addFirst(t);
            }
            case RoutineJob.ADMIN -> adminLeft[w] += rest;
            case RoutineJob.INFO -> {
                if (rest > 0) {
                    info[g].addFirst(new double[] {job.building(), rest});
                }
            }
            case RoutineJob.PATROL -> patrolLeft[g] += rest;
            default -> {
                // A visit given up before or during the visit is simply made again later.
            }
        }
    }

    /** Tasks from above that worker {@code w} finished (created after warm-up). */
    long tasksDone(int w) {
        return tasksDone[w];
    }

    /** Of which late. */
    long tasksLate(int w) {
        return tasksLate[w];
    }

    /**
     * Share of grid {@code g}'s households visited within the cycle before the end: with the fixed
     * round, the households visited in the last cycle are the visits made in it, at most all of
     * them; a run shorter than the cycle is judged on the visits due in it. NaN without a cycle or
     * households.
     */
    double coverage(int g, double horizon) {
        if (!visitsCycle() || gridHouseholds[g] == 0) {
            return Double.NaN;
        }
        double days = horizon / DAY;
        double window = Math.min(visits.cycleDays(), days);
        int from = (int) Math.floor(days - window);
        long made = 0;
        int worked = 0;
        for (int d = from; d < visitsByDay[g].length; d++) {
            made += visitsByDay[g][d];
            worked += workedByDay[g][d] ? 1 : 0;
        }
        // The visits due in the window are those of its working days at the cycle's pace.
        double due = gridHouseholds[g] * Math.min(1.0, worked / (visits.cycleDays() * gridDaysPerWeek[g] / 7));
        return due <= 0 ? Double.NaN : Math.min(1.0, made / due);
    }

    private int buildingByHouseholds(int g) {
        return gridBuildings[g][Cumulative.upperBound(gridCum[g], (long) (rng.nextDouble() * gridHouseholds[g]))];
    }
}
