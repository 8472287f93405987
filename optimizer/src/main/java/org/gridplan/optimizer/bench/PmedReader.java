package org.gridplan.optimizer.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.gridplan.optimizer.model.CandidateSite;
import org.gridplan.optimizer.model.DemandPoint;
import org.gridplan.optimizer.model.SitingProblem;
import org.gridplan.optimizer.model.SitingProblem.DistanceUnit;
import org.gridplan.optimizer.model.SitingWeights;
import org.gridplan.optimizer.model.TravelWeighting;
import org.gridplan.sim.io.InputException;

/**
 * Reads an OR-Library uncapacitated p-median instance (Beasley 1990): a line {@code n m p}, then m
 * lines {@code i j c}, an undirected edge of cost c between 1-based vertices i and j.
 *
 * <p>Every vertex is a client of weight 1 and a candidate median; distances are all-pairs
 * shortest paths (Floyd–Warshall, O(n³): under a second for n = 900). When a vertex pair appears
 * on several lines the <em>last</em> line counts, as in Beasley's own generator (taking the
 * minimum gives pmed1 = 5718 instead of the published 5819). Self-loops are ignored.
 */
public final class PmedReader {

    /** Proven optima of pmed1–pmed10, from shared/bench/README.md (Beasley 1985, OR-Library). */
    public static final Map<String, Long> KNOWN_OPTIMA = Map.of(
            "pmed1", 5819L, "pmed2", 4093L, "pmed3", 4250L, "pmed4", 3034L, "pmed5", 1355L,
            "pmed6", 7824L, "pmed7", 5631L, "pmed8", 4445L, "pmed9", 2734L, "pmed10", 1255L);

    private PmedReader() {
    }

    /**
     * Reads the instance; its optimum is known when the file is named after one of
     * {@link #KNOWN_OPTIMA}.
     *
     * @throws InputException naming the file and line when the file is malformed or the graph
     *     is disconnected
     */
    public static BenchInstance read(Path file) {
        List<BenchFiles.Line> lines = BenchFiles.read(file);
        if (lines.isEmpty()) {
            throw new InputException(file, "empty file: expected a first line 'n m p'");
        }
        BenchFiles.Line head = lines.get(0);
        String[] t = BenchFiles.expect(file, head, 3, "'n m p'");
        long n = BenchFiles.parseLong(file, head, t[0], "n");
        long m = BenchFiles.parseLong(file, head, t[1], "m");
        long p = BenchFiles.parseLong(file, head, t[2], "p");
        if (n < 1 || n > 20_000) {
            throw new InputException(file, "line " + head.number() + ": n = " + n + " vertices must be 1..20000");
        }
        if (m < 0) {
            throw new InputException(file, "line " + head.number() + ": m = " + m + " edges must be 0 or more");
        }
        if (p < 1 || p > n) {
            throw new InputException(file, "line " + head.number() + ": p = " + p + " medians must be 1.." + n);
        }
        if (lines.size() - 1 != m) {
            throw new InputException(file, "expected " + m + " edge lines after line " + head.number() + ", found "
                    + (lines.size() - 1));
        }
        int size = (int) n;
        long inf = Long.MAX_VALUE / 4;
        long[][] d = new long[size][size];
        for (int i = 0; i < size; i++) {
            Arrays.fill(d[i], inf);
            d[i][i] = 0;
        }
        for (int k = 1; k < lines.size(); k++) {
            BenchFiles.Line line = lines.get(k);
            String[] e = BenchFiles.expect(file, line, 3, "an edge 'i j c'");
            long i = BenchFiles.parseLong(file, line, e[0], "vertex i");
            long j = BenchFiles.parseLong(file, line, e[1], "vertex j");
            long c = BenchFiles.parseLong(file, line, e[2], "cost c");
            if (i < 1 || i > n || j < 1 || j > n) {
                throw new InputException(file, "line " + line.number() + ": vertex " + (i < 1 || i > n ? i : j)
                        + " is outside 1.." + n);
            }
            if (c < 0) {
                throw new InputException(file, "line " + line.number() + ": cost " + c + " must be 0 or more");
            }
            if (i != j) {
                d[(int) i - 1][(int) j - 1] = c; // the last line for a pair wins
                d[(int) j - 1][(int) i - 1] = c;
            }
        }
        for (int k = 0; k < size; k++) {
            long[] dk = d[k];
            for (int i = 0; i < size; i++) {
                long dik = d[i][k];
                if (dik >= inf) {
                    continue;
                }
                long[] di = d[i];
                for (int j = 0; j < size; j++) {
                    long via = dik + dk[j];
                    if (via < di[j]) {
                        di[j] = via;
                    }
                }
            }
        }
        double[][] distances = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                if (d[i][j] >= inf) {
                    throw new InputException(file, "the graph is disconnected: vertex " + (j + 1)
                            + " cannot be reached from vertex " + (i + 1));
                }
                distances[i][j] = d[i][j];
            }
        }
        String name = BenchFiles.instanceName(file);
        List<DemandPoint> points = new ArrayList<>(size);
        List<CandidateSite> sites = new ArrayList<>(size);
        for (int i = 1; i <= size; i++) {
            points.add(DemandPoint.of(Integer.toString(i), 1));
            sites.add(new CandidateSite(Integer.toString(i)));
        }
        SitingProblem problem = SitingProblem.builder(name)
                .demandPoints(points)
                .sites(sites)
                .distances(distances, DistanceUnit.ABSTRACT)
                .maxBranches((int) p)
                .weighting(TravelWeighting.UNIT)
                .weights(SitingWeights.P_MEDIAN)
                .build();
        Long optimum = KNOWN_OPTIMA.get(name);
        return new BenchInstance(name, problem, optimum == null ? OptionalDouble.empty() : OptionalDouble.of(optimum),
                0);
    }
}
