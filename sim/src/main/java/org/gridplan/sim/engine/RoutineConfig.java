package org.gridplan.sim.engine;

import java.util.Objects;
import org.gridplan.sim.demand.TimeDistribution;
import org.gridplan.sim.demand.TimeLimit;

/**
 * The routine work of a full-time grid worker on shift besides household visits (those are
 * {@link PatrolConfig}): street patrol, information collection, admin and meetings, and tasks
 * assigned from above (上级交办). Together they are the bulk of a grid worker's day.
 *
 * <p><b>Priority.</b> A worker on shift takes, in order: a waiting incident; an assigned task;
 * the day's admin; an information-collection task; the day's street patrol; a household visit due
 * by the visit cycle; else it waits at base. An urgent case interrupts any routine work at once.
 * A routine case interrupts street patrol always (the worker is out in the grid), and other
 * routine work only under {@link IncidentPolicy#INTERRUPT}; under
 * {@link IncidentPolicy#FINISH_TASK} it waits until the task in hand is done. Interrupted work
 * keeps its remaining minutes and is resumed later (the households of an interrupted visit are
 * visited in the next round; a visit interrupted on arrival by a case found there counts as made,
 * the household having been seen). A worker whose shift ends during work a routine case may not
 * interrupt finishes it: those minutes are overtime; under {@link IncidentPolicy#INTERRUPT} every
 * routine job is given back at the shift's end.
 *
 * <p>None of these figures is published as a norm (../FIELD.md: "no credible published norm for a
 * grid worker's daily patrol hours or household-visit cycle"): every default is an assumption,
 * stated with it, and each part can be switched off or swept.
 *
 * @param routineIncidents whether a routine case interrupts routine work
 * @param patrol           street patrol
 * @param info             information collection
 * @param admin            admin and meetings
 * @param tasks            tasks assigned from above
 */
