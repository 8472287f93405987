package org.gridplan.results.stats;

import java.util.Objects;
import org.gridplan.sim.engine.Breakdown;

/**
 * One part of a run's cases, to explain the headline figures: a category, or the cases that became
 * known within the working hours or outside them ({@link Breakdown}). Times are minutes, shares
 * fractions in [0, 1]; NaN where nothing was measured.
 *
 * @param kind           a category or a time part
 * @param name           the category's name, or {@link #WORKING_HOURS} / {@link #OUT_OF_HOURS}
 * @param urgent         whether the category is urgent (false for the time parts)
 * @param known          cases known
 * @param reached        of which reached
 * @param responseMean   mean response, minutes, over the reached cases
 * @param responseP50    median response, minutes
 * @param responseP90    90th percentile of response, minutes
 * @param onTimeResponse share of judged cases reached within their response limit
 * @param onTimeClosure  share of judged cases closed within their closure limit
 */
public record CasePart(Kind kind, String name, boolean urgent, double known, double reached, double responseMean,
        double responseP50, double responseP90, double onTimeResponse, double onTimeClosure) {

    /** The name of the cases known within the working hours. */
    public static final String WORKING_HOURS = "working-hours";
    /** The name of the cases known outside the working hours. */
    public static final String OUT_OF_HOURS = "out-of-hours";

    /** What a part splits the cases by. */
    public enum Kind {
        /** An incident category of the catalog. */
        CATEGORY,
        /** Known within the working hours or outside them. */
        HOURS;

        /** The stored name: {@code category} or {@code hours}. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The kind stored as {@code key}; empty-handed callers get an exception. */
        public static Kind of(String key) {
            return valueOf(key.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public CasePart {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** The part of an engine breakdown. */
    public static CasePart of(Kind kind, Breakdown.Part p) {
        return new CasePart(kind, p.name(), p.urgent(), p.known(), p.reached(), p.response().mean(),
                p.response().p50(), p.response().p90(), p.onTimeResponseShare(), p.onTimeClosureShare());
    }
}
