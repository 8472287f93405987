package org.gridplan.optimizer.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.gridplan.optimizer.domain.BranchSite;
import org.gridplan.optimizer.domain.DemandAssignment;
import org.gridplan.optimizer.domain.SitingSolution;
import org.gridplan.optimizer.mapping.SitingMapper;
import org.gridplan.optimizer.model.SitingPlan;
import org.gridplan.optimizer.model.SitingProblem;
import org.gridplan.optimizer.model.SitingWeights;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.heuristic.selector.common.nearby.NearbySelectionConfig;
import org.optaplanner.core.config.heuristic.selector.common.nearby.NearbySelectionDistributionType;
import org.optaplanner.core.config.heuristic.selector.entity.EntitySelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.MoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.value.ValueSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.solver.DefaultSolver;

/**
 * Solves branch siting with OptaPlanner: greedy-add construction, then local search with nearby
 * client → branch change moves, client swaps (when branches have a capacity) and Teitz–Bart median
 * swaps, scored by {@link SitingConstraintProvider}. Late acceptance (400) searches first; without
 * capacities, simulated annealing takes over after a fixed evaluation budget (tuned on pmed1–10
 * and pmedcap01–05: late acceptance alone stalls on pmed7, annealing alone on pmed9 and the
 * capacitated instances). With capacities and the pure travel objective ({@link
 * SitingWeights#P_MEDIAN}, the benchmarks), late acceptance runs for a short fixed budget, then
 * {@link CapacitatedMedianSearch} (median swaps evaluated with a whole reassignment, under
 * variable-neighbourhood shaking) for 90% of what is left, then simulated annealing: late
 * acceptance alone stalled on SJC2 at +0.40% for millions of evaluations.
 *
 * <p>Reproducible: single-threaded, {@link EnvironmentMode#REPRODUCIBLE}, seeded with
 * {@link SolveOptions#seed()}; with an evaluation limit (and a time limit that is not reached) the
 * same input gives the same plan. Time limits make the number of steps, and so the plan, depend on the
 * machine's speed.
 */
public final class BranchSitingSolver {

    private static final String DEMAND_SELECTOR = "demand";
    /** Late acceptance compares with the score 400 steps back: tuned on pmed1-10 and pmedcap01-05. */
    private static final int LATE_ACCEPTANCE_SIZE = 400;

    private BranchSitingSolver() {
    }

    /** Solves the problem within the options' limits and returns the best plan found. */
    public static SitingPlan solve(SitingProblem problem, SolveOptions options) {
        return SitingMapper.toPlan(problem, solveSolution(problem, options));
    }

    /** As {@link #solve}, returning the solved planning solution (for score explanations). */
    public static SitingSolution solveSolution(SitingProblem problem, SolveOptions options) {
        return solveSolution(problem, options, best -> { });
    }

    /**
     * As {@link #solveSolution(SitingProblem, SolveOptions)}, telling {@code listener} of every new
     * best solution (progress lines, time to the first feasible plan) on the solver's thread.
     */
    public static SitingSolution solveSolution(SitingProblem problem, SolveOptions options,
            Consumer<NewBest<SitingSolution>> listener) {
        Solver<SitingSolution> solver = SolverFactory.<SitingSolution>create(solverConfig(problem, options))
                .buildSolver();
        stopAtTravel(solver, options);
        solver.addEventListener(e -> listener.accept(
                new NewBest<>(e.getNewBestSolution(), e.getNewBestScore().toString(),
                        e.getNewBestScore().isFeasible())));
        return timeCapped(solver, problem, options, new AtomicBoolean());
    }

