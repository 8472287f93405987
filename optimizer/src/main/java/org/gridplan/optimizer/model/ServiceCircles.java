package org.gridplan.optimizer.model;

/**
 * The service-circle thresholds, in the distance matrix's unit.
 *
 * <p>The defaults, 5 and 15 minutes, are the 5-minute party-mass service circle and the
 * 15-minute public service circle of the Hetang district and Sanya field reports.
 *
 * @param inner the inner circle (default 5 minutes), ≥ 0
 * @param outer the outer circle (default 15 minutes), ≥ inner
 */
public record ServiceCircles(double inner, double outer) {

    /** The 5- and 15-minute circles, for a matrix in minutes. */
    public static final ServiceCircles MINUTES_5_15 = new ServiceCircles(5.0, 15.0);

    /** Validates: finite, 0 ≤ inner ≤ outer. */
    public ServiceCircles {
        if (!Double.isFinite(inner) || !Double.isFinite(outer) || inner < 0 || outer < inner) {
            throw new IllegalArgumentException("service circles must satisfy 0 <= inner <= outer, got inner "
                    + inner + " and outer " + outer);
        }
    }
}
