package org.gridplan.sim.engine;

import java.util.Objects;
import org.gridplan.sim.agent.ShiftPattern;

/**
 * How the field works around the incidents: the command center's triage, the linkage to
 * professionals for urgent cases nobody can take, the limits of the grid queues, the routine work
 * that fills a grid worker's day, and the working hours on which time limits are counted.
 *
 * <p>{@link #off()} turns every part off, which with {@link PatrolConfig#off()} leaves the bare
 * queueing model (Erlang C, Pollaczek–Khinchine, the hypercube model) exactly as it was before
 * the field model existed; {@link #defaults()} is the documented field regime.
 *
 * @param triage       the command center's triage of reported cases
 * @param linkage      police / 110 linkage for urgent cases no worker takes in time
 * @param queue        limits of the grid queues (loss systems, abandonment)
 * @param routine      routine work of full-time grid workers besides household visits
 * @param workingHours the working hours of working-hours time limits
 * @param routineBackup whether routine cases go to the dispatch fallbacks (a neighbouring grid's
 *                     worker, part-time workers, the branch pool) when their grid's own workers are
 *                     busy; when false (the field default), a routine case waits for its own grid's
 *                     worker — the grid is responsible for it (属地管理) — and only urgent cases are
 *                     sent to the fallbacks
 */
public record FieldModel(TriageConfig triage, LinkageConfig linkage, QueuePolicy queue, RoutineConfig routine,
        ShiftPattern workingHours, boolean routineBackup) {

    public FieldModel {
        Objects.requireNonNull(triage, "triage");
        Objects.requireNonNull(linkage, "linkage");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(routine, "routine");
        Objects.requireNonNull(workingHours, "workingHours");
    }

    /** The field regime: every part's defaults; working hours 08:30–17:30 Monday to Friday. */
    public static FieldModel defaults() {
        return new FieldModel(TriageConfig.defaults(), LinkageConfig.defaults(), QueuePolicy.unlimited(),
                RoutineConfig.defaults(), ShiftPattern.WEEKDAY_DAY, false);
    }

    /**
     * No triage delay, no linkage, unlimited queues, no routine work, every case to the fallbacks:
     * the bare queueing model.
     */
    public static FieldModel off() {
        return new FieldModel(TriageConfig.off(), LinkageConfig.off(), QueuePolicy.unlimited(), RoutineConfig.off(),
                ShiftPattern.WEEKDAY_DAY, true);
    }

    public FieldModel withTriage(TriageConfig v) {
        return new FieldModel(v, linkage, queue, routine, workingHours, routineBackup);
    }

    public FieldModel withLinkage(LinkageConfig v) {
        return new FieldModel(triage, v, queue, routine, workingHours, routineBackup);
    }

    public FieldModel withQueue(QueuePolicy v) {
        return new FieldModel(triage, linkage, v, routine, workingHours, routineBackup);
    }

    public FieldModel withRoutine(RoutineConfig v) {
        return new FieldModel(triage, linkage, queue, v, workingHours, routineBackup);
    }

    public FieldModel withRoutineBackup(boolean v) {
        return new FieldModel(triage, linkage, queue, routine, workingHours, v);
    }

    public FieldModel withWorkingHours(ShiftPattern v) {
        return new FieldModel(triage, linkage, queue, routine, v, routineBackup);
    }
}
