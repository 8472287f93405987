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
 *
 * <p>A city without roads has no streets to walk: its patrol walks the shortest tree joining the
 * buildings (the Euclidean minimum spanning tree, found among the building adjacency's Delaunay
 * edges, which contain it) lengthened by the detour factor, each link half to the grid of each end.
 * An assumption: real streets are longer than that tree, as every building is reached once.
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
        if (city.roads().isStraightLine()) {
            return straightLine(city, buildingGrid, grids);
        }
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

    private static double[] straightLine(City city, int[] buildingGrid, int grids) {
        CsrGraph adjacency = city.adjacency().graph();
        int n = adjacency.nodeCount();
        List<long[]> edges = new java.util.ArrayList<>();
        List<Double> lengths = new java.util.ArrayList<>();
        for (int u = 0; u < n; u++) {
            for (int k = adjacency.firstArc(u), end = adjacency.endArc(u); k < end; k++) {
                int v = adjacency.target(k);
                if (u < v) {
                    edges.add(new long[] {u, v});
                    lengths.add(city.straightMetres(u, v));
                }
            }
        }
        Integer[] order = new Integer[edges.size()];
        for (int e = 0; e < order.length; e++) {
            order[e] = e;
        }
        Arrays.sort(order, (a, b) -> Double.compare(lengths.get(a), lengths.get(b)));
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        double factor = city.roads().detourFactor();
        double[] out = new double[grids];
        for (int e : order) {
            int a = root(parent, (int) edges.get(e)[0]);
            int b = root(parent, (int) edges.get(e)[1]);
            if (a == b) {
                continue;
            }
            parent[a] = b;
            double half = lengths.get(e) * factor / 2;
            for (long end : edges.get(e)) {
                if (buildingGrid[(int) end] >= 0) {
                    out[buildingGrid[(int) end]] += half;
                }
            }
        }
        return out;
    }

    private static int root(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
