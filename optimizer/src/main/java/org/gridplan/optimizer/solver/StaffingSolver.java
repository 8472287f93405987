package org.gridplan.optimizer.solver;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gridplan.optimizer.domain.StaffingConstraintConfiguration;
import org.gridplan.optimizer.domain.StaffingGrid;
import org.gridplan.optimizer.domain.StaffingSolution;
import org.gridplan.optimizer.domain.WorkerAssignment;
import org.gridplan.optimizer.mapping.StaffingMapper;
import org.gridplan.optimizer.model.StaffingPlan;
import org.gridplan.optimizer.model.StaffingProblem;
import org.gridplan.sim.agent.WorkerType;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.heuristic.selector.common.nearby.NearbySelectionConfig;
import org.optaplanner.core.config.heuristic.selector.common.nearby.NearbySelectionDistributionType;
import org.optaplanner.core.config.heuristic.selector.entity.EntitySelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.value.ValueSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Solves worker → grid assignment with OptaPlanner on the analytic response model
 * ({@link StaffingConstraintProvider}): first-fit construction, then late acceptance over change
 * and swap moves. Seeded and single-threaded; with an evaluation limit the plan is reproducible.
 */
public final class StaffingSolver {

    /** Nearby moves draw from about this many nearest grids or workers (parabolic distribution). */
    private static final int NEARBY = 40;

    private StaffingSolver() {
    }

    /** Solves with the default weights. */
    public static StaffingPlan solve(StaffingProblem problem, SolveOptions options) {
        return solve(problem, new StaffingConstraintConfiguration(), options);
    }

    /** Solves with the given weights; {@code stopAtTravel} in the options is not used. */
    public static StaffingPlan solve(StaffingProblem problem, StaffingConstraintConfiguration weights,
            SolveOptions options) {
        return StaffingMapper.toPlan(problem, solveSolution(problem, weights, options, Map.of(), best -> { }));
    }

    /**
     * Solves from a starting assignment (e.g. the baseline) and returns the solved planning solution
     * (for score explanations). Local search starts from the start plan, so the solver holds a
     * feasible plan from the first step when the start is feasible; workers the start leaves out are
     * placed by the construction heuristic.
     *
     * @param start worker id → grid id for any workers; may be empty
     * @param listener told of every new best solution (progress lines); called on the solver's thread
     */
    public static StaffingSolution solveSolution(StaffingProblem problem, StaffingConstraintConfiguration weights,
            SolveOptions options, Map<String, String> start, Consumer<NewBest<StaffingSolution>> listener) {
        StaffingSolution solution = assigned(problem, weights, start);
        Solver<StaffingSolution> solver = SolverFactory.<StaffingSolution>create(solverConfig(options)).buildSolver();
        solver.addEventListener(e -> listener.accept(
                new NewBest<>(e.getNewBestSolution(), e.getNewBestScore().toString(),
                        e.getNewBestScore().isFeasible())));
        return solver.solve(solution);
    }

    /** The score of an assignment under the constraint model (e.g. of a baseline, to compare). */
    public static HardSoftLongScore score(StaffingProblem problem, StaffingConstraintConfiguration weights,
            Map<String, String> gridOfWorker) {
        StaffingSolution solution = assigned(problem, weights, gridOfWorker);
        return SolutionManager.<StaffingSolution, HardSoftLongScore>create(scoringFactory()).update(solution);
    }

    /** {@link #score} as text, e.g. {@code 0hard/-1234soft}. */
    public static String scoreText(StaffingProblem problem, StaffingConstraintConfiguration weights,
            Map<String, String> gridOfWorker) {
        return score(problem, weights, gridOfWorker).toString();
    }

    /** The constraint justifications behind the score of {@code solved}. */
    public static ScoreJustifications explain(StaffingSolution solved) {
        return new ScoreJustifications(
                SolutionManager.<StaffingSolution, HardSoftLongScore>create(scoringFactory()).explain(solved));
    }

    /** A factory only for scoring: the limits of the configuration are never reached. */
    private static SolverFactory<StaffingSolution> scoringFactory() {
        return SolverFactory.create(solverConfig(SolveOptions.ofTime(Duration.ofSeconds(1))));
    }

    /**
     * The planning solution of {@code problem} with each worker named in {@code gridOfWorker} in
     * that grid; the others unassigned.
     */
    private static StaffingSolution assigned(StaffingProblem problem, StaffingConstraintConfiguration weights,
            Map<String, String> gridOfWorker) {
        StaffingSolution solution = StaffingMapper.toSolution(problem, weights);
        Map<String, StaffingGrid> gridById = new HashMap<>();
        for (StaffingGrid g : solution.getGrids()) {
            gridById.put(g.getId(), g);
        }
        for (WorkerAssignment w : solution.getWorkers()) {
            String grid = gridOfWorker.get(w.getId());
            if (grid != null) {
                StaffingGrid g = gridById.get(grid);
                if (g == null) {
                    throw new IllegalArgumentException("plan puts worker " + w.getId() + " in unknown grid " + grid);
                }
                w.setGrid(g);
            }
        }
        return solution;
    }

