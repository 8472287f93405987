package org.gridplan.sim.engine;

import java.util.List;

/**
 * The district's cases split two ways, to explain the headline figures: by category, and by when
 * they became known — within the working hours (the simulation's {@code workingHours}, by default
 * 08:30–17:30 Monday to Friday) or outside them, when routine cases wait for the next shift.
 *
 * @param categories  one entry per category of the catalog, in catalog order
 * @param workingHours cases known within the working hours
 * @param outOfHours  cases known outside them
 */
public record Breakdown(List<Part> categories, Part workingHours, Part outOfHours) {

    /** Nothing measured. */
    public static final Breakdown EMPTY = new Breakdown(List.of(), Part.EMPTY, Part.EMPTY);

    public Breakdown {
        categories = List.copyOf(categories);
    }

    /**
     * The figures of one part of the cases.
     *
     * @param name                 the category's name, or {@code working-hours} / {@code out-of-hours}
     * @param urgent               whether the category is urgent (false for the two time parts)
     * @param known                cases known (reported or discovered)
     * @param reached              of which a worker or a linked professional reached by the end
     * @param response             known → first arrival, minutes, over reached cases
     * @param onTimeResponseShare  share of judged cases reached within their response limit
     * @param onTimeClosureShare   share of judged cases closed within their closure limit
     */
    public record Part(String name, boolean urgent, long known, long reached, Stats response,
            double onTimeResponseShare, double onTimeClosureShare) {

        /** Nothing measured. */
        public static final Part EMPTY = new Part("", false, 0, 0, Stats.EMPTY, Double.NaN, Double.NaN);
    }
}
