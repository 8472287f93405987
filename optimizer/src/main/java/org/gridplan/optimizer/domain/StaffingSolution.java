package org.gridplan.optimizer.domain;

import java.util.List;
import org.optaplanner.core.api.domain.constraintweight.ConstraintConfigurationProvider;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/** The worker → grid planning solution: grids, worker assignments, weights and the score. */
@PlanningSolution
public class StaffingSolution {

    @ValueRangeProvider
    @ProblemFactCollectionProperty
    private List<StaffingGrid> grids;

    @PlanningEntityCollectionProperty
    private List<WorkerAssignment> workers;

    @ConstraintConfigurationProvider
    private StaffingConstraintConfiguration constraintConfiguration;

    @PlanningScore
    private HardSoftLongScore score;

    /** For OptaPlanner's cloning. */
    public StaffingSolution() {
    }

    /** A solution to be solved. */
    public StaffingSolution(List<StaffingGrid> grids, List<WorkerAssignment> workers,
            StaffingConstraintConfiguration constraintConfiguration) {
        this.grids = grids;
        this.workers = workers;
        this.constraintConfiguration = constraintConfiguration;
    }

    /** The grids, in travel-matrix column order. */
    public List<StaffingGrid> getGrids() {
        return grids;
    }

    /** The worker assignments, in travel-matrix row order. */
    public List<WorkerAssignment> getWorkers() {
        return workers;
    }

    /** The constraint weights. */
    public StaffingConstraintConfiguration getConstraintConfiguration() {
        return constraintConfiguration;
    }

    /** The score, {@code null} before solving. */
    public HardSoftLongScore getScore() {
        return score;
    }

    /** For OptaPlanner. */
    public void setScore(HardSoftLongScore score) {
        this.score = score;
    }
}
