package org.gridplan.optimizer.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A branch-siting problem: open at most {@code maxBranches} branches at candidate sites and assign
 * every demand point to an open branch (the capacitated p-median problem with service-circle and
 * balance objectives).
 *
 * <p>The constructor rejects problems no plan can satisfy with an
 * {@link InfeasibleProblemException} naming the constraint and the shortfall: no candidate sites,
 * p larger than the number of sites, capacities that cannot hold the demand (in total, for one
 * point, or for one community that must share a branch).
 *
 * @param name a label for reports (file name, layout name)
 * @param demandPoints the points to serve, at least one, unique ids
 * @param sites the candidate sites, at least one, unique ids
 * @param distances demand × site distances ({@code distances[i][j]} from point i to site j), finite
 *     and ≥ 0, in {@code unit}; the record keeps its own copy
 * @param unit what the distances measure
 * @param maxBranches p, the most branches that may open (1 ≤ p ≤ number of sites)
 * @param branchCapacity households one branch can serve, when branches have a capacity
 * @param communitySharesBranch whether all points of a community must use the same branch
 * @param circles the service-circle thresholds, in {@code unit}
 * @param weighting how the travel objective weighs each point
 * @param weights the constraint weights
 */
public record SitingProblem(String name, List<DemandPoint> demandPoints, List<CandidateSite> sites,
        double[][] distances, DistanceUnit unit, int maxBranches, OptionalLong branchCapacity,
        boolean communitySharesBranch, ServiceCircles circles, TravelWeighting weighting, SitingWeights weights) {

    /** What a distance matrix measures. */
    public enum DistanceUnit {
        /** Travel time in minutes. */
        MINUTES,
        /** Travel distance in metres. */
        METRES,
        /** A benchmark's own unit (OR-Library edge costs, truncated Euclidean distance). */
        ABSTRACT
    }

    /** Validates and copies; see the type's documentation for the errors. */
    public SitingProblem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(branchCapacity, "branchCapacity");
        Objects.requireNonNull(circles, "circles");
        Objects.requireNonNull(weighting, "weighting");
        Objects.requireNonNull(weights, "weights");
        demandPoints = List.copyOf(demandPoints);
        sites = List.copyOf(sites);
        if (demandPoints.isEmpty()) {
            throw new IllegalArgumentException(name + ": no demand points: at least 1 is needed");
        }
        if (sites.isEmpty()) {
            throw new InfeasibleProblemException("candidate sites", 1, name
                    + ": no candidate sites: at least 1 is needed to open a branch (short by 1 site)");
        }
        requireUniqueIds(name, "demand point", demandPoints.stream().map(DemandPoint::id).toList());
        requireUniqueIds(name, "candidate site", sites.stream().map(CandidateSite::id).toList());
        distances = copyAndCheck(name, distances, demandPoints.size(), sites.size());
        if (maxBranches < 1) {
            throw new InfeasibleProblemException("max branches", 1 - maxBranches, name + ": p = " + maxBranches
                    + " branches: at least 1 branch must open");
        }
        if (maxBranches > sites.size()) {
            throw new InfeasibleProblemException("max branches", maxBranches - sites.size(), String.format(Locale.ROOT,
                    "%s: p = %,d branches but only %,d candidate sites (short by %,d site%s)",
                    name, maxBranches, sites.size(), maxBranches - sites.size(),
                    maxBranches - sites.size() == 1 ? "" : "s"));
        }
        if (branchCapacity.isPresent()) {
            checkCapacity(name, demandPoints, maxBranches, branchCapacity.getAsLong(), communitySharesBranch);
        }
    }

    /** The number of demand points. */
    public int demandCount() {
        return demandPoints.size();
    }

    /** The number of candidate sites. */
    public int siteCount() {
        return sites.size();
    }

    /** The distance from demand point {@code demand} to site {@code site} (indices), in {@link #unit()}. */
    public double distance(int demand, int site) {
        return distances[demand][site];
    }

    /** A copy of the demand × site distance matrix. */
    @Override
    public double[][] distances() {
        double[][] copy = new double[distances.length][];
        for (int i = 0; i < distances.length; i++) {
            copy[i] = distances[i].clone();
        }
        return copy;
    }

    /** The total households over all demand points. */
    public long totalHouseholds() {
        return demandPoints.stream().mapToLong(DemandPoint::households).sum();
    }

    /** The travel weight of demand point {@code i} under {@link #weighting()}. */
    public long travelWeight(int i) {
        return weighting == TravelWeighting.UNIT ? 1 : demandPoints.get(i).households();
    }

    /** This problem with other constraint weights. */
    public SitingProblem withWeights(SitingWeights newWeights) {
        return new SitingProblem(name, demandPoints, sites, distances, unit, maxBranches, branchCapacity,
                communitySharesBranch, circles, weighting, newWeights);
    }

    /** This problem with another p. */
    public SitingProblem withMaxBranches(int p) {
        return new SitingProblem(name, demandPoints, sites, distances, unit, p, branchCapacity,
                communitySharesBranch, circles, weighting, weights);
    }

    /** A builder with the defaults: minutes, 5/15-minute circles, household weighting, default weights. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SitingProblem other)) {
            return false;
        }
        return name.equals(other.name) && demandPoints.equals(other.demandPoints) && sites.equals(other.sites)
                && Arrays.deepEquals(distances, other.distances) && unit == other.unit
                && maxBranches == other.maxBranches && branchCapacity.equals(other.branchCapacity)
                && communitySharesBranch == other.communitySharesBranch && circles.equals(other.circles)
                && weighting == other.weighting && weights.equals(other.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, demandPoints, sites, Arrays.deepHashCode(distances), maxBranches);
    }

    @Override
    public String toString() {
        return "SitingProblem[" + name + ": " + demandPoints.size() + " demand points, " + sites.size()
                + " sites, p = " + maxBranches + ", capacity " + branchCapacity + "]";
    }

    private static void requireUniqueIds(String name, String what, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException(name + ": duplicate " + what + " id " + id);
            }
        }
    }

    private static double[][] copyAndCheck(String name, double[][] d, int rows, int cols) {
        Objects.requireNonNull(d, "distances");
        if (d.length != rows) {
            throw new IllegalArgumentException(name + ": distance matrix has " + d.length + " rows but there are "
                    + rows + " demand points");
        }
        double[][] copy = new double[rows][];
        for (int i = 0; i < rows; i++) {
            if (d[i] == null || d[i].length != cols) {
                throw new IllegalArgumentException(name + ": distance matrix row " + i + " has "
                        + (d[i] == null ? 0 : d[i].length) + " columns but there are " + cols + " candidate sites");
            }
            for (int j = 0; j < cols; j++) {
                if (!Double.isFinite(d[i][j]) || d[i][j] < 0) {
                    throw new IllegalArgumentException(name + ": distance from demand point " + i + " to site " + j
                            + " is " + d[i][j] + "; it must be finite and 0 or more");
                }
            }
            copy[i] = d[i].clone();
        }
        return copy;
    }

    private static void checkCapacity(String name, List<DemandPoint> points, int p, long capacity,
            boolean communitySharesBranch) {
        if (capacity < 0) {
            throw new IllegalArgumentException(name + ": branch capacity " + capacity + " must be 0 or more");
        }
        long total = points.stream().mapToLong(DemandPoint::households).sum();
        long canHold;
        try {
            canHold = Math.multiplyExact(p, capacity);
        } catch (ArithmeticException overflow) {
            canHold = Long.MAX_VALUE;
        }
        if (canHold < total) {
            throw new InfeasibleProblemException("capacity", total - canHold, String.format(Locale.ROOT,
                    "%s: capacity %,d x %,d = %,d households cannot hold %,d households (short by %,d)",
                    name, p, capacity, canHold, total, total - canHold));
        }
        for (DemandPoint point : points) {
            if (point.households() > capacity) {
                throw new InfeasibleProblemException("capacity", point.households() - capacity,
                        String.format(Locale.ROOT,
                        "%s: capacity %,d households of one branch cannot hold demand point %s with %,d households"
                                + " (short by %,d)", name, capacity, point.id(), point.households(),
                        point.households() - capacity));
            }
        }
        if (communitySharesBranch) {
            Map<String, Long> byCommunity = new HashMap<>();
            List<String> order = new ArrayList<>();
            for (DemandPoint point : points) {
                point.community().ifPresent(c -> {
                    if (!byCommunity.containsKey(c)) {
                        order.add(c);
                    }
                    byCommunity.merge(c, point.households(), Long::sum);
                });
            }
            for (String c : order) {
                long h = byCommunity.get(c);
                if (h > capacity) {
                    throw new InfeasibleProblemException("community shares a branch", h - capacity, String.format(
                            Locale.ROOT, "%s: community %s must share one branch but its %,d households exceed the"
                                    + " capacity %,d of one branch (short by %,d)", name, c, h, capacity,
                                            h - capacity));
                }
            }
        }
    }

    /** Builds a {@link SitingProblem}; {@link #build()} validates. */
    public static final class Builder {
        private final String name;
        private List<DemandPoint> demandPoints = List.of();
        private List<CandidateSite> sites = List.of();
        private double[][] distances = new double[0][];
        private DistanceUnit unit = DistanceUnit.MINUTES;
        private int maxBranches = 1;
        private OptionalLong branchCapacity = OptionalLong.empty();
        private boolean communitySharesBranch;
        private ServiceCircles circles = ServiceCircles.MINUTES_5_15;
        private TravelWeighting weighting = TravelWeighting.HOUSEHOLDS;
        private SitingWeights weights = SitingWeights.DEFAULT;

        private Builder(String name) {
            this.name = name;
        }

        /** The demand points, in matrix row order. */
        public Builder demandPoints(List<DemandPoint> value) {
            this.demandPoints = value;
            return this;
        }

        /** The candidate sites, in matrix column order. */
        public Builder sites(List<CandidateSite> value) {
            this.sites = value;
            return this;
        }

        /** The demand × site distance matrix and its unit. */
        public Builder distances(double[][] value, DistanceUnit valueUnit) {
            this.distances = value;
            this.unit = valueUnit;
            return this;
        }

        /** p, the most branches that may open. */
        public Builder maxBranches(int value) {
            this.maxBranches = value;
            return this;
        }

        /** Households one branch can serve. */
        public Builder branchCapacity(long value) {
            this.branchCapacity = OptionalLong.of(value);
            return this;
        }

        /** Whether the points of one community must share a branch. */
        public Builder communitySharesBranch(boolean value) {
            this.communitySharesBranch = value;
            return this;
        }

        /** The service-circle thresholds in the matrix's unit. */
        public Builder circles(ServiceCircles value) {
            this.circles = value;
            return this;
        }

        /** How the travel objective weighs each point. */
        public Builder weighting(TravelWeighting value) {
            this.weighting = value;
            return this;
        }

        /** The constraint weights. */
        public Builder weights(SitingWeights value) {
            this.weights = value;
            return this;
        }

        /** The validated problem. */
        public SitingProblem build() {
            return new SitingProblem(name, demandPoints, sites, distances, unit, maxBranches, branchCapacity,
                    communitySharesBranch, circles, weighting, weights);
        }
    }

    /** The community of demand point {@code i}, if any. */
    public Optional<String> community(int i) {
        return demandPoints.get(i).community();
    }
}
