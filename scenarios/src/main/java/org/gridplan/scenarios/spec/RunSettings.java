package org.gridplan.scenarios.spec;

import java.util.List;
import java.util.Objects;
import org.gridplan.sim.engine.DispatchPolicy;
import org.gridplan.sim.engine.FieldModel;
import org.gridplan.sim.engine.PatrolConfig;
import org.gridplan.sim.engine.SimulationConfig;
import org.gridplan.sim.engine.SurgeEvent;
import org.gridplan.sim.engine.TravelModel;
import org.gridplan.sim.road.TravelMode;

/**
 * The settings of the runs at one sweep point: everything a sweep may vary.
 *
 * @param staffing    the staffing plan to build per layout
 * @param demand      the demand catalog
 * @param dispatch    the dispatch fallbacks
 * @param surges      surge windows, may be empty
 * @param horizonDays simulated days, in (0, 3650]
 * @param warmUpDays  days left out of KPIs, in [0, horizonDays)
 * @param travel      how workers travel
 * @param patrol      household visits ({@code routine.visits})
 * @param field       triage, linkage and queue limits ({@code dispatch}), routine work
 *                    ({@code routine}) and the working hours of time limits ({@code timeLimits})
 */
public record RunSettings(StaffingSpec staffing, DemandSpec demand, DispatchPolicy dispatch, List<SurgeSpec> surges,
        double horizonDays, double warmUpDays, TravelModel travel, PatrolConfig patrol, FieldModel field) {

    public RunSettings {
        Objects.requireNonNull(staffing, "staffing");
        Objects.requireNonNull(demand, "demand");
        Objects.requireNonNull(dispatch, "dispatch");
        Objects.requireNonNull(travel, "travel");
        Objects.requireNonNull(patrol, "patrol");
        Objects.requireNonNull(field, "field");
        surges = List.copyOf(surges);
    }

    /**
     * Settings with the default visits and field model ({@link PatrolConfig#defaults()}, {@link
     * FieldModel#defaults()}).
     */
    public RunSettings(StaffingSpec staffing, DemandSpec demand, DispatchPolicy dispatch, List<SurgeSpec> surges,
            double horizonDays, double warmUpDays, TravelModel travel) {
        this(staffing, demand, dispatch, surges, horizonDays, warmUpDays, travel, PatrolConfig.defaults(),
                FieldModel.defaults());
    }

    /**
     * The settings of a scenario that gives only its staffing: the default demand catalog at scale
     * 1, the default dispatch, no surges, 365 days with 7 of warm-up, e-bike travel, the default
     * visits and field model.
     */
    public static RunSettings defaults(StaffingSpec staffing) {
        return new RunSettings(staffing, DemandSpec.defaults(), DispatchPolicy.defaults(), List.of(), 365, 7,
                TravelModel.road(TravelMode.EBIKE));
    }

    /** These settings with another demand. */
    public RunSettings withDemand(DemandSpec newDemand) {
        return new RunSettings(staffing, newDemand, dispatch, surges, horizonDays, warmUpDays, travel, patrol, field);
    }

    /** These settings with other travel. */
    public RunSettings withTravel(TravelModel newTravel) {
        return new RunSettings(staffing, demand, dispatch, surges, horizonDays, warmUpDays, newTravel, patrol, field);
    }

    /**
     * The engine configuration of a run at these settings with the given run seed; the incident
     * log is collected when {@code incidentLog}.
     */
    public SimulationConfig config(long runSeed, boolean incidentLog) {
        return SimulationConfig.builder()
                .horizonDays(horizonDays)
                .warmUpDays(warmUpDays)
                .seed(runSeed)
                .demand(demand.catalog())
                .dispatch(dispatch)
                .travel(travel)
                .patrol(patrol)
                .field(field)
                .surges(surges.stream().map(s -> s.event(staffing.emergencyPool())).toList())
                .collectIncidentLog(incidentLog)
                .build();
    }

    /**
     * A surge window of a scenario.
     *
     * @param startDay         start, days from the start of the run, in [0, horizonDays)
     * @param durationDays     length in days, positive
     * @param rateMultiplier   multiplier on every incident rate in the window, positive
     * @param emergencyWorkers emergency workers on duty in the window; absent means
     *                         {@code staffing.emergencyPool}
     */
    public record SurgeSpec(double startDay, double durationDays, double rateMultiplier,
            java.util.OptionalInt emergencyWorkers) {

        /** The engine's surge event, taking {@code pool} workers when this surge names none. */
        public SurgeEvent event(int pool) {
            return new SurgeEvent(startDay, durationDays, rateMultiplier, emergencyWorkers.orElse(pool));
        }
    }
}
