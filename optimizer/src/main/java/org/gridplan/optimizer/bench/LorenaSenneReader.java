package org.gridplan.optimizer.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.gridplan.optimizer.model.CandidateSite;
import org.gridplan.optimizer.model.DemandPoint;
import org.gridplan.optimizer.model.InfeasibleProblemException;
import org.gridplan.optimizer.model.SitingProblem;
import org.gridplan.optimizer.model.SitingProblem.DistanceUnit;
import org.gridplan.optimizer.model.SitingWeights;
import org.gridplan.optimizer.model.TravelWeighting;
import org.gridplan.sim.io.InputException;

/**
 * Reads a Lorena–Senne capacitated p-median instance (Lorena &amp; Senne 2004, the São José dos
 * Campos instances SJC1, SJC2, …): a line {@code n p}, then n lines {@code x y Q q} — the point's
 * coordinates (metres), its capacity Q if chosen as a median, its demand q.
 *
 * <p>Every point is a client and a candidate median; the distance is the <em>real, unrounded</em>
 * Euclidean distance in metres, for which the optima are published (to 2 decimals). Exactly p
 * medians (at most p in the model: opening fewer never lowers the sum), single sourcing, a
 * median's capacity holding the demand assigned to it (its own included); the objective is the
 * plain sum of distances, so demand is the points' "households" and travel weights are 1.
 *
 * <p>The siting model has one capacity for every branch, so every line must carry the same Q (as
 * in all published instances of the family); a file with differing capacities is rejected, naming
 * the first line that differs.
 */
public final class LorenaSenneReader {

    /** Proven optima (real distances, 2 decimals), from shared/bench/README.md (Lorena &amp; Senne 2004). */
    public static final Map<String, Double> KNOWN_OPTIMA = Map.of("SJC1", 17288.99, "SJC2", 33270.94);

    /** The decimals the optima are published with. */
    public static final int DECIMALS = 2;

    private LorenaSenneReader() {
    }

    /**
     * Reads the instance; its optimum is known when the file is named after one of
     * {@link #KNOWN_OPTIMA} (case-insensitive, e.g. {@code SJC1.dat}).
     *
     * @throws InputException naming the file and line when the file is malformed or infeasible
     */
    public static BenchInstance read(Path file) {
        List<BenchFiles.Line> lines = BenchFiles.read(file);
        if (lines.isEmpty()) {
            throw new InputException(file, "empty file: expected a first line 'n p'");
        }
        BenchFiles.Line head = lines.get(0);
        String[] t = BenchFiles.expect(file, head, 2, "'n p'");
        long n = BenchFiles.parseLong(file, head, t[0], "n");
        long p = BenchFiles.parseLong(file, head, t[1], "p");
        if (n < 1 || n > 20_000) {
            throw new InputException(file, "line " + head.number() + ": n = " + n + " points must be 1..20000");
        }
        if (p < 1 || p > n) {
            throw new InputException(file, "line " + head.number() + ": p = " + p + " medians must be 1.." + n);
        }
        if (lines.size() - 1 != n) {
            throw new InputException(file, "expected " + n + " point lines 'x y Q q' after line " + head.number()
                    + ", found " + (lines.size() - 1));
        }
        int size = (int) n;
        double[] x = new double[size];
        double[] y = new double[size];
        List<DemandPoint> points = new ArrayList<>(size);
        List<CandidateSite> sites = new ArrayList<>(size);
        long capacity = -1;
        int capacityLine = -1;
        for (int k = 0; k < size; k++) {
            BenchFiles.Line line = lines.get(k + 1);
            String[] f = BenchFiles.expect(file, line, 4, "a point 'x y Q q'");
            x[k] = BenchFiles.parseDouble(file, line, f[0], "x");
            y[k] = BenchFiles.parseDouble(file, line, f[1], "y");
            long q = BenchFiles.parseLong(file, line, f[2], "capacity Q");
            long demand = BenchFiles.parseLong(file, line, f[3], "demand q");
            if (q < 0) {
                throw new InputException(file, "line " + line.number() + ": capacity " + q + " must be 0 or more");
            }
            if (demand < 0) {
                throw new InputException(file, "line " + line.number() + ": demand " + demand + " must be 0 or more");
            }
            if (capacity < 0) {
                capacity = q;
                capacityLine = line.number();
            } else if (q != capacity) {
                throw new InputException(file, "line " + line.number() + ": capacity " + q + " differs from "
                        + capacity + " on line " + capacityLine + "; the siting model has one capacity for every"
                        + " branch");
            }
            String id = Integer.toString(k + 1);
            points.add(DemandPoint.of(id, demand));
            sites.add(new CandidateSite(id));
        }
        double[][] distances = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                distances[i][j] = Math.hypot(x[i] - x[j], y[i] - y[j]);
            }
        }
        String name = BenchFiles.instanceName(file);
        try {
            SitingProblem problem = SitingProblem.builder(name)
                    .demandPoints(points)
                    .sites(sites)
                    .distances(distances, DistanceUnit.METRES)
                    .maxBranches((int) p)
                    .branchCapacity(capacity)
                    .weighting(TravelWeighting.UNIT)
                    .weights(SitingWeights.P_MEDIAN)
                    .build();
            Double optimum = KNOWN_OPTIMA.get(name.toUpperCase(Locale.ROOT));
            return new BenchInstance(name, problem,
                    optimum == null ? OptionalDouble.empty() : OptionalDouble.of(optimum),
                    DECIMALS);
        } catch (InfeasibleProblemException e) {
            throw new InputException(file, e.getMessage());
        }
    }
}
