package org.gridplan.scenarios.layout;

import java.util.Objects;

/**
 * Thrown when a city cannot be divided into grids under the given rules: a community (or a
 * part of one cut off from the rest) with fewer households than a grid's minimum, a household
 * count no number of grids can divide within the bounds, or a building larger than the maximum
 * while splitting is off. The message names the community or building and the numbers.
 */
public final class LayoutInfeasibleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String subject;

    /**
     * Creates the exception.
     *
     * @param subject the community or building id the problem is about
     * @param message the full sentence, starting with the subject
     */
    public LayoutInfeasibleException(String subject, String message) {
        super(message);
        this.subject = Objects.requireNonNull(subject, "subject");
    }

    /** The community or building id the problem is about, e.g. {@code C12} or {@code B000123}. */
    public String subject() {
        return subject;
    }
}
