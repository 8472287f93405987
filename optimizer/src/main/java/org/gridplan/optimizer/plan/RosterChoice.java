package org.gridplan.optimizer.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.gridplan.optimizer.mapping.DistrictProblems;
import org.gridplan.optimizer.mapping.FieldDistrict;
import org.gridplan.optimizer.response.FieldResponseModel.Outcome;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.engine.SimulationConfig;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.TravelMode;
import org.gridplan.sim.road.TravelTimes;

/**
 * The out-of-hours duty roster decision in the field regime: of candidate rosters — the unit (per
 * community or per branch pool), how many are on duty per unit, whether grid workers take turns or
 * a separate duty team serves, and where they wait (the community office, the branch, at home, or
 * the unit's central building by road)
 * — the one with the fewest workers on duty at night whose urgent cases the field-regime model
 * expects on time at least as often as the target; among equally cheap ones grid workers in
 * rotation before a duty team (a team is extra staff), then the best urgent on-time share, then
 * the shortest mean response (where the duty waits), then the earlier candidate. When none meets
 * the target, the one with the best urgent on-time share.
 *
 * <p>The model sees where the duty waits (its travel to the grid's households) and when it is on
 * duty; it does not see a second duty worker of a unit (out-of-hours urgent cases are rare enough
 * that one is seldom busy), so more than one on duty is chosen only when asked for by the
 * candidates alone.
 */
public final class RosterChoice {

    private RosterChoice() {
    }

    /**
     * A candidate roster and what the model expects of it.
     *
     * @param roster         the roster
     * @param onDutyAtNight  workers on duty at once out of hours: units × on duty per unit
     * @param forecast       the model's forecast of the district's runs with it
     * @param meetsTarget    whether its urgent on-time share reaches the target
     */
    public record Option(DutyRoster roster, int onDutyAtNight, Plan.Forecast forecast, boolean meetsTarget) {
    }

    /**
     * The decision.
     *
     * @param urgentTarget the least urgent on-time share asked for, in (0, 1]
     * @param options      every candidate with its forecast, in candidate order
     * @param chosen       the roster chosen
     */
    public record Decision(double urgentTarget, List<Option> options, Option chosen) {

        /** Validates and copies. */
        public Decision {
            options = List.copyOf(options);
            Objects.requireNonNull(chosen, "chosen");
        }

        /** The sentence explaining it, in English and Chinese. */
        public PlanJustification justification() {
            Option c = chosen;
            StringBuilder en = new StringBuilder();
            StringBuilder zh = new StringBuilder();
            if (c.meetsTarget()) {
                en.append(String.format(Locale.ROOT, "Out of hours, %s (%d on duty at night) is the cheapest roster the"
                        + " field-regime model expects to reach %.1f%% of urgent cases on time: %.2f%%, mean response"
                        + " %.2f min", c.roster().label(), c.onDutyAtNight(), 100 * urgentTarget,
                        100 * c.forecast().urgentOnTimeShare(), c.forecast().meanResponseMinutes()));
                zh.append(String.format(Locale.ROOT, "非工作时间采用 %s（夜间 %d 人值班），是现场运行模型预计紧急事件按时到达率"
                        + "达到 %.1f%% 的最省值班安排：%.2f%%，平均响应 %.2f 分钟", c.roster().label(), c.onDutyAtNight(),
                        100 * urgentTarget, 100 * c.forecast().urgentOnTimeShare(),
                        c.forecast().meanResponseMinutes()));
            } else {
                en.append(String.format(Locale.ROOT, "No candidate roster reaches %.1f%% of urgent cases on time in the"
                        + " field-regime model; the best, %s (%d on duty at night), reaches %.2f%%", 100 * urgentTarget,
                        c.roster().label(), c.onDutyAtNight(), 100 * c.forecast().urgentOnTimeShare()));
                zh.append(String.format(Locale.ROOT, "现场运行模型中没有候选值班安排使紧急事件按时到达率达到 %.1f%%；最好的 %s"
                        + "（夜间 %d 人值班）为 %.2f%%", 100 * urgentTarget, c.roster().label(), c.onDutyAtNight(),
                        100 * c.forecast().urgentOnTimeShare()));
            }
            List<String> others = new ArrayList<>();
            for (Option o : options) {
                if (o != c) {
                    others.add(String.format(Locale.ROOT, "%s %.2f%%, %.2f min", o.roster().label(),
                            100 * o.forecast().urgentOnTimeShare(), o.forecast().meanResponseMinutes()));
                }
            }
            if (!others.isEmpty()) {
                en.append(" (").append(String.join("; ", others)).append(')');
                zh.append("（").append(String.join("；", others)).append('）');
            }
            return new PlanJustification(en.append('.').toString(), zh.append('。').toString());
        }
    }

