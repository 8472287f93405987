package org.gridplan.scenarios.spec;

import java.util.List;
import java.util.Objects;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.ShiftPattern;

/**
 * The staffing a scenario asks for, built per layout by a staffing planner (by default the field
 * standard, {@code FieldStandardStaffing}).
 *
 * @param fullTimePerGrid        full-time grid workers per grid, 1 to 10; default 1 (Jidong
 *                               county: 633 full-time workers for 633 grids)
 * @param partTimePerCommunity   part-time workers per community, 0 to 200; default 2 (Jidong's
 *                               1,508 part-time workers for 633 grids are about 2.4 per grid; the
 *                               default is conservative and matches {@code gridplan simulate})
 * @param professionalsPerGrid   professional workers (police, judicial, urban management) per
 *                               grid, 0 to 5, may be fractional: {@code round(value × grids)}
 *                               professionals spread evenly over the grids in id order; default 0
 *                               (Jidong county has 458 for 633 grids, 0.72 per grid)
 * @param branchPoolPerCommunity workers of a branch pool per community (a party-mass service
 *                               station backing up the community's grids), 0 to 50; default 0
 * @param emergencyPool          emergency workers mobilised for a surge that names no number of
 *                               its own, 0 to 100,000; default 0 (Zhanjiang ETDZ: a 521-person
 *                               emergency team for 89 grids)
 * @param fullTimeShift          shift of full-time and professional workers; default weekday day
 *                               08:30–17:30
 * @param partTimeShift          shift of part-time workers; default 09:00–13:00 Monday to Saturday
 * @param poolShift              shift of branch pool workers; default weekday day
 * @param duty                   the out-of-hours duty roster the planner puts on the plan; default
 *                               {@link DutyRoster#defaults()} (one grid worker per community on duty
 *                               out of hours at the community office, an assumption)
 * @param stagger                candidate shifts the optimiser may move a grid's professionals to
 *                               (staggered shifts, {@code ShiftChoice}), each of the full-time
 *                               shift's weekly hours; empty (the default) keeps every shift
 */
public record StaffingSpec(int fullTimePerGrid, int partTimePerCommunity, double professionalsPerGrid,
        int branchPoolPerCommunity, int emergencyPool, ShiftPattern fullTimeShift, ShiftPattern partTimeShift,
        ShiftPattern poolShift, DutyRoster duty, List<ShiftPattern> stagger) {

    /** A request that keeps every worker's shift. */
    public StaffingSpec(int fullTimePerGrid, int partTimePerCommunity, double professionalsPerGrid,
            int branchPoolPerCommunity, int emergencyPool, ShiftPattern fullTimeShift, ShiftPattern partTimeShift,
            ShiftPattern poolShift, DutyRoster duty) {
        this(fullTimePerGrid, partTimePerCommunity, professionalsPerGrid, branchPoolPerCommunity, emergencyPool,
                fullTimeShift, partTimeShift, poolShift, duty, List.of());
    }

    /** A request with the default duty roster. */
    public StaffingSpec(int fullTimePerGrid, int partTimePerCommunity, double professionalsPerGrid,
            int branchPoolPerCommunity, int emergencyPool, ShiftPattern fullTimeShift, ShiftPattern partTimeShift,
            ShiftPattern poolShift) {
        this(fullTimePerGrid, partTimePerCommunity, professionalsPerGrid, branchPoolPerCommunity, emergencyPool,
                fullTimeShift, partTimeShift, poolShift, DutyRoster.defaults());
    }

    public StaffingSpec {
        if (fullTimePerGrid < 1 || partTimePerCommunity < 0 || !(professionalsPerGrid >= 0)
                || branchPoolPerCommunity < 0 || emergencyPool < 0) {
            throw new IllegalArgumentException("staffing numbers out of range");
        }
        Objects.requireNonNull(fullTimeShift, "fullTimeShift");
        Objects.requireNonNull(partTimeShift, "partTimeShift");
        Objects.requireNonNull(poolShift, "poolShift");
        Objects.requireNonNull(duty, "duty");
        stagger = List.copyOf(stagger);
    }

    /** This request with another duty roster. */
    public StaffingSpec withDuty(DutyRoster roster) {
        return new StaffingSpec(fullTimePerGrid, partTimePerCommunity, professionalsPerGrid, branchPoolPerCommunity,
                emergencyPool, fullTimeShift, partTimeShift, poolShift, roster, stagger);
    }

    /** The defaults listed above. */
    public static StaffingSpec defaults() {
        return new StaffingSpec(1, 2, 0, 0, 0, ShiftPattern.WEEKDAY_DAY, ShiftPattern.PART_TIME,
                ShiftPattern.WEEKDAY_DAY, DutyRoster.defaults());
    }
}
