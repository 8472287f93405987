package org.gridplan.sim.engine;

/**
 * A configuration that cannot be simulated, with the path of the offending field (for example
 * {@code staffing.workers[3].grid} or {@code surges[0].rateMultiplier}).
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /** An error about {@code field}; the message reads {@code field: problem}. */
    public ConfigException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The path of the offending field. */
    public String field() {
        return field;
    }
}