    /**
     * As {@link #solveSolution(SitingProblem, SolveOptions)}, also reporting the move evaluations and
     * what ended the solve.
     *
     * <p>With {@link SolveOptions#stopAtTravel()} the solve ends right after the step whose best
     * plan is feasible with a travel objective, recomputed from the unrounded distances, at or
     * below the target; that step is the same on every machine.
     */
    public static SitingOutcome solveOutcome(SitingProblem problem, SolveOptions options) {
        Solver<SitingSolution> solver = SolverFactory.<SitingSolution>create(solverConfig(problem, options))
                .buildSolver();
        boolean[] reached = stopAtTravel(solver, options);
        AtomicBoolean timedOut = new AtomicBoolean();
        long start = System.nanoTime();
        SitingSolution best = timeCapped(solver, problem, options, timedOut);
        double seconds = (System.nanoTime() - start) / 1e9;
        long evaluations = ((DefaultSolver<SitingSolution>) solver).getSolverScope().getScoreCalculationCount();
        SitingOutcome.Ending ending;
        if (reached[0]) {
            ending = SitingOutcome.Ending.TARGET_REACHED;
        } else if (timedOut.get()) {
            ending = SitingOutcome.Ending.TIME_LIMIT;
        } else if (options.evaluationLimit().isPresent() && evaluations >= options.evaluationLimit().getAsLong()) {
            ending = SitingOutcome.Ending.EVALUATION_LIMIT;
        } else {
            ending = SitingOutcome.Ending.TIME_LIMIT;
        }
        return new SitingOutcome(best, evaluations, seconds, ending);
    }

