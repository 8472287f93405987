package org.gridplan.sim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.road.TravelMode;

/**
 * Everything about a run except the city, layout and staffing: horizon, seed, demand, dispatch,
 * travel, patrol, escalation, surges and what to record. Build one with {@link #builder()}; every
 * part has a documented default.
 *
 * @param horizonDays       simulated days, positive (day 0 is a Monday)
 * @param warmUpDays        days at the start whose incidents do not count in KPIs, in
 *                          [0, horizonDays)
 * @param seed              the run seed; all 64 bits seed the run's generators (demand, surge and
 *                          operational streams, each a Mersenne Twister keyed by seed and stream)
 * @param demand            incident categories and overall scale
 * @param dispatch          fallbacks when a grid's own workers are busy
 * @param travel            road travel at a mode's speed, or none
 * @param patrol            patrol by idle full-time workers
 * @param escalation        timing of the escalation chain
 * @param surges            surge windows, may be empty
 * @param backlogIntervalMinutes how often open incidents are counted for the backlog series,
 *                          positive
 * @param batchCount        number of consecutive batches for batch means of the response time,
 *                          0 for none, otherwise at least 2
 * @param collectIncidentLog whether the result carries a record of every counted incident
 * @param field             triage, linkage, queue limits, routine work and working hours
 */
public record SimulationConfig(double horizonDays, double warmUpDays, long seed, DemandCatalog demand,
        DispatchPolicy dispatch, TravelModel travel, PatrolConfig patrol, EscalationConfig escalation,
        List<SurgeEvent> surges, double backlogIntervalMinutes, int batchCount, boolean collectIncidentLog,
        FieldModel field) {

    public SimulationConfig {
        if (!(horizonDays > 0) || !Double.isFinite(horizonDays)) {
            throw new ConfigException("horizonDays", horizonDays + " must be positive");
        }
        if (!(warmUpDays >= 0) || warmUpDays >= horizonDays) {
            throw new ConfigException("warmUpDays", warmUpDays + " must be in [0, horizonDays = " + horizonDays + ")");
        }
        Objects.requireNonNull(demand, "demand");
        Objects.requireNonNull(dispatch, "dispatch");
        Objects.requireNonNull(travel, "travel");
        Objects.requireNonNull(patrol, "patrol");
        Objects.requireNonNull(escalation, "escalation");
        Objects.requireNonNull(field, "field");
        surges = List.copyOf(surges);
        if (!(backlogIntervalMinutes > 0) || !Double.isFinite(backlogIntervalMinutes)) {
            throw new ConfigException("backlogIntervalMinutes", backlogIntervalMinutes + " must be positive");
        }
        if (batchCount < 0 || batchCount == 1) {
            throw new ConfigException("batchCount", batchCount + " must be 0 or at least 2");
        }
    }

    /**
     * A builder with the defaults: 365 days, 7 days warm-up, seed 1, {@link DemandCatalog#defaults()},
     * {@link DispatchPolicy#defaults()}, e-bike travel on roads, {@link PatrolConfig#defaults()},
     * {@link EscalationConfig#defaults()}, no surges, hourly backlog, 20 batches, no incident log,
     * {@link FieldModel#defaults()}.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.horizonDays = horizonDays;
        b.warmUpDays = warmUpDays;
        b.seed = seed;
        b.demand = demand;
        b.dispatch = dispatch;
        b.travel = travel;
        b.patrol = patrol;
        b.escalation = escalation;
        b.surges = new ArrayList<>(surges);
        b.backlogIntervalMinutes = backlogIntervalMinutes;
        b.batchCount = batchCount;
        b.collectIncidentLog = collectIncidentLog;
        b.field = field;
        return b;
    }

    /** This configuration with another seed (replications). */
    public SimulationConfig withSeed(long newSeed) {
        return toBuilder().seed(newSeed).build();
    }

    /** Horizon in minutes. */
    public double horizonMinutes() {
        return horizonDays * 1440;
    }

    /** Warm-up in minutes. */
    public double warmUpMinutes() {
        return warmUpDays * 1440;
    }

    /** Builds a {@link SimulationConfig}; {@link #build()} validates. */
    public static final class Builder {
        private double horizonDays = 365;
        private double warmUpDays = 7;
        private long seed = 1;
        private DemandCatalog demand = DemandCatalog.defaults();
        private DispatchPolicy dispatch = DispatchPolicy.defaults();
        private TravelModel travel = TravelModel.road(TravelMode.EBIKE);
        private PatrolConfig patrol = PatrolConfig.defaults();
        private EscalationConfig escalation = EscalationConfig.defaults();
        private List<SurgeEvent> surges = new ArrayList<>();
        private double backlogIntervalMinutes = 60;
        private int batchCount = 20;
        private boolean collectIncidentLog;
        private FieldModel field = FieldModel.defaults();

        private Builder() {
        }

        public Builder horizonDays(double v) {
            horizonDays = v;
            return this;
        }

        public Builder warmUpDays(double v) {
            warmUpDays = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder demand(DemandCatalog v) {
            demand = v;
            return this;
        }

        public Builder dispatch(DispatchPolicy v) {
            dispatch = v;
            return this;
        }

        public Builder travel(TravelModel v) {
            travel = v;
            return this;
        }

        public Builder patrol(PatrolConfig v) {
            patrol = v;
            return this;
        }

        public Builder escalation(EscalationConfig v) {
            escalation = v;
            return this;
        }

        public Builder surges(List<SurgeEvent> v) {
            surges = new ArrayList<>(v);
            return this;
        }

        public Builder addSurge(SurgeEvent v) {
            surges.add(v);
            return this;
        }

        public Builder backlogIntervalMinutes(double v) {
            backlogIntervalMinutes = v;
            return this;
        }

        public Builder batchCount(int v) {
            batchCount = v;
            return this;
        }

        public Builder collectIncidentLog(boolean v) {
            collectIncidentLog = v;
            return this;
        }

        public Builder field(FieldModel v) {
            field = v;
            return this;
        }

        public SimulationConfig build() {
            return new SimulationConfig(horizonDays, warmUpDays, seed, demand, dispatch, travel, patrol, escalation,
                    surges, backlogIntervalMinutes, batchCount, collectIncidentLog, field);
        }
    }
}
