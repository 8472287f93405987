package org.gridplan.optimizer.model;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.gridplan.sim.agent.WorkerType;

/**
 * A worker → grid assignment problem: every worker serves one grid; every grid with demand needs
 * a full-time worker; minimise the expected response time from the analytic model (travel from
 * the worker's home to the grid plus the Erlang C wait), balance utilisation, and prefer workers
 * living near their grid.
 *
 * <p>The constructor rejects a problem with fewer full-time workers than grids with demand,
 * naming the shortfall.
 *
 * @param name a label for reports
 * @param workers the workers, unique ids, at least one
 * @param grids the grids, unique ids, at least one
 * @param travelMinutes worker × grid travel time from the worker's home to the grid's households,
 *     minutes, finite and ≥ 0; the record keeps its own copy
 */
public record StaffingProblem(String name, List<StaffedWorker> workers, List<GridDemand> grids,
        double[][] travelMinutes) {

    /** Validates and copies. */
    public StaffingProblem {
        Objects.requireNonNull(name, "name");
        workers = List.copyOf(workers);
        grids = List.copyOf(grids);
        if (workers.isEmpty() || grids.isEmpty()) {
            throw new IllegalArgumentException(name + ": need at least one worker and one grid, got "
                    + workers.size() + " workers and " + grids.size() + " grids");
        }
        Set<String> ids = new HashSet<>();
        for (StaffedWorker w : workers) {
            if (!ids.add(w.id())) {
                throw new IllegalArgumentException(name + ": duplicate worker id " + w.id());
            }
        }
        ids.clear();
        for (GridDemand g : grids) {
            if (!ids.add(g.id())) {
                throw new IllegalArgumentException(name + ": duplicate grid id " + g.id());
            }
        }
        Objects.requireNonNull(travelMinutes, "travelMinutes");
        if (travelMinutes.length != workers.size()) {
            throw new IllegalArgumentException(name + ": travel matrix has " + travelMinutes.length
                    + " rows but there are " + workers.size() + " workers");
        }
        double[][] copy = new double[workers.size()][];
        for (int w = 0; w < copy.length; w++) {
            if (travelMinutes[w] == null || travelMinutes[w].length != grids.size()) {
                throw new IllegalArgumentException(name + ": travel matrix row " + w + " must have " + grids.size()
                        + " columns");
            }
            for (double t : travelMinutes[w]) {
                if (!(t >= 0) || Double.isInfinite(t)) {
                    throw new IllegalArgumentException(name + ": travel times must be finite and 0 or more, got " + t);
                }
            }
            copy[w] = travelMinutes[w].clone();
        }
        travelMinutes = copy;
        long fullTime = workers.stream().filter(w -> w.type() == WorkerType.FULL_TIME).count();
        long withDemand = grids.stream().filter(g -> g.incidentsPerYear() > 0).count();
        if (fullTime < withDemand) {
            throw new InfeasibleProblemException("full-time worker per grid", withDemand - fullTime, String.format(
                    Locale.ROOT, "%s: %,d grids with demand need a full-time worker each but there are only %,d"
                            + " full-time workers (short by %,d)", name, withDemand, fullTime, withDemand - fullTime));
        }
    }

    /** Travel minutes from worker {@code w}'s home to grid {@code g} (indices). */
    public double travel(int w, int g) {
        return travelMinutes[w][g];
    }

    /** A copy of the travel matrix. */
    @Override
    public double[][] travelMinutes() {
        double[][] copy = new double[travelMinutes.length][];
        for (int w = 0; w < copy.length; w++) {
            copy[w] = travelMinutes[w].clone();
        }
        return copy;
    }
}
