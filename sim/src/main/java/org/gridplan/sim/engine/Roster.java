package org.gridplan.sim.engine;

import static org.gridplan.sim.engine.DistrictIndex.lists;
import static org.gridplan.sim.engine.DistrictIndex.toArrays;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.gridplan.sim.agent.BranchPool;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.Schedule;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerRole;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.model.City;
import org.gridplan.sim.road.TravelTimes;

/**
 * Every worker of a run, numbered in this order: the staffing's workers, the branch pools'
 * workers, the emergency workers of each surge (spread over the grids with buildings), and the
 * posts of the out-of-hours duty roster (per community or branch). Besides each worker's
 * definition (type, role, grid, base, hours, duty window) it keeps what follows from the plan:
 * the primary workers of each grid, the grids of each pool, the grids each duty worker covers,
 * which workers do routine work, and for a duty post drawn from grid workers its rota, its place
 * in the rota and how many posts share it. Built once per simulation from the staffing, the
 * district and the surges; checks that every name resolves and that every grid with demand has a
 * worker of its own.
 */
final class Roster {

    /** A worker's static definition; {@code from}/{@code to} bound its duty (emergency windows). */
    record WorkerDef(String id, WorkerType type, WorkerRole role, int grid, int base, Schedule shift,
            double from, double to, int pool, String field) {
    }

    private final DistrictIndex district;
    private final List<WorkerDef> defs = new ArrayList<>();
    /** Per grid, its primary workers (full-time and professional grid workers). */
    private final int[][] primaryOfGrid;
    /** Per pool, the grids it serves. */
    private final List<int[]> poolGrids = new ArrayList<>();
    /** Every emergency worker, in order. */
    private final int[] emergencyWorkers;
    /** Per duty worker, the grids it covers; null for the others. */
    private final int[][] dutyGrids;
    /** Per duty worker drawn from the grid workers: the workers of its rota, in order; else null. */
    private final int[][] dutyRota;
    private final int[] dutySlot;
    private final int[] dutySlots;
    private final boolean dutyAtHome;
    /** Whether a worker does routine work (full-time grid workers). */
    private final boolean[] routineWorker;

    /**
     * The workers of {@code staffing} and {@code surges} over {@code district}.
     *
     * @throws ConfigException naming the field when a worker's or pool's grid or base is unknown
     */
    Roster(Staffing staffing, List<SurgeEvent> surges, DistrictIndex district) {
        this(staffing, surges, district, null);
    }

