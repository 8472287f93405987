package org.gridplan.results.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadClass;
import org.gridplan.sim.road.RoadNetwork;

/**
 * A district of two neighbourhoods with empty land between them: two 6 × 6 lattices of buildings
 * 40 m apart, the west one at x 0-200 m, the east one at x 1,200-1,400 m, a local street along
 * each lattice's rows and one arterial joining them. Each neighbourhood is a community (W, E) of
 * two grids, its west and east halves.
 */
final class TwoClusters {

    static final double SPACING = 40;
    static final double EAST = 1_200;
    static final int SIDE = 6;

    private TwoClusters() {
    }

    static City city() {
        return city(EAST);
    }

    /** The district with the east neighbourhood's west edge at {@code east} metres. */
    static City city(double east) {
        List<Building> buildings = new ArrayList<>();
        List<double[]> nodes = new ArrayList<>();
        List<Road> roads = new ArrayList<>();
        for (String community : List.of("W", "E")) {
            double x0 = community.equals("W") ? 0 : east;
            for (int r = 0; r < SIDE; r++) {
                for (int c = 0; c < SIDE; c++) {
                    buildings.add(new Building(community + c + "-" + r, x0 + c * SPACING, r * SPACING, 50, 1, "S",
                            community));
                }
                // A street along the row, 20 m north of it.
                int from = nodes.size();
                for (int c = 0; c < SIDE; c++) {
                    nodes.add(new double[] {x0 + c * SPACING, r * SPACING + 20});
                    if (c > 0) {
                        roads.add(new Road(from + c - 1, from + c, SPACING, RoadClass.LOCAL));
                    }
                }
                if (r > 0) {
                    roads.add(new Road(from - SIDE, from, SPACING, RoadClass.LOCAL));
                }
            }
        }
        // The arterial: from the west lattice's north-east corner to the east lattice's north-west.
        int westEnd = SIDE * SIDE - 1;
        int eastStart = SIDE * SIDE + (SIDE - 1) * SIDE;
        roads.add(new Road(westEnd, eastStart, east - (SIDE - 1) * SPACING, RoadClass.ARTERIAL));
        double[] xs = new double[nodes.size()];
        double[] ys = new double[nodes.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = nodes.get(i)[0];
            ys[i] = nodes.get(i)[1];
        }
        return new City("two clusters", buildings, new RoadNetwork(xs, ys, roads), List.of());
    }

    /** Four grids: W-G01, W-G02 (west and east halves of W), E-G01, E-G02. */
    static GridLayout layout(City city) {
        Map<String, String> grid = new LinkedHashMap<>();
        double east = city.buildings().stream().filter(b -> b.community().equals("E")).mapToDouble(Building::x).min()
                .orElseThrow();
        for (Building b : city.buildings()) {
            double x0 = b.community().equals("W") ? 0 : east;
            grid.put(b.id(), b.community() + "-G0" + (b.x() - x0 < SIDE / 2 * SPACING ? 1 : 2));
        }
        return GridLayout.fromAssignment("two", city, grid);
    }
}
