package org.gridplan.sim.engine;

import java.util.Objects;
import java.util.Optional;
import org.gridplan.sim.road.TravelMode;

/**
 * How workers move: along the city's road network at a travel mode's speed, or not at all (zero
 * travel time, for the queueing validation).
 *
 * @param mode the travel mode on the road network; empty for zero travel
 */
public record TravelModel(Optional<TravelMode> mode) {

    public TravelModel {
        Objects.requireNonNull(mode, "travel.mode");
    }

    /** Zero travel: every trip takes no time and no distance. */
    public static TravelModel none() {
        return new TravelModel(Optional.empty());
    }

    /** Shortest road paths at the mode's speed. */
    public static TravelModel road(TravelMode mode) {
        return new TravelModel(Optional.of(mode));
    }

    /** Whether trips take no time. */
    public boolean isNone() {
        return mode.isEmpty();
    }

    /** Speed in metres per minute; infinite for zero travel. */
    public double metresPerMinute() {
        return mode.map(TravelMode::metresPerMinute).orElse(Double.POSITIVE_INFINITY);
    }
}
