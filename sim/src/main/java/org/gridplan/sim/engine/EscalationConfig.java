package org.gridplan.sim.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.gridplan.sim.demand.EscalationLevel;
import org.gridplan.sim.demand.TimeDistribution;

/**
 * The timing of the escalation chain for incidents not resolved on the spot: the grid worker
 * reports to the joint command center when it leaves the site; the center issues a work order to
 * the level after the level's handoff delay; the level handles it in its handling time; the grid
 * worker then replies to the resident after the reply delay, which closes the incident (collect →
 * manage → report → handle → reply, Damao village; Tianya district's command center). Levels have
 * no capacity limit: their own queues are inside the handling time.
 *
 * @param levels the timing of every level
 * @param reply  from the level's completion to the reply that closes the incident, minutes
 */
public record EscalationConfig(Map<EscalationLevel, LevelTiming> levels, TimeDistribution reply) {

    /**
     * The timing of one level, in minutes.
     *
     * @param handoff  command center → work order at the level
     * @param handling the level's handling time
     */
    public record LevelTiming(TimeDistribution handoff, TimeDistribution handling) {
        public LevelTiming {
            Objects.requireNonNull(handoff, "handoff");
            Objects.requireNonNull(handling, "handling");
        }
    }

    public EscalationConfig {
        Objects.requireNonNull(reply, "escalation.reply");
        EnumMap<EscalationLevel, LevelTiming> copy = new EnumMap<>(EscalationLevel.class);
        for (EscalationLevel level : EscalationLevel.values()) {
            LevelTiming t = levels.get(level);
            if (t == null) {
                throw new ConfigException("escalation.levels." + level, "missing");
            }
            copy.put(level, t);
        }
        levels = Map.copyOf(copy);
    }

    /**
     * Assumed defaults (the field reports state outcomes, 100 % closure in Meilan district, not
     * durations): community 2 h handoff and log-normal 1 ± 0.5 days handling; street 4 h and
     * 3 ± 1.5 days; department 1 day and 5 ± 3 days; reply 2 h.
     */
    public static EscalationConfig defaults() {
        double h = 60;
        double d = 1440;
        return new EscalationConfig(Map.of(
                EscalationLevel.COMMUNITY, new LevelTiming(TimeDistribution.exponential(2 * h),
                        TimeDistribution.lognormal(d, 0.5 * d)),
                EscalationLevel.STREET, new LevelTiming(TimeDistribution.exponential(4 * h),
                        TimeDistribution.lognormal(3 * d, 1.5 * d)),
                EscalationLevel.DEPARTMENT, new LevelTiming(TimeDistribution.exponential(d),
                        TimeDistribution.lognormal(5 * d, 3 * d))),
                TimeDistribution.exponential(2 * h));
    }

    /** The same deterministic handoff and handling at every level, and a deterministic reply. */
    public static EscalationConfig fixed(double handoff, double handling, double reply) {
        LevelTiming t = new LevelTiming(TimeDistribution.deterministic(handoff),
                TimeDistribution.deterministic(handling));
        return new EscalationConfig(Map.of(EscalationLevel.COMMUNITY, t, EscalationLevel.STREET, t,
                EscalationLevel.DEPARTMENT, t), TimeDistribution.deterministic(reply));
    }

    /** The timing of {@code level}. */
    public LevelTiming timing(EscalationLevel level) {
        return levels.get(level);
    }
}
