package org.gridplan.scenarios.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridplan.scenarios.spec.RunSettings;
import org.gridplan.scenarios.spec.Scenario.Optimise;
import org.gridplan.scenarios.spec.StaffingSpec;
import org.gridplan.sim.agent.BranchPool;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;

/**
 * The staffing plan of the field standard, without optimisation (it needs only the request's
 * {@link StaffingSpec}): in every grid
 * {@code fullTimePerGrid} full-time workers (Jidong county: one per grid), based at the grid's
 * building nearest its household-weighted centre ({@link Staffing#baseBuildings}); professionals
 * spread evenly over the grids; {@code partTimePerCommunity} part-time workers per community,
 * assigned round-robin to its grids in id order; and, when asked, one branch pool per community
 * backing up the community's grids, based at the base of its first grid. The plan carries the
 * request's out-of-hours duty roster ({@link StaffingSpec#duty()}).
 *
 * <p>Worker ids: {@code FT-<grid>} (further full-time workers {@code FT-<grid>-2}, ...),
 * {@code PRO-<grid>-<n>}, {@code PT-<community>-<n>}; pools {@code BP-<community>}. With one
 * full-time worker per grid and no professionals or pools, the plan equals
 * {@link Staffing#oneFullTimePerGrid}.
 */
public final class FieldStandardStaffing implements StaffingPlanner {

    @Override
    public Optimise capabilities() {
        return Optimise.NONE;
    }

    @Override
    public Staffing plan(City city, GridLayout layout, RunSettings settings, Optimise optimise) {
        if (optimise.branches() || optimise.workers()) {
            throw new IllegalArgumentException("optimise: the field-standard planner optimises nothing");
        }
        return plan(city, layout, settings.staffing());
    }

    /** The field standard's plan of {@code spec} for {@code layout} of {@code city}. */
    public Staffing plan(City city, GridLayout layout, StaffingSpec spec) {
        Map<String, String> bases = Staffing.baseBuildings(city, layout);
        List<String> grids = new ArrayList<>(bases.keySet());
        List<WorkerSpec> workers = new ArrayList<>();
        Map<String, List<String>> gridsOfCommunity = new TreeMap<>();
        for (String grid : grids) {
            for (int k = 1; k <= spec.fullTimePerGrid(); k++) {
                workers.add(new WorkerSpec(k == 1 ? "FT-" + grid : "FT-" + grid + "-" + k, WorkerType.FULL_TIME, grid,
                        bases.get(grid), spec.fullTimeShift()));
            }
            gridsOfCommunity.computeIfAbsent(layout.communityOfGrid().get(grid), c -> new ArrayList<>()).add(grid);
        }
        int professionals = (int) Math.round(spec.professionalsPerGrid() * grids.size());
        for (int j = 0; j < professionals; j++) {
            String grid = grids.get((int) ((long) j * grids.size() / professionals));
            workers.add(new WorkerSpec("PRO-" + grid + "-" + (j + 1), WorkerType.PROFESSIONAL, grid, bases.get(grid),
                    spec.fullTimeShift()));
        }
        List<BranchPool> pools = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : gridsOfCommunity.entrySet()) {
            List<String> own = e.getValue();
            for (int k = 0; k < spec.partTimePerCommunity(); k++) {
                String grid = own.get(k % own.size());
                workers.add(new WorkerSpec("PT-" + e.getKey() + "-" + (k + 1), WorkerType.PART_TIME, grid,
                        bases.get(grid), spec.partTimeShift()));
            }
            if (spec.branchPoolPerCommunity() > 0) {
                pools.add(new BranchPool("BP-" + e.getKey(), bases.get(own.get(0)), own, spec.branchPoolPerCommunity(),
                        spec.poolShift()));
            }
        }
        return new Staffing(workers, pools).withDuty(spec.duty());
    }
}
