package org.gridplan.results.stats;

import java.util.Locale;
import org.gridplan.sim.agent.WorkerRole;
import org.gridplan.sim.agent.WorkerType;

/**
 * The kinds of worker a layout's plan counts, for its headcount (what a layout costs): a grid's own
 * full-time workers and professionals, and the part-time, branch-pool, emergency-pool and duty-team
 * workers that back them up.
 */
public enum Staff {
    /** Full-time grid workers, a grid's own (专职网格员). */
    FULL_TIME,
    /** Professionals assigned to a grid (专业力量). */
    PROFESSIONAL,
    /** Part-time grid workers of a community (兼职网格员). */
    PART_TIME,
    /** Workers of a branch pool. */
    BRANCH_POOL,
    /** Workers of a surge's emergency pool. */
    EMERGENCY,
    /** Workers of an out-of-hours duty team. */
    DUTY;

    /** The kind of a worker of {@code type} in {@code role}. */
    public static Staff of(WorkerType type, WorkerRole role) {
        return switch (role) {
            case PRIMARY -> type == WorkerType.PROFESSIONAL ? PROFESSIONAL : type == WorkerType.PART_TIME ? PART_TIME
                    : FULL_TIME;
            case PART_TIME -> PART_TIME;
            case BRANCH_POOL -> BRANCH_POOL;
            case EMERGENCY -> EMERGENCY;
            case DUTY -> DUTY;
        };
    }

    /**
     * The kind of a worker stored as {@code type} and {@code role} in {@code worker_kpis}
     * ({@code full-time}, {@code primary}, ...); FULL_TIME for values it does not know.
     */
    public static Staff of(String type, String role) {
        try {
            return of(WorkerType.valueOf(norm(type)), WorkerRole.valueOf(norm(role)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return FULL_TIME;
        }
    }

    private static String norm(String s) {
        return s.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
