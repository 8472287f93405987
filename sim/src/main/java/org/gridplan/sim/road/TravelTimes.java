package org.gridplan.sim.road;

import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * Shortest-path travel distances and times between the buildings and sites of a city (any
 * {@link RoadAccess}: the model's {@code City}).
 *
 * <p>A trip walks straight from its start to the start's access node, follows the shortest road
 * path to the end's access node, and walks straight on to the end; between two buildings on the
 * same access node it walks straight across, and a trip to the same building is zero. Road distances come from {@link
 * ShortestPathTrees}: one cached single-source tree per road
 * node (never an all-pairs matrix over buildings), so memory stays bounded for a district of
 * 500,000 households. {@link #warm} precomputes the trees a simulation or optimiser will need
 * (e.g. one per grid base and per branch site) in parallel.
 *
 * <p>Times are distance divided by the {@link TravelMode}'s speed, in minutes.
 */
public final class TravelTimes {

    private final RoadAccess city;
    private final ShortestPathTrees trees;
    /** Trees towards each source, obeying one-way streets; null for travel that ignores them. */
    private final ShortestPathTrees treesTo;
    /** The times that obey one-way streets, made on first use by {@link #forMode}. */
    private TravelTimes obeying;

    /** Travel times over the city's roads with the default cache budget. */
    public TravelTimes(RoadAccess city) {
        this(city, new ShortestPathTrees(city.roads()));
    }

    /** Travel times sharing an existing tree cache (which must be over the city's roads, both ways). */
    public TravelTimes(RoadAccess city, ShortestPathTrees trees) {
        this(city, trees, null);
        if (trees.direction() != ShortestPathTrees.Direction.BOTH_WAYS) {
            throw new IllegalArgumentException("a tree cache that obeys one-way streets needs its reverse too");
        }
    }

    private TravelTimes(RoadAccess city, ShortestPathTrees trees, ShortestPathTrees treesTo) {
        if (trees.network() != city.roads() || (treesTo != null && treesTo.network() != city.roads())) {
            throw new IllegalArgumentException("tree cache is over a different road network");
        }
        this.city = city;
        this.trees = trees;
        this.treesTo = treesTo;
    }

    /**
     * The times for {@code mode}: this when the mode may go either way along every street or no
     * street is one-way; else times that keep to one-way streets (made once, then shared), whose
     * distance from a to b may differ from b to a.
     */
    public TravelTimes forMode(TravelMode mode) {
        if (!mode.obeysOneWay() || !city.roads().hasOneWay() || treesTo != null) {
            return this;
        }
        synchronized (this) {
            if (obeying == null) {
                long half = ShortestPathTrees.DEFAULT_BUDGET_BYTES / 2;
                obeying = new TravelTimes(city, new ShortestPathTrees(city.roads(), half,
                        ShortestPathTrees.Direction.FROM_SOURCE), new ShortestPathTrees(city.roads(), half,
                        ShortestPathTrees.Direction.TO_SOURCE));
            }
            return obeying;
        }
    }

    /** Times over another city with the same roads (e.g. with other candidate sites), sharing these trees. */
    public TravelTimes over(RoadAccess other) {
        return other == city ? this : new TravelTimes(other, trees, treesTo);
    }

    /** Whether these times keep to one-way streets (then distances need not be symmetric). */
    public boolean obeysOneWay() {
        return treesTo != null;
    }

    /**
     * Trees of distances towards each source, obeying one-way streets; null for times that ignore
     * them (where {@link #trees()} answers both ways).
     */
    public ShortestPathTrees treesTo() {
        return treesTo;
    }

    /** The city these times are over: the instance given to the constructor. */
    public RoadAccess city() {
        return city;
    }

    /** Trees of distances from each source (obeying one-way streets when {@link #obeysOneWay}). */
    public ShortestPathTrees trees() {
        return trees;
    }

    /**
     * Road distance in metres between buildings {@code from} and {@code to} (city indices);
     * empty when the road network does not join them.
     */
    public OptionalDouble buildingMetres(int from, int to) {
        return finite(buildingMetresOrInfinity(from, to));
    }

    /** As {@link #buildingMetres} but infinite when unreachable, for loops that should not allocate. */
    public double buildingMetresOrInfinity(int from, int to) {
        return trip(city, from, to, trees.metres(city.accessNode(from), city.accessNode(to)));
    }

    /**
     * The trip rule shared by every distance source: access walk + road metres between the access
     * nodes + access walk; zero to the same building; and between buildings on one access node the
     * straight walk across when it is shorter (neighbours on one block face do not go out to the
     * junction and back, and parts of a split tower are zero apart). Keeps the triangle inequality.
     */
    static double trip(RoadAccess city, int from, int to, double roadMetres) {
        if (from == to) {
            return 0;
        }
        double viaRoad = city.accessMetres(from) + roadMetres + city.accessMetres(to);
        if (city.accessNode(from) == city.accessNode(to)) {
            return Math.min(viaRoad, city.straightMetres(from, to));
        }
        return viaRoad;
    }

    /** Road distance in metres from site {@code site} to building {@code building}; empty when unreachable. */
    public OptionalDouble siteToBuildingMetres(int site, int building) {
        return finite(city.siteAccessMetres(site)
                + trees.metres(city.siteAccessNode(site), city.accessNode(building))
                + city.accessMetres(building));
    }

    /** Road distance in metres between two road nodes; empty when unreachable. */
    public OptionalDouble nodeMetres(int fromNode, int toNode) {
        return finite(trees.metres(fromNode, toNode));
    }

    /** Travel time in minutes between buildings at the mode's speed; empty when unreachable. */
    public OptionalDouble buildingMinutes(int from, int to, TravelMode mode) {
        return minutes(buildingMetres(from, to), mode);
    }

    /** Travel time in minutes from a site to a building at the mode's speed; empty when unreachable. */
    public OptionalDouble siteToBuildingMinutes(int site, int building, TravelMode mode) {
        return minutes(siteToBuildingMetres(site, building), mode);
    }

    /** Converts metres to minutes at the mode's default speed. */
    public static double minutes(double metres, TravelMode mode) {
        return metres / mode.metresPerMinute();
    }

    /**
     * Computes the trees for the given road nodes ahead of use, in parallel, so later look-ups
     * from them never search. Returns the number of distinct sources warmed.
     */
    public int warm(int[] sourceNodes) {
        int[] distinct = IntStream.of(sourceNodes).distinct().toArray();
        IntStream.of(distinct).parallel().forEach(trees::from);
        return distinct.length;
    }

    private static OptionalDouble minutes(OptionalDouble metres, TravelMode mode) {
        return metres.isPresent() ? OptionalDouble.of(minutes(metres.getAsDouble(), mode)) : OptionalDouble.empty();
    }

    private static OptionalDouble finite(double metres) {
        return Double.isFinite(metres) ? OptionalDouble.of(metres) : OptionalDouble.empty();
    }
}
