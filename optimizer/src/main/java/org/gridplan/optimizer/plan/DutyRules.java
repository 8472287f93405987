package org.gridplan.optimizer.plan;

import java.util.Objects;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.ShiftPattern;

/**
 * When the planned workers are on duty in the simulator's staffing plan
 * ({@link Plan#toStaffing()}): the shifts of workers without one of their own, the branch pools
 * at sited branches, and the out-of-hours duty roster. They do not change the plan itself (the
 * analytic model counts only time on shift).
 *
 * @param fullTimeShift     shift of full-time and professional workers without their own
 * @param partTimeShift     shift of part-time workers without their own
 * @param branchPoolWorkers workers of a branch pool at each open branch when branches are sited, 0
 *                          for no pools
 * @param poolShift         shift of the branch pools
 * @param roster            the out-of-hours duty roster put on the staffing plan
 */
public record DutyRules(ShiftPattern fullTimeShift, ShiftPattern partTimeShift, int branchPoolWorkers,
        ShiftPattern poolShift, DutyRoster roster) {

    /**
     * The simulator's default shifts (weekday day, part-time mornings), no branch pools and no duty
     * roster.
     */
    public static final DutyRules DEFAULT = new DutyRules(ShiftPattern.WEEKDAY_DAY, ShiftPattern.PART_TIME, 0,
            ShiftPattern.WEEKDAY_DAY, DutyRoster.NONE);

    /** Validates. */
    public DutyRules {
        Objects.requireNonNull(fullTimeShift, "fullTimeShift");
        Objects.requireNonNull(partTimeShift, "partTimeShift");
        Objects.requireNonNull(poolShift, "poolShift");
        Objects.requireNonNull(roster, "roster");
        if (branchPoolWorkers < 0) {
            throw new IllegalArgumentException("duty rules: " + branchPoolWorkers + " branch pool workers is negative");
        }
    }

    /** These rules with another duty roster. */
    public DutyRules withRoster(DutyRoster newRoster) {
        return new DutyRules(fullTimeShift, partTimeShift, branchPoolWorkers, poolShift, newRoster);
    }
}
