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
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Solves branch siting with OptaPlanner: greedy-add construction, then local search with nearby
 * client → branch change moves, client swaps (when branches have a capacity) and Teitz–Bart median
 * swaps, scored by {@link SitingConstraintProvider}.
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

        LocalSearchPhaseConfig localSearch = new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectorList(moves))
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE_SIZE))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));

        return new SolverConfig()
                .withSolutionClass(SitingSolution.class)
                .withEntityClasses(DemandAssignment.class, BranchSite.class)
                .withConstraintProviderClass(SitingConstraintProvider.class)
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(options.seed())
                .withMoveThreadCount(SolverConfig.MOVE_THREAD_COUNT_NONE)
                .withTerminationConfig(solverTermination)
                .withPhases(
                        new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(GreedyAddConstruction.class)),
                        new ConstructionHeuristicPhaseConfig(),
                        localSearch);
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
