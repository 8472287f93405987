package org.gridplan.optimizer.solver;

import org.gridplan.optimizer.domain.BranchSite;
import org.gridplan.optimizer.domain.DemandAssignment;
import org.optaplanner.core.impl.heuristic.selector.common.nearby.NearbyDistanceMeter;

/**
 * The nearby distance from a demand point to a site: their distance in the matrix, so change moves
 * mostly try the sites close to a grid.
 */
public class DemandSiteDistanceMeter implements NearbyDistanceMeter<DemandAssignment, BranchSite> {

    @Override
    public double getNearbyDistance(DemandAssignment origin, BranchSite destination) {
        return origin.distanceTo(destination);
    }
}
