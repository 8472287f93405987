package org.gridplan.optimizer.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridplan.optimizer.model.FieldTable;
import org.gridplan.optimizer.model.GridDemand;
import org.gridplan.optimizer.model.StaffingProblem;
import org.gridplan.optimizer.response.FieldResponseModel;
import org.gridplan.optimizer.response.FieldResponseModel.Crew;
import org.gridplan.optimizer.response.FieldResponseModel.Grid;
import org.gridplan.optimizer.response.FieldResponseModel.Outcome;
import org.gridplan.sim.agent.BranchPool;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.Schedule;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.engine.DutyBase;
import org.gridplan.sim.engine.GridRoads;
import org.gridplan.sim.engine.SimulationConfig;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.TravelMode;
import org.gridplan.sim.road.TravelTimes;

/**
 * A district as the field-regime response model ({@link FieldResponseModel}) sees it: each grid's
 * buildings, road length, the mean travel of its own workers from their bases and of its
 * out-of-hours duty from the duty location, and its crew (routine workers, workers without routine
 * work, their shift), read from a city, a layout and a staffing plan the way the simulator reads
 * them.
 */
public final class FieldDistrict {

    private final FieldResponseModel model;
    private final DistrictProblems problems;
    private final List<Grid> grids;
    private final List<Crew> crews;

    private FieldDistrict(FieldResponseModel model, DistrictProblems problems, List<Grid> grids, List<Crew> crews) {
        this.model = model;
        this.problems = problems;
        this.grids = grids;
        this.crews = crews;
    }

    /**
     * The district of {@code layout} of {@code city} staffed by {@code staffing}, under the run
     * settings of {@code config}.
     *
     * @param seed seed of the model's routine-day samples
     */
    public static FieldDistrict of(City city, GridLayout layout, Staffing staffing, TravelTimes travel,
            SimulationConfig config, long seed) {
        TravelMode mode = config.travel().mode().orElse(TravelMode.EBIKE);
        return of(city, layout, staffing, config, seed,
                DistrictProblems.of(city, layout, travel, mode, config.demand()));
    }

    /**
     * As {@link #of(City, GridLayout, Staffing, TravelTimes, SimulationConfig, long)}, on the
     * district's problems already built (for the same city, layout, travel and demand as
     * {@code config}'s).
     */
    public static FieldDistrict of(City city, GridLayout layout, Staffing staffing, SimulationConfig config, long seed,
            DistrictProblems problems) {
        boolean noTravel = config.travel().isNone();
        List<String> ids = problems.grids();
        Map<String, Integer> index = new HashMap<>();
        for (int g = 0; g < ids.size(); g++) {
            index.put(ids.get(g), g);
        }
        Map<String, List<Integer>> byGrid = layout.buildingsByGrid(city);
        int[] buildingGrid = new int[city.buildings().size()];
        java.util.Arrays.fill(buildingGrid, ids.size());
        for (int g = 0; g < ids.size(); g++) {
            for (int b : byGrid.get(ids.get(g))) {
                buildingGrid[b] = g;
            }
        }
        double[] roads = GridRoads.metres(city, buildingGrid, ids.size() + 1);
        int[] routine = new int[ids.size()];
        int[] other = new int[ids.size()];
        ShiftPattern[] shift = new ShiftPattern[ids.size()];
        ShiftPattern[] otherShift = new ShiftPattern[ids.size()];
        double[] travelSum = new double[ids.size()];
        Map<String, ShiftPattern> partTime = new HashMap<>();
        Map<String, List<Integer>> rotaBases = new HashMap<>();
        for (WorkerSpec w : staffing.workers()) {
            Integer g = index.get(w.grid());
            if (g == null || w.duty() != WorkerSpec.Duty.NONE) {
                continue;
            }
            String community = layout.communityOfGrid().get(w.grid());
            if (w.type() == WorkerType.PART_TIME) {
                partTime.putIfAbsent(community, w.shift());
                continue;
            }
            int base = city.indexOf(w.baseBuilding()).orElseThrow();
            if (w.type() == WorkerType.FULL_TIME) {
                routine[g]++;
                rotaBases.computeIfAbsent(community, k -> new ArrayList<>()).add(base);
                if (shift[g] == null) {
                    shift[g] = w.shift();
                }
            } else {
                other[g]++;
                if (otherShift[g] == null) {
                    otherShift[g] = w.shift();
                }
            }
            travelSum[g] += noTravel ? 0 : problems.meanMinutesFrom(base, g);
        }
        DutyRoster roster = staffing.duty();
        Map<String, Integer> office = offices(city, layout, ids, byGrid);
        Map<String, Integer> central = roster.active() && roster.location() == DutyRoster.Location.CENTRAL
                && !noTravel ? centrals(city, layout, staffing, ids, byGrid, problems) : Map.of();
        List<Grid> grids = new ArrayList<>();
        List<Crew> crews = new ArrayList<>();
        for (int g = 0; g < ids.size(); g++) {
            String id = ids.get(g);
            String community = layout.communityOfGrid().get(id);
            // The full-time workers' shift (the simulator's duty hours are outside it), else the others'.
            ShiftPattern s = shift[g] != null ? shift[g] : otherShift[g] != null ? otherShift[g]
                    : ShiftPattern.WEEKDAY_DAY;
            int workers = routine[g] + other[g];
            double travelMinutes = workers > 0 ? travelSum[g] / workers : problems.baseTravelMinutes(g);
            Schedule dutyHours = null;
            double dutyTravel = Double.NaN;
            if (roster.active()) {
                dutyHours = roster.hours().isPresent() ? roster.hours().get() : Schedule.outside(s);
                dutyTravel = noTravel ? 0 : switch (roster.location()) {
                    case COMMUNITY_OFFICE -> problems.meanMinutesFrom(office.get(community), g);
                    case BRANCH -> problems.meanMinutesFrom(branchBase(city, staffing, id, office.get(community)), g);
                    case CENTRAL -> problems.meanMinutesFrom(central.get(unitOf(roster, staffing, id, community)), g);
                    case HOME -> {
                        List<Integer> bases = rotaBases.getOrDefault(community, List.of());
                        if (roster.source() != DutyRoster.Source.GRID_WORKERS || bases.isEmpty()) {
                            yield problems.meanMinutesFrom(office.get(community), g);
                        }
                        double sum = 0;
                        for (int b : bases) {
                            sum += problems.meanMinutesFrom(b, g);
                        }
                        yield sum / bases.size();
                    }
                };
            }
            long[] hh = byGrid.get(id).stream().mapToLong(b -> city.buildings().get(b).households()).toArray();
            grids.add(new Grid(id, hh, roads[g], travelMinutes, dutyTravel, dutyHours, partTime.get(community)));
            crews.add(new Crew(routine[g], other[g], s, otherShift[g] != null ? otherShift[g] : s));
        }
        return new FieldDistrict(new FieldResponseModel(config, seed), problems, grids, crews);
    }