public record RoutineConfig(IncidentPolicy routineIncidents, StreetPatrol patrol, InfoCollection info, Admin admin,
        AssignedTasks tasks) {

    /** Whether a routine case interrupts routine work other than street patrol. */
    public enum IncidentPolicy {
        /** It does, like an urgent case. */
        INTERRUPT,
        /** It waits until the task in hand is done (the default). */
        FINISH_TASK
    }

    public RoutineConfig {
        Objects.requireNonNull(routineIncidents, "routine.routineIncidents");
        Objects.requireNonNull(patrol, "routine.patrol");
        Objects.requireNonNull(info, "routine.info");
        Objects.requireNonNull(admin, "routine.admin");
        Objects.requireNonNull(tasks, "routine.tasks");
    }

    /** Every part at its default, routine cases waiting for the task in hand. */
    public static RoutineConfig defaults() {
        return new RoutineConfig(IncidentPolicy.FINISH_TASK, StreetPatrol.defaults(), InfoCollection.defaults(),
                Admin.defaults(), AssignedTasks.defaults());
    }

    /** No routine work besides household visits. */
    public static RoutineConfig off() {
        return new RoutineConfig(IncidentPolicy.INTERRUPT, StreetPatrol.defaults().withEnabled(false),
                InfoCollection.defaults().withEnabled(false), Admin.defaults().withEnabled(false),
                AssignedTasks.defaults().withEnabled(false));
    }

    /** Whether any part is on. */
    public boolean any() {
        return patrol.enabled() || info.enabled() || admin.enabled() || tasks.enabled();
    }

    public RoutineConfig withRoutineIncidents(IncidentPolicy v) {
        return new RoutineConfig(v, patrol, info, admin, tasks);
    }

    public RoutineConfig withPatrol(StreetPatrol v) {
        return new RoutineConfig(routineIncidents, v, info, admin, tasks);
    }

    public RoutineConfig withInfo(InfoCollection v) {
        return new RoutineConfig(routineIncidents, patrol, v, admin, tasks);
    }

    public RoutineConfig withAdmin(Admin v) {
        return new RoutineConfig(routineIncidents, patrol, info, v, tasks);
    }

    public RoutineConfig withTasks(AssignedTasks v) {
        return new RoutineConfig(routineIncidents, patrol, info, admin, v);
    }

    /**
     * Street patrol: each working day the worker walks its grid's streets {@code roundsPerDay} times
     * at {@code metresPerMinute}, in legs of at most {@code legMinutes}, each leg to a building of
     * the grid whose latent incidents it reveals. The day's patrol minutes are the grid's road
     * metres × rounds ÷ speed, so they grow with the grid's streets. A grid's road metres are the
     * lengths of the road links whose both ends serve its buildings, plus half of those with one end.
     *
     * @param enabled         whether workers patrol the streets
     * @param roundsPerDay    rounds of the grid's streets per working day, positive
     * @param metresPerMinute patrol speed, positive; default 25 m/min = 1.5 km/h, the Kunming 2024
     *                        figure (2.74 M km in 1.84 M patrol hours)
     * @param legMinutes      longest patrol leg, positive
     */
    public record StreetPatrol(boolean enabled, double roundsPerDay, double metresPerMinute, double legMinutes) {
        public StreetPatrol {
            positive(roundsPerDay, "routine.patrol.roundsPerDay");
            positive(metresPerMinute, "routine.patrol.metresPerMinute");
            positive(legMinutes, "routine.patrol.legMinutes");
        }

        /** One round a working day at 1.5 km/h (Kunming), legs of 30 minutes; the rounds an assumption. */
        public static StreetPatrol defaults() {
            return new StreetPatrol(true, 1, 25, 30);
        }

        public StreetPatrol withEnabled(boolean v) {
            return new StreetPatrol(v, roundsPerDay, metresPerMinute, legMinutes);
        }
    }

    /**
     * Information collection (信息采集): households move in and out, and each change is a task at
     * its building, to be done by the grid's worker.
     *
     * @param enabled                 whether changes arise
     * @param changesPerHouseholdYear changes per household per year, zero or more; default 0.1
     *                                (an assumption: about one household in ten moves in or out a year)
     * @param task                    minutes a change takes at the building; default log-normal
     *                                15 ± 5 (an assumption)
     */
    public record InfoCollection(boolean enabled, double changesPerHouseholdYear, TimeDistribution task) {
        public InfoCollection {
            Objects.requireNonNull(task, "routine.info.minutes");
            if (!(changesPerHouseholdYear >= 0) || !Double.isFinite(changesPerHouseholdYear)) {
                throw new ConfigException("routine.info.changesPerHouseholdYear", changesPerHouseholdYear
                        + " must be a finite number >= 0");
            }
        }

        public static InfoCollection defaults() {
            return new InfoCollection(true, 0.1, TimeDistribution.lognormal(15, 5));
        }

        public InfoCollection withEnabled(boolean v) {
            return new InfoCollection(v, changesPerHouseholdYear, task);
        }
    }

    /**
     * Admin and meetings: {@code hoursPerWeek} at the worker's base, spread evenly over the
     * working days of its shift, in blocks of at most {@code blockMinutes}.
     *
     * @param enabled      whether there is admin work
     * @param hoursPerWeek hours a week, zero or more; default 8 (an assumption: reports, ledgers,
     *                     the weekly community meeting)
     * @param blockMinutes longest block, positive; default 60
     */
    public record Admin(boolean enabled, double hoursPerWeek, double blockMinutes) {
        public Admin {
            if (!(hoursPerWeek >= 0) || hoursPerWeek > 168) {
                throw new ConfigException("routine.admin.hoursPerWeek", hoursPerWeek + " must be in [0, 168]");
            }
            positive(blockMinutes, "routine.admin.blockMinutes");
        }

        public static Admin defaults() {
            return new Admin(true, 8, 60);
        }

        public Admin withEnabled(boolean v) {
            return new Admin(v, hoursPerWeek, blockMinutes);
        }
    }

    /**
     * Tasks assigned from above (上级交办: surveys, inspections, campaigns): handed out at the start
     * of each working day, a Poisson number at {@code perWeek} spread over the worker's working days,
     * each task done at a building of the grid within a deadline counted from the start of its day.
     *
     * @param enabled      whether tasks arrive
     * @param perWeek      tasks per worker per week, zero or more; default 5, one a working day (an assumption)
     * @param task         minutes a task takes; default log-normal 60 ± 30 (an assumption)
     * @param deadline     the task's time limit; default 3 working days (an assumption)
     */
    public record AssignedTasks(boolean enabled, double perWeek, TimeDistribution task, TimeLimit deadline) {
        public AssignedTasks {
            Objects.requireNonNull(task, "routine.tasks.minutes");
            Objects.requireNonNull(deadline, "routine.tasks.deadline");
            if (!(perWeek >= 0) || !Double.isFinite(perWeek)) {
                throw new ConfigException("routine.tasks.perWeek", perWeek + " must be a finite number >= 0");
            }
        }

        public static AssignedTasks defaults() {
            return new AssignedTasks(true, 5, TimeDistribution.lognormal(60, 30), TimeLimit.workingDays(3));
        }

        public AssignedTasks withEnabled(boolean v) {
            return new AssignedTasks(v, perWeek, task, deadline);
        }
    }

    private static void positive(double v, String field) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new ConfigException(field, v + " must be a positive finite number");
        }
    }
}
