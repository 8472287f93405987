package org.gridplan.optimizer.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.gridplan.optimizer.model.CandidateSite;
import org.gridplan.optimizer.model.DemandPoint;
import org.gridplan.optimizer.model.GridDemand;
import org.gridplan.optimizer.model.InfeasibleProblemException;
import org.gridplan.optimizer.model.SitingProblem;
import org.gridplan.optimizer.model.StaffedWorker;
import org.gridplan.optimizer.model.StaffingPlan;
import org.gridplan.optimizer.model.StaffingProblem;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.demand.IncidentCategory;
import org.gridplan.sim.engine.TravelModel;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.Site;
import org.gridplan.sim.road.TravelMode;
import org.gridplan.sim.road.TravelTimes;

/**
 * The optimisation problems of one city and layout: branch siting over the city's candidate sites
 * and worker → grid assignment, with travel times from the road network and incident loads from a
 * demand catalog.
 *
 * <p>A grid's travel to a place is the household-weighted mean road travel time from that place to
 * the grid's buildings, at the travel mode's speed (minutes): the mean trip to a household of the
 * grid, which is where incidents happen (each building's incident stream is proportional to its
 * households). A grid's incident load is its households × the catalog's total rate; a worker's
 * busy time per incident is the rate-weighted mean service time of the catalog plus the mean trip
 * from the grid's base building to the incident (the simulator counts travel to the incident and
 * handling as busy time; the return trip is not busy).
 *
 * <p>Only grids with buildings take part, in grid id order; the base of a grid is
 * {@link Staffing#baseBuildings} (the building nearest its household-weighted centre), as in the
 * simulator's field-standard staffing.
 */
public final class DistrictProblems {

    /** A worker to place: a type and, when known, the building the worker lives in. */
    public record DistrictWorker(String id, WorkerType type, OptionalInt homeBuilding) {

        /** Validates. */
        public DistrictWorker {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(homeBuilding, "homeBuilding");
        }
    }

    private final City city;
    private final GridLayout layout;
    private final TravelTimes travel;
    private final TravelModel travelModel;
    private final List<String> grids;
    private final Map<String, Integer> gridIndex = new HashMap<>();
    private final List<int[]> members;
    private final long[] households;
    private final String[] community;
    private final int[] base;
    private final double[] baseTravel;
    private final double incidentRate;
    private final double handlingMinutes;

    private DistrictProblems(City city, GridLayout layout, TravelTimes travel, TravelModel travelModel,
            DemandCatalog demand) {
        this.city = city;
        this.layout = layout;
        // The mode's own distances: an e-bike keeps to one-way streets (the simulator's rule).
        this.travel = travelModel.isNone() ? travel : travel.forMode(travelModel.mode().orElseThrow());
        this.travelModel = travelModel;
        Map<String, String> bases = Staffing.baseBuildings(city, layout);
        Map<String, List<Integer>> byGrid = layout.buildingsByGrid(city);
        grids = List.copyOf(bases.keySet());
        for (int g = 0; g < grids.size(); g++) {
            gridIndex.put(grids.get(g), g);
        }
        int n = grids.size();
        members = new ArrayList<>(n);
        households = new long[n];
        community = new String[n];
        base = new int[n];
        baseTravel = new double[n];
        int[] baseNodes = new int[n];
        for (int g = 0; g < n; g++) {
            String id = grids.get(g);
            int[] m = byGrid.get(id).stream().mapToInt(Integer::intValue).toArray();
            members.add(m);
            for (int b : m) {
                households[g] += city.buildings().get(b).households();
            }
            community[g] = layout.communityOfGrid().get(id);
            base[g] = city.indexOf(bases.get(id)).orElseThrow();
            baseNodes[g] = city.accessNode(base[g]);
        }
        this.travel.warm(baseNodes);
        for (int g = 0; g < n; g++) {
            baseTravel[g] = meanMinutesFrom(base[g], g);
        }
        incidentRate = demand.totalRatePerHouseholdYear();
        double rate = 0;
        double busy = 0;
        for (IncidentCategory c : demand.categories()) {
            rate += c.ratePerHouseholdYear();
            busy += c.ratePerHouseholdYear() * c.service().mean();
        }
        handlingMinutes = rate > 0 ? busy / rate : 1;
    }

    /**
     * The problems of {@code layout} of {@code city}.
     *
     * @param travel travel times over the city's roads (shared cache)
     * @param mode the travel mode whose speed turns metres into minutes
     * @param demand the incident catalog (with its scale) giving each grid's load
     */
    public static DistrictProblems of(City city, GridLayout layout, TravelTimes travel, TravelMode mode,
            DemandCatalog demand) {
        return of(city, layout, travel, TravelModel.road(mode), demand);
    }

