package org.gridplan.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.demand.TimeDistribution;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.RoadNetwork;
import org.junit.jupiter.api.Test;

/**
 * Two workers with fixed territories and backup dispatch against the exact hypercube queueing
 * model (Larson 1974) for two servers with an infinite FCFS queue.
 *
 * <p>Set-up: grids G1 and G2 of one community, one always-on worker each, zero travel,
 * exponential service of mean 10 minutes, Poisson arrivals λ1 = 0.06 and λ2 = 0.03 a minute,
 * dispatch {@code NEIGHBOUR_GRID} then queue. An incident goes to its own grid's worker if free,
 * else to the other worker if free (backup), else waits; a freed worker takes the oldest waiting
 * incident of either grid. States (0,0), (1,0), (0,1) and (1,1,n) with n waiting; the chain is
 * truncated at n = 300 (the tail is (λ/2μ)^300 ≈ 0) and its balance equations solved exactly by LU.
 * Workload of worker i = P(worker i busy); share of grid-1 incidents served by worker 2 =
 * P(1,0) + ½·P(both busy) (PASTA; a waiting incident goes to whichever worker frees first, each
 * with probability ½ by symmetry of exponential service).
 *
 * <p>Statistics: one run of about 400,000 incidents, cut into 30 batches of consecutive
 * incidents from the incident log; simulated figures must be within 4 batch-means standard errors.
 */
class HypercubeValidationTest {

    private static final double MU = 0.1;
    private static final double L1 = 0.06;
    private static final double L2 = 0.03;

    @Test
    void workloads_and_backup_dispatch_fractions_match_the_two_server_hypercube_model() {
        double[] exact = solveHypercube(L1, L2, MU, 300);
        double rho1 = exact[0];
        double rho2 = exact[1];
        double f12 = exact[2];
        double f21 = exact[3];

        // Grid G1 has building B0 with 2,000 households, G2 has B1 with 1,000: λ1 = 2·λ2.
        City city = new City("two", List.of(new Building("B0", 0, 0, 2000, 1, "S1", "C1"),
                new Building("B1", 100, 0, 1000, 1, "S1", "C1")),
                new RoadNetwork(new double[] {0, 100}, new double[] {0, 0}, List.of()), List.of());
        GridLayout layout = EngineFixtures.layout(city, i -> i == 0 ? "G1" : "G2");
        DemandCatalog demand = DemandCatalog.of(
                EngineFixtures.poisson("calls", L1 + L2, 3000, TimeDistribution.exponential(1 / MU)));
        double days = 400_000 / (L1 + L2) / 1440;
        List<WorkerSpec> workers = new ArrayList<>(EngineFixtures.always("G1", "B0", 1));
        workers.addAll(EngineFixtures.always("G2", "B1", 1));
        SimulationConfig config = EngineFixtures.queueing(demand, days, days * 0.01, 4242)
                .dispatch(DispatchPolicy.of(DispatchPolicy.Fallback.NEIGHBOUR_GRID))
                .collectIncidentLog(true).build();

        RunResult result = GridSimulation.run(city, layout, EngineFixtures.staffing(workers), config);

        List<IncidentRecord> log = result.incidents();
        int k = 30;
        int per = log.size() / k;
        List<Double> f12b = new ArrayList<>();
        List<Double> f21b = new ArrayList<>();
        List<Double> u1b = new ArrayList<>();
        List<Double> u2b = new ArrayList<>();
        for (int b = 0; b < k; b++) {
            List<IncidentRecord> batch = log.subList(b * per, (b + 1) * per);
            double t0 = batch.get(0).occurred();
            double t1 = batch.get(batch.size() - 1).occurred();
            long g1 = 0;
            long g1by2 = 0;
            long g2 = 0;
            long g2by1 = 0;
            double busy1 = 0;
            double busy2 = 0;
            for (IncidentRecord r : batch) {
                boolean byW1 = r.worker().equals("G1-W1");
                if (r.grid().equals("G1")) {
                    g1++;
                    g1by2 += byW1 ? 0 : 1;
                } else {
                    g2++;
                    g2by1 += byW1 ? 1 : 0;
                }
                double service = r.handled() - r.arrived();
                if (byW1) {
                    busy1 += service;
                } else {
                    busy2 += service;
                }
            }
            f12b.add((double) g1by2 / g1);
            f21b.add((double) g2by1 / g2);
            u1b.add(busy1 / (t1 - t0));
            u2b.add(busy2 / (t1 - t0));
        }
        double[] sf12 = EngineFixtures.meanAndStandardError(f12b);
        double[] sf21 = EngineFixtures.meanAndStandardError(f21b);
        double[] su1 = EngineFixtures.meanAndStandardError(u1b);
        double[] su2 = EngineFixtures.meanAndStandardError(u2b);
        System.out.printf("hypercube: rho1 sim %.4f ± %.4f exact %.4f; rho2 sim %.4f ± %.4f exact %.4f; "
                + "engine utilisation %.4f / %.4f%n", su1[0], su1[1], rho1, su2[0], su2[1], rho2,
                result.worker("G1-W1").utilisation(), result.worker("G2-W1").utilisation());
        System.out.printf("hypercube: f12 sim %.4f ± %.4f exact %.4f; f21 sim %.4f ± %.4f exact %.4f%n",
                sf12[0], sf12[1], f12, sf21[0], sf21[1], f21);

        assertThat(su1[0]).isCloseTo(rho1, offset(4 * su1[1]));
        assertThat(su2[0]).isCloseTo(rho2, offset(4 * su2[1]));
        assertThat(result.worker("G1-W1").utilisation()).isCloseTo(rho1, offset(4 * su1[1]));
        assertThat(result.worker("G2-W1").utilisation()).isCloseTo(rho2, offset(4 * su2[1]));
        assertThat(sf12[0]).isCloseTo(f12, offset(4 * sf12[1]));
        assertThat(sf21[0]).isCloseTo(f21, offset(4 * sf21[1]));
        // Backup matters here: without it worker 1 would carry 0.6 and worker 2 0.3. The simulated
        // workloads must show the sharing (a formula-only check could not fail).
        assertThat(su1[0] - su2[0]).isLessThan(0.25);
        assertThat(sf12[0]).isGreaterThan(0.2);
    }

