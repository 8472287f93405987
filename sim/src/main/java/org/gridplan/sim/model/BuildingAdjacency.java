package org.gridplan.sim.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridplan.sim.graph.CsrGraph;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.triangulate.DelaunayTriangulationBuilder;

/**
 * Which buildings are neighbours, for the rule that a grid must be contiguous.
 *
 * <p>Two buildings are adjacent when their Thiessen (Voronoi) cells share an edge, that is when
 * they are joined by an edge of the Delaunay triangulation of building positions (computed with
 * JTS). This is the usual contiguity for point data in regionalisation (Thiessen-polygon
 * contiguity), it needs no parcel outlines, and it is connected for any set of buildings.
 * Buildings at the same position, to the millimetre (sub-buildings of a split tower), are
 * adjacent to each other and share the neighbours of that position.
 */
public final class BuildingAdjacency {

    private final CsrGraph graph;

    private BuildingAdjacency(CsrGraph graph) {
        this.graph = graph;
    }

    /** Builds the adjacency of a city's buildings. */
    public static BuildingAdjacency of(City city) {
        List<Building> buildings = city.buildings();
        int n = buildings.size();
        Map<Coordinate, Integer> groupOf = new HashMap<>(n * 2);
        List<Coordinate> sites = new ArrayList<>();
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            // Positions are snapped to the millimetre: points a rounding error apart make the
            // triangulation fail, and no two real buildings are a millimetre apart. Adding 0.0
            // turns -0.0 into 0.0: Coordinate.equals treats them as one position but hashCode
            // does not, and a position split in two would leave a building isolated.
            Coordinate c = new Coordinate(snap(buildings.get(i).x()), snap(buildings.get(i).y()));
            Integer g = groupOf.get(c);
            if (g == null) {
                g = sites.size();
                groupOf.put(c, g);
                sites.add(c);
            }
            group[i] = g;
        }
        int groups = sites.size();
        List<int[]> groupEdges = new ArrayList<>();
        if (groups == 2) {
            groupEdges.add(new int[] {0, 1});
        } else if (groups > 2) {
            DelaunayTriangulationBuilder builder = new DelaunayTriangulationBuilder();
            builder.setSites(sites);
            Geometry edges = builder.getEdges(new GeometryFactory());
            for (int k = 0; k < edges.getNumGeometries(); k++) {
                Coordinate[] cs = edges.getGeometryN(k).getCoordinates();
                Integer a = groupOf.get(new Coordinate(cs[0].x, cs[0].y));
                Integer b = groupOf.get(new Coordinate(cs[cs.length - 1].x, cs[cs.length - 1].y));
                if (a != null && b != null && !a.equals(b)) {
                    groupEdges.add(new int[] {a, b});
                }
            }
        }
        // Members of each position group.
        int[] gStart = new int[groups + 1];
        for (int i = 0; i < n; i++) {
            gStart[group[i] + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            gStart[g + 1] += gStart[g];
        }
        int[] gMembers = new int[n];
        int[] fill = Arrays.copyOf(gStart, groups);
        for (int i = 0; i < n; i++) {
            gMembers[fill[group[i]]++] = i;
        }
        List<List<Integer>> groupNbrs = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            groupNbrs.add(new ArrayList<>(6));
        }
        for (int[] e : groupEdges) {
            groupNbrs.get(e[0]).add(e[1]);
            groupNbrs.get(e[1]).add(e[0]);
        }
        int[][] lists = new int[n][];
        for (int i = 0; i < n; i++) {
            int g = group[i];
            BitSet seen = new BitSet();
            List<Integer> out = new ArrayList<>();
            for (int k = gStart[g]; k < gStart[g + 1]; k++) {
                if (gMembers[k] != i) {
                    out.add(gMembers[k]);
                }
            }
            for (int h : groupNbrs.get(g)) {
                if (seen.get(h)) {
                    continue;
                }
                seen.set(h);
                for (int k = gStart[h]; k < gStart[h + 1]; k++) {
                    out.add(gMembers[k]);
                }
            }
            lists[i] = out.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return new BuildingAdjacency(CsrGraph.ofLists(lists));
    }

    private static double snap(double metres) {
        return Math.rint(metres * 1000) / 1000 + 0.0;
    }

    /** Number of buildings. */
    public int size() {
        return graph.nodeCount();
    }

    /** Neighbours of building {@code i}, sorted ascending. A fresh copy. */
    public int[] neighbours(int i) {
        return graph.neighbours(i);
    }

    /** Number of neighbours of building {@code i}. */
    public int degree(int i) {
        return graph.degree(i);
    }

    /** The {@code k}-th neighbour of building {@code i}, for loops that should not allocate. */
    public int neighbour(int i, int k) {
        return graph.neighbour(i, k);
    }

    /** The adjacency as a compressed graph on building indices, each building's neighbours ascending. */
    public CsrGraph graph() {
        return graph;
    }

    /**
     * The connected components of the subgraph induced by {@code members}, each sorted, largest
     * first (ties by smallest member). One component means the members are contiguous.
     */
    public List<int[]> components(int[] members) {
        // 0: not a member, 1: a member not yet reached, 2: reached.
        int[] state = new int[size()];
        for (int m : members) {
            state[m] = 1;
        }
        List<int[]> out = new ArrayList<>();
        int[] queue = new int[members.length];
        for (int start : members) {
            if (state[start] == 1) {
                int count = graph.flood(start, state, 1, 2, queue);
                int[] comp = Arrays.copyOf(queue, count);
                Arrays.sort(comp);
                out.add(comp);
            }
        }
        out.sort((a, b) -> a.length != b.length ? Integer.compare(b.length, a.length) : Integer.compare(a[0], b[0]));
        return out;
    }
}
