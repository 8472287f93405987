package org.gridplan.sim.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.demand.IncidentCategory;
import org.gridplan.sim.demand.TimeDistribution;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadClass;
import org.gridplan.sim.road.RoadNetwork;

/** Small hand-built cities, layouts and configurations for the engine tests. */
final class EngineFixtures {

    private EngineFixtures() {
    }

    /**
     * A {@code cols × rows} lattice of roads {@code spacing} metres apart with one building of
     * {@code households} on every node, named {@code B<index>} in row-major order; the community of
     * a building is {@code community.apply(column)}, all in street S1.
     */
    static City lattice(int cols, int rows, double spacing, int households, IntFunction<String> community) {
        return lattice(cols, rows, spacing, households, (c, r) -> community.apply(c));
    }

    /** As above with the community a function of column and row. */
    static City lattice(int cols, int rows, double spacing, int households, BiFunction<Integer, Integer,
            String> community) {
        int n = cols * rows;
        double[] xs = new double[n];
        double[] ys = new double[n];
        List<Road> roads = new ArrayList<>();
        List<Building> buildings = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                xs[i] = c * spacing;
                ys[i] = r * spacing;
                if (c > 0) {
                    roads.add(new Road(i - 1, i, spacing, RoadClass.LOCAL));
                }
                if (r > 0) {
                    roads.add(new Road(i - cols, i, spacing, RoadClass.LOCAL));
                }
                buildings.add(new Building("B" + i, xs[i], ys[i], households, 2, "S1", community.apply(c, r)));
            }
        }
        return new City("lattice", buildings, new RoadNetwork(xs, ys, roads), List.of());
    }

    /** One building of {@code households} in community C1 on a one-node road network. */
    static City oneBuilding(int households) {
        return new City("one", List.of(new Building("B0", 0, 0, households, 1, "S1", "C1")),
                new RoadNetwork(new double[] {0}, new double[] {0}, List.of()), List.of());
    }

    /** Every building in one grid G1. */
    static GridLayout oneGrid(City city) {
        Map<String, String> m = new LinkedHashMap<>();
        city.buildings().forEach(b -> m.put(b.id(), "G1"));
        return GridLayout.fromAssignment("one-grid", city, m);
    }

    /** Buildings to grids by a function of the building index. */
    static GridLayout layout(City city, IntFunction<String> gridOfIndex) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < city.buildings().size(); i++) {
            m.put(city.buildings().get(i).id(), gridOfIndex.apply(i));
        }
        return GridLayout.fromAssignment("layout", city, m);
    }

    /** A category giving {@code perMinute} arrivals a minute over {@code households} households. */
    static IncidentCategory poisson(String name, double perMinute, int households, TimeDistribution service) {
        return IncidentCategory.reported(name, perMinute * DemandCatalog.YEAR_MINUTES / households, service);
    }

    /** {@code c} full-time workers always on duty in {@code grid}, based at {@code base}. */
    static List<WorkerSpec> always(String grid, String base, int c) {
        List<WorkerSpec> out = new ArrayList<>();
        for (int k = 1; k <= c; k++) {
            out.add(new WorkerSpec(grid + "-W" + k, WorkerType.FULL_TIME, grid, base, ShiftPattern.ALWAYS));
        }
        return out;
    }

    /** Staffing of the given workers. */
    static Staffing staffing(List<WorkerSpec> workers) {
        return Staffing.of(workers);
    }

    /**
     * The degenerate configuration of the queueing validation: zero travel, no patrol, the field
     * model off (no triage, linkage or routine work), the own grid then the queue, one run of
     * {@code days} with warm-up, 30 batches.
     */
    static SimulationConfig.Builder queueing(DemandCatalog demand, double days, double warmUpDays, long seed) {
        return SimulationConfig.builder().demand(demand).horizonDays(days).warmUpDays(warmUpDays).seed(seed)
                .travel(TravelModel.none()).patrol(PatrolConfig.off()).field(FieldModel.off())
                .dispatch(DispatchPolicy.queueOnly())
                .backlogIntervalMinutes(1440).batchCount(30);
    }

    /** Mean and standard error of batch means. */
    static double[] meanAndStandardError(List<Double> batchMeans) {
        int k = batchMeans.size();
        double mean = batchMeans.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = 0;
        for (double b : batchMeans) {
            ss += (b - mean) * (b - mean);
        }
        return new double[] {mean, Math.sqrt(ss / (k - 1) / k)};
    }
}