    /**
     * Solves the two-server hypercube with FCFS queue; returns {ρ1, ρ2, share of grid-1 calls served
     * by worker 2, share of grid-2 calls served by worker 1}.
     */
    static double[] solveHypercube(double l1, double l2, double mu, int maxQueue) {
        double l = l1 + l2;
        int n = 3 + maxQueue + 1;
        int s00 = 0;
        int s10 = 1;
        int s01 = 2;
        RealMatrix q = new Array2DRowRealMatrix(n, n);
        addRate(q, s00, s10, l1);
        addRate(q, s00, s01, l2);
        addRate(q, s10, s00, mu);
        addRate(q, s10, 3, l);
        addRate(q, s01, s00, mu);
        addRate(q, s01, 3, l);
        addRate(q, 3, s01, mu);
        addRate(q, 3, s10, mu);
        for (int k = 0; k <= maxQueue; k++) {
            int s = 3 + k;
            if (k < maxQueue) {
                addRate(q, s, s + 1, l);
            }
            if (k > 0) {
                addRate(q, s, s - 1, 2 * mu);
            }
        }
        // π Q = 0, Σπ = 1: solve Qᵀ π = 0 with the last equation replaced by normalisation.
        RealMatrix a = q.transpose();
        for (int j = 0; j < n; j++) {
            a.setEntry(n - 1, j, 1);
        }
        RealVector rhs = new ArrayRealVector(n);
        rhs.setEntry(n - 1, 1);
        RealVector pi = new LUDecomposition(a).getSolver().solve(rhs);
        double both = 0;
        for (int k = 0; k <= maxQueue; k++) {
            both += pi.getEntry(3 + k);
        }
        return new double[] {pi.getEntry(s10) + both, pi.getEntry(s01) + both, pi.getEntry(s10) + both / 2,
            pi.getEntry(s01) + both / 2};
    }

    private static void addRate(RealMatrix q, int from, int to, double rate) {
        q.addToEntry(from, to, rate);
        q.addToEntry(from, from, -rate);
    }
}
