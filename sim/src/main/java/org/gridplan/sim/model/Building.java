package org.gridplan.sim.model;

import java.util.Objects;

/**
 * A residential building: the smallest unit a grid layout assigns.
 *
 * <p>Position is in metres on the district's planar coordinate system. Households and units
 * (单元, stairwells) are counts; a building belongs to one community (社区), which belongs to one
 * street (街道), following the six-level hierarchy district–street–community–grid–building–unit
 * of the field reports (Saihan district).
 *
 * @param id          unique building identifier, non-blank
 * @param x           easting in metres
 * @param y           northing in metres
 * @param households  number of households, at least 1
 * @param units       number of units (stairwells), at least 1
 * @param street      street (街道) identifier
 * @param community   community (社区) identifier
 */
public record Building(String id, double x, double y, int households, int units, String street, String community) {

    public Building {
        requireId(id, "id");
        requireId(street, "street");
        requireId(community, "community");
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("building " + id + ": position (" + x + ", " + y + ") is not finite");
        }
        if (households < 1) {
            throw new IllegalArgumentException("building " + id + ": households " + households + " < 1");
        }
        if (units < 1) {
            throw new IllegalArgumentException("building " + id + ": units " + units + " < 1");
        }
    }

    private static void requireId(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException("building " + field + " is blank");
        }
    }

    /** Euclidean distance to another building, in metres. */
    public double distanceTo(Building other) {
        return Math.hypot(x - other.x, y - other.y);
    }
}
