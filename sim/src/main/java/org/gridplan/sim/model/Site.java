package org.gridplan.sim.model;

import java.util.Objects;

/**
 * A candidate site for a service branch (grid party branch / party-mass service station,
 * 网格党支部 / 党群服务站).
 *
 * @param id unique site identifier, non-blank
 * @param x  easting in metres
 * @param y  northing in metres
 */
public record Site(String id, double x, double y) {

    public Site {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("site id is blank");
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("site " + id + ": position (" + x + ", " + y + ") is not finite");
        }
    }
}
