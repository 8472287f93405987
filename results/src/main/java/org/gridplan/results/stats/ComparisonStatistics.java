package org.gridplan.results.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Statistics of a {@link ComparisonData}: summaries per layout, sweep point and KPI, pooled
 * response-time percentiles, paired comparisons under common random numbers and rankings.
 *
 * <p>The pooled response times of a layout and sweep point are sorted once and kept, since the
 * report asks for them several times (table, CDF, box plot) and a large batch pools millions of
 * incidents. Not thread-safe.
 */
public final class ComparisonStatistics {

    private final ComparisonData data;
    private final Map<String, double[]> sortedPooled = new HashMap<>();
    private final Map<String, Optional<PooledPercentiles>> percentiles = new HashMap<>();

    /** Statistics over {@code data}. */
    public ComparisonStatistics(ComparisonData data) {
        this.data = data;
    }

    /** The data these statistics are computed from. */
    public ComparisonData data() {
        return data;
    }

    /**
     * Whether any run at {@code sweepPoint} has a finite value of {@code kpi}: false for a KPI no
     * layout measured (e.g. a batch stored before the KPI existed, or one without time limits).
     */
    public boolean measured(double sweepPoint, Kpi kpi) {
        for (RunKpis r : data.runs()) {
            if (r.sweepPoint() == sweepPoint && Double.isFinite(r.value(kpi))) {
                return true;
            }
        }
        return false;
    }

    /** Mean, standard deviation and 95% interval of {@code kpi} across the replications. */
    public Summary summary(String layout, double sweepPoint, Kpi kpi) {
        return Summary.of(data.runs(layout, sweepPoint).stream().mapToDouble(r -> r.value(kpi)).toArray());
    }

    /**
     * Response-time percentiles over the incidents of every replication of {@code layout} at
     * {@code sweepPoint}, pooled; empty when no run kept response samples.
     */
    public Optional<PooledPercentiles> pooled(String layout, double sweepPoint) {
        return percentiles.computeIfAbsent(layout + "\u0000" + sweepPoint,
                k -> PooledPercentiles.ofSorted(sorted(layout, sweepPoint)));
    }

    /** Every finite response sample of {@code layout} at {@code sweepPoint}, minutes, ascending. */
    public double[] pooledResponse(String layout, double sweepPoint) {
        return sorted(layout, sweepPoint).clone();
    }

    private double[] sorted(String layout, double sweepPoint) {
        return sortedPooled.computeIfAbsent(layout + "\u0000" + sweepPoint, k -> {
            double[] all = concatenated(layout, sweepPoint);
            boolean finite = true;
            for (double v : all) {
                finite &= Double.isFinite(v);
            }
            double[] out = finite ? all : Arrays.stream(all).filter(Double::isFinite).toArray();
            Arrays.sort(out);
            return out;
        });
    }

