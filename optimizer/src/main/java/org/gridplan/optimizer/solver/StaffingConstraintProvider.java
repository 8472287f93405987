package org.gridplan.optimizer.solver;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.conditionally;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.count;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sumLong;

import org.gridplan.optimizer.domain.StaffingConstraintConfiguration;
import org.gridplan.optimizer.domain.StaffingGrid;
import org.gridplan.optimizer.domain.WorkerAssignment;
import org.gridplan.optimizer.model.FieldTable;
import org.gridplan.optimizer.model.GridDemand;
import org.gridplan.sim.engine.Queueing;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintJustification;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;

/**
 * The worker → grid constraints on the analytic response model (travel + Erlang C wait), hard
 * first; weights from {@link StaffingConstraintConfiguration}.
 */
public class StaffingConstraintProvider implements ConstraintProvider {

    /** The wait used for an overloaded grid (one day), so the soft score stays finite. */
    static final double MAX_WAIT_MINUTES = 24 * 60;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            fullTimePerGrid(factory),
            overloadedGrid(factory),
            unstaffedGrid(factory),
            expectedResponse(factory),
            utilisationBalance(factory),
            homeNearGrid(factory)
        };
    }

    /** Why a grid lacks a full-time worker. */
    public record NoFullTimeWorker(String gridId, long households) implements ConstraintJustification {
    }

    /** A grid's offered load (erlangs) against its workers. */
    public record GridLoad(String gridId, int workers, double offeredLoad) implements ConstraintJustification {
    }

    /** A grid's expected response, minutes. */
    public record GridResponseTime(String gridId, int workers, double travelMinutes, double waitMinutes)
            implements ConstraintJustification {
    }

    /** A worker's home → grid travel, minutes. */
    public record HomeTravel(String workerId, String gridId, double minutes) implements ConstraintJustification {
    }

    // Every grid with demand has at least one full-time worker; penalised by the grid's households.
    Constraint fullTimePerGrid(ConstraintFactory factory) {
        return factory.forEach(StaffingGrid.class)
                .filter(StaffingGrid::hasDemand)
                .ifNotExists(WorkerAssignment.class, Joiners.equal(g -> g, WorkerAssignment::getGrid),
                        Joiners.filtering((g, w) -> w.isFullTime()))
                .penalizeConfigurableLong(g -> Math.max(1, g.getHouseholds()))
                .justifyWith((g, score) -> new NoFullTimeWorker(g.getId(), g.getHouseholds()))
                .asConstraint(StaffingConstraintConfiguration.FULL_TIME_PER_GRID);
    }

    // A grid's offered load stays below its number of workers (else the queue grows without bound);
    // penalised by the milli-erlangs of excess (at least 1).
    Constraint overloadedGrid(ConstraintFactory factory) {
        return factory.forEach(WorkerAssignment.class)
                .groupBy(WorkerAssignment::getGrid, count())
                .filter((grid, workers) -> offeredLoad(grid) >= workers)
                .penalizeConfigurableLong((grid, workers) -> 1 + (long) Math.ceil((offeredLoad(grid) - workers) * 1000))
                .justifyWith((grid, workers, score) -> new GridLoad(grid.getId(), workers, offeredLoad(grid)))
                .asConstraint(StaffingConstraintConfiguration.OVERLOADED_GRID);
    }

    // A grid with demand has at least one worker (with none its queue grows without bound); penalised
    // like an overloaded grid with zero workers, 1 + its offered load in milli-erlangs, so staffing it
    // always lowers the hard score.
    Constraint unstaffedGrid(ConstraintFactory factory) {
        return factory.forEach(StaffingGrid.class)
                .filter(StaffingGrid::hasDemand)
                .ifNotExists(WorkerAssignment.class, Joiners.equal(g -> g, WorkerAssignment::getGrid))
                .penalizeConfigurableLong(g -> 1 + (long) Math.ceil(offeredLoad(g) * 1000))
                .justifyWith((g, score) -> new GridLoad(g.getId(), 0, offeredLoad(g)))
                .asConstraint(StaffingConstraintConfiguration.UNSTAFFED_GRID);
    }

    // Minimise the district's expected response: per grid, incidents a year x (mean home travel of its
    // workers + Erlang C wait), in 1/100 minute.
    // With a field table (the field regime): the table's response minutes for the grid's crew of
    // full-time and other workers plus their travel, in 1/100 minute.
    Constraint expectedResponse(ConstraintFactory factory) {
        return factory.forEach(WorkerAssignment.class)
                .groupBy(WorkerAssignment::getGrid, conditionally(WorkerAssignment::isFullTime, count()), count(),
                        sumLong(WorkerAssignment::travelCentiminutes))
                .filter((grid, fullTime, workers, travel) -> grid.hasDemand())
                .penalizeConfigurableLong(StaffingConstraintProvider::responsePenalty)
                .justifyWith((grid, fullTime, workers, travel, score) -> new GridResponseTime(grid.getId(), workers,
                        travel / 100.0 / workers, waitMinutes(grid, fullTime, workers)))
                .asConstraint(StaffingConstraintConfiguration.EXPECTED_RESPONSE);
    }

    // Workers should be equally busy: penalised by the sum over workers of utilisation squared
    // (x 10^6), which for a fixed total load is least when every grid's utilisation is equal.
    Constraint utilisationBalance(ConstraintFactory factory) {
        return factory.forEach(WorkerAssignment.class)
                .groupBy(WorkerAssignment::getGrid, count())
                .filter((grid, workers) -> grid.hasDemand())
                .penalizeConfigurableLong((grid, workers) -> Math.round(
                        offeredLoad(grid) * offeredLoad(grid) / workers * 1_000_000))
                .justifyWith((grid, workers, score) -> new GridLoad(grid.getId(), workers, offeredLoad(grid)))
                .asConstraint(StaffingConstraintConfiguration.UTILISATION_BALANCE);
    }

    // Workers should serve a grid near home (cadres assigned by place of residence); penalised by the
    // home -> grid travel in 1/100 minute.
    Constraint homeNearGrid(ConstraintFactory factory) {
        return factory.forEach(WorkerAssignment.class)
                .filter(w -> w.travelCentiminutes() > 0)
                .penalizeConfigurableLong(WorkerAssignment::travelCentiminutes)
                .justifyWith((w, score) -> new HomeTravel(w.getId(), w.getGrid().getId(), w.travelTo(w.getGrid())))
                .asConstraint(StaffingConstraintConfiguration.HOME_NEAR_GRID);
    }

    /** Offered load a = λ × mean service time, erlangs. */
    static double offeredLoad(StaffingGrid grid) {
        return grid.getIncidentsPerYear() / GridDemand.MINUTES_PER_YEAR
                * grid.getMeanServiceMinutes();
    }

    /** Erlang C mean wait for the grid's workers, capped at {@link #MAX_WAIT_MINUTES}. */
    static double waitMinutes(StaffingGrid grid, int workers) {
        double lambda = grid.getIncidentsPerYear() / GridDemand.MINUTES_PER_YEAR;
        double wait = Queueing.mmcMeanWaitOrInfinity(lambda, 1.0 / grid.getMeanServiceMinutes(), workers);
        return Math.min(wait, MAX_WAIT_MINUTES);
    }

    /** Incidents a year × (mean travel + wait) in 1/100 minute; with a field table, its minutes + travel. */
    static long responsePenalty(StaffingGrid grid, int fullTime, int workers, long travelCentiminutes) {
        FieldTable field = grid.getField();
        if (field != null) {
            return Math.round(field.minutes(fullTime, workers - fullTime) * 100
                    + field.travelledPerYear() * travelCentiminutes / workers);
        }
        double centiminutes = (double) travelCentiminutes / workers + waitMinutes(grid, workers) * 100;
        return Math.round(grid.getIncidentsPerYear() * centiminutes);
    }

    /** The wait per case known: the field table's, or Erlang C's. */
    static double waitMinutes(StaffingGrid grid, int fullTime, int workers) {
        FieldTable field = grid.getField();
        return field != null ? field.minutes(fullTime, workers - fullTime) / field.knownPerYear()
                : waitMinutes(grid, workers);
    }
}
