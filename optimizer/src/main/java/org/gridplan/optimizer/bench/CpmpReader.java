package org.gridplan.optimizer.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.gridplan.optimizer.model.CandidateSite;
import org.gridplan.optimizer.model.DemandPoint;
import org.gridplan.optimizer.model.InfeasibleProblemException;
import org.gridplan.optimizer.model.SitingProblem;
import org.gridplan.optimizer.model.SitingProblem.DistanceUnit;
import org.gridplan.optimizer.model.SitingWeights;
import org.gridplan.optimizer.model.TravelWeighting;
import org.gridplan.sim.io.InputException;

/**
 * Reads an Osman–Christofides capacitated p-median instance (1994, OR-Library): a line
 * {@code k opt} (problem number, proven optimum), a line {@code n p Q}, then n lines
 * {@code id x y d} (point id, coordinates, demand).
 *
 * <p>Every point is a client and a candidate median; the distance is the Euclidean distance
 * rounded <em>down</em> ({@code floor(sqrt(dx² + dy²))}), for which the optima are published.
 * Exactly p medians (at most p in the model: opening fewer never lowers the sum), single
 * sourcing, every median's capacity Q holding the demand assigned to it; the objective is the
 * plain sum of distances, so demand is the points' "households" and travel weights are 1.
 */
public final class CpmpReader {

    private CpmpReader() {
    }

    /**
     * Reads the instance.
     *
     * @throws InputException naming the file and line when the file is malformed or infeasible
     */
    public static BenchInstance read(Path file) {
        List<BenchFiles.Line> lines = BenchFiles.read(file);
        if (lines.size() < 2) {
            throw new InputException(file, "expected a line 'k opt' and a line 'n p Q', found " + lines.size()
                    + " non-blank lines");
        }
        BenchFiles.Line first = lines.get(0);
        String[] t0 = BenchFiles.expect(file, first, 2, "'k opt'");
        BenchFiles.parseLong(file, first, t0[0], "problem number k");
        long optimum = BenchFiles.parseLong(file, first, t0[1], "optimum");
        BenchFiles.Line second = lines.get(1);
        String[] t1 = BenchFiles.expect(file, second, 3, "'n p Q'");
        long n = BenchFiles.parseLong(file, second, t1[0], "n");
        long p = BenchFiles.parseLong(file, second, t1[1], "p");
        long q = BenchFiles.parseLong(file, second, t1[2], "capacity Q");
        if (n < 1 || n > 20_000) {
            throw new InputException(file, "line " + second.number() + ": n = " + n + " points must be 1..20000");
        }
        if (p < 1 || p > n) {
            throw new InputException(file, "line " + second.number() + ": p = " + p + " medians must be 1.." + n);
        }
        if (q < 0) {
            throw new InputException(file, "line " + second.number() + ": capacity Q = " + q + " must be 0 or more");
        }
        if (lines.size() - 2 != n) {
            throw new InputException(file, "expected " + n + " point lines 'id x y d' after line " + second.number()
                    + ", found " + (lines.size() - 2));
        }
        int size = (int) n;
        double[] x = new double[size];
        double[] y = new double[size];
        List<DemandPoint> points = new ArrayList<>(size);
        List<CandidateSite> sites = new ArrayList<>(size);
        Set<String> ids = new HashSet<>();
        for (int k = 0; k < size; k++) {
            BenchFiles.Line line = lines.get(k + 2);
            String[] t = BenchFiles.expect(file, line, 4, "a point 'id x y d'");
            String id = t[0];
            if (!ids.add(id)) {
                throw new InputException(file, "line " + line.number() + ": point id " + id + " appears twice");
            }
            x[k] = BenchFiles.parseDouble(file, line, t[1], "x");
            y[k] = BenchFiles.parseDouble(file, line, t[2], "y");
            long demand = BenchFiles.parseLong(file, line, t[3], "demand d");
            if (demand < 0) {
                throw new InputException(file, "line " + line.number() + ": demand " + demand + " must be 0 or more");
            }
            points.add(DemandPoint.of(id, demand));
            sites.add(new CandidateSite(id));
        }
        double[][] distances = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                double dx = x[i] - x[j];
                double dy = y[i] - y[j];
                distances[i][j] = Math.floor(Math.sqrt(dx * dx + dy * dy));
            }
        }
        String name = BenchFiles.instanceName(file);
        try {
            SitingProblem problem = SitingProblem.builder(name)
                    .demandPoints(points)
                    .sites(sites)
                    .distances(distances, DistanceUnit.ABSTRACT)
                    .maxBranches((int) p)
                    .branchCapacity(q)
                    .weighting(TravelWeighting.UNIT)
                    .weights(SitingWeights.P_MEDIAN)
                    .build();
            return new BenchInstance(name, problem, OptionalDouble.of(optimum), 0);
        } catch (InfeasibleProblemException e) {
            throw new InputException(file, e.getMessage());
        }
    }
}
