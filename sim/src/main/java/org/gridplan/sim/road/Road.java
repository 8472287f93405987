package org.gridplan.sim.road;

/**
 * An undirected road segment between two nodes of a {@link RoadNetwork}.
 *
 * @param from   index of one end node
 * @param to     index of the other end node, different from {@code from}
 * @param metres length along the road, positive
 * @param roadClass  local street or arterial
 */
public record Road(int from, int to, double metres, RoadClass roadClass) {

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
}