    /**
     * The default candidates, cheapest first: no roster; one grid worker per community in rotation
     * at the community office, on call at home, or at the community's central building (its
     * 1-median by road, {@link DutyRoster.Location#CENTRAL}); a duty team of one per community at
     * the office or at the central building; and, when the staffing has branch pools, one per branch
     * at the branch (grid workers, or a duty team).
     */
    public static List<DutyRoster> candidates(boolean branchPools) {
        List<DutyRoster> out = new ArrayList<>();
        out.add(DutyRoster.NONE);
        if (branchPools) {
            out.add(new DutyRoster(DutyRoster.Scope.BRANCH, 1, DutyRoster.Source.GRID_WORKERS,
                    DutyRoster.Location.BRANCH, Optional.empty()));
            out.add(new DutyRoster(DutyRoster.Scope.BRANCH, 1, DutyRoster.Source.DUTY_TEAM, DutyRoster.Location.BRANCH,
                    Optional.empty()));
        }
        out.add(DutyRoster.defaults());
        out.add(new DutyRoster(DutyRoster.Scope.COMMUNITY, 1, DutyRoster.Source.GRID_WORKERS, DutyRoster.Location.HOME,
                Optional.empty()));
        out.add(new DutyRoster(DutyRoster.Scope.COMMUNITY, 1, DutyRoster.Source.GRID_WORKERS,
                DutyRoster.Location.CENTRAL, Optional.empty()));
        out.add(new DutyRoster(DutyRoster.Scope.COMMUNITY, 1, DutyRoster.Source.DUTY_TEAM,
                DutyRoster.Location.COMMUNITY_OFFICE, Optional.empty()));
        out.add(new DutyRoster(DutyRoster.Scope.COMMUNITY, 1, DutyRoster.Source.DUTY_TEAM,
                DutyRoster.Location.CENTRAL, Optional.empty()));
        return out;
    }

    /**
     * Chooses among {@code candidates} for {@code staffing} of {@code layout}, whose own roster is
     * replaced by each candidate in turn.
     *
     * @param settings     the runs' settings (field model, patrol, demand, travel)
     * @param seed         seed of the model's routine-day samples
     * @param urgentTarget least urgent on-time share, in (0, 1]
     * @throws IllegalArgumentException without candidates, with a target outside (0, 1], or with a
     *     per-branch candidate and no branch pools
     */
    public static Decision choose(City city, GridLayout layout, Staffing staffing, TravelTimes travel,
            SimulationConfig settings, long seed, List<DutyRoster> candidates, double urgentTarget) {
        return choose(city, layout, staffing, settings, seed, candidates, urgentTarget, DistrictProblems.of(city,
                layout, travel, settings.travel().mode().orElse(TravelMode.EBIKE), settings.demand()));
    }

    /** As the public overload, on the district's problems already built for the settings' travel and demand. */
    static Decision choose(City city, GridLayout layout, Staffing staffing, SimulationConfig settings, long seed,
            List<DutyRoster> candidates, double urgentTarget, DistrictProblems problems) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("duty roster choice: no candidate rosters");
        }
        if (!(urgentTarget > 0 && urgentTarget <= 1)) {
            throw new IllegalArgumentException("duty roster choice: urgent on-time target " + urgentTarget
                    + " must be in (0, 1]");
        }
        int communities = (int) layout.communityOfGrid().values().stream().distinct().count();
        List<Option> options = new ArrayList<>();
        for (DutyRoster r : candidates) {
            int units = switch (r.scope()) {
                case NONE -> 0;
                case COMMUNITY -> communities;
                case BRANCH -> staffing.pools().size();
            };
            if (r.scope() == DutyRoster.Scope.BRANCH && units == 0) {
                throw new IllegalArgumentException("duty roster choice: " + r.label() + " keeps one roster per branch"
                        + " pool, and the staffing has no branch pools");
            }
            Plan.Forecast f = forecast(FieldDistrict.of(city, layout, staffing.withDuty(r), settings, seed, problems));
            options.add(new Option(r, units * r.onDuty(), f, f.urgentOnTimeShare() >= urgentTarget - 1e-12));
        }
        Comparator<Option> cheapest = Comparator.comparingInt(Option::onDutyAtNight)
                .thenComparing(o -> o.roster().source() == DutyRoster.Source.DUTY_TEAM)
                .thenComparing(o -> -o.forecast().urgentOnTimeShare())
                // Then where it waits: the shorter mean response (the duty's trips to urgent cases).
                .thenComparingDouble(o -> o.forecast().meanResponseMinutes());
        Option chosen = options.stream().filter(Option::meetsTarget).min(cheapest)
                .orElseGet(() -> options.stream().max(Comparator.comparingDouble(
                        (Option o) -> o.forecast().urgentOnTimeShare()).thenComparing(cheapest.reversed())).get());
        return new Decision(urgentTarget, options, chosen);
    }

    /** The field model's forecast of a district's runs. */
    static Plan.Forecast forecast(FieldDistrict district) {
        Outcome o = district.predict();
        double known = 0;
        for (double k : o.known()) {
            known += k;
        }
        return new Plan.Forecast(known, o.meanResponse(), o.onTimeShare(), o.onTimeShare(district.model().urgent()));
    }
}
