package org.gridplan.sim.road;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.junit.jupiter.api.Test;

class RoadDistancesTest {

    @Test
    void memoised_astar_gives_the_same_distances_as_shortest_path_trees() {
        // 8 × 8 lattice with uneven road lengths (some winding, 1.0–1.9 × the chord), a few roads
        // missing, and buildings set off their access nodes.
        int n = 8;
        double[] xs = new double[n * n];
        double[] ys = new double[n * n];
        List<Road> roads = new ArrayList<>();
        List<Building> buildings = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int i = r * n + c;
                xs[i] = c * 100;
                ys[i] = r * 100;
                double f = 1 + ((i * 7) % 10) / 10.0;
                if (c > 0 && (i % 11) != 3) {
                    roads.add(new Road(i - 1, i, 100 * f, RoadClass.LOCAL));
                }
                if (r > 0) {
                    roads.add(new Road(i - n, i, 100 * (2.9 - f), RoadClass.LOCAL));
                }
                buildings.add(new Building("B" + i, xs[i] + 13, ys[i] + 7, 10, 1, "S1", "C1"));
            }
        }
        City city = new City("uneven", buildings, new RoadNetwork(xs, ys, roads), List.of());
        TravelTimes exact = new TravelTimes(city);
        RoadDistances fast = new RoadDistances(city, new TravelTimes(city), new int[] {0, 27});

        for (int a = 0; a < n * n; a++) {
            for (int b = 0; b < n * n; b++) {
                assertThat(fast.buildingMetres(a, b)).as("B%d → B%d", a, b)
                        .isCloseTo(exact.buildingMetresOrInfinity(a, b), offset(1e-3));
            }
        }
    }
}
