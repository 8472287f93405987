package org.gridplan.optimizer.model;

import java.util.Objects;

/**
 * A planning problem (branch siting, staffing) that no plan can satisfy: the message names the
 * constraint that cannot be met and by how much, e.g. {@code capacity 3 x 1,200 = 3,600
 * households cannot hold 4,100 households (short by 500)}.
 */
public class InfeasibleProblemException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String constraint;
    private final long shortfall;

    /**
     * An error for one constraint.
     *
     * @param constraint the constraint's name, e.g. {@code "capacity"}
     * @param shortfall by how much it cannot be met, in the constraint's unit (0 when not a count)
     * @param message the full message, naming the constraint and the shortfall
     */
    public InfeasibleProblemException(String constraint, long shortfall, String message) {
        super(message);
        this.constraint = Objects.requireNonNull(constraint, "constraint");
        this.shortfall = shortfall;
    }

    /** The name of the constraint that cannot be met, e.g. {@code "capacity"}. */
    public String constraint() {
        return constraint;
    }

    /** By how much the constraint cannot be met (households, sites, ...); 0 when not a count. */
    public long shortfall() {
        return shortfall;
    }
}
