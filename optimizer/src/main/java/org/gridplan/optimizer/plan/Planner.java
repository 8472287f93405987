package org.gridplan.optimizer.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import org.gridplan.optimizer.domain.SitingSolution;
import org.gridplan.optimizer.domain.StaffingConstraintConfiguration;
import org.gridplan.optimizer.domain.StaffingSolution;
import org.gridplan.optimizer.mapping.DistrictProblems;
import org.gridplan.optimizer.mapping.DistrictProblems.DistrictWorker;
import org.gridplan.optimizer.mapping.FieldDistrict;
import org.gridplan.optimizer.mapping.SitingMapper;
import org.gridplan.optimizer.mapping.StaffingMapper;
import org.gridplan.optimizer.model.GridDemand;
import org.gridplan.optimizer.model.SitingPlan;
import org.gridplan.optimizer.model.SitingProblem;
import org.gridplan.optimizer.model.StaffingPlan;
import org.gridplan.optimizer.model.StaffingProblem;
import org.gridplan.optimizer.solver.BranchSitingSolver;
import org.gridplan.optimizer.solver.SolveOptions;
import org.gridplan.optimizer.solver.StaffingSolver;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.engine.SimulationConfig;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.Site;
import org.gridplan.sim.road.TravelTimes;

/**
 * Plans one district end to end — branch siting with grid → branch assignment, then worker →
 * grid assignment, each against its baseline, on the analytic model of {@link DistrictProblems} —
 * and answers a {@link PlanRequest} with a {@link Plan}. The one way into the optimiser: OptaPlanner
 * and its planning classes stay behind it.
 *
 * <p>Baselines: <b>nearest-site siting</b> — every grid to its nearest candidate site; when that
 * opens more than p sites, the p of them serving the most households stay open (ties to the
 * earlier site) and the other grids go to the nearest open one — and <b>one full-time worker per
 * grid</b> ({@link DistrictProblems#baseline}). The worker solve starts from its baseline, so it
 * holds a feasible plan from its first step whenever the baseline is feasible. Without siting
 * ({@link SitingRules#siteBranches()} false) the siting plan is the baseline; if there are then no
 * candidate sites, one stand-in site {@code none} at the first building keeps it well defined.
 *
 * <p>Deterministic: both solves are seeded and single-threaded, and an evaluation budget ends
 * them; the plan is then the same on every machine and thread count. A solve the time limit ends
 * first (a slow machine) says so in {@link Plan#notes()}.
 *
 * <p>Thread-safe: a planner keeps the road travel times of each city it has planned (they are
 * costly to build), and several threads may plan at once.
 */
public final class Planner {

    /**
     * The largest crew of each kind a field-regime table distinguishes: full-time workers, and
     * workers without routine work. A third worker of a kind changes a grid's expected response
     * little (its table is read at the last row or column beyond).
     */
    private static final int FIELD_TABLE_ROUTINE = 2;
    private static final int FIELD_TABLE_OTHER = 2;

    private final ConcurrentMap<City, TravelTimes> travel = new ConcurrentHashMap<>();

    /**
     * The road travel times of {@code city} this planner uses (built on first use, then shared): a
     * caller simulating the plan can reuse them.
     */
    public TravelTimes travelTimes(City city) {
        return travel.computeIfAbsent(city, TravelTimes::new);
    }

    /** As {@link #plan(PlanRequest, Consumer)} without progress lines. */
    public Plan plan(PlanRequest request) {
        return plan(request, line -> { });
    }

