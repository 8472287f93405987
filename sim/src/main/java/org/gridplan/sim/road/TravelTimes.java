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

    /** Travel times over the city's roads with the default cache budget. */
    public TravelTimes(RoadAccess city) {
        this(city, new ShortestPathTrees(city.roads()));
    }

    /** Travel times sharing an existing tree cache (which must be over the city's roads). */
    public TravelTimes(RoadAccess city, ShortestPathTrees trees) {
        if (trees.network() != city.roads()) {
            throw new IllegalArgumentException("tree cache is over a different road network");
        }
        this.city = city;
        this.trees = trees;
    }

    /** The city these times are over: the instance given to the constructor. */
    public RoadAccess city() {
        return city;
    }

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
