package org.gridplan.scenarios.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.gridplan.sim.graph.CsrGraph;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;

/**
 * The figures by which a layout is compared with an ensemble of layouts.
 *
 * @param grids          grids with buildings
 * @param minHouseholds  households of the smallest grid
 * @param maxHouseholds  households of the largest grid
 * @param householdSd    standard deviation of households per grid (population)
 * @param spreadMetres   compactness: the household-weighted mean straight-line distance from a
 *                       household to its grid's household-weighted centre, metres (lower is more
 *                       compact)
 * @param baseMetres     the household-weighted mean straight-line distance from a household to its
 *                       grid's base building (the building nearest the centre, where the grid's
 *                       workers start, as in staffing plans), metres
 * @param cutEdges       edges of the building adjacency graph between two grids (the length of the
 *                       boundaries, in edges; lower is more compact)
 */
public record LayoutStatistics(int grids, long minHouseholds, long maxHouseholds, double householdSd,
        double spreadMetres, double baseMetres, int cutEdges) {

    /** One statistic: its column name, its label and how it is read. */
    public record Statistic(String column, String label, ToDoubleFunction<LayoutStatistics> value) {
    }

    /** Every statistic, in table order. */
    public static final List<Statistic> ALL = List.of(
            new Statistic("grids", "grids", s -> s.grids()),
            new Statistic("min_households", "smallest grid, households", s -> s.minHouseholds()),
            new Statistic("max_households", "largest grid, households", s -> s.maxHouseholds()),
            new Statistic("household_sd", "households per grid, standard deviation", LayoutStatistics::householdSd),
            new Statistic("spread_m", "household to grid centre, mean metres", LayoutStatistics::spreadMetres),
            new Statistic("base_m", "household to grid base, mean metres (straight line)",
                    LayoutStatistics::baseMetres),
            new Statistic("cut_edges", "boundary length, adjacency edges between grids", s -> s.cutEdges()));

    /** The statistics of {@code layout} of {@code city}. */
    public static LayoutStatistics of(City city, GridLayout layout) {
        Map<String, List<Integer>> byGrid = layout.buildingsByGrid(city);
        int[] gridOf = new int[city.buildings().size()];
        List<int[]> members = new ArrayList<>();
        for (List<Integer> m : byGrid.values()) {
            int g = members.size();
            int[] a = m.stream().mapToInt(Integer::intValue).toArray();
            for (int b : a) {
                gridOf[b] = g;
            }
            members.add(a);
        }
        return of(city, city.adjacency().graph(), gridOf, members);
    }

    static LayoutStatistics of(City city, CsrGraph graph, int[] gridOf, List<int[]> members) {
        List<Building> b = city.buildings();
        int grids = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        double sum = 0;
        double sumSq = 0;
        double spread = 0;
        double base = 0;
        double all = 0;
        for (int[] m : members) {
            if (m.length == 0) {
                continue;
            }
            grids++;
            long h = 0;
            double sx = 0;
            double sy = 0;
            for (int i : m) {
                Building x = b.get(i);
                h += x.households();
                sx += x.x() * x.households();
                sy += x.y() * x.households();
            }
            min = Math.min(min, h);
            max = Math.max(max, h);
            sum += h;
            sumSq += (double) h * h;
            if (h == 0) {
                continue;
            }
            double cx = sx / h;
            double cy = sy / h;
            int nearest = m[0];
            double best = Double.POSITIVE_INFINITY;
            for (int i : m) {
                Building x = b.get(i);
                double d = Math.hypot(x.x() - cx, x.y() - cy);
                spread += d * x.households();
                if (d < best) {
                    best = d;
                    nearest = i;
                }
            }
            Building at = b.get(nearest);
            for (int i : m) {
                Building x = b.get(i);
                base += Math.hypot(x.x() - at.x(), x.y() - at.y()) * x.households();
            }
            all += h;
        }
        int cut = 0;
        for (int u = 0; u < graph.nodeCount(); u++) {
            for (int a = graph.firstArc(u); a < graph.endArc(u); a++) {
                int v = graph.target(a);
                if (v > u && gridOf[u] != gridOf[v]) {
                    cut++;
                }
            }
        }
        double mean = grids > 0 ? sum / grids : 0;
        double sd = grids > 0 ? Math.sqrt(Math.max(0, sumSq / grids - mean * mean)) : 0;
        return new LayoutStatistics(grids, grids > 0 ? min : 0, max, sd, all > 0 ? spread / all : 0,
                all > 0 ? base / all : 0, cut);
    }

    /** One CSV row of the statistics, in the order of {@link #ALL}. */
    public String csv() {
        return String.format(Locale.ROOT, "%d,%d,%d,%.3f,%.3f,%.3f,%d", grids, minHouseholds, maxHouseholds,
                householdSd, spreadMetres, baseMetres, cutEdges);
    }
}
