package org.gridplan.sim.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private final int[] offsets;
    private final int[] neighbours;

    private BuildingAdjacency(int[] offsets, int[] neighbours) {
        this.offsets = offsets;
        this.neighbours = neighbours;
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
        int[] offsets = new int[n + 1];
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
            offsets[i + 1] = offsets[i] + lists[i].length;
        }
        int[] nbrs = new int[offsets[n]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(lists[i], 0, nbrs, offsets[i], lists[i].length);
        }
        return new BuildingAdjacency(offsets, nbrs);
    }

    private static double snap(double metres) {
        return Math.rint(metres * 1000) / 1000 + 0.0;
    }

    /** Number of buildings. */
    public int size() {
        return offsets.length - 1;
    }

    /** Neighbours of building {@code i}, sorted ascending. A fresh copy. */
    public int[] neighbours(int i) {
        return Arrays.copyOfRange(neighbours, offsets[i], offsets[i + 1]);
    }

    /** Number of neighbours of building {@code i}. */
    public int degree(int i) {
        return offsets[i + 1] - offsets[i];
    }

    /** The {@code k}-th neighbour of building {@code i}, for loops that should not allocate. */
    public int neighbour(int i, int k) {
        return neighbours[offsets[i] + k];
    }

    /**
     * The connected components of the subgraph induced by {@code members}, each sorted, largest
     * first (ties by smallest member). One component means the members are contiguous.
     */
    public List<int[]> components(int[] members) {
        BitSet in = new BitSet(size());
        for (int m : members) {
            in.set(m);
        }
        BitSet seen = new BitSet(size());
        List<int[]> out = new ArrayList<>();
        int[] stack = new int[members.length];
        for (int start : members) {
            if (seen.get(start)) {
                continue;
            }
            List<Integer> comp = new ArrayList<>();
            int top = 0;
            stack[top++] = start;
            seen.set(start);
            while (top > 0) {
                int u = stack[--top];
                comp.add(u);
                for (int k = offsets[u]; k < offsets[u + 1]; k++) {
                    int v = neighbours[k];
                    if (in.get(v) && !seen.get(v)) {
                        seen.set(v);
                        stack[top++] = v;
                    }
                }
            }
            out.add(comp.stream().mapToInt(Integer::intValue).sorted().toArray());
        }
        out.sort((a, b) -> a.length != b.length ? Integer.compare(b.length, a.length) : Integer.compare(a[0], b[0]));
        return out;
    }
}