    /**
     * As {@link #Roster(Staffing, List, DistrictIndex)}, with the road travel times that place a duty
     * roster at its unit's central building ({@link DutyRoster.Location#CENTRAL}); null when travel is
     * off (the roster then waits at the community office).
     */
    Roster(Staffing staffing, List<SurgeEvent> surges, DistrictIndex district, TravelTimes travel) {
        this.district = district;
        int nGrids = district.gridCount();
        List<WorkerSpec> specs = staffing.workers();
        for (int i = 0; i < specs.size(); i++) {
            WorkerSpec w = specs.get(i);
            String at = "staffing.workers[" + i + "]";
            Integer g = district.grid(w.grid());
            if (g == null) {
                throw new ConfigException(at + ".grid", "worker " + w.id() + " is assigned to unknown grid '"
                        + w.grid() + "'");
            }
            Integer base = district.building(w.baseBuilding());
            if (base == null) {
                throw new ConfigException(at + ".baseBuilding", "worker " + w.id() + " has unknown base building '"
                        + w.baseBuilding() + "'");
            }
            WorkerRole role = w.duty() != WorkerSpec.Duty.NONE ? WorkerRole.DUTY
                    : w.type() == WorkerType.PART_TIME ? WorkerRole.PART_TIME : WorkerRole.PRIMARY;
            Schedule hours = w.duty() == WorkerSpec.Duty.OUT_OF_HOURS ? Schedule.outside(w.shift()) : w.shift();
            defs.add(new WorkerDef(w.id(), w.type(), role, g, base, hours, 0, Double.POSITIVE_INFINITY, -1, at));
        }
        List<BranchPool> pools = staffing.pools();
        for (int p = 0; p < pools.size(); p++) {
            BranchPool pool = pools.get(p);
            String at = "staffing.pools[" + p + "]";
            Integer base = district.building(pool.baseBuilding());
            if (base == null) {
                throw new ConfigException(at + ".baseBuilding", "pool " + pool.id() + " has unknown base building '"
                        + pool.baseBuilding() + "'");
            }
            int[] served;
            if (pool.grids().isEmpty()) {
                served = district.allGrids();
            } else {
                served = new int[pool.grids().size()];
                for (int k = 0; k < served.length; k++) {
                    Integer g = district.grid(pool.grids().get(k));
                    if (g == null) {
                        throw new ConfigException(at + ".grids[" + k + "]",
                                "pool " + pool.id() + " serves unknown grid '"
                                + pool.grids().get(k) + "'");
                    }
                    served[k] = g;
                }
            }
            poolGrids.add(served);
            for (int k = 0; k < pool.workers(); k++) {
                defs.add(new WorkerDef(pool.id() + "#" + (k + 1), WorkerType.PROFESSIONAL, WorkerRole.BRANCH_POOL,
                        district.buildingGrid[base], base, pool.shift(), 0, Double.POSITIVE_INFINITY, p, at));
            }
        }
        List<List<Integer>> primary = lists(nGrids);
        for (int w = 0; w < defs.size(); w++) {
            if (defs.get(w).role == WorkerRole.PRIMARY) {
                primary.get(defs.get(w).grid).add(w);
            }
        }
        primaryOfGrid = toArrays(primary);
        int staffed = defs.size();

        // Emergency pools: spread over the grids, based at each grid's first primary base.
        List<Integer> emergency = new ArrayList<>();
        int[] housed = IntStream.range(0, nGrids).filter(district::housed).toArray();
        for (int s = 0; s < surges.size(); s++) {
            SurgeEvent surge = surges.get(s);
            for (int k = 0; k < surge.emergencyWorkers(); k++) {
                // Spread over the grids that have buildings (a layout may list an empty grid).
                int g = housed[(int) ((long) k * housed.length / surge.emergencyWorkers())];
                int base = primaryOfGrid[g].length > 0 ? defs.get(primaryOfGrid[g][0]).base
                        : district.gridBuildings[g][0];
                emergency.add(defs.size());
                defs.add(new WorkerDef("EM" + (s + 1) + "-" + (k + 1), WorkerType.PROFESSIONAL, WorkerRole.EMERGENCY, g,
                        base, ShiftPattern.ALWAYS, surge.startMinute(), surge.endMinute(), -1, "surges[" + s + "]"));
            }
        }
        emergencyWorkers = emergency.stream().mapToInt(Integer::intValue).toArray();

        // Out-of-hours duty roster: duty workers per community or branch, urgent cases only.
        DutyRoster roster = staffing.duty();
        List<int[]> unitGrids = new ArrayList<>();
        List<String> unitNames = new ArrayList<>();
        List<Integer> unitBranch = new ArrayList<>();
        if (roster.active()) {
            if (roster.scope() == DutyRoster.Scope.BRANCH && !pools.isEmpty()) {
                for (int p = 0; p < pools.size(); p++) {
                    unitGrids.add(poolGrids.get(p));
                    unitNames.add(pools.get(p).id());
                    unitBranch.add(district.building(pools.get(p).baseBuilding()));
                }
            } else {
                // Per community (also per branch when the plan has no branches).
                for (Map.Entry<String, Integer> e : district.communitiesByName()) {
                    unitGrids.add(district.gridsOfCommunity[e.getValue()]);
                    unitNames.add(e.getKey());
                    unitBranch.add(-1);
                }
            }
        }
        List<int[]> served = new ArrayList<>();
        List<int[]> rotas = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        List<Integer> slotCounts = new ArrayList<>();
        int firstDuty = defs.size();
        for (int u = 0; u < unitGrids.size(); u++) {
            int[] ug = Arrays.stream(unitGrids.get(u)).filter(district::housed).toArray();
            if (ug.length == 0) {
                continue;
            }
            int[] rota = Arrays.stream(ug).flatMap(g -> Arrays.stream(primaryOfGrid[g]))
                    .filter(w -> defs.get(w).type == WorkerType.FULL_TIME).toArray();
            Schedule shiftOfUnit = rota.length > 0 ? defs.get(rota[0]).shift : ShiftPattern.WEEKDAY_DAY;
            Schedule hours = roster.hours().isPresent() ? roster.hours().get() : Schedule.outside(shiftOfUnit);
            int office = district.officeOf(ug);
            int branchBase = unitBranch.get(u) >= 0 ? unitBranch.get(u) : office;
            boolean fromWorkers = roster.source() == DutyRoster.Source.GRID_WORKERS && rota.length > 0;
            // A rota of grid workers puts at most each of them on duty at once.
            int onDuty = fromWorkers ? Math.min(roster.onDuty(), rota.length) : roster.onDuty();
            for (int k = 0; k < onDuty; k++) {
                int base = switch (roster.location()) {
                    case BRANCH -> branchBase;
                    case COMMUNITY_OFFICE -> office;
                    case HOME -> fromWorkers ? defs.get(rota[k % rota.length]).base : office;
                    case CENTRAL -> travel == null ? office : DutyBase.central(district.city,
                            district.buildingsOf(ug), travel);
                };
                defs.add(new WorkerDef("DUTY-" + unitNames.get(u) + "-" + (k + 1),
                        fromWorkers ? WorkerType.FULL_TIME : WorkerType.PROFESSIONAL, WorkerRole.DUTY, ug[0], base,
                        hours, 0, Double.POSITIVE_INFINITY, -1, "staffing.duty"));
                served.add(ug);
                rotas.add(fromWorkers ? rota : null);
                slots.add(k);
                slotCounts.add(onDuty);
            }
        }
        int n = defs.size();
        dutyGrids = new int[n][];
        for (int w = 0; w < staffed; w++) {
            // A duty worker of the staffing covers the grids of its community.
            if (defs.get(w).role == WorkerRole.DUTY) {
                dutyGrids[w] = district.gridsOfCommunity[district.communityOfGrid[defs.get(w).grid]];
            }
        }
        dutyAtHome = roster.location() == DutyRoster.Location.HOME;
        dutyRota = new int[n][];
        dutySlot = new int[n];
        dutySlots = new int[n];
        for (int k = 0; k < rotas.size(); k++) {
            dutyGrids[firstDuty + k] = served.get(k);
            dutyRota[firstDuty + k] = rotas.get(k);
            dutySlot[firstDuty + k] = slots.get(k);
            dutySlots[firstDuty + k] = slotCounts.get(k);
        }
        routineWorker = new boolean[n];
        for (int w = 0; w < n; w++) {
            WorkerDef d = defs.get(w);
            routineWorker[w] = d.role == WorkerRole.PRIMARY && d.type == WorkerType.FULL_TIME
                    && district.housed(d.grid);
        }
    }

