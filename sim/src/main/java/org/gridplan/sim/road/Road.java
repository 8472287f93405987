package org.gridplan.sim.road;

/**
 * A road segment between two nodes of a {@link RoadNetwork}.
 *
 * <p>A one-way segment may be ridden only from {@code from} to {@code to}: travel that keeps to one-way
 * streets ({@link TravelMode#obeysOneWay}, the e-bike) takes it in that direction only, walking takes it
 * both ways. The city file writes it so ({@code "oneway": true}).
 *
 * @param from      index of one end node (the start of a one-way segment)
 * @param to        index of the other end node, different from {@code from}
 * @param metres    length along the road, positive
 * @param roadClass local street or arterial
 * @param oneWay    whether traffic that obeys direction may only go from {@code from} to {@code to}
 */
public record Road(int from, int to, double metres, RoadClass roadClass, boolean oneWay) {

    public Road {
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("road " + from + "-" + to + ": negative node index");
        }
        if (from == to) {
            throw new IllegalArgumentException("road " + from + "-" + to + ": a road must join two different nodes");
        }
        if (!(metres > 0) || !Double.isFinite(metres)) {
            throw new IllegalArgumentException("road " + from + "-" + to + ": length " + metres + " m is not positive");
        }
        if (roadClass == null) {
            throw new IllegalArgumentException("road " + from + "-" + to + ": missing road class");
        }
    }

    /** A two-way segment. */
    public Road(int from, int to, double metres, RoadClass roadClass) {
        this(from, to, metres, roadClass, false);
    }
}
