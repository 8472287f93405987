package org.gridplan.optimizer.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A demand point to be served by a branch: in gridplan a grid, in the benchmarks a vertex.
 *
 * @param id unique among the problem's demand points
 * @param households households living there (≥ 0); the branch capacity, the service-circle
 *     shares and the balance count these; the travel objective weighs by them unless the problem
 *     uses {@link TravelWeighting#UNIT}
 * @param community the community (社区) the point belongs to, used by the "community shares a
 *     branch" rule; empty when the point belongs to none
 */
public record DemandPoint(String id, long households, Optional<String> community) {

    /** Validates: non-blank id, non-negative households. */
    public DemandPoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(community, "community");
        if (id.isBlank()) {
            throw new IllegalArgumentException("demand point id must not be blank");
        }
        if (households < 0) {
            throw new IllegalArgumentException("demand point " + id + " has " + households
                    + " households; it must be 0 or more");
        }
    }

    /** A demand point that belongs to no community. */
    public static DemandPoint of(String id, long households) {
        return new DemandPoint(id, households, Optional.empty());
    }

    /** A demand point in a community. */
    public static DemandPoint of(String id, long households, String community) {
        return new DemandPoint(id, households, Optional.of(community));
    }
}
