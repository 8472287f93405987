package org.gridplan.sim.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadClass;

/**
 * The second stage, the roads: every link between neighbouring junctions of the
 * {@link StreetLattice} is a road, {@link RoadClass#ARTERIAL} on an arterial line and
 * {@link RoadClass#LOCAL} elsewhere, whose length is the straight distance between its
 * junctions. A share of the local links is then removed at random (dead ends, gated compounds),
 * and the removed links that are needed to keep the network connected are put back in the order
 * they were removed. It owns the lattice's links, all east–west links row by row then all
 * north–south links column by column, which is also the order of the roads it returns.
 */
final class LatticeRoads {

    private final StreetLattice lattice;
    private final int edgeCount;
    private final int[] from;
    private final int[] to;
    private final boolean[] arterial;

    /** The links of {@code lattice}, none removed yet. */
    LatticeRoads(StreetLattice lattice) {
        this.lattice = lattice;
        int cols = lattice.cols();
        int rows = lattice.rows();
        edgeCount = rows * (cols + 1) + cols * (rows + 1);
        from = new int[edgeCount];
        to = new int[edgeCount];
        arterial = new boolean[edgeCount];
        int e = 0;
        for (int j = 0; j <= rows; j++) {
            for (int i = 0; i < cols; i++) {
                from[e] = lattice.node(i, j);
                to[e] = lattice.node(i + 1, j);
                arterial[e++] = lattice.arterialRow(j);
            }
        }
        for (int i = 0; i <= cols; i++) {
            for (int j = 0; j < rows; j++) {
                from[e] = lattice.node(i, j);
                to[e] = lattice.node(i, j + 1);
                arterial[e++] = lattice.arterialCol(i);
            }
        }
    }

    /**
     * The roads left when a share {@code missingLinkShare} of the local links, drawn from
     * {@code random}, is removed and the removed links needed for connectivity are put back.
     */
    List<Road> roads(double missingLinkShare, SplittableRandom random) {
        int[] local = new int[edgeCount];
        int localCount = 0;
        for (int k = 0; k < edgeCount; k++) {
            if (!arterial[k]) {
                local[localCount++] = k;
            }
        }
        int remove = (int) Math.round(missingLinkShare * localCount);
        for (int t = 0; t < remove; t++) {
            int pick = t + random.nextInt(localCount - t);
            int tmp = local[t];
            local[t] = local[pick];
            local[pick] = tmp;
        }
        boolean[] removed = new boolean[edgeCount];
        for (int t = 0; t < remove; t++) {
            removed[local[t]] = true;
        }
        UnionFind sets = new UnionFind(lattice.nodeCount());
        for (int k = 0; k < edgeCount; k++) {
            if (!removed[k]) {
                sets.union(from[k], to[k]);
            }
        }
        for (int t = 0; t < remove; t++) {
            int k = local[t];
            if (sets.union(from[k], to[k])) {
                removed[k] = false;
            }
        }
        List<Road> out = new ArrayList<>(edgeCount - remove);
        for (int k = 0; k < edgeCount; k++) {
            if (!removed[k]) {
                double metres = Math.hypot(lattice.x(from[k]) - lattice.x(to[k]),
                        lattice.y(from[k]) - lattice.y(to[k]));
                out.add(new Road(from[k], to[k], metres, arterial[k] ? RoadClass.ARTERIAL : RoadClass.LOCAL));
            }
        }
        return out;
    }

    /** Disjoint sets with path halving and union by size. */
    private static final class UnionFind {
        private final int[] parent;
        private final int[] size;

        UnionFind(int n) {
            parent = new int[n];
            size = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
                size[i] = 1;
            }
        }

        int find(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        /** Joins the sets of {@code a} and {@code b}; false when they were already one. */
        boolean union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return false;
            }
            if (size[ra] < size[rb]) {
                int t = ra;
                ra = rb;
                rb = t;
            }
            parent[rb] = ra;
            size[ra] += size[rb];
            return true;
        }
    }
}
