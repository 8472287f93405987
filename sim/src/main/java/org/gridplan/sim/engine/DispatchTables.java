package org.gridplan.sim.engine;

import static org.gridplan.sim.engine.DistrictIndex.lists;
import static org.gridplan.sim.engine.DistrictIndex.toArrays;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;
import org.gridplan.sim.agent.GridWorker;
import org.gridplan.sim.agent.WorkerRole;
import org.gridplan.sim.model.City;

/**
 * Who may take a case where, as tables over grid and worker numbers: per grid the candidates of
 * each stage of dispatch (its primary workers; the fallbacks of the {@link DispatchPolicy} —
 * neighbouring grids' primaries, the community's part-time workers, the branch pools serving it;
 * then the duty roster for urgent cases and the surges' emergency workers), and per worker the
 * grids whose waiting cases it takes when it becomes free. With travel on, backup workers who
 * cannot reach a grid by road are left out of its tables. It picks the worker for a new case
 * (the nearest free candidate of the first stage that has one) and the grids a free worker looks
 * at for waiting cases; the waiting cases themselves are {@link GridQueues}'.
 */
final class DispatchTables {

    private static final int[] NONE = new int[0];

    private final DistrictIndex district;
    private final Roster roster;
    private final DispatchPolicy.Fallback[] fallbacks;
    /** Whether routine cases go to backup workers too (else they wait for the grid's own). */
    private final boolean routineBackup;
    /** Whether to pick the nearest free candidate (travel on) rather than the first. */
    private final boolean nearest;

    // Per grid: the candidates of each stage.
    private final int[][] neighbourPrimaries;
    private final int[][] partTimeOfGrid;
    private final int[][] poolOfGrid;
    private final int[][] emergencyOfGrid;
    private final int[][] dutyOfGrid;

    // Per worker.
    private final int[][] servedGrids;
    /** Per worker, its own grid alone (the grids whose routine cases it takes without backup). */
    private final int[][] ownGrid;

    /**
     * The tables of {@code roster} over {@code district} under {@code policy}.
     *
     * @param routineBackup whether routine cases go to the fallbacks too
     * @param nearest       whether candidates are ranked by distance (travel on) or taken in order
     */
    DispatchTables(DistrictIndex district, Roster roster, DispatchPolicy policy, boolean routineBackup,
            boolean nearest) {
        this.district = district;
        this.roster = roster;
        this.fallbacks = policy.fallbacks().toArray(new DispatchPolicy.Fallback[0]);
        this.routineBackup = routineBackup;
        this.nearest = nearest;
        int nGrids = district.gridCount();
        int nw = roster.size();

        List<List<Integer>> partTimeByCommunity = lists(district.communityCount());
        List<List<Integer>> poolByGrid = lists(nGrids);
        List<List<Integer>> dutyByGrid = lists(nGrids);
        for (int w = 0; w < nw; w++) {
            Roster.WorkerDef d = roster.def(w);
            switch (d.role()) {
                case PART_TIME -> partTimeByCommunity.get(district.communityOfGrid[d.grid()]).add(w);
                case BRANCH_POOL -> {
                    for (int g : roster.poolGrids(d.pool())) {
                        poolByGrid.get(g).add(w);
                    }
                }
                case DUTY -> {
                    for (int g : roster.dutyGrids(w)) {
                        dutyByGrid.get(g).add(w);
                    }
                }
                default -> {
                    // Primary workers are the roster's; emergency workers serve every grid.
                }
            }
        }
        poolOfGrid = toArrays(poolByGrid);
        dutyOfGrid = toArrays(dutyByGrid);
        partTimeOfGrid = new int[nGrids][];
        neighbourPrimaries = new int[nGrids][];
        for (int g = 0; g < nGrids; g++) {
            partTimeOfGrid[g] = partTimeByCommunity.get(district.communityOfGrid[g]).stream()
                    .mapToInt(Integer::intValue).toArray();
            neighbourPrimaries[g] = Arrays.stream(district.neighbourGrids[g])
                    .flatMap(h -> Arrays.stream(roster.primaries(h))).toArray();
        }
        emergencyOfGrid = new int[nGrids][];
        Arrays.fill(emergencyOfGrid, roster.emergencyWorkers());

        servedGrids = new int[nw][];
        ownGrid = new int[nw][];
        for (int w = 0; w < nw; w++) {
            ownGrid[w] = new int[] {roster.def(w).grid()};
        }
        int[] all = district.allGrids();
        for (int w = 0; w < nw; w++) {
            Roster.WorkerDef d = roster.def(w);
            servedGrids[w] = switch (d.role()) {
                case PRIMARY -> policy.uses(DispatchPolicy.Fallback.NEIGHBOUR_GRID)
                        ? concat(new int[] {d.grid()}, district.neighbourGrids[d.grid()]) : new int[] {d.grid()};
                case PART_TIME -> policy.uses(DispatchPolicy.Fallback.PART_TIME)
                        ? district.gridsOfCommunity[district.communityOfGrid[d.grid()]] : new int[0];
                case BRANCH_POOL -> policy.uses(DispatchPolicy.Fallback.BRANCH_POOL) ? roster.poolGrids(d.pool())
                        : new int[0];
                case EMERGENCY -> all;
                case DUTY -> roster.dutyGrids(w);
            };
        }
    }