    /**
     * As {@link #of(City, GridLayout, TravelTimes, TravelMode, DemandCatalog)} with the simulator's
     * travel model: a road mode's speed, or zero travel ({@link TravelModel#none()}), where every
     * trip takes no time.
     */
    public static DistrictProblems of(City city, GridLayout layout, TravelTimes travel, TravelModel travelModel,
            DemandCatalog demand) {
        return new DistrictProblems(city, layout, travel, Objects.requireNonNull(travelModel, "travelModel"),
                Objects.requireNonNull(demand, "demand"));
    }

    /** The grids that take part (those with buildings), in id order. */
    public List<String> grids() {
        return grids;
    }

    /** The city. */
    public City city() {
        return city;
    }

    /** The layout. */
    public GridLayout layout() {
        return layout;
    }

    /** Households of grid {@code g} (index into {@link #grids()}). */
    public long households(int g) {
        return households[g];
    }

    /** The community of grid {@code g}. */
    public String community(int g) {
        return community[g];
    }

    /** The base building (city index) of grid {@code g}. */
    public int baseBuilding(int g) {
        return base[g];
    }

    /** The mean trip from grid {@code g}'s base to its households, minutes. */
    public double baseTravelMinutes(int g) {
        return baseTravel[g];
    }

    /** Expected incidents a year in grid {@code g}. */
    public double incidentsPerYear(int g) {
        return households[g] * incidentRate;
    }

    /** Mean time on site per incident (rate-weighted over the catalog), minutes. */
    public double handlingMinutes() {
        return handlingMinutes;
    }

    /** The road travel times the problems were built on. */
    public TravelTimes travelTimes() {
        return travel;
    }

