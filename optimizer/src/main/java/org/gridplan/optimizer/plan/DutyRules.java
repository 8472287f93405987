package org.gridplan.optimizer.plan;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.ShiftPattern;

/**
 * When the planned workers are on duty in the simulator's staffing plan
 * ({@link Plan#toStaffing()}): the shifts of workers without one of their own, the branch pools
 * at sited branches, and the out-of-hours duty roster, or the target by which the plan chooses one.
 * The queueing model does not see them; the field-regime model does.
 *
 * @param fullTimeShift     shift of full-time and professional workers without their own
 * @param partTimeShift     shift of part-time workers without their own
 * @param branchPoolWorkers workers of a branch pool at each open branch when branches are sited, 0
 *                          for no pools
 * @param poolShift         shift of the branch pools
 * @param roster            the out-of-hours duty roster put on the staffing plan (the baseline's,
 *                          and the plan's unless it chooses one)
 * @param chooseRoster      when present, the plan chooses its roster ({@link RosterChoice}): the
 *                          cheapest the field-regime model expects to reach this urgent on-time
 *                          share, in (0, 1]; needs a request in the field regime
 * @param staggerShifts     candidate shifts for the professionals of grids with a full-time
 *                          worker ({@link ShiftChoice}); empty to keep every worker's shift; needs
 *                          a request in the field regime
 */
public record DutyRules(ShiftPattern fullTimeShift, ShiftPattern partTimeShift, int branchPoolWorkers,
        ShiftPattern poolShift, DutyRoster roster, OptionalDouble chooseRoster, List<ShiftPattern> staggerShifts) {

    /**
     * The simulator's default shifts (weekday day, part-time mornings), no branch pools and no duty
     * roster.
     */
    public static final DutyRules DEFAULT = new DutyRules(ShiftPattern.WEEKDAY_DAY, ShiftPattern.PART_TIME, 0,
            ShiftPattern.WEEKDAY_DAY, DutyRoster.NONE);

    /** Rules that keep the given roster. */
    public DutyRules(ShiftPattern fullTimeShift, ShiftPattern partTimeShift, int branchPoolWorkers,
            ShiftPattern poolShift, DutyRoster roster) {
        this(fullTimeShift, partTimeShift, branchPoolWorkers, poolShift, roster, OptionalDouble.empty(), List.of());
    }

    /** Rules that choose a roster or keep one, and keep every worker's shift. */
    public DutyRules(ShiftPattern fullTimeShift, ShiftPattern partTimeShift, int branchPoolWorkers,
            ShiftPattern poolShift, DutyRoster roster, OptionalDouble chooseRoster) {
        this(fullTimeShift, partTimeShift, branchPoolWorkers, poolShift, roster, chooseRoster, List.of());
    }

    /** Validates. */
    public DutyRules {
        Objects.requireNonNull(fullTimeShift, "fullTimeShift");
        Objects.requireNonNull(partTimeShift, "partTimeShift");
        Objects.requireNonNull(poolShift, "poolShift");
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(chooseRoster, "chooseRoster");
        staggerShifts = List.copyOf(staggerShifts);
        if (chooseRoster.isPresent() && !(chooseRoster.getAsDouble() > 0 && chooseRoster.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("duty rules: urgent on-time target " + chooseRoster.getAsDouble()
                    + " of the roster choice must be in (0, 1]");
        }
        if (branchPoolWorkers < 0) {
            throw new IllegalArgumentException("duty rules: " + branchPoolWorkers + " branch pool workers is negative");
        }
    }

    /** These rules with another duty roster. */
    public DutyRules withRoster(DutyRoster newRoster) {
        return new DutyRules(fullTimeShift, partTimeShift, branchPoolWorkers, poolShift, newRoster, chooseRoster,
                staggerShifts);
    }

    /**
     * These rules with the plan choosing its roster: the cheapest the field-regime model expects to
     * reach {@code urgentOnTime} of urgent cases on time ({@link RosterChoice}); the baseline keeps
     * {@link #roster()}.
     */
    public DutyRules choosingRoster(double urgentOnTime) {
        return new DutyRules(fullTimeShift, partTimeShift, branchPoolWorkers, poolShift, roster,
                OptionalDouble.of(urgentOnTime), staggerShifts);
    }

    /**
     * These rules with the plan staggering the professionals' shifts among {@code candidates}
     * ({@link ShiftChoice}); the baseline keeps every worker's shift.
     */
    public DutyRules staggering(List<ShiftPattern> candidates) {
        return new DutyRules(fullTimeShift, partTimeShift, branchPoolWorkers, poolShift, roster, chooseRoster,
                candidates);
    }
}
