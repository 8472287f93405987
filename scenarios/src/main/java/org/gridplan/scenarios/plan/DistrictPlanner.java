package org.gridplan.scenarios.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.gridplan.optimizer.domain.BranchSite;
import org.gridplan.optimizer.domain.DemandAssignment;
import org.gridplan.optimizer.domain.SitingSolution;
import org.gridplan.optimizer.domain.StaffingSolution;
import org.gridplan.optimizer.mapping.DistrictProblems;
import org.gridplan.optimizer.mapping.DistrictProblems.DistrictWorker;
import org.gridplan.optimizer.mapping.SitingMapper;
import org.gridplan.optimizer.mapping.StaffingMapper;
import org.gridplan.optimizer.model.SitingPlan;
import org.gridplan.optimizer.model.SitingProblem;
import org.gridplan.optimizer.model.StaffingPlan;
import org.gridplan.optimizer.model.StaffingProblem;
import org.gridplan.optimizer.model.WorkerType;
import org.gridplan.optimizer.solver.BranchSitingSolver;
import org.gridplan.optimizer.solver.SolveOptions;
import org.gridplan.optimizer.solver.StaffingSolver;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.Site;

/**
 * Optimises one district end to end: branch siting with grid → branch assignment, then worker →
 * grid assignment, each against its baseline, on the analytic model of {@link DistrictProblems}.
 *
 * <p>Baselines: <b>nearest-site siting</b> — every grid to its nearest candidate site; when that
 * opens more than p sites, the p of them serving the most households stay open (ties to the
 * earlier site) and the other grids go to the nearest open one — and <b>one full-time worker per
 * grid</b> ({@link DistrictProblems#baseline}). The worker solve starts from its baseline, so it
 * holds a feasible plan from its first step whenever the baseline is feasible.
 *
 * <p>Deterministic: both solves are seeded and single-threaded, and an evaluation budget ends
 * them; the plan is then the same on every machine and thread count. A solve the time limit ends
 * first (a slow machine) says so in {@link DistrictPlan#notes()}.
 */
public final class DistrictPlanner {

    /**
     * How the solves run.
     *
     * @param timeLimit wall-clock cap of each solve (siting, then staffing)
     * @param sitingEvaluations move evaluations of the siting solve, the deterministic budget
     * @param staffingEvaluations move evaluations of the staffing solve
     * @param seed the solvers' random seed
     * @param unimprovedLimit when present, a solve also stops once its best score has not improved
     *     for this long (the plan then depends on the machine's speed)
     * @param weights the soft-constraint weights of both solves
     */
    public record Settings(Duration timeLimit, long sitingEvaluations, long staffingEvaluations, long seed,
            Optional<Duration> unimprovedLimit, PlanWeights weights) {

        /** Validates. */
        public Settings {
            Objects.requireNonNull(timeLimit, "timeLimit");
            Objects.requireNonNull(unimprovedLimit, "unimprovedLimit");
            Objects.requireNonNull(weights, "weights");
            if (sitingEvaluations < 1 || staffingEvaluations < 1) {
                throw new IllegalArgumentException("evaluation budgets must be at least 1");
            }
        }

        /** These settings with another staffing budget. */
        public Settings withStaffingEvaluations(long evaluations) {
            return new Settings(timeLimit, sitingEvaluations, evaluations, seed, unimprovedLimit, weights);
        }

        /** These settings stopping each solve after {@code limit} without improvement. */
        public Settings withUnimprovedLimit(Duration limit) {
            return new Settings(timeLimit, sitingEvaluations, staffingEvaluations, seed, Optional.of(limit), weights);
        }

        /** These settings with other soft-constraint weights. */
        public Settings withWeights(PlanWeights newWeights) {
            return new Settings(timeLimit, sitingEvaluations, staffingEvaluations, seed, unimprovedLimit, newWeights);
        }

        /**
         * Budgets that grow with the problem: 10 evaluations per grid × branch for siting and 1,000
         * per worker for staffing (at least 20,000 each); on a shared 2-core machine a 1,256-grid,
         * 40-branch, 1,800-worker district spends roughly 25 s on each (see BENCHMARKS.md).
         */
        public static Settings scaled(int grids, int branches, int workers, Duration timeLimit, long seed) {
            return new Settings(timeLimit, Math.max(20_000L, 10L * grids * Math.max(1, branches)),
                    Math.max(20_000L, 1_000L * workers), seed, Optional.empty(), PlanWeights.DEFAULT);
        }
    }