    /**
     * The solver configuration: construction heuristic for unplaced workers, then late acceptance
     * over change and swap moves, most of them nearby (grids near the worker's home, workers whose
     * grid lies near the first one's home): with a thousand grids a random change or swap almost
     * never helps.
     */
    @SuppressWarnings("rawtypes") // OptaPlanner's config lists take the raw MoveSelectorConfig
    public static SolverConfig solverConfig(SolveOptions options) {
        TerminationConfig termination = new TerminationConfig().withSpentLimit(options.timeLimit());
        options.unimprovedTimeLimit().ifPresent(termination::withUnimprovedSpentLimit);
        options.evaluationLimit().ifPresent(termination::withScoreCalculationCountLimit);
        SolverConfig config = new SolverConfig()
                .withSolutionClass(StaffingSolution.class)
                .withEntityClasses(WorkerAssignment.class)
                .withConstraintProviderClass(StaffingConstraintProvider.class)
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(options.seed())
                .withMoveThreadCount(SolverConfig.MOVE_THREAD_COUNT_NONE)
                .withTerminationConfig(termination)
                .withPhases(new ConstructionHeuristicPhaseConfig(),
                        new LocalSearchPhaseConfig()
                                .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectorList(List.of(
                                        nearbyChangeMoves().withFixedProbabilityWeight(3.0),
                                        nearbySwapMoves().withFixedProbabilityWeight(3.0),
                                        new ChangeMoveSelectorConfig().withFixedProbabilityWeight(1.0),
                                        new SwapMoveSelectorConfig().withFixedProbabilityWeight(1.0))))
                                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(400))
                                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1)));
        // Bavet, not the Drools-based streams also on the classpath: same scores, about four times faster here.
        config.getScoreDirectorFactoryConfig().setConstraintStreamImplType(ConstraintStreamImplType.BAVET);
        return config;
    }

    private static ChangeMoveSelectorConfig nearbyChangeMoves() {
        NearbySelectionConfig nearby = new NearbySelectionConfig()
                .withOriginEntitySelectorConfig(EntitySelectorConfig.newMimicSelectorConfig("changed"))
                .withNearbyDistanceMeterClass(WorkerGridDistanceMeter.class)
                .withNearbySelectionDistributionType(NearbySelectionDistributionType.PARABOLIC_DISTRIBUTION)
                .withParabolicDistributionSizeMaximum(NEARBY);
        return new ChangeMoveSelectorConfig()
                .withEntitySelectorConfig(new EntitySelectorConfig(WorkerAssignment.class).withId("changed"))
                .withValueSelectorConfig(new ValueSelectorConfig().withNearbySelectionConfig(nearby));
    }

    private static SwapMoveSelectorConfig nearbySwapMoves() {
        NearbySelectionConfig nearby = new NearbySelectionConfig()
                .withOriginEntitySelectorConfig(EntitySelectorConfig.newMimicSelectorConfig("swapped"))
                .withNearbyDistanceMeterClass(WorkerSwapDistanceMeter.class)
                .withNearbySelectionDistributionType(NearbySelectionDistributionType.PARABOLIC_DISTRIBUTION)
                .withParabolicDistributionSizeMaximum(NEARBY);
        return new SwapMoveSelectorConfig()
                .withEntitySelectorConfig(new EntitySelectorConfig(WorkerAssignment.class).withId("swapped"))
                .withSecondaryEntitySelectorConfig(new EntitySelectorConfig(WorkerAssignment.class)
                        .withNearbySelectionConfig(nearby));
    }

    /**
     * The baseline the optimiser is measured against: one full-time worker per grid, each grid
     * taking the nearest free full-time worker (grids in order), every other worker the grid
     * nearest their home.
     */
    public static StaffingPlan baseline(StaffingProblem problem) {
        Map<String, String> gridOfWorker = new HashMap<>();
        boolean[] taken = new boolean[problem.workers().size()];
        List<StaffingGrid> grids = StaffingMapper.toSolution(problem, new StaffingConstraintConfiguration()).getGrids();
        for (StaffingGrid grid : grids) {
            int best = -1;
            for (int w = 0; w < problem.workers().size(); w++) {
                if (!taken[w] && problem.workers().get(w).type() == WorkerType.FULL_TIME
                        && (best < 0 || problem.travel(w, grid.getIndex()) < problem.travel(best, grid.getIndex()))) {
                    best = w;
                }
            }
            if (best >= 0) {
                taken[best] = true;
                gridOfWorker.put(problem.workers().get(best).id(), grid.getId());
            }
        }
        for (int w = 0; w < problem.workers().size(); w++) {
            if (!taken[w]) {
                int nearest = 0;
                for (int g = 1; g < grids.size(); g++) {
                    if (problem.travel(w, g) < problem.travel(w, nearest)) {
                        nearest = g;
                    }
                }
                gridOfWorker.put(problem.workers().get(w).id(), grids.get(nearest).getId());
            }
        }
        return StaffingMapper.evaluate(problem, gridOfWorker, "baseline");
    }
}