    /**
     * Backup workers serve only the grids they can reach by road: a neighbour's worker, a
     * part-time, pool or emergency worker whose base is cut off from a grid (a road network in
     * pieces, as imported GIS data can be) is left out of that grid's fallbacks instead of being
     * sent on a trip that never arrives. A grid's own workers must reach it (checked by
     * {@link Roster#warmAndCheckRoads}).
     */
    void keepReachable() {
        City city = district.city;
        int nGrids = district.gridCount();
        int[] component = city.roads().components();
        int[] gridComponent = new int[nGrids];
        for (int g = 0; g < nGrids; g++) {
            gridComponent[g] = -1;
            int[] buildings = district.gridBuildings[g];
            for (int k = 0; k < buildings.length; k++) {
                int c = component[city.accessNode(buildings[k])];
                gridComponent[g] = k == 0 ? c : gridComponent[g] == c ? c : -2;
            }
        }
        BiPredicate<Integer, Integer> reaches = (w, g) ->
                gridComponent[g] >= 0 && component[city.accessNode(roster.def(w).base())] == gridComponent[g];
        for (int g = 0; g < nGrids; g++) {
            final int grid = g;
            neighbourPrimaries[g] = Arrays.stream(neighbourPrimaries[g]).filter(w -> reaches.test(w, grid)).toArray();
            partTimeOfGrid[g] = Arrays.stream(partTimeOfGrid[g]).filter(w -> reaches.test(w, grid)).toArray();
            poolOfGrid[g] = Arrays.stream(poolOfGrid[g]).filter(w -> reaches.test(w, grid)).toArray();
            emergencyOfGrid[g] = Arrays.stream(emergencyOfGrid[g]).filter(w -> reaches.test(w, grid)).toArray();
            dutyOfGrid[g] = Arrays.stream(dutyOfGrid[g]).filter(w -> reaches.test(w, grid)).toArray();
        }
        for (int w = 0; w < servedGrids.length; w++) {
            final int worker = w;
            if (roster.def(w).role() != WorkerRole.PRIMARY) {
                servedGrids[w] = Arrays.stream(servedGrids[w]).filter(g -> reaches.test(worker, g)).toArray();
            } else {
                int own = roster.def(w).grid();
                servedGrids[w] = Arrays.stream(servedGrids[w]).filter(g -> g == own || reaches.test(worker, g))
                        .toArray();
            }
        }
    }

    /**
     * The worker to send to a new case in grid {@code g} at {@code building}, or -1 when none is
     * free: a primary worker of the grid; for urgent cases (and routine ones with routine backup)
     * the policy's fallbacks in order; for urgent cases the duty roster; then the emergency
     * workers of a surge.
     */
    int pick(GridWorker[] workers, int g, int building, boolean urgent) {
        int w = nearestAvailable(workers, roster.primaries(g), building, urgent);
        if (w < 0 && (urgent || routineBackup)) {
            for (DispatchPolicy.Fallback f : fallbacks) {
                w = switch (f) {
                    case NEIGHBOUR_GRID -> nearestAvailable(workers, neighbourPrimaries[g], building, urgent);
                    case PART_TIME -> nearestAvailable(workers, partTimeOfGrid[g], building, urgent);
                    case BRANCH_POOL -> nearestAvailable(workers, poolOfGrid[g], building, urgent);
                };
                if (w >= 0) {
                    break;
                }
            }
        }
        if (w < 0 && urgent && dutyOfGrid[g].length > 0) {
            w = nearestAvailable(workers, dutyOfGrid[g], building, true);
        }
        if (w < 0 && emergencyOfGrid[g].length > 0) {
            w = nearestAvailable(workers, emergencyOfGrid[g], building, urgent);
        }
        return w;
    }

    private int nearestAvailable(GridWorker[] workers, int[] candidates, int building, boolean urgent) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int w : candidates) {
            GridWorker worker = workers[w];
            if (!worker.availableFor(urgent)) {
                continue;
            }
            if (!nearest) {
                return w;
            }
            double d = district.straightLine(building, worker.position());
            if (d < bestD) {
                bestD = d;
                best = w;
            }
        }
        return best;
    }

    /** The grids whose waiting urgent cases worker {@code w} takes. */
    int[] urgentGrids(int w) {
        return servedGrids[w];
    }

    /**
     * The grids whose waiting routine cases worker {@code w} of {@code role} takes: with routine
     * backup every grid it serves; else a primary worker its own grid, an emergency worker every
     * grid (a surge's workers serve all); none for the others. Duty workers take urgent cases only.
     */
    int[] routineGrids(int w, WorkerRole role) {
        if (role == WorkerRole.DUTY) {
            return NONE;
        }
        if (routineBackup) {
            return servedGrids[w];
        }
        return switch (role) {
            case PRIMARY -> ownGrid[w];
            case EMERGENCY -> servedGrids[w];
            default -> NONE;
        };
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