    /**
     * Plans the district.
     *
     * @param log progress lines (problem sizes, new best scores at most every 2 s, results)
     * @throws org.gridplan.optimizer.model.InfeasibleProblemException when a hard constraint cannot
     *     be met (no candidate sites to site branches at, p larger than the sites, a capacity the
     *     households do not fit, fewer full-time workers than grids with demand), naming it and the
     *     shortfall
     */
    public Plan plan(PlanRequest request, Consumer<String> log) {
        City city = request.city();
        DistrictProblems problems = DistrictProblems.of(city, request.layout(), travelTimes(city), request.travel(),
                request.demand());
        List<DistrictWorker> workers = new ArrayList<>();
        for (PlanWorker w : request.workers()) {
            workers.add(new DistrictWorker(w.id(), w.type(), w.home().map(h -> OptionalInt.of(
                    city.indexOf(h).orElseThrow())).orElse(OptionalInt.empty())));
        }
        SitingRules rules = request.siting();
        boolean siteBranches = rules.siteBranches();
        List<Site> sites = request.sites();
        if (sites.isEmpty() && !siteBranches) {
            Building first = city.buildings().get(0);
            sites = List.of(new Site("none", first.x(), first.y()));
        }
        int communities = (int) request.layout().communityOfGrid().values().stream().distinct().count();
        int p = rules.maxBranches().orElse(Math.max(1, Math.min(communities, sites.size())));
        OptionalLong capacity = rules.branchCapacity();
        boolean communitySharesBranch = rules.communitySharesBranch();
        SolveBudget budget = request.budget();
        PlanWeights weights = request.weights();
        StaffingConstraintConfiguration staffingWeights = weights.staffingConfiguration();

        String name = problems.layout().name();
        long t0 = System.nanoTime();
        SitingProblem siting = problems.siting(name, sites, p, capacity, communitySharesBranch)
                .withWeights(weights.siting());
        StaffingProblem staffing = problems.staffing(name, workers);
        double setup = seconds(t0);
        log.accept(String.format(Locale.ROOT, "problem: %,d grids, %,d households, %,d candidate sites, p = %d%s%s,"
                + " %,d workers (%.1f s to build)", siting.demandCount(), siting.totalHouseholds(), siting.siteCount(),
                p, capacity.isPresent() ? String.format(Locale.ROOT, ", capacity %,d", capacity.getAsLong()) : "",
                communitySharesBranch ? ", one branch per community" : "", workers.size(), setup));
        List<String> notes = new ArrayList<>();
        boolean placeWorkers = request.placeWorkers();

        SolveOptions sitingOptions = options(request, budget.sitingEvaluations(problems.grids().size(), p));
        SitingSolution baselineSolution = SitingMapper.toSolution(siting, nearestSite(siting));
        BranchSitingSolver.updateScore(siting, baselineSolution);
        // The baseline's plan carries its score under the same constraint model, to compare with.
        SitingPlan sitingBaseline = SitingMapper.toPlan(siting, baselineSolution);
        long s0 = System.nanoTime();
        double[] sitingFeasible = {-1};
        Progress sitingProgress = new Progress("siting", log, s0);
        SitingSolution sitingSolved;
        if (siteBranches) {
            sitingSolved = BranchSitingSolver.solveSolution(siting, sitingOptions, best -> {
                if (sitingFeasible[0] < 0 && best.feasible() && allAssigned(best.solution())) {
                    sitingFeasible[0] = setup + seconds(s0);
                }
                sitingProgress.best(best.score());
            });
        } else {
            sitingSolved = baselineSolution;
            sitingFeasible[0] = sitingBaseline.feasible() ? setup + seconds(s0) : -1;
        }
        double sitingSeconds = seconds(s0);
        SitingPlan sitingPlan = siteBranches ? SitingMapper.toPlan(siting, sitingSolved) : sitingBaseline;
        if (siteBranches && timeMayHaveEnded(budget, sitingSeconds)) {
            notes.add("siting: a time limit may have ended the solve before its evaluation budget; the plan may"
                    + " differ on a faster or slower machine");
        }
        if (siteBranches) {
            log.accept(String.format(Locale.ROOT, "siting: %s in %.1f s", sitingPlan.score(), sitingSeconds));
        }

        List<Plan.Grid> grids = new ArrayList<>();
        for (int g = 0; g < problems.grids().size(); g++) {
            GridDemand demand = staffing.grids().get(g);
            grids.add(new Plan.Grid(demand.id(), problems.community(g), demand.households(),
                    city.buildings().get(problems.baseBuilding(g)).id(), demand.incidentsPerYear(),
                    demand.meanServiceMinutes()));
        }

        long b0 = System.nanoTime();
        StaffingPlan greedy = problems.baseline(staffing, workers);
        double baselineSeconds = seconds(b0);
        Optional<SimulationConfig> field = request.field().map(f -> f.settings().toBuilder()
                .demand(request.demand()).travel(request.travel()).build());
        Optional<Plan.Forecast> baselineForecast = Optional.empty();
        if (field.isPresent()) {
            long f0 = System.nanoTime();
            Staffing baselineStaffing = staffingOf(request, grids, sitingBaseline, greedy.gridOfWorker());
            FieldDistrict district = FieldDistrict.of(city, request.layout(), baselineStaffing, field.get(),
                    request.seed(), problems);
            if (request.placeWorkers()) {
                staffing = district.withFieldTables(staffing, FIELD_TABLE_ROUTINE, FIELD_TABLE_OTHER);
            }
            baselineForecast = Optional.of(RosterChoice.forecast(district));
            log.accept(String.format(Locale.ROOT, "staffing: field-regime model of %,d grids built (%.1f s)",
                    grids.size(), seconds(f0)));
        }
        // The baseline's plan carries its score under the same constraint model, to compare with.
        StaffingPlan staffingBaseline = StaffingMapper.evaluate(staffing, greedy.gridOfWorker(),
                StaffingSolver.scoreText(staffing, staffingWeights, greedy.gridOfWorker()));
        if (staffingBaseline.feasible() && placeWorkers) {
            log.accept("staffing: the baseline is feasible; solving from it");
        }
        SolveOptions staffingOptions = options(request, budget.staffingEvaluations(workers.size()));
        long w0 = System.nanoTime();
        // Timed like the siting solve: building the problems, then this solve's own time.
        double staffingFeasible = staffingBaseline.feasible() ? setup + baselineSeconds : -1;
        double[] staffingFeasibleEvent = {-1};
        Progress staffingProgress = new Progress("staffing", log, w0);
        StaffingSolution staffingSolved = null;
        StaffingPlan staffingPlan = staffingBaseline;
        if (placeWorkers) {
            staffingSolved = StaffingSolver.solveSolution(staffing, staffingWeights, staffingOptions,
                    staffingBaseline.gridOfWorker(), best -> {
                        if (staffingFeasibleEvent[0] < 0 && best.feasible()) {
                            staffingFeasibleEvent[0] = setup + baselineSeconds + seconds(w0);
                        }
                        staffingProgress.best(best.score());
                    });
            staffingPlan = StaffingMapper.toPlan(staffing, staffingSolved);
        }
        double staffingSeconds = seconds(w0);
        if (staffingFeasible < 0) {
            staffingFeasible = staffingFeasibleEvent[0];
        }
        if (placeWorkers && timeMayHaveEnded(budget, staffingSeconds)) {
            notes.add("staffing: a time limit may have ended the solve before its evaluation budget; the plan may"
                    + " differ on a faster or slower machine");
        }
        if (placeWorkers) {
            log.accept(String.format(Locale.ROOT, "staffing: %s in %.1f s", staffingPlan.score(), staffingSeconds));
        }

        Optional<Plan.Forecast> optimisedForecast = Optional.empty();
        Optional<RosterChoice.Decision> rosterDecision = Optional.empty();
        Optional<ShiftChoice.Decision> shiftDecision = Optional.empty();
        if (field.isPresent()) {
            Staffing planned = staffingOf(request, grids, sitingPlan, staffingPlan.gridOfWorker());
            if (!request.duty().staggerShifts().isEmpty()) {
                long s1 = System.nanoTime();
                ShiftChoice.Decision decision = ShiftChoice.choose(city, request.layout(), planned, field.get(),
                        request.seed(), request.duty().staggerShifts(), problems);
                shiftDecision = Optional.of(decision);
                planned = decision.apply(planned);
                log.accept(String.format(Locale.ROOT, "shifts: professionals of %d of %d grids staggered (%.1f s)",
                        decision.gridsMoved().size(), decision.gridsWeighed(), seconds(s1)));
            }
            if (request.duty().chooseRoster().isPresent()) {
                long r0 = System.nanoTime();
                RosterChoice.Decision decision = RosterChoice.choose(city, request.layout(), planned, field.get(),
                        request.seed(), RosterChoice.candidates(!planned.pools().isEmpty()),
                        request.duty().chooseRoster().getAsDouble(), problems);
                rosterDecision = Optional.of(decision);
                optimisedForecast = Optional.of(decision.chosen().forecast());
                log.accept(String.format(Locale.ROOT, "duty: %s chosen of %d rosters (%.1f s)",
                        decision.chosen().roster().label(), decision.options().size(), seconds(r0)));
            } else {
                optimisedForecast = Optional.of(RosterChoice.forecast(FieldDistrict.of(city, request.layout(), planned,
                        field.get(), request.seed(), problems)));
            }
        }
        return new Plan(request, grids, p, sitingBaseline, sitingPlan, staffingBaseline, staffingPlan,
                kpis(siting, staffing, sitingBaseline, staffingBaseline),
                        kpis(siting, staffing, sitingPlan, staffingPlan),
                siteBranches ? Justifications.siting(siting, sitingSolved, sitingPlan, sitingBaseline) : List.of(),
                placeWorkers ? Justifications.staffing(staffing, staffingSolved, staffingPlan, staffingBaseline)
                        : List.of(), notes,
                new Plan.Timings(setup, sitingFeasible[0], staffingFeasible, sitingSeconds, staffingSeconds),
                baselineForecast, optimisedForecast, rosterDecision, shiftDecision);
    }

