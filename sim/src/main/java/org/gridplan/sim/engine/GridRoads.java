package org.gridplan.sim.engine;

import java.util.Arrays;
import java.util.List;
import org.gridplan.sim.graph.CsrGraph;
import org.gridplan.sim.model.City;
import org.gridplan.sim.road.Road;

/**
 * Road metres of each grid, the length the grid's street patrol walks: each road node belongs to
 * the grid of the buildings it serves (the first such building's), a node serving none to the grid
 * of the nearest such node in links (breadth-first from all of them at once); a link counts half
 * to the grid of each end.
 */
public final class GridRoads {

    private GridRoads() {
    }

    /**
     * Road metres per grid.
     *
     * @param city the city
     * @param buildingGrid the grid index of each building of the city
     * @param grids the number of grids
     */
    public static double[] metres(City city, int[] buildingGrid, int grids) {
        int nodes = city.roads().nodeCount();
        int[] nodeGrid = new int[nodes];
        Arrays.fill(nodeGrid, -1);
        for (int b = 0; b < buildingGrid.length; b++) {
            int n = city.accessNode(b);
            if (nodeGrid[n] < 0) {
                nodeGrid[n] = buildingGrid[b];
            }
        }
        List<Road> roadList = city.roads().roads();
        CsrGraph graph = city.roads().csr();
        int[] queue = new int[nodes];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < nodes; i++) {
            if (nodeGrid[i] >= 0) {
                queue[tail++] = i;
            }
        }
        while (head < tail) {
            int v = queue[head++];
            for (int k = graph.firstArc(v), end = graph.endArc(v); k < end; k++) {
                int u = graph.target(k);
                if (nodeGrid[u] < 0) {
                    nodeGrid[u] = nodeGrid[v];
                    queue[tail++] = u;
                }
            }
        }
        double[] out = new double[grids];
        for (Road r : roadList) {
            if (nodeGrid[r.from()] >= 0) {
                out[nodeGrid[r.from()]] += r.metres() / 2;
            }
            if (nodeGrid[r.to()] >= 0) {
                out[nodeGrid[r.to()]] += r.metres() / 2;
            }
        }
        return out;
    }
}
