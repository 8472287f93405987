package org.gridplan.results.stats;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.gridplan.sim.agent.DutyRoster;

/**
 * The outcome of a capacity planning ({@code gridplan capacity}) for the report: per layout, the
 * staffing-versus-KPI curve the model expects, the points the simulation checked and the answer —
 * the fewest professionals on top of the scenario's workers, with the duty roster, whose simulated
 * shares reach the targets with the given confidence.
 *
 * <p>Shares are fractions in [0, 1].
 *
 * @param scenario     the scenario's name
 * @param city         the district's name
 * @param onTime       the target share of cases reached within their response limit
 * @param urgentOnTime the target share of urgent cases reached within it
 * @param confidence   the confidence of the one-sided lower bounds, e.g. 0.95
 * @param layouts      one entry per layout planned, in order
 */
public record CapacityStudy(String scenario, String city, double onTime, double urgentOnTime, double confidence,
        List<Layout> layouts) {

    public CapacityStudy {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(city, "city");
        layouts = List.copyOf(layouts);
    }

    /**
     * The workers of a plan, by kind.
     *
     * @param fullTime      full-time grid workers (专职网格员)
     * @param partTime      part-time grid workers (兼职网格员)
     * @param professionals professionals of a grid (专业力量), the scenario's and those added
     * @param branchPool    workers of branch pools
     * @param onDuty        workers on duty at once out of hours (nights and weekends) by the duty
     *                      roster; drawn in rotation from the full-time workers unless the roster
     *                      has a duty team
     */
    public record Headcount(int fullTime, int partTime, int professionals, int branchPool, int onDuty) {

        public Headcount {
            if (fullTime < 0 || partTime < 0 || professionals < 0 || branchPool < 0 || onDuty < 0) {
                throw new IllegalArgumentException("negative headcount");
            }
        }

        /** Every worker of the plan, duty posts drawn from the grid workers not counted twice. */
        public int workers() {
            return fullTime + partTime + professionals + branchPool;
        }
    }

    /**
     * A point of the model's curve.
     *
     * @param professionals professionals added to the scenario's workers
     * @param onTime        expected share of cases on time
     * @param urgentOnTime  expected share of urgent cases on time
     * @param meanResponse  expected mean response, minutes
     */
    public record ModelPoint(int professionals, double onTime, double urgentOnTime, double meanResponse) {
    }

    /**
     * A curve point the simulation checked.
     *
     * @param professionals professionals added
     * @param staff         the plan's workers at this point
     * @param runs          one-year runs
     * @param onTime        mean simulated share of cases on time
     * @param onTimeCi      its two-sided confidence interval at the study's confidence
     * @param onTimeLow     its one-sided lower confidence bound (what the target is tested against)
     * @param urgentOnTime  mean simulated share of urgent cases on time
     * @param urgentLow     its one-sided lower bound
     * @param meanResponse  mean simulated mean response, minutes
     * @param meets         whether both lower bounds reach their targets
     */
    public record SimulatedPoint(int professionals, Headcount staff, int runs, double onTime, Interval onTimeCi,
            double onTimeLow, double urgentOnTime, double urgentLow, double meanResponse, boolean meets) {

        public SimulatedPoint {
            Objects.requireNonNull(staff, "staff");
            Objects.requireNonNull(onTimeCi, "onTimeCi");
        }
    }

    /**
     * A candidate duty roster as the model rates it.
     *
     * @param roster       the roster
     * @param urgentOnTime the share of urgent cases on time the model expects with it (no professionals added)
     */
    public record RosterOption(DutyRoster roster, double urgentOnTime) {

        public RosterOption {
            Objects.requireNonNull(roster, "roster");
        }
    }

    /**
     * One layout's capacity plan.
     *
     * @param layout           the layout's name
     * @param grids            its number of grids
     * @param roster           the chosen duty roster
     * @param rosters          each candidate roster with the urgent share on time the model expects, in
     *                         the order tried (cheapest first)
     * @param maxProfessionals the bound of the search
     * @param curve            the model's curve from 0 professionals added
     * @param simulated        the points simulated, in the order simulated
     * @param chosen           professionals added at the answer, empty when no point within the
     *                         bound meets the target
     */
    public record Layout(String layout, int grids, DutyRoster roster, List<RosterOption> rosters, int maxProfessionals,
            List<ModelPoint> curve, List<SimulatedPoint> simulated, OptionalInt chosen) {

        public Layout {
            Objects.requireNonNull(layout, "layout");
            Objects.requireNonNull(roster, "roster");
            rosters = List.copyOf(rosters);
            curve = List.copyOf(curve);
            simulated = List.copyOf(simulated);
            Objects.requireNonNull(chosen, "chosen");
            if (chosen.isPresent() && simulated.stream().noneMatch(p -> p.professionals() == chosen.getAsInt())) {
                throw new IllegalArgumentException("layout " + layout + ": the answer (" + chosen.getAsInt()
                        + " professionals) was not simulated");
            }
        }

        /** The simulated point at {@code professionals} added, if it was simulated. */
        public Optional<SimulatedPoint> simulatedAt(int professionals) {
            return simulated.stream().filter(p -> p.professionals() == professionals).findFirst();
        }

        /** The answer's simulated point, empty when the target is not met within the bound. */
        public Optional<SimulatedPoint> answer() {
            return chosen.isPresent() ? simulatedAt(chosen.getAsInt()) : Optional.empty();
        }

        /** The point one professional short of the answer, when it was simulated and falls short. */
        public Optional<SimulatedPoint> shortOfAnswer() {
            if (chosen.isEmpty() || chosen.getAsInt() == 0) {
                return Optional.empty();
            }
            return simulatedAt(chosen.getAsInt() - 1).filter(p -> !p.meets());
        }

        /** The simulated point with the highest lower bound on time (fewest professionals on a tie). */
        public Optional<SimulatedPoint> best() {
            return simulated.stream().max(Comparator.comparingDouble(SimulatedPoint::onTimeLow)
                    .thenComparing(Comparator.comparingInt(SimulatedPoint::professionals).reversed()));
        }
    }
}
