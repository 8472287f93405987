package org.gridplan.results.stats;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.gridplan.sim.agent.WorkerRole;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.engine.RunResult;
import org.gridplan.sim.engine.WorkHours;
import org.gridplan.sim.engine.WorkerKpis;

/**
 * District figures over a run's workers: utilisation, and the working hours of the full-time grid
 * workers (type full-time, role primary: the ones who patrol and answer for a grid).
 *
 * <p>Hours per week are a worker's minutes over the measured window ÷ 60 ÷ the measured weeks,
 * {@code (horizonDays − warmUpDays) / 7}. A full-time worker whose hours are
 * {@link WorkHours#EMPTY} (none recorded) is left out of the means, so a run whose engine records
 * no hours has NaN rather than zero.
 */
public final class StaffKpis {

    private StaffKpis() {
    }

    /**
     * Busy ÷ duty minutes summed over every worker with duty; NaN with no duty at all. The
     * workload share of the whole staff, weighting workers by their hours.
     */
    public static double pooledUtilisation(List<WorkerKpis> workers) {
        double busy = 0;
        double duty = 0;
        for (WorkerKpis w : workers) {
            if (w.dutyMinutes() > 0) {
                busy += w.busyMinutes();
                duty += w.dutyMinutes();
            }
        }
        return duty > 0 ? busy / duty : Double.NaN;
    }

    /** Mean utilisation of the full-time workers with a finite utilisation; NaN with none. */
    public static double fullTimeUtilisation(List<WorkerKpis> workers) {
        double sum = 0;
        int n = 0;
        for (WorkerKpis w : workers) {
            if (w.type() == WorkerType.FULL_TIME && Double.isFinite(w.utilisation())) {
                sum += w.utilisation();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Weeks of the measured window (after warm-up); NaN when the window is empty. */
    public static double measuredWeeks(RunResult result) {
        double weeks = (result.horizonDays() - result.warmUpDays()) / 7;
        return weeks > 0 ? weeks : Double.NaN;
    }

    /** Whether {@code w} is a full-time grid worker with recorded hours. */
    static boolean measuredFullTime(WorkerKpis w) {
        return w.type() == WorkerType.FULL_TIME && w.role() == WorkerRole.PRIMARY && w.hours() != null
                && !w.hours().equals(WorkHours.EMPTY);
    }

    /**
     * Mean over the full-time grid workers of {@code minutes} (a figure of their {@link WorkHours}),
     * in hours per week; NaN without a measured full-time worker.
     */
    public static double fullTimeHoursPerWeek(RunResult result, ToDoubleFunction<WorkHours> minutes) {
        double weeks = measuredWeeks(result);
        double sum = 0;
        int n = 0;
        for (WorkerKpis w : result.workers()) {
            if (measuredFullTime(w)) {
                sum += minutes.applyAsDouble(w.hours());
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n / 60 / weeks;
    }

    /** The number of full-time grid workers (type full-time, a grid's own worker); NaN with none. */
    public static double fullTimeWorkers(RunResult result) {
        long n = result.workers().stream()
                .filter(w -> w.type() == WorkerType.FULL_TIME && w.role() == WorkerRole.PRIMARY).count();
        return n == 0 ? Double.NaN : n;
    }

    /**
     * Share of the full-time grid workers' shift minutes spent working (1 − idle ÷ duty, pooled over
     * them); NaN when none was on duty.
     */
    public static double fullTimeWorkload(RunResult result) {
        double idle = 0;
        double duty = 0;
        for (WorkerKpis w : result.workers()) {
            if (measuredFullTime(w) && w.dutyMinutes() > 0) {
                idle += w.hours().idle();
                duty += w.dutyMinutes();
            }
        }
        return duty > 0 ? 1 - idle / duty : Double.NaN;
    }

    /**
     * Share of the full-time grid workers' finished tasks from above that finished after their
     * deadline; NaN when they finished none.
     */
    public static double fullTimeTaskLateShare(RunResult result) {
        long done = 0;
        long late = 0;
        for (WorkerKpis w : result.workers()) {
            if (measuredFullTime(w)) {
                done += w.hours().tasksDone();
                late += w.hours().tasksLate();
            }
        }
        return done == 0 ? Double.NaN : (double) late / done;
    }
}
