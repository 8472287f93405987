package org.gridplan.sim.agent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;

/**
 * A staffing plan: the grid workers and the branch pools.
 *
 * <p>Whether the plan fits a city and layout (known grids and buildings, a primary worker in
 * every grid with demand) is checked when a simulation is built, with errors naming the field.
 *
 * @param workers grid workers, ids unique
 * @param pools   branch pools, ids unique; may be empty
 * @param duty    the out-of-hours duty roster
 */
public record Staffing(List<WorkerSpec> workers, List<BranchPool> pools, DutyRoster duty) {

    /** A plan without an out-of-hours duty roster. */
    public Staffing(List<WorkerSpec> workers, List<BranchPool> pools) {
        this(workers, pools, DutyRoster.NONE);
    }

    public Staffing {
        java.util.Objects.requireNonNull(duty, "duty");
        workers = List.copyOf(workers);
        pools = List.copyOf(pools);
        Set<String> ids = new HashSet<>();
        for (WorkerSpec w : workers) {
            if (!ids.add(w.id())) {
                throw new IllegalArgumentException("staffing.workers: duplicate worker id " + w.id());
            }
        }
        Set<String> poolIds = new HashSet<>();
        for (BranchPool p : pools) {
            if (!poolIds.add(p.id())) {
                throw new IllegalArgumentException("staffing.pools: duplicate pool id " + p.id());
            }
        }
    }

    /** A plan of the given workers and no pools. */
    public static Staffing of(List<WorkerSpec> workers) {
        return new Staffing(workers, List.of());
    }

    /** This plan with a branch pool added. */
    public Staffing withPool(BranchPool pool) {
        List<BranchPool> p = new ArrayList<>(pools);
        p.add(pool);
        return new Staffing(workers, p, duty);
    }

    /** This plan with another duty roster. */
    public Staffing withDuty(DutyRoster roster) {
        return new Staffing(workers, pools, roster);
    }

    /**
     * The field standard: one full-time worker per grid (Jidong county: 633 grids, 633 full-time
     * workers) on {@link ShiftPattern#WEEKDAY_DAY}, based at the grid's building nearest its
     * household-weighted centroid, plus {@code partTimePerCommunity} part-time workers per
     * community on {@link ShiftPattern#PART_TIME}, assigned round-robin to the community's grids
     * (in grid id order) and based at those grids' bases. Jidong's 1,508 part-time workers for 633
     * grids are about 2.4 per grid.
     */
    public static Staffing oneFullTimePerGrid(City city, GridLayout layout, int partTimePerCommunity) {
        if (partTimePerCommunity < 0) {
            throw new IllegalArgumentException("partTimePerCommunity " + partTimePerCommunity + " < 0");
        }
        Map<String, String> bases = baseBuildings(city, layout);
        List<WorkerSpec> out = new ArrayList<>();
        Map<String, List<String>> gridsOfCommunity = new TreeMap<>();
        for (Map.Entry<String, String> e : bases.entrySet()) {
            out.add(new WorkerSpec("FT-" + e.getKey(), WorkerType.FULL_TIME, e.getKey(), e.getValue(),
                    ShiftPattern.WEEKDAY_DAY));
            gridsOfCommunity.computeIfAbsent(layout.communityOfGrid().get(e.getKey()), k -> new ArrayList<>())
                    .add(e.getKey());
        }
        for (Map.Entry<String, List<String>> e : gridsOfCommunity.entrySet()) {
            List<String> grids = e.getValue();
            for (int k = 0; k < partTimePerCommunity; k++) {
                String grid = grids.get(k % grids.size());
                out.add(new WorkerSpec("PT-" + e.getKey() + "-" + (k + 1), WorkerType.PART_TIME, grid, bases.get(grid),
                        ShiftPattern.PART_TIME));
            }
        }
        return of(out);
    }

    /**
     * For every grid with buildings, the id of its building nearest the grid's household-weighted
     * centroid (ties to the lower city index); grids sorted by id.
     */
    public static Map<String, String> baseBuildings(City city, GridLayout layout) {
        Map<String, String> out = new TreeMap<>();
        layout.buildingsByGrid(city).forEach((grid, members) -> {
            if (members.isEmpty()) {
                return;
            }
            double sx = 0;
            double sy = 0;
            double sw = 0;
            for (int i : members) {
                Building b = city.buildings().get(i);
                sx += b.x() * b.households();
                sy += b.y() * b.households();
                sw += b.households();
            }
            double cx = sx / sw;
            double cy = sy / sw;
            int best = members.get(0);
            double bestD = Double.POSITIVE_INFINITY;
            for (int i : members) {
                Building b = city.buildings().get(i);
                double d = Math.hypot(b.x() - cx, b.y() - cy);
                if (d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
            out.put(grid, city.buildings().get(best).id());
        });
        return out;
    }
}