    /** Number of workers. */
    int size() {
        return defs.size();
    }

    WorkerDef def(int w) {
        return defs.get(w);
    }

    /** The primary workers of grid {@code g}: the first its cases go to. */
    int[] primaries(int g) {
        return primaryOfGrid[g];
    }

    /** The grids pool {@code p} serves. */
    int[] poolGrids(int p) {
        return poolGrids.get(p);
    }

    /** Every emergency worker of the surges, in order. */
    int[] emergencyWorkers() {
        return emergencyWorkers;
    }

    /** The grids duty worker {@code w} covers; null when {@code w} is no duty worker. */
    int[] dutyGrids(int w) {
        return dutyGrids[w];
    }

    /** The grid workers whose turns duty post {@code w} takes, in rota order; null if none. */
    int[] rota(int w) {
        return dutyRota[w];
    }

    /** Which of the posts sharing its rota post {@code w} is. */
    int rotaSlot(int w) {
        return dutySlot[w];
    }

    /** How many posts share the rota of post {@code w}. */
    int rotaSlots(int w) {
        return dutySlots[w];
    }

    /** Whether duty workers wait at home (the base of the grid worker whose turn it is). */
    boolean dutyAtHome() {
        return dutyAtHome;
    }

    /** Whether worker {@code w} does routine work. */
    boolean routineWorker(int w) {
        return routineWorker[w];
    }

    /** Per worker, whether it does routine work (the roster's own array: do not write). */
    boolean[] routineWorkers() {
        return routineWorker;
    }

    int[] grids() {
        return defs.stream().mapToInt(d -> d.grid).toArray();
    }

    int[] bases() {
        return defs.stream().mapToInt(d -> d.base).toArray();
    }

    Schedule[] shifts() {
        return defs.stream().map(d -> d.shift).toArray(Schedule[]::new);
    }

    /** The road node of every worker's base. */
    int[] baseNodes(City city) {
        return defs.stream().mapToInt(d -> city.accessNode(d.base)).toArray();
    }

    /**
     * Checks that every grid with demand has a primary worker.
     *
     * @param ratePerHouseholdYear incidents per household a year over all categories
     */
    void checkCoverage(double ratePerHouseholdYear) {
        for (int g = 0; g < district.gridCount(); g++) {
            int households = district.gridHouseholds[g];
            if (households > 0 && ratePerHouseholdYear > 0 && primaryOfGrid[g].length == 0) {
                throw new ConfigException("staffing.workers", String.format(Locale.ROOT,
                        "grid %s has demand (%.1f incidents a year over %d households) but no full-time or "
                                + "professional worker", district.gridIds[g], ratePerHouseholdYear * households,
                        households));
            }
        }
    }

    /**
     * Computes the road trees of every base ahead of the run and checks that each primary worker
     * reaches every building of its grid by road.
     */
    void warmAndCheckRoads(TravelTimes travel) {
        City city = district.city;
        travel.warm(baseNodes(city));
        for (WorkerDef d : defs) {
            if (d.role != WorkerRole.PRIMARY) {
                continue;
            }
            for (int b : district.gridBuildings[d.grid]) {
                if (!Double.isFinite(travel.buildingMetresOrInfinity(d.base, b))) {
                    throw new ConfigException(d.field + ".baseBuilding", "building " + city.buildings().get(b).id()
                            + " of grid " + district.gridIds[d.grid] + " cannot be reached by road from base "
                            + city.buildings().get(d.base).id());
                }
                if (travel.obeysOneWay() && !Double.isFinite(travel.treesTo().metres(city.accessNode(b),
                        city.accessNode(d.base)))) {
                    throw new ConfigException(d.field + ".baseBuilding", "base " + city.buildings().get(d.base).id()
                            + " cannot be reached by road, keeping to one-way streets, from building "
                            + city.buildings().get(b).id() + " of grid " + district.gridIds[d.grid]);
                }
            }
        }
    }
}
