package org.gridplan.sim.road;

/**
 * Numbered buildings and sites attached to a road network: what travel on the roads needs to know
 * of a district. Each building and site hangs off one road node, its access node, and a trip walks
 * the straight access distance to it at each end. Implemented by {@code sim.model.City}; this
 * package knows only the interface, so the road network stays free of the model.
 */
public interface RoadAccess {

    /** The road network the buildings and sites are attached to. */
    RoadNetwork roads();

    /** The road node building {@code building} (an index) is attached to. */
    int accessNode(int building);

    /** Straight-line metres from building {@code building} to its access node. */
    double accessMetres(int building);

    /** The road node site {@code site} (an index) is attached to. */
    int siteAccessNode(int site);

    /** Straight-line metres from site {@code site} to its access node. */
    double siteAccessMetres(int site);

    /** Straight-line metres between buildings {@code from} and {@code to} (indices). */
    double straightMetres(int from, int to);
}
