package org.gridplan.sim.agent;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The out-of-hours duty roster (值班): who takes urgent cases when the grid's own workers are off
 * shift. Per unit — a community, or a branch (the grids a branch pool serves) — {@code onDuty}
 * workers are on duty during the duty hours, drawn in nightly rotation from the unit's full-time
 * grid workers or from a separate duty team, and wait at the unit's branch, its community office or
 * at home. Duty workers take urgent cases only (routine cases wait for the next shift); a duty
 * worker drawn from the grid workers is on call at the worker's home when waiting at home, and its
 * busy minutes are that worker's overtime. A rota of grid workers puts at most each of them on duty
 * at once: with fewer grid workers in a unit than {@code onDuty}, all of them are.
 *
 * @param scope    the unit of the roster, or none
 * @param onDuty   workers on duty per unit, at least 1 unless the scope is none
 * @param source   where duty workers come from
 * @param location where they wait
 * @param hours    the duty hours; empty for every hour outside the full-time shift
 */
public record DutyRoster(Scope scope, int onDuty, Source source, Location location, Optional<ShiftPattern> hours) {

    /** The unit a roster is kept per. */
    public enum Scope {
        /** No duty out of hours: urgent cases wait for a shift (or the linkage). */
        NONE,
        /** One roster per community. */
        COMMUNITY,
        /** One roster per branch (party-mass service station): the grids of each branch pool. */
        BRANCH
    }

    /** Where duty workers come from. */
    public enum Source {
        /** The unit's full-time grid workers, in nightly rotation. */
        GRID_WORKERS,
        /** A separate duty team (extra workers, not grid workers). */
        DUTY_TEAM
    }

    /** Where duty workers wait. */
    public enum Location {
        /** At the unit's branch (its pool's base; the community office when there is no pool). */
        BRANCH,
        /** At the community office: the community's building nearest its household-weighted centre. */
        COMMUNITY_OFFICE,
        /** At home: the base building of the grid worker on duty (the community office for a duty team). */
        HOME,
        /**
         * At the unit's central building: the one with the least household-weighted road distance to
         * the unit's households (its 1-median by road, {@code DutyBase}); the community office when
         * travel is off.
         */
        CENTRAL
    }

    public DutyRoster {
        Objects.requireNonNull(scope, "duty.scope");
        Objects.requireNonNull(source, "duty.source");
        Objects.requireNonNull(location, "duty.location");
        Objects.requireNonNull(hours, "duty.hours");
        if (scope != Scope.NONE && onDuty < 1) {
            throw new IllegalArgumentException("duty.onDuty " + onDuty + " must be at least 1");
        }
    }

    /** No duty roster. */
    public static final DutyRoster NONE = new DutyRoster(Scope.NONE, 0, Source.GRID_WORKERS, Location.COMMUNITY_OFFICE,
            Optional.empty());

    /**
     * The field default: one grid worker per community on duty out of hours, in rotation, at the
     * community office. An assumption in the form of the field practice (社区值班); the seeds name
     * duty and emergency teams without a headcount.
     */
    public static DutyRoster defaults() {
        return new DutyRoster(Scope.COMMUNITY, 1, Source.GRID_WORKERS, Location.COMMUNITY_OFFICE, Optional.empty());
    }

    /** Whether anyone is on duty. */
    public boolean active() {
        return scope != Scope.NONE;
    }

    /** A short label, e.g. {@code community ×1 grid-workers at community-office}. */
    public String label() {
        if (!active()) {
            return "none";
        }
        return lower(scope) + " ×" + onDuty + " " + lower(source) + " at " + lower(location);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