    /** The model. */
    public FieldResponseModel model() {
        return model;
    }

    /** The district's optimisation problems (grid order, travel). */
    public DistrictProblems problems() {
        return problems;
    }

    /** The grids, in {@link DistrictProblems#grids()} order. */
    public List<Grid> grids() {
        return grids;
    }

    /** The crew of each grid, in the same order. */
    public List<Crew> crews() {
        return crews;
    }

    /** The district's expected outcome: the sum over grids. */
    public Outcome predict() {
        Outcome total = Outcome.empty(model.categories().size());
        for (int g = 0; g < grids.size(); g++) {
            total = total.plus(model.grid(grids.get(g), crews.get(g)));
        }
        return total;
    }

    /** Per grid id, the expected outcome. */
    public Map<String, Outcome> byGrid() {
        Map<String, Outcome> out = new LinkedHashMap<>();
        for (int g = 0; g < grids.size(); g++) {
            out.put(grids.get(g).id(), model.grid(grids.get(g), crews.get(g)));
        }
        return out;
    }

    /**
     * {@code problem} with a field-regime response table on each of its grids: the model's total
     * response minutes a year for crews of 0 to {@code maxRoutine} full-time and 0 to
     * {@code maxOther} other workers of the grid's shift, travel left out (the solver adds each
     * worker's own, weighted by the cases its grid's workers travel to: the model's response
     * minutes per minute of travel). Grids the district does not know keep the queueing model.
     */
    public StaffingProblem withFieldTables(StaffingProblem problem, int maxRoutine, int maxOther) {
        Map<String, Integer> index = new HashMap<>();
        for (int g = 0; g < grids.size(); g++) {
            index.put(grids.get(g).id(), g);
        }
        List<GridDemand> out = new ArrayList<>();
        for (GridDemand d : problem.grids()) {
            Integer g = index.get(d.id());
            out.add(g == null || d.incidentsPerYear() <= 0 ? d : d.withField(table(g, maxRoutine, maxOther)));
        }
        return new StaffingProblem(problem.name(), problem.workers(), out, problem.travelMinutes());
    }

