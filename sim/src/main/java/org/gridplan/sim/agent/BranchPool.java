package org.gridplan.sim.agent;

import java.util.List;
import java.util.Objects;

/**
 * A pool of workers at a service branch (grid party branch / party-mass service station) who back
 * up the grids the branch serves when their own workers are busy.
 *
 * @param id           pool id; its workers are named {@code id#1}, {@code id#2}, ...
 * @param baseBuilding id of the building the pool works from
 * @param grids        the grids served; empty means every grid
 * @param workers      number of workers, at least 1
 * @param shift        when the pool is on duty
 */
public record BranchPool(String id, String baseBuilding, List<String> grids, int workers, ShiftPattern shift) {

    public BranchPool {
        Objects.requireNonNull(id, "pool id");
        Objects.requireNonNull(baseBuilding, "pool " + id + ": baseBuilding");
        Objects.requireNonNull(shift, "pool " + id + ": shift");
        grids = List.copyOf(grids);
        if (workers < 1) {
            throw new IllegalArgumentException("pool " + id + ": workers " + workers + " < 1");
        }
    }
}
