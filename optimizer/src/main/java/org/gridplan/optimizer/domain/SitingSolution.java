package org.gridplan.optimizer.domain;

import java.util.List;
import org.optaplanner.core.api.domain.constraintweight.ConstraintConfigurationProvider;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/**
 * The branch-siting planning solution: candidate sites, demand assignments, parameters, weights
 * and the score.
 */
@PlanningSolution
public class SitingSolution {

    private String name;

    @ValueRangeProvider
    @PlanningEntityCollectionProperty
    private List<BranchSite> sites;

    @PlanningEntityCollectionProperty
    private List<DemandAssignment> assignments;

    @ProblemFactProperty
    private SitingParameters parameters;

    @ConstraintConfigurationProvider
    private SitingConstraintConfiguration constraintConfiguration;

    @PlanningScore
    private HardSoftLongScore score;

    /** For OptaPlanner's cloning. */
    public SitingSolution() {
    }

    /**
     * A solution to be solved.
     *
     * @param name the problem's name
     * @param sites the candidate sites, in matrix column order
     * @param assignments the demand points, in matrix row order
     * @param parameters the problem-wide parameters
     * @param constraintConfiguration the constraint weights
     */
    public SitingSolution(String name, List<BranchSite> sites, List<DemandAssignment> assignments,
            SitingParameters parameters, SitingConstraintConfiguration constraintConfiguration) {
        this.name = name;
        this.sites = sites;
        this.assignments = assignments;
        this.parameters = parameters;
        this.constraintConfiguration = constraintConfiguration;
    }

    /** The problem's name. */
    public String getName() {
        return name;
    }

    /** The candidate sites, in matrix column order. */
    public List<BranchSite> getSites() {
        return sites;
    }

    /** The demand assignments, in matrix row order. */
    public List<DemandAssignment> getAssignments() {
        return assignments;
    }

    /** The problem-wide parameters. */
    public SitingParameters getParameters() {
        return parameters;
    }

    /** The constraint weights. */
    public SitingConstraintConfiguration getConstraintConfiguration() {
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
