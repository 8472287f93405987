package org.gridplan.optimizer.solver;

import java.util.ArrayList;
import java.util.List;
import org.gridplan.optimizer.domain.BranchSite;
import org.gridplan.optimizer.domain.DemandAssignment;
import org.gridplan.optimizer.domain.SitingSolution;
import org.gridplan.optimizer.mapping.SitingMapper;
import org.gridplan.optimizer.model.SitingPlan;
import org.gridplan.optimizer.model.SitingProblem;
import org.gridplan.optimizer.model.SitingWeights;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
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

/**
 * Solves branch siting with OptaPlanner: greedy-add construction, then local search with nearby
 * client → branch change moves, client swaps (when branches have a capacity) and Teitz–Bart median
 * swaps, scored by {@link SitingConstraintProvider}. Late acceptance (400) searches first; without
 * capacities, simulated annealing takes over after a fixed evaluation budget (tuned on pmed1–10
 * and pmedcap01–05: late acceptance alone stalls on pmed7, annealing alone on pmed9 and the
 * capacitated instances).
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
        Solver<SitingSolution> solver = SolverFactory.<SitingSolution>create(solverConfig(problem, options))
                .buildSolver();
        return solver.solve(SitingMapper.toSolution(problem));
    }

    /** The solver configuration used for the problem (its size and capacity choose the moves). */
    @SuppressWarnings("rawtypes") // OptaPlanner's config lists take the raw MoveSelectorConfig / PhaseConfig
    public static SolverConfig solverConfig(SitingProblem problem, SolveOptions options) {
        boolean capacitated = problem.branchCapacity().isPresent();
        TerminationConfig solverTermination = new TerminationConfig().withSpentLimit(options.timeLimit());
        options.unimprovedTimeLimit().ifPresent(solverTermination::withUnimprovedSpentLimit);
        options.stopAtTravel().ifPresent(travel -> {
            if (!problem.weights().equals(SitingWeights.P_MEDIAN)) {
                throw new IllegalArgumentException("stopAtTravel needs the pure p-median weights "
                        + SitingWeights.P_MEDIAN + ", got " + problem.weights());
            }
            long soft = Math.round(travel * DemandAssignment.COST_RESOLUTION);
            solverTermination.withBestScoreLimit(HardSoftLongScore.of(0, -soft).toString());
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
