package org.gridplan.sim.model;

/**
 * One way a layout breaks a {@link LayoutRules} rule.
 *
 * @param rule    the rule broken
 * @param subject the grid or building concerned, e.g. {@code C07-G12}
 * @param message the full sentence with the numbers, e.g. {@code grid C07-G12: 612 households > max 500}
 */
public record Violation(Rule rule, String subject, String message) {

    /** The layout rules. */
    public enum Rule {
        /** Every building of the city is in a grid. */
        UNASSIGNED_BUILDING,
        /** The layout names only buildings the city has. */
        UNKNOWN_BUILDING,
        /** A grid has at least the minimum households. */
        TOO_FEW_HOUSEHOLDS,
        /** A grid has at most the maximum households. */
        TOO_MANY_HOUSEHOLDS,
        /** A grid's buildings are connected on the building adjacency graph. */
        NOT_CONTIGUOUS,
        /** A grid's buildings all belong to the grid's community, unless crossing is allowed. */
        CROSSES_COMMUNITY,
        /** A grid has at least one building. */
        EMPTY_GRID
    }

    @Override
    public String toString() {
        return message;
    }
}
