package org.gridplan.results.store;

/**
 * A results database that belongs to another batch (a different scenario hash): resuming into it
 * would mix runs of two scenarios, so it is refused.
 */
public final class StoreMismatchException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** A refusal with a message saying what differs and what to do. */
    public StoreMismatchException(String message) {
        super(message);
    }
}