    /** The household-weighted mean trip from building {@code from} to grid {@code g}'s buildings, minutes. */
    public double meanMinutesFrom(int from, int g) {
        double sum = 0;
        long weight = 0;
        for (int b : members.get(g)) {
            double metres = travel.buildingMetresOrInfinity(from, b);
            if (!Double.isFinite(metres)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "building %s cannot reach building %s"
                        + " of grid %s by road", city.buildings().get(from).id(), city.buildings().get(b).id(),
                        grids.get(g)));
            }
            long h = city.buildings().get(b).households();
            sum += metres * h;
            weight += h;
        }
        return weight == 0 ? 0 : minutes(sum / weight);
    }

    /** Metres at the travel model's speed, minutes (0 with zero travel). */
    private double minutes(double metres) {
        return metres / travelModel.metresPerMinute();
    }

    /**
     * The branch-siting problem over {@code sites}: every grid a demand point (its households and
     * community), distances the mean trip in minutes from the site to the grid's households, the
     * 5- and 15-minute service circles.
     *
     * @param sites the candidate sites; their positions are joined to the city's roads here
     * @param p the most branches that may open
     * @param capacity households one branch can serve, if branches have a capacity
     * @throws InfeasibleProblemException no sites, p larger than the sites, capacity that cannot
     *     hold the demand (named with the shortfall)
     */
    public SitingProblem siting(String name, List<Site> sites, int p, OptionalLong capacity) {
        return siting(name, sites, p, capacity, false);
    }

    /**
     * As {@link #siting(String, List, int, OptionalLong)}, with all grids of a community required to
     * use the same branch when {@code communitySharesBranch}.
     *
     * @throws InfeasibleProblemException also when a community's households exceed the capacity
     */
    public SitingProblem siting(String name, List<Site> sites, int p, OptionalLong capacity,
            boolean communitySharesBranch) {
        if (sites.isEmpty()) {
            throw new InfeasibleProblemException("candidate sites", 1, name
                    + ": no candidate sites: at least 1 is needed to open a branch (short by 1 site)");
        }
        City withSites = sites.equals(city.sites()) ? city
                : new City(city.name(), city.buildings(), city.roads(), sites);
        TravelTimes siteTravel = travel.over(withSites);
        int[] nodes = new int[sites.size()];
        for (int j = 0; j < sites.size(); j++) {
            nodes[j] = withSites.siteAccessNode(j);
        }
        siteTravel.warm(nodes);
        double[][] minutes = new double[grids.size()][sites.size()];
        for (int g = 0; g < grids.size(); g++) {
            for (int j = 0; j < sites.size(); j++) {
                double sum = 0;
                long weight = 0;
                for (int b : members.get(g)) {
                    String site = sites.get(j).id();
                    String grid = grids.get(g);
                    double metres = siteTravel.siteToBuildingMetres(j, b).orElseThrow(() ->
                            new IllegalArgumentException("candidate site " + site + " cannot reach grid " + grid
                                    + " by road"));
                    long h = city.buildings().get(b).households();
                    sum += metres * h;
                    weight += h;
                }
                minutes[g][j] = weight == 0 ? 0 : minutes(sum / weight);
            }
        }
        List<DemandPoint> points = new ArrayList<>();
        for (int g = 0; g < grids.size(); g++) {
            points.add(DemandPoint.of(grids.get(g), households[g], community[g]));
        }
        SitingProblem.Builder b = SitingProblem.builder(name).demandPoints(points)
                .sites(sites.stream().map(s -> new CandidateSite(s.id())).toList())
                .distances(minutes, SitingProblem.DistanceUnit.MINUTES).maxBranches(p)
                .communitySharesBranch(communitySharesBranch);
        capacity.ifPresent(b::branchCapacity);
        return b.build();
    }

    /**
     * The worker → grid problem: the travel of a worker with a home is the mean trip from the home
     * to the grid's households; a worker without one is based at the grid's base building, so its
     * travel is the grid's own {@link #baseTravelMinutes}.
     *
     * @throws InfeasibleProblemException fewer full-time workers than grids with demand
     */
    public StaffingProblem staffing(String name, List<DistrictWorker> workers) {
        List<GridDemand> demands = new ArrayList<>();
        for (int g = 0; g < grids.size(); g++) {
            demands.add(new GridDemand(grids.get(g), households[g], incidentsPerYear(g),
                    handlingMinutes + baseTravel[g]));
        }
        int[] homes = workers.stream().mapToInt(w -> w.homeBuilding().orElse(-1)).filter(h -> h >= 0).distinct()
                .toArray();
        int[] homeNodes = new int[homes.length];
        for (int i = 0; i < homes.length; i++) {
            homeNodes[i] = city.accessNode(homes[i]);
        }
        travel.warm(homeNodes);
        Map<Integer, double[]> fromHome = new HashMap<>();
        double[][] minutes = new double[workers.size()][];
        List<StaffedWorker> staffed = new ArrayList<>();
        for (int w = 0; w < workers.size(); w++) {
            DistrictWorker worker = workers.get(w);
            staffed.add(new StaffedWorker(worker.id(), worker.type()));
            if (worker.homeBuilding().isPresent()) {
                minutes[w] = fromHome.computeIfAbsent(worker.homeBuilding().getAsInt(), h -> {
                    double[] row = new double[grids.size()];
                    for (int g = 0; g < row.length; g++) {
                        row[g] = meanMinutesFrom(h, g);
                    }
                    return row;
                });
            } else {
                minutes[w] = baseTravel;
            }
        }
        return new StaffingProblem(name, staffed, demands, minutes);
    }

    /**
     * The baseline worker plan: one full-time worker per grid (grids in id order, each taking the
     * nearest free full-time worker), then every other worker with a home to the grid nearest it,
     * and the workers without a home spread evenly over the grids in id order (as the field
     * standard spreads professionals).
     */
    public StaffingPlan baseline(StaffingProblem problem, List<DistrictWorker> workers) {
        Map<String, String> gridOfWorker = new HashMap<>();
        boolean[] taken = new boolean[workers.size()];
        for (int g = 0; g < grids.size(); g++) {
            int best = -1;
            for (int w = 0; w < workers.size(); w++) {
                if (!taken[w] && workers.get(w).type() == WorkerType.FULL_TIME
                        && (best < 0 || problem.travel(w, g) < problem.travel(best, g))) {
                    best = w;
                }
            }
            if (best >= 0) {
                taken[best] = true;
                gridOfWorker.put(workers.get(best).id(), grids.get(g));
            }
        }
        List<Integer> homeless = new ArrayList<>();
        for (int w = 0; w < workers.size(); w++) {
            if (taken[w]) {
                continue;
            }
            if (workers.get(w).homeBuilding().isPresent()) {
                int nearest = 0;
                for (int g = 1; g < grids.size(); g++) {
                    if (problem.travel(w, g) < problem.travel(w, nearest)) {
                        nearest = g;
                    }
                }
                gridOfWorker.put(workers.get(w).id(), grids.get(nearest));
            } else {
                homeless.add(w);
            }
        }
        for (int k = 0; k < homeless.size(); k++) {
            int g = (int) ((long) k * grids.size() / homeless.size());
            gridOfWorker.put(workers.get(homeless.get(k)).id(), grids.get(g));
        }
        return StaffingMapper.evaluate(problem, gridOfWorker, "baseline");
    }

    /** The index of {@code grid} in {@link #grids()}, if it takes part. */
    public Optional<Integer> gridIndex(String grid) {
        return Optional.ofNullable(gridIndex.get(grid));
    }
}
