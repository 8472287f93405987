package org.gridplan.sim.road;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Small random road networks and brute-force answers to check the real code against.
 *
 * <p>A network has 30–80 nodes at random positions in a 2 km square, split into 1–3 connected
 * blocks plus one or two isolated nodes; road lengths are random (1–150 m, unrelated to the
 * positions), and about one road in six is duplicated with a different length.
 */
final class RandomRoads {

    private RandomRoads() {
    }

    static RoadNetwork network(long seed) {
        Random random = new Random(seed);
        int n = 30 + random.nextInt(51);
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = random.nextDouble() * 2000;
            ys[i] = random.nextDouble() * 2000;
        }
        // Nodes in random order; the last 1–2 stay isolated, the rest fall into 1–3 blocks.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int isolated = 1 + random.nextInt(2);
        int blocks = 1 + random.nextInt(3);
        List<List<Integer>> members = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            members.add(new ArrayList<>());
        }
        for (int k = 0; k < n - isolated; k++) {
            members.get(k % blocks).add(order.get(k));
        }
        List<Road> roads = new ArrayList<>();
        for (List<Integer> block : members) {
            for (int k = 1; k < block.size(); k++) {
                roads.add(road(random, block.get(k), block.get(random.nextInt(k))));
            }
            for (int e = 0; e < block.size() / 2; e++) {
                int a = block.get(random.nextInt(block.size()));
                int b = block.get(random.nextInt(block.size()));
                if (a != b) {
                    roads.add(road(random, a, b));
                }
            }
        }
        int single = roads.size();
        for (int e = 0; e < single; e++) {
            if (random.nextInt(6) == 0) {
                Road r = roads.get(e);
                // The duplicate may run in the other direction; either copy may be the shorter.
                roads.add(random.nextBoolean() ? road(random, r.from(), r.to()) : road(random, r.to(), r.from()));
            }
        }
        Collections.shuffle(roads, random);
        return new RoadNetwork(xs, ys, roads);
    }

    private static Road road(Random random, int a, int b) {
        double metres = 1 + random.nextInt(1490) / 10.0;
        return new Road(a, b, metres, random.nextInt(4) == 0 ? RoadClass.ARTERIAL : RoadClass.LOCAL);
    }

    /** All-pairs shortest distances by Floyd–Warshall over the raw road list (duplicates included). */
    static double[][] floydWarshall(RoadNetwork network) {
        int n = network.nodeCount();
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(d[i], Double.POSITIVE_INFINITY);
            d[i][i] = 0;
        }
        for (Road r : network.roads()) {
            d[r.from()][r.to()] = Math.min(d[r.from()][r.to()], r.metres());
            d[r.to()][r.from()] = Math.min(d[r.to()][r.from()], r.metres());
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (d[i][k] + d[k][j] < d[i][j]) {
                        d[i][j] = d[i][k] + d[k][j];
                    }
                }
            }
        }
        return d;
    }

    /** The nearest node by scanning every node; ties go to the lower index. */
    static int bruteNearest(RoadNetwork network, double x, double y) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < network.nodeCount(); i++) {
            double dx = network.x(i) - x;
            double dy = network.y(i) - y;
            double d = dx * dx + dy * dy;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}