    /**
     * The staffing the field model sees for a siting and a worker → grid plan: applied onto the
     * field regime's staffing when it has one, else the request's workers alone.
     */
    private static Staffing staffingOf(PlanRequest request, List<Plan.Grid> grids, SitingPlan siting,
            Map<String, String> gridOfWorker) {
        Optional<Staffing> onto = request.field().flatMap(PlanRequest.FieldRegime::onto);
        if (onto.isPresent()) {
            return Plan.compose(request, grids, siting, request.placeWorkers() ? gridOfWorker : Map.of(), onto.get());
        }
        return Plan.compose(request, grids, siting, gridOfWorker);
    }

    /** The analytic KPIs of a siting and a staffing plan. */
    private static Plan.Kpis kpis(SitingProblem siting, StaffingProblem staffing, SitingPlan s, StaffingPlan w) {
        double even = (double) siting.totalHouseholds() / siting.maxBranches();
        double spread = 0;
        for (long load : s.householdsPerSite().values()) {
            spread = Math.max(spread, Math.abs(load - even) / even);
        }
        Map<String, Integer> perGrid = new TreeMap<>();
        w.gridOfWorker().values().forEach(g -> perGrid.merge(g, 1, Integer::sum));
        double max = 0;
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (GridDemand g : staffing.grids()) {
            if (g.incidentsPerYear() <= 0) {
                continue;
            }
            int c = perGrid.getOrDefault(g.id(), 0);
            double u = c == 0 ? Double.POSITIVE_INFINITY : g.incidentsPerMinute() * g.meanServiceMinutes() / c;
            max = Math.max(max, u);
            sum += u;
            sumSq += u * u;
            n++;
        }
        double mean = n == 0 ? 0 : sum / n;
        double cv = n == 0 || mean == 0 ? 0 : Math.sqrt(Math.max(0, sumSq / n - mean * mean)) / mean;
        return new Plan.Kpis(w.expectedResponseMinutes(), 1 - s.shareOutsideInnerCircle(),
                1 - s.shareOutsideOuterCircle(), spread, max, cv);
    }

