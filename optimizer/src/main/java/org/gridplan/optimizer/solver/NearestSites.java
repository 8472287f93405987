package org.gridplan.optimizer.solver;

import java.util.Arrays;
import java.util.List;
import org.gridplan.optimizer.domain.DemandAssignment;

/**
 * For every demand point, the candidate sites in order of increasing travel cost (ties by site
 * index), so "nearest open site" is a short scan.
 */
final class NearestSites {

    private final int[][] order;

    private NearestSites(int[][] order) {
        this.order = order;
    }

    /** The orders for the given assignments (indexed by {@link DemandAssignment#getIndex()}). */
    static NearestSites of(List<DemandAssignment> assignments) {
        int[][] order = new int[assignments.size()][];
        for (DemandAssignment a : assignments) {
            int m = a.siteCount();
            long[] keys = new long[m];
            for (int j = 0; j < m; j++) {
                // cost in the high bits, index in the low 21 bits: one primitive sort, ties by index
                keys[j] = (Math.min(a.costTo(j), (1L << 41) - 1) << 21) | j;
            }
            Arrays.sort(keys);
            int[] sorted = new int[m];
            for (int j = 0; j < m; j++) {
                sorted[j] = (int) (keys[j] & ((1 << 21) - 1));
            }
            order[a.getIndex()] = sorted;
        }
        return new NearestSites(order);
    }

    /** Site indices for demand point {@code demandIndex}, nearest first; do not modify. */
    int[] of(int demandIndex) {
        return order[demandIndex];
    }
}
