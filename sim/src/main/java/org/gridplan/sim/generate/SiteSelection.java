package org.gridplan.sim.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.gridplan.sim.model.Site;

/**
 * The fifth stage, candidate branch sites at distinct junctions of the {@link StreetLattice}
 * (block corners): the district is divided into a near-square grid of strata, surplus strata are
 * dropped at random, and each remaining stratum takes one of its free junctions at random, or the
 * free junction nearest its centre when it has none. Its working data are the strata, which
 * junctions fall in each (in junction order), and which junctions are taken. Sites are numbered
 * {@code P001, P002, …} in stratum order, south-west first. It draws from its own random stream,
 * so changing the number of sites leaves the buildings and roads as they were.
 */
final class SiteSelection {

    private final StreetLattice lattice;
    private final int count;

    /** A selection of {@code count} sites on {@code lattice}. */
    SiteSelection(StreetLattice lattice, int count) {
        this.lattice = lattice;
        this.count = count;
    }

    /**
     * Draws the sites from {@code random}.
     *
     * @throws IllegalArgumentException when the lattice has fewer junctions than sites
     */
    List<Site> select(SplittableRandom random) {
        int p = count;
        int nodes = lattice.nodeCount();
        if (p > nodes) {
            throw new IllegalArgumentException(p + " sites need as many junctions, but the lattice has " + nodes);
        }
        List<Site> out = new ArrayList<>(p);
        if (p == 0) {
            return out;
        }
        double width = lattice.width();
        double height = lattice.height();
        int gx = (int) Math.max(1, Math.min(p, Math.round(Math.sqrt(p * width / height))));
        int gy = GeneratorMath.ceilDiv(p, gx);
        boolean[] chosen = GeneratorMath.chooseSlots(gx * gy, p, random);
        // Nodes of each stratum, in node order.
        int strata = gx * gy;
        int[] start = new int[strata + 1];
        int[] stratumOf = new int[nodes];
        for (int v = 0; v < nodes; v++) {
            int cx = Math.max(0, Math.min(gx - 1, (int) (lattice.x(v) / width * gx)));
            int cy = Math.max(0, Math.min(gy - 1, (int) (lattice.y(v) / height * gy)));
            stratumOf[v] = cy * gx + cx;
            start[stratumOf[v] + 1]++;
        }
        for (int s = 0; s < strata; s++) {
            start[s + 1] += start[s];
        }
        int[] members = new int[nodes];
        int[] fill = Arrays.copyOf(start, strata);
        for (int v = 0; v < nodes; v++) {
            members[fill[stratumOf[v]]++] = v;
        }
        boolean[] taken = new boolean[nodes];
        int digits = Math.max(3, Integer.toString(p).length());
        for (int s = 0; s < strata; s++) {
            if (!chosen[s]) {
                continue;
            }
            int free = 0;
            for (int t = start[s]; t < start[s + 1]; t++) {
                free += taken[members[t]] ? 0 : 1;
            }
            int v = -1;
            if (free > 0) {
                int pick = random.nextInt(free);
                for (int t = start[s]; t < start[s + 1] && v < 0; t++) {
                    if (!taken[members[t]] && pick-- == 0) {
                        v = members[t];
                    }
                }
            } else {
                // No free junction in the stratum (strata smaller than blocks): the nearest free one.
                double cx = (s % gx + 0.5) * width / gx;
                double cy = (s / gx + 0.5) * height / gy;
                double best = Double.POSITIVE_INFINITY;
                for (int w = 0; w < nodes; w++) {
                    double d = Math.hypot(lattice.x(w) - cx, lattice.y(w) - cy);
                    if (!taken[w] && d < best) {
                        best = d;
                        v = w;
                    }
                }
            }
            taken[v] = true;
            out.add(new Site("P" + GeneratorMath.pad(out.size() + 1, digits), lattice.x(v), lattice.y(v)));
        }
        return out;
    }
}