    private double[] concatenated(String layout, double sweepPoint) {
        List<RunDetail> details = data.details(layout, sweepPoint);
        int n = 0;
        List<double[]> parts = new ArrayList<>();
        for (RunDetail d : details) {
            double[] part = d.responseMinutes();
            parts.add(part);
            n += part.length;
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /**
     * {@code candidate} against {@code baseline} on {@code kpi} at {@code sweepPoint}, paired by
     * replication number; replications missing from either layout, or without a finite value in
     * either, are left out.
     */
    public PairedComparison compare(String candidate, String baseline, double sweepPoint, Kpi kpi) {
        return change(candidate, baseline, sweepPoint, kpi).comparison();
    }

    /**
     * As {@link #compare}, with the two layouts' means over the paired replications: what the
     * difference goes from and to.
     */
    public PairedChange change(String candidate, String baseline, double sweepPoint, Kpi kpi) {
        Map<Integer, Double> base = new HashMap<>();
        for (RunKpis r : data.runs(baseline, sweepPoint)) {
            base.put(r.replication(), r.value(kpi));
        }
        List<Double> diffs = new ArrayList<>();
        double baseSum = 0;
        double candSum = 0;
        for (RunKpis r : data.runs(candidate, sweepPoint)) {
            Double b = base.get(r.replication());
            double a = r.value(kpi);
            if (b != null && Double.isFinite(b) && Double.isFinite(a)) {
                diffs.add(a - b);
                baseSum += b;
                candSum += a;
            }
        }
        int n = diffs.size();
        double baseMean = n == 0 ? Double.NaN : baseSum / n;
        double candMean = n == 0 ? Double.NaN : candSum / n;
        Summary s = Summary.of(diffs.stream().mapToDouble(Double::doubleValue).toArray());
        if (n < 2) {
            return new PairedChange(new PairedComparison(kpi, candidate, baseline, sweepPoint, n, s.mean(),
                    Optional.empty(), OptionalDouble.empty(), PairedComparison.Outcome.UNAVAILABLE), baseMean,
                            candMean);
        }
        double mean = s.mean().getAsDouble();
        double se = s.sd().getAsDouble() / Math.sqrt(n);
        double p;
        if (se == 0) {
            p = mean == 0 ? 1 : 0;
        } else {
            double t = Math.abs(mean / se);
            p = 2 * (1 - new TDistribution(null, n - 1).cumulativeProbability(t));
        }
        Interval ci = s.ci().get();
        PairedComparison.Outcome outcome = ci.lower() > 0 ? PairedComparison.Outcome.HIGHER
                : ci.upper() < 0 ? PairedComparison.Outcome.LOWER : PairedComparison.Outcome.NOT_DISTINGUISHABLE;
        return new PairedChange(new PairedComparison(kpi, candidate, baseline, sweepPoint, n, s.mean(),
                Optional.of(ci), OptionalDouble.of(p), outcome), baseMean, candMean);
    }

    /** Every other layout against the baseline on {@code kpi} at {@code sweepPoint}, in layout order. */
    public List<PairedComparison> againstBaseline(double sweepPoint, Kpi kpi) {
        List<PairedComparison> out = new ArrayList<>();
        for (String layout : data.layouts()) {
            if (!layout.equals(data.baseline()) && !data.runs(layout, sweepPoint).isEmpty()) {
                out.add(compare(layout, data.baseline(), sweepPoint, kpi));
            }
        }
        return out;
    }

    /** The layouts ranked on {@code kpi} at {@code sweepPoint}; layouts without a mean are left out. */
    public Ranking ranking(double sweepPoint, Kpi kpi) {
        record Entry(String layout, double mean) {
        }
        List<Entry> entries = new ArrayList<>();
        for (String layout : data.layouts()) {
            OptionalDouble mean = summary(layout, sweepPoint, kpi).mean();
            if (mean.isPresent()) {
                entries.add(new Entry(layout, mean.getAsDouble()));
            }
        }
        Comparator<Entry> order = Comparator.comparingDouble(Entry::mean);
        if (kpi.direction() == Kpi.Direction.HIGHER_IS_BETTER) {
            order = order.reversed();
        }
        entries.sort(order);
        // Rank = 1 + the number of layouts significantly better on the paired comparison (ties
        // where nothing is shown better): not distinguishable is not transitive, so a layout is
        // compared with every other, not only with the one above it.
        boolean intervals = data.maxReplications() > 1;
        int[] ranks = new int[entries.size()];
        for (int i = 0; i < entries.size() && intervals; i++) {
            for (int j = 0; j < entries.size(); j++) {
                if (j == i) {
                    continue;
                }
                PairedComparison c = compare(entries.get(j).layout(), entries.get(i).layout(), sweepPoint, kpi);
                if (c.outcome() == PairedComparison.Outcome.UNAVAILABLE) {
                    intervals = false;
                    break;
                }
                if (c.improves()) {
                    ranks[i]++;
                }
            }
        }
        if (!intervals) {
            for (int i = 0; i < entries.size(); i++) {
                ranks[i] = i;
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            ranks[i]++;
        }
        // Best rank first; within a rank, best mean first (the sort is stable).
        Integer[] byRank = new Integer[entries.size()];
        for (int i = 0; i < byRank.length; i++) {
            byRank[i] = i;
        }
        Arrays.sort(byRank, Comparator.comparingInt(i -> ranks[i]));
        List<Entry> sorted = new ArrayList<>();
        int[] sortedRanks = new int[ranks.length];
        for (int k = 0; k < byRank.length; k++) {
            sorted.add(entries.get(byRank[k]));
            sortedRanks[k] = ranks[byRank[k]];
        }
        entries = sorted;
        System.arraycopy(sortedRanks, 0, ranks, 0, ranks.length);
        List<Ranking.Place> places = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            boolean tied = false;
            for (int j = 0; j < entries.size(); j++) {
                tied |= j != i && ranks[j] == ranks[i];
            }
            places.add(new Ranking.Place(entries.get(i).layout(), ranks[i], entries.get(i).mean(), tied));
        }
        return new Ranking(kpi, sweepPoint, places, intervals);
    }

    /**
     * The case parts of {@code layout} at {@code sweepPoint} (categories, then working hours and out
     * of hours), each figure the mean over the replications that measured it; empty for a batch
     * stored before the breakdown was.
     */
    public List<CasePart> caseParts(String layout, double sweepPoint) {
        Map<String, List<CasePart>> byKey = new java.util.LinkedHashMap<>();
        for (RunBreakdown b : data.breakdowns(layout, sweepPoint)) {
            for (CasePart p : b.parts()) {
                byKey.computeIfAbsent(p.kind() + "\u0000" + p.name(), k -> new ArrayList<>()).add(p);
            }
        }
        List<CasePart> out = new ArrayList<>();
        for (List<CasePart> ps : byKey.values()) {
            CasePart first = ps.get(0);
            out.add(new CasePart(first.kind(), first.name(), first.urgent(), mean(ps, CasePart::known),
                    mean(ps, CasePart::reached), mean(ps, CasePart::responseMean), mean(ps, CasePart::responseP50),
                    mean(ps, CasePart::responseP90), mean(ps, CasePart::onTimeResponse),
                    mean(ps, CasePart::onTimeClosure)));
        }
        return out;
    }

    /** The case parts of {@code layout} at {@code sweepPoint} of one kind. */
    public List<CasePart> caseParts(String layout, double sweepPoint, CasePart.Kind kind) {
        return caseParts(layout, sweepPoint).stream().filter(p -> p.kind() == kind).toList();
    }

    /**
     * The plan's workers of {@code layout} at {@code sweepPoint} by kind, mean over the replications
     * (the same in each unless the plan is redrawn per run); empty when no run recorded its staff.
     */
    public Map<Staff, Double> headcount(String layout, double sweepPoint) {
        List<RunBreakdown> runs = data.breakdowns(layout, sweepPoint).stream()
                .filter(b -> !b.headcount().isEmpty()).toList();
        Map<Staff, Double> out = new java.util.EnumMap<>(Staff.class);
        for (RunBreakdown b : runs) {
            b.headcount().forEach((k, v) -> out.merge(k, (double) v / runs.size(), Double::sum));
        }
        return out;
    }

    private static double mean(List<CasePart> parts, java.util.function.ToDoubleFunction<CasePart> f) {
        double sum = 0;
        int n = 0;
        for (CasePart p : parts) {
            double v = f.applyAsDouble(p);
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