    private DistrictPlanner() {
    }

    /**
     * Plans the district.
     *
     * @param problems the city and layout's problems
     * @param sites candidate branch sites
     * @param p the most branches to open
     * @param capacity households per branch, if branches have a capacity
     * @param workers the workers to place
     * @param settings time, budgets and seed
     * @param log progress lines (problem sizes, new best scores at most every 2 s, results)
     * @throws org.gridplan.optimizer.model.InfeasibleProblemException when a hard constraint
     *     cannot be met, naming it and the shortfall
     */
    public static DistrictPlan plan(DistrictProblems problems, List<Site> sites, int p, OptionalLong capacity,
            List<DistrictWorker> workers, Settings settings, Consumer<String> log) {
        return plan(problems, sites, p, capacity, workers, settings, true, log);
    }

    /**
     * As {@link #plan(DistrictProblems, List, int, OptionalLong, List, Settings, Consumer)}; with
     * {@code siteBranches} false the siting solve is skipped and the siting plan is the baseline.
     */
    public static DistrictPlan plan(DistrictProblems problems, List<Site> sites, int p, OptionalLong capacity,
            List<DistrictWorker> workers, Settings settings, boolean siteBranches, Consumer<String> log) {
        return plan(problems, sites, p, capacity, false, workers, settings, siteBranches, log);
    }

    /**
     * As {@link #plan(DistrictProblems, List, int, OptionalLong, List, Settings, boolean, Consumer)};
     * with {@code communitySharesBranch} all grids of a community must use the same branch (a hard
     * rule of the siting solve).
     */
    public static DistrictPlan plan(DistrictProblems problems, List<Site> sites, int p, OptionalLong capacity,
            boolean communitySharesBranch, List<DistrictWorker> workers, Settings settings, boolean siteBranches,
            Consumer<String> log) {
        String name = problems.layout().name();
        long t0 = System.nanoTime();
        SitingProblem siting = problems.siting(name, sites, p, capacity, communitySharesBranch)
                .withWeights(settings.weights().siting());
        StaffingProblem staffing = problems.staffing(name, workers);
        double setup = seconds(t0);
        log.accept(String.format(Locale.ROOT, "problem: %,d grids, %,d households, %,d candidate sites, p = %d%s%s,"
                + " %,d workers (%.1f s to build)", siting.demandCount(), siting.totalHouseholds(), siting.siteCount(),
                p, capacity.isPresent() ? String.format(Locale.ROOT, ", capacity %,d", capacity.getAsLong()) : "",
                communitySharesBranch ? ", one branch per community" : "", workers.size(), setup));
        List<String> notes = new ArrayList<>();

        SolveOptions sitingOptions = options(settings, settings.sitingEvaluations());
        SitingSolution baselineSolution = baselineSolution(siting);
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
        if (timeMayHaveEnded(settings, sitingSeconds)) {
            notes.add("siting: a time limit may have ended the solve before its evaluation budget; the plan may"
                    + " differ on a faster or slower machine");
        }
        log.accept(String.format(Locale.ROOT, "siting: %s in %.1f s", sitingPlan.score(), sitingSeconds));

        long b0 = System.nanoTime();
        StaffingPlan greedy = problems.baseline(staffing, workers);
        double baselineSeconds = seconds(b0);
        // The baseline's plan carries its score under the same constraint model, to compare with.
        StaffingPlan staffingBaseline = StaffingMapper.evaluate(staffing, greedy.gridOfWorker(),
                StaffingSolver.scoreText(staffing, settings.weights().staffing(), greedy.gridOfWorker()));
        if (staffingBaseline.feasible()) {
            log.accept("staffing: the baseline is feasible; solving from it");
        }
        SolveOptions staffingOptions = options(settings, settings.staffingEvaluations());
        long w0 = System.nanoTime();
        // Timed like the siting solve: building the problems, then this solve's own time.
        double staffingFeasible = staffingBaseline.feasible() ? setup + baselineSeconds : -1;
        double[] staffingFeasibleEvent = {-1};
        Progress staffingProgress = new Progress("staffing", log, w0);
        StaffingSolution staffingSolved = StaffingSolver.solveSolution(staffing, settings.weights().staffing(),
                staffingOptions, staffingBaseline.gridOfWorker(), best -> {
                    if (staffingFeasibleEvent[0] < 0 && best.feasible()) {
                        staffingFeasibleEvent[0] = setup + baselineSeconds + seconds(w0);
                    }
                    staffingProgress.best(best.score());
                });
        double staffingSeconds = seconds(w0);
        if (staffingFeasible < 0) {
            staffingFeasible = staffingFeasibleEvent[0];
        }
        StaffingPlan staffingPlan = StaffingMapper.toPlan(staffing, staffingSolved);
        if (timeMayHaveEnded(settings, staffingSeconds)) {
            notes.add("staffing: a time limit may have ended the solve before its evaluation budget; the plan may"
                    + " differ on a faster or slower machine");
        }
        log.accept(String.format(Locale.ROOT, "staffing: %s in %.1f s", staffingPlan.score(), staffingSeconds));

        return new DistrictPlan(problems, workers, siting, sitingBaseline, sitingPlan, staffing, staffingBaseline,
                staffingPlan, Justifications.siting(siting, sitingSolved, sitingPlan, sitingBaseline),
                Justifications.staffing(staffing, staffingSolved, staffingPlan, staffingBaseline), notes, setup,
                sitingFeasible[0], staffingFeasible, sitingSeconds, staffingSeconds);
    }

