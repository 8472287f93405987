package org.gridplan.optimizer.domain;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfiguration;
import org.optaplanner.core.api.domain.constraintweight.ConstraintWeight;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/**
 * The weights of every staffing constraint, in one place a scenario can override. Units of the
 * penalties: households without a full-time worker; milli-erlangs of load beyond a grid's
 * workers (an unstaffed grid: its whole load); incidents a year × 1/100 minute of expected response; 10⁻⁶ of squared
 * utilisation per
 * worker; 1/100 minute of home → grid travel per worker.
 */
@ConstraintConfiguration(constraintPackage = StaffingConstraintConfiguration.PACKAGE)
public class StaffingConstraintConfiguration {

    /** The constraint package of every staffing constraint. */
    public static final String PACKAGE = "org.gridplan.optimizer.staffing";

    /** Hard: every grid with demand has a full-time worker. */
    public static final String FULL_TIME_PER_GRID = "Full-time worker per grid";
    /** Hard: a grid's incident load stays below its workers' capacity. */
    public static final String OVERLOADED_GRID = "Grid overloaded";
    /** Hard: a grid with demand has at least one worker. */
    public static final String UNSTAFFED_GRID = "Grid unstaffed";
    /** Soft: incident-weighted expected response (travel + Erlang C wait). */
    public static final String EXPECTED_RESPONSE = "Expected response";
    /** Soft: even utilisation across workers. */
    public static final String UTILISATION_BALANCE = "Utilisation balance";
    /** Soft: workers live near their grid. */
    public static final String HOME_NEAR_GRID = "Home near grid";

    @ConstraintWeight(FULL_TIME_PER_GRID)
    private HardSoftLongScore fullTimePerGrid = HardSoftLongScore.ofHard(1);
    @ConstraintWeight(OVERLOADED_GRID)
    private HardSoftLongScore overloadedGrid = HardSoftLongScore.ofHard(1);
    @ConstraintWeight(UNSTAFFED_GRID)
    private HardSoftLongScore unstaffedGrid = HardSoftLongScore.ofHard(1);
    @ConstraintWeight(EXPECTED_RESPONSE)
    private HardSoftLongScore expectedResponse = HardSoftLongScore.ofSoft(1);
    @ConstraintWeight(UTILISATION_BALANCE)
    private HardSoftLongScore utilisationBalance = HardSoftLongScore.ofSoft(1);
    @ConstraintWeight(HOME_NEAR_GRID)
    private HardSoftLongScore homeNearGrid = HardSoftLongScore.ofSoft(1);

    /** The default weights. */
    public StaffingConstraintConfiguration() {
    }

    /**
     * The default hard weights with these soft weights (0 switches a soft constraint off).
     *
     * @param expectedResponse   weight of {@value #EXPECTED_RESPONSE}
     * @param utilisationBalance weight of {@value #UTILISATION_BALANCE}
     * @param homeNearGrid       weight of {@value #HOME_NEAR_GRID}
     */
    public static StaffingConstraintConfiguration ofSoftWeights(long expectedResponse, long utilisationBalance,
            long homeNearGrid) {
        StaffingConstraintConfiguration c = new StaffingConstraintConfiguration();
        c.setExpectedResponse(HardSoftLongScore.ofSoft(expectedResponse));
        c.setUtilisationBalance(HardSoftLongScore.ofSoft(utilisationBalance));
        c.setHomeNearGrid(HardSoftLongScore.ofSoft(homeNearGrid));
        return c;
    }

    /** Weight of {@value #FULL_TIME_PER_GRID}. */
    public HardSoftLongScore getFullTimePerGrid() {
        return fullTimePerGrid;
    }

    /** Weight of {@value #OVERLOADED_GRID}. */
    public HardSoftLongScore getOverloadedGrid() {
        return overloadedGrid;
    }

    /** Weight of {@value #UNSTAFFED_GRID}. */
    public HardSoftLongScore getUnstaffedGrid() {
        return unstaffedGrid;
    }

    /** Weight of {@value #EXPECTED_RESPONSE}. */
    public HardSoftLongScore getExpectedResponse() {
        return expectedResponse;
    }

    /** Weight of {@value #UTILISATION_BALANCE}. */
    public HardSoftLongScore getUtilisationBalance() {
        return utilisationBalance;
    }

    /** Weight of {@value #HOME_NEAR_GRID}. */
    public HardSoftLongScore getHomeNearGrid() {
        return homeNearGrid;
    }

    /** Sets the weight of {@value #HOME_NEAR_GRID} (e.g. 0 to ignore where workers live). */
    public void setHomeNearGrid(HardSoftLongScore weight) {
        this.homeNearGrid = weight;
    }

    /** Sets the weight of {@value #EXPECTED_RESPONSE}. */
    public void setExpectedResponse(HardSoftLongScore weight) {
        this.expectedResponse = weight;
    }

    /** Sets the weight of {@value #UTILISATION_BALANCE}. */
    public void setUtilisationBalance(HardSoftLongScore weight) {
        this.utilisationBalance = weight;
    }
}