    /**
     * Solves from the problem's unassigned solution. With an evaluation limit the configuration has
     * no spent limit (see {@link #solverConfig}), so a timer ends the solve at the time limit instead
     * and sets {@code timedOut}; the plan is then the one the machine's speed allowed.
     */
    private static SitingSolution timeCapped(Solver<SitingSolution> solver, SitingProblem problem, SolveOptions options,
            AtomicBoolean timedOut) {
        if (options.evaluationLimit().isEmpty()) {
            return solver.solve(SitingMapper.toSolution(problem));
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "siting-time-cap");
            t.setDaemon(true);
            return t;
        });
        // repeated, in case the first call comes before the solver has started (it resets the flag)
        timer.scheduleAtFixedRate(() -> {
            timedOut.set(true);
            solver.terminateEarly();
        }, options.timeLimit().toMillis(), 50, TimeUnit.MILLISECONDS);
        try {
            return solver.solve(SitingMapper.toSolution(problem));
        } finally {
            timer.shutdownNow();
        }
    }

    /**
     * Ends the solve after the step that first finds a feasible best plan with a travel objective
     * (unrounded) at or below {@link SolveOptions#stopAtTravel()}, if set; the flag says whether it did.
     */
    private static boolean[] stopAtTravel(Solver<SitingSolution> solver, SolveOptions options) {
        boolean[] reached = {false};
        options.stopAtTravel().ifPresent(target -> solver.addEventListener(event -> {
            if (!reached[0] && event.getNewBestScore().isFeasible() && travel(event.getNewBestSolution()) <= target) {
                reached[0] = true;
                solver.terminateEarly();
            }
        }));
        return reached;
    }

    /** The travel objective from the unrounded distances: the sum of travel weight × distance. */
    private static double travel(SitingSolution solution) {
        double total = 0;
        for (DemandAssignment a : solution.getAssignments()) {
            if (a.getSite() == null) {
                return Double.POSITIVE_INFINITY;
            }
            total += a.getTravelWeight() * a.distanceTo(a.getSite());
        }
        return total;
    }

    /**
     * Scores {@code solution}, a solution of {@code problem} (e.g. a baseline), in place under the
     * constraint model, so that its plan compares with a solved one.
     */
    public static void updateScore(SitingProblem problem, SitingSolution solution) {
        SolutionManager.<SitingSolution, HardSoftLongScore>create(scoringFactory(problem)).update(solution);
    }

    /** The constraint justifications behind the score of {@code solved}, a solution of {@code problem}. */
    public static ScoreJustifications explain(SitingProblem problem, SitingSolution solved) {
        return new ScoreJustifications(
                SolutionManager.<SitingSolution, HardSoftLongScore>create(scoringFactory(problem)).explain(solved));
    }

    /** A factory only for scoring: the limits of the configuration are never reached. */
    private static SolverFactory<SitingSolution> scoringFactory(SitingProblem problem) {
        return SolverFactory.create(solverConfig(problem, SolveOptions.ofTime(Duration.ofSeconds(1))));
    }

    /** The solver configuration used for the problem (its size and capacity choose the moves). */
    @SuppressWarnings("rawtypes") // OptaPlanner's config lists take the raw MoveSelectorConfig / PhaseConfig
    public static SolverConfig solverConfig(SitingProblem problem, SolveOptions options) {
        boolean capacitated = problem.branchCapacity().isPresent();
        // With an evaluation limit the clock stays out of the configuration: simulated annealing cools
        // by the terminations' time gradient, which a spent limit would make wall-clock based (another
        // plan on a slower or busier machine). The solve methods then apply the time limit as a cap
        // from outside (timeCapped); a caller building its own solver from this configuration with an
        // evaluation limit gets no time cap.
        TerminationConfig solverTermination = new TerminationConfig();
        if (options.evaluationLimit().isEmpty()) {
            solverTermination.withSpentLimit(options.timeLimit());
        }
        options.unimprovedTimeLimit().ifPresent(solverTermination::withUnimprovedSpentLimit);
        options.stopAtTravel().ifPresent(travel -> {
            if (!problem.weights().equals(SitingWeights.P_MEDIAN)) {
                throw new IllegalArgumentException("stopAtTravel needs the pure p-median weights "
                        + SitingWeights.P_MEDIAN + ", got " + problem.weights());
            }
            // checked on the unrounded travel by solveOutcome's listener: rounded costs cannot hit a
            // real-valued optimum exactly
        });
        options.evaluationLimit().ifPresent(solverTermination::withScoreCalculationCountLimit);

        List<MoveSelectorConfig> moves = new ArrayList<>();
        moves.add(nearbyChangeMoves(problem.siteCount()).withFixedProbabilityWeight(capacitated ? 4.0 : 2.0));
        if (capacitated) {
            moves.add(new SwapMoveSelectorConfig().withFixedProbabilityWeight(4.0));
        }
        moves.add(new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(MedianSwapMoveFactory.class)
                .withFixedProbabilityWeight(capacitated ? 2.0 : 8.0));

        UnionMoveSelectorConfig union = new UnionMoveSelectorConfig().withMoveSelectorList(moves);
        List<PhaseConfig> phases = new ArrayList<>();
        phases.add(new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(GreedyAddConstruction.class)));
        phases.add(new ConstructionHeuristicPhaseConfig());
        LocalSearchPhaseConfig lateAcceptance = new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(union)
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE_SIZE))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
        phases.add(lateAcceptance);
        if (!capacitated) {
            // Late acceptance converges fast but can stall in a deep single-swap optimum (pmed7);
            // after a fixed budget of evaluations (deterministic, unlike a time budget) simulated
            // annealing takes over for the rest of the time.
            long budget = Math.max(20_000L, 25L * problem.demandCount() * problem.maxBranches());
            lateAcceptance.withTerminationConfig(new TerminationConfig().withScoreCalculationCountLimit(budget));
            phases.add(new LocalSearchPhaseConfig()
                    .withMoveSelectorConfig(union)
                    .withAcceptorConfig(new LocalSearchAcceptorConfig()
                            .withSimulatedAnnealingStartingTemperature(startingTemperature(problem)))
                    .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1)));
        } else if (problem.weights().equals(SitingWeights.P_MEDIAN) && !problem.communitySharesBranch()) {
            addCapacitatedMedianSearch(problem, options, phases, lateAcceptance, union);
        }

        SolverConfig config = new SolverConfig()
                .withSolutionClass(SitingSolution.class)
                .withEntityClasses(DemandAssignment.class, BranchSite.class)
                .withConstraintProviderClass(SitingConstraintProvider.class)
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(options.seed())
                .withMoveThreadCount(SolverConfig.MOVE_THREAD_COUNT_NONE)
                .withTerminationConfig(solverTermination)
                .withPhaseList(phases);
        // Bavet, not the Drools-based streams that are also on the classpath: the same scores, several
        // times the evaluations per second on these models.
        config.getScoreDirectorFactoryConfig().setConstraintStreamImplType(ConstraintStreamImplType.BAVET);
        return config;
    }

    /**
     * The capacitated pure-travel search (benchmarks): late acceptance for a fixed budget, then
     * {@link CapacitatedMedianSearch} (median swaps evaluated with a whole reassignment, under
     * variable-neighbourhood shaking) for most of what is left, then simulated annealing on the
     * planning moves; every phase budget is a count of evaluations, so the plan stays the same on
     * every machine.
     */
    @SuppressWarnings("rawtypes")
    private static void addCapacitatedMedianSearch(SitingProblem problem, SolveOptions options,
            List<PhaseConfig> phases,
            LocalSearchPhaseConfig lateAcceptance, UnionMoveSelectorConfig union) {
        long np = (long) problem.demandCount() * problem.maxBranches();
        long laBudget = Math.max(20_000L, 30L * np);
        lateAcceptance.withTerminationConfig(new TerminationConfig().withScoreCalculationCountLimit(laBudget));
        long total = options.evaluationLimit().orElse(Long.MAX_VALUE);
        long vnsEnd = total == Long.MAX_VALUE ? Long.MAX_VALUE : laBudget + (total - Math.min(total, laBudget)) * 9
                / 10;
        java.util.Map<String, String> properties = new java.util.HashMap<>();
        properties.put("evaluationLimit", Long.toString(vnsEnd));
        properties.put("deadlineMillis", Long.toString(System.currentTimeMillis() + options.timeLimit().toMillis()));
        properties.put("seed", Long.toString(options.seed()));
        options.stopAtTravel().ifPresent(t -> properties.put("stopAtTravel", Double.toString(t)));
        phases.add(new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(CapacitatedMedianSearch.class))
                .withCustomProperties(properties));
        phases.add(new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(union)
                .withAcceptorConfig(new LocalSearchAcceptorConfig()
                        .withSimulatedAnnealingStartingTemperature(startingTemperature(problem)))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1)));
    }

    /**
     * The simulated-annealing starting temperature: half the average weighted travel per demand
     * point of the greedy-add plan, so a move that makes one point travel about half an average
     * trip farther is accepted with probability 1/e at the start. Scaling by the instance keeps the
     * same setting right for unit-weight benchmarks and household-weighted districts.
     */
    static String startingTemperature(SitingProblem problem) {
        SitingSolution solution = SitingMapper.toSolution(problem);
        List<DemandAssignment> assignments = solution.getAssignments();
        boolean[] open = GreedyAddConstruction.greedyAdd(assignments, problem.siteCount(), problem.maxBranches());
        long total = 0;
        for (DemandAssignment a : assignments) {
            long best = Long.MAX_VALUE;
            for (int j = 0; j < open.length; j++) {
                if (open[j]) {
                    best = Math.min(best, a.costTo(j));
                }
            }
            total += Math.max(1, a.getTravelWeight()) * best;
        }
        long soft = Math.max(1, total / (2L * assignments.size()));
        return HardSoftLongScore.of(0, soft).toString();
    }

    /** Client → branch change moves to sites near the client, filtered to open branches. */
    private static ChangeMoveSelectorConfig nearbyChangeMoves(int siteCount) {
        NearbySelectionConfig nearby = new NearbySelectionConfig()
                .withOriginEntitySelectorConfig(EntitySelectorConfig.newMimicSelectorConfig(DEMAND_SELECTOR))
                .withNearbyDistanceMeterClass(DemandSiteDistanceMeter.class)
                .withNearbySelectionDistributionType(NearbySelectionDistributionType.PARABOLIC_DISTRIBUTION)
                .withParabolicDistributionSizeMaximum(Math.min(siteCount, 40));
        return new ChangeMoveSelectorConfig()
                .withEntitySelectorConfig(new EntitySelectorConfig(DemandAssignment.class).withId(DEMAND_SELECTOR))
                .withValueSelectorConfig(new ValueSelectorConfig().withNearbySelectionConfig(nearby))
                .withFilterClass(OpenSiteChangeMoveFilter.class);
    }
}