    /** Whether a clock rather than the evaluation budget may have ended a solve of this length. */
    private static boolean timeMayHaveEnded(Settings settings, double seconds) {
        return seconds >= settings.timeLimit().toMillis() / 1000.0 * 0.98 || settings.unimprovedLimit().isPresent();
    }

    private static SolveOptions options(Settings settings, long evaluations) {
        SolveOptions options = SolveOptions.ofTime(settings.timeLimit()).withSeed(settings.seed())
                .withEvaluationLimit(evaluations);
        return settings.unimprovedLimit().map(options::withUnimprovedTimeLimit).orElse(options);
    }

    /** The nearest-site baseline as a planning solution, its site → grids relation consistent. */
    private static SitingSolution baselineSolution(SitingProblem siting) {
        SitingSolution solution = SitingMapper.toSolution(siting);
        Map<String, String> baselineSites = nearestSite(siting);
        Map<String, BranchSite> byId = new HashMap<>();
        solution.getSites().forEach(b -> byId.put(b.getId(), b));
        Map<String, List<DemandAssignment>> served = new HashMap<>();
        for (DemandAssignment a : solution.getAssignments()) {
            a.setSite(byId.get(baselineSites.get(a.getId())));
            served.computeIfAbsent(a.getSite().getId(), k -> new ArrayList<>()).add(a);
        }
        solution.getSites().forEach(b -> b.setAssignments(served.getOrDefault(b.getId(), new ArrayList<>())));
        return solution;
    }

    /**
     * The nearest-site baseline described in the type's documentation: site id of every grid id.
     */
    public static Map<String, String> nearestSite(SitingProblem problem) {
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

    /**
     * {@code n} full-time workers {@code FT-0001}, ... each living in a building drawn in proportion
     * to households (cadres are assigned by place of residence, so they live among the households
     * they serve), seeded.
     */
    public static List<DistrictWorker> residentWorkers(City city, int n, long seed) {
        long[] cumulative = new long[city.buildings().size()];
        long total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            total += city.buildings().get(i).households();
            cumulative[i] = total;
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<DistrictWorker> out = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            long draw = random.nextLong(total);
            int i = Arrays.binarySearch(cumulative, draw + 1);
            out.add(new DistrictWorker(String.format(Locale.ROOT, "FT-%04d", k), WorkerType.FULL_TIME,
                    OptionalInt.of(i >= 0 ? i : -i - 1)));
        }
        return out;
    }

    /** Workers per grid of a worker → grid map, in grid id order (for KPIs). */
    static Map<String, Integer> workersPerGrid(Map<String, String> gridOfWorker) {
        Map<String, Integer> out = new TreeMap<>();
        gridOfWorker.values().forEach(g -> out.merge(g, 1, Integer::sum));
        return out;
    }

    /** Map helper: id → index. */
    static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            out.put(ids.get(i), i);
        }
        return out;
    }
}