    /** The field table of grid {@code g}. */
    public FieldTable table(int g, int maxRoutine, int maxOther) {
        Grid grid = grids.get(g);
        Grid still = new Grid(grid.id(), grid.buildingHouseholds(), grid.roadMetres(), 0, grid.dutyTravelMinutes(),
                grid.dutyHours(), grid.backupHours());
        Grid moving = new Grid(grid.id(), grid.buildingHouseholds(), grid.roadMetres(), 1, grid.dutyTravelMinutes(),
                grid.dutyHours(), grid.backupHours());
        Schedule shift = crews.get(g).shift();
        double[][] minutes = new double[maxRoutine + 1][maxOther + 1];
        double known = 0;
        for (int r = 0; r <= maxRoutine; r++) {
            for (int o = 0; o <= maxOther; o++) {
                if (r == 0 && o == 0 && maxRoutine + maxOther > 0) {
                    continue; // replaced below: an unstaffed grid
                }
                Outcome x = model.grid(still, new Crew(r, o, shift));
                known = Math.max(known, sum(x.known()));
                minutes[r][o] = x.totalResponseMinutes();
            }
        }
        // An unstaffed grid is a hard violation; its entry stays finite so scores do.
        minutes[0][0] = known * 7 * 1440;
        for (int r = 0; r <= maxRoutine; r++) {
            for (int o = 0; o <= maxOther; o++) {
                if (!Double.isFinite(minutes[r][o])) {
                    minutes[r][o] = minutes[0][0];
                }
            }
        }
        Crew one = new Crew(1, 0, shift);
        double travelled = model.grid(moving, one).totalResponseMinutes()
                - model.grid(still, one).totalResponseMinutes();
        return new FieldTable(minutes, known, Math.max(0, travelled));
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    /**
     * The community offices: the building nearest the household-weighted centre of the
     * community's grids (as the simulator places them).
     */
    private static Map<String, Integer> offices(City city, GridLayout layout, List<String> ids,
            Map<String, List<Integer>> byGrid) {
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (String id : ids) {
            members.computeIfAbsent(layout.communityOfGrid().get(id), k -> new ArrayList<>()).addAll(byGrid.get(id));
        }
        Map<String, Integer> out = new HashMap<>();
        members.forEach((community, m) -> out.put(community, centreBuilding(city, m)));
        return out;
    }

    /**
     * The building of {@code members} nearest their household-weighted centre (the first such in
     * their order): where the simulator puts a community's office, and the field standard a grid's
     * base.
     */
    public static int centreBuilding(City city, List<Integer> members) {
        double sx = 0;
        double sy = 0;
        double sw = 0;
        for (int b : members) {
            Building x = city.buildings().get(b);
            sx += x.x() * x.households();
            sy += x.y() * x.households();
            sw += x.households();
        }
        int best = members.get(0);
        double bestD = Double.POSITIVE_INFINITY;
        for (int b : members) {
            Building x = city.buildings().get(b);
            double d = Math.hypot(x.x() - sx / sw, x.y() - sy / sw);
            if (d < bestD) {
                bestD = d;
                best = b;
            }
        }
        return best;
    }

    /**
     * The duty unit of {@code grid}: its branch pool's id under a per-branch roster with pools (as
     * the simulator keeps the roster), else its community.
     */
    private static String unitOf(DutyRoster roster, Staffing staffing, String grid, String community) {
        if (roster.scope() == DutyRoster.Scope.BRANCH) {
            for (BranchPool p : staffing.pools()) {
                if (p.grids().isEmpty() || p.grids().contains(grid)) {
                    return "pool:" + p.id();
                }
            }
        }
        return "community:" + community;
    }

    /** Each duty unit's central building ({@link DutyBase#central}), as the simulator places the roster. */
    private static Map<String, Integer> centrals(City city, GridLayout layout, Staffing staffing, List<String> ids,
            Map<String, List<Integer>> byGrid, DistrictProblems problems) {
        DutyRoster roster = staffing.duty();
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (String id : ids) {
            members.computeIfAbsent(unitOf(roster, staffing, id, layout.communityOfGrid().get(id)),
                    k -> new ArrayList<>()).addAll(byGrid.get(id));
        }
        Map<String, Integer> out = new HashMap<>();
        members.forEach((unit, m) -> out.put(unit, DutyBase.central(city,
                m.stream().mapToInt(Integer::intValue).toArray(), problems.travelTimes())));
        return out;
    }

    private static int branchBase(City city, Staffing staffing, String grid, int fallback) {
        for (BranchPool p : staffing.pools()) {
            if (p.grids().isEmpty() || p.grids().contains(grid)) {
                return city.indexOf(p.baseBuilding()).orElseThrow();
            }
        }
        return fallback;
    }
}