    /** Whether a clock rather than the evaluation budget may have ended a solve of this length. */
    private static boolean timeMayHaveEnded(SolveBudget budget, double seconds) {
        return seconds >= budget.timeLimit().toMillis() / 1000.0 * 0.98 || budget.unimprovedLimit().isPresent();
    }

    private static SolveOptions options(PlanRequest request, long evaluations) {
        SolveBudget budget = request.budget();
        SolveOptions options = SolveOptions.ofTime(budget.timeLimit()).withSeed(request.seed())
                .withEvaluationLimit(evaluations);
        return budget.unimprovedLimit().map(options::withUnimprovedTimeLimit).orElse(options);
    }

    /** The nearest-site baseline described in the type's documentation: site id of every grid id. */
    static Map<String, String> nearestSite(SitingProblem problem) {
        int n = problem.demandCount();
        int m = problem.siteCount();
        int[] nearest = new int[n];
        long[] load = new long[m];
        for (int i = 0; i < n; i++) {
            nearest[i] = nearestOf(problem, i, null);
            load[nearest[i]] += problem.demandPoints().get(i).households();
        }
        List<Integer> used = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            if (load[j] > 0 || isNearestOfSome(nearest, j)) {
                used.add(j);
            }
        }
        boolean[] open = new boolean[m];
        used.sort(Comparator.comparingLong((Integer j) -> -load[j]).thenComparingInt(j -> j));
        for (int k = 0; k < Math.min(problem.maxBranches(), used.size()); k++) {
            open[used.get(k)] = true;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            int j = open[nearest[i]] ? nearest[i] : nearestOf(problem, i, open);
            out.put(problem.demandPoints().get(i).id(), problem.sites().get(j).id());
        }
        return out;
    }

    private static boolean isNearestOfSome(int[] nearest, int j) {
        for (int k : nearest) {
            if (k == j) {
                return true;
            }
        }
        return false;
    }

    private static int nearestOf(SitingProblem problem, int i, boolean[] open) {
        int best = -1;
        for (int j = 0; j < problem.siteCount(); j++) {
            if ((open == null || open[j]) && (best < 0 || problem.distance(i, j) < problem.distance(i, best))) {
                best = j;
            }
        }
        return best;
    }

    private static boolean allAssigned(SitingSolution solution) {
        return solution.getAssignments().stream().allMatch(a -> a.getSite() != null);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Logs new best scores at most every two seconds. */
    private static final class Progress {
        private final String what;
        private final Consumer<String> log;
        private final long start;
        private long lastLogged;

        Progress(String what, Consumer<String> log, long start) {
            this.what = what;
            this.log = log;
            this.start = start;
            this.lastLogged = start;
        }

        void best(String score) {
            long now = System.nanoTime();
            if (now - lastLogged >= 2_000_000_000L) {
                lastLogged = now;
                log.accept(String.format(Locale.ROOT, "%s: best %s after %.1f s", what, score, (now - start) / 1e9));
            }
        }
    }
}
