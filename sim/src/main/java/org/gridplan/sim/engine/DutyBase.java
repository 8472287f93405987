package org.gridplan.sim.engine;

import org.gridplan.sim.model.City;
import org.gridplan.sim.road.TravelTimes;

/**
 * Where a duty roster with {@link org.gridplan.sim.agent.DutyRoster.Location#CENTRAL} waits: the
 * building of its unit with the least household-weighted road distance to the unit's households
 * (the unit's 1-median by road), so that the mean trip to an out-of-hours urgent case, which comes
 * from a household drawn in proportion to households, is shortest. The simulator and the
 * field-regime model both place the duty there.
 */
public final class DutyBase {

    private DutyBase() {
    }

    /**
     * The central building of {@code members} (city building indices): the one whose summed road
     * metres to every member, weighted by the member's households, are least; ties to the lowest
     * index, so the order of {@code members} does not matter. A member the roads do not reach from a
     * candidate makes that candidate's sum infinite; when every candidate's is, the lowest index.
     *
     * @throws IllegalArgumentException when {@code members} is empty
     */
    public static int central(City city, int[] members, TravelTimes travel) {
        if (members.length == 0) {
            throw new IllegalArgumentException("a duty unit without buildings has no central building");
        }
        int best = -1;
        double bestSum = Double.POSITIVE_INFINITY;
        for (int b : members) {
            double sum = 0;
            for (int h : members) {
                long households = city.buildings().get(h).households();
                if (households > 0) {
                    sum += households * travel.buildingMetresOrInfinity(b, h);
                }
                if (sum > bestSum) {
                    break;
                }
            }
            if (sum < bestSum || (sum == bestSum && (best < 0 || b < best))) {
                bestSum = sum;
                best = b;
            }
        }
        if (best < 0 || bestSum == Double.POSITIVE_INFINITY) {
            int lowest = members[0];
            for (int b : members) {
                lowest = Math.min(lowest, b);
            }
            return best < 0 ? lowest : best;
        }
        return best;
    }
}
