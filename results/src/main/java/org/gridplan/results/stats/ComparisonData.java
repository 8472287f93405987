package org.gridplan.results.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gridplan.sim.engine.RunResult;

/**
 * Everything a comparison report is made from: the scenario summary, the district KPIs of every
 * run (layout × sweep point × replication), the distributions behind them, optional map geometry
 * and the optimised plan's justifications. Build one with {@link #builder}.
 *
 * @param scenario       what the batch simulated
 * @param layouts        layout names in the order they were first added; colours and table
 *                       columns follow this order
 * @param baseline       the layout every other is compared against (e.g. {@code current})
 * @param referencePoint the sweep point of the headline table, distributions and maps
 * @param runs           district KPIs of every run
 * @param details        distributions of the runs that have them (any subset)
 * @param map            geometry for the district maps, if any
 * @param justifications the optimised plan's justifications, one sentence each (English and Chinese); may be empty
 * @param status         how complete the stored batch is and whether it was optimised; empty for
 *                       data that did not come from a results store
 * @param breakdowns     the runs' cases by category and by working hours, and their headcount (any
 *                       subset of the runs; empty for a batch stored before they were)
 * @param selection      the statement of a ranking-and-selection procedure that chose the best layout
 *                       (its guarantee), in English and Chinese; empty for none
 * @param surges         the runs' figures in the scenario's first surge window, at every sweep point;
 *                       empty for a batch without a surge (or stored before they were kept)
 */
public record ComparisonData(ScenarioSummary scenario, List<String> layouts, String baseline, double referencePoint,
        List<RunKpis> runs, List<RunDetail> details, Optional<MapData> map, List<Justification> justifications,
        Optional<BatchStatus> status, List<RunBreakdown> breakdowns, List<Justification> selection,
        List<SurgeRun> surges) {

    /** Data without surge figures. */
    public ComparisonData(ScenarioSummary scenario, List<String> layouts, String baseline, double referencePoint,
            List<RunKpis> runs, List<RunDetail> details, Optional<MapData> map, List<Justification> justifications,
            Optional<BatchStatus> status, List<RunBreakdown> breakdowns, List<Justification> selection) {
        this(scenario, layouts, baseline, referencePoint, runs, details, map, justifications, status, breakdowns,
                selection, List.of());
    }

    /** Data without a selection statement. */
    public ComparisonData(ScenarioSummary scenario, List<String> layouts, String baseline, double referencePoint,
            List<RunKpis> runs, List<RunDetail> details, Optional<MapData> map, List<Justification> justifications,
            Optional<BatchStatus> status, List<RunBreakdown> breakdowns) {
        this(scenario, layouts, baseline, referencePoint, runs, details, map, justifications, status, breakdowns,
                List.of());
    }

    /** This data with a selection statement. */
    public ComparisonData withSelection(List<Justification> statement) {
        return new ComparisonData(scenario, layouts, baseline, referencePoint, runs, details, map, justifications,
                status, breakdowns, statement, surges);
    }

    /** Data without breakdowns. */
    public ComparisonData(ScenarioSummary scenario, List<String> layouts, String baseline, double referencePoint,
            List<RunKpis> runs, List<RunDetail> details, Optional<MapData> map, List<Justification> justifications,
            Optional<BatchStatus> status) {
        this(scenario, layouts, baseline, referencePoint, runs, details, map, justifications, status, List.of());
    }

    public ComparisonData {
        Objects.requireNonNull(scenario, "scenario");
        layouts = List.copyOf(layouts);
        runs = List.copyOf(runs);
        details = List.copyOf(details);
        Objects.requireNonNull(map, "map");
        justifications = List.copyOf(justifications);
        Objects.requireNonNull(status, "status");
        breakdowns = List.copyOf(breakdowns);
        selection = List.copyOf(selection);
        surges = List.copyOf(surges);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to compare");
        }
        if (!layouts.contains(baseline)) {
            throw new IllegalArgumentException("baseline " + baseline + " is not one of the layouts " + layouts);
        }
        Set<String> seen = new HashSet<>();
        Set<Double> points = new HashSet<>();
        for (RunKpis r : runs) {
            if (!layouts.contains(r.layout())) {
                throw new IllegalArgumentException("run of unknown layout " + r.layout());
            }
            if (!seen.add(r.layout() + "\u0000" + r.sweepPoint() + "\u0000" + r.replication())) {
                throw new IllegalArgumentException("layout " + r.layout() + ", sweep point " + r.sweepPoint()
                        + ", replication " + r.replication() + " added twice");
            }
            points.add(r.sweepPoint());
        }
        if (!points.contains(referencePoint)) {
            throw new IllegalArgumentException("reference sweep point " + referencePoint + " has no runs");
        }
        for (RunDetail d : details) {
            if (!layouts.contains(d.layout())) {
                throw new IllegalArgumentException("detail of unknown layout " + d.layout());
            }
        }
    }

    /** A builder for a batch described by {@code scenario}. */
    public static Builder builder(ScenarioSummary scenario) {
        return new Builder(scenario);
    }

    /** The sweep points, ascending. */
    public List<Double> sweepPoints() {
        Set<Double> points = new TreeSet<>();
        for (RunKpis r : runs) {
            points.add(r.sweepPoint());
        }
        return List.copyOf(points);
    }

    /** The runs of {@code layout} at {@code sweepPoint}, in the order added. */
    public List<RunKpis> runs(String layout, double sweepPoint) {
        List<RunKpis> out = new ArrayList<>();
        for (RunKpis r : runs) {
            if (r.layout().equals(layout) && r.sweepPoint() == sweepPoint) {
                out.add(r);
            }
        }
        return out;
    }

    /** The details of {@code layout} at {@code sweepPoint}, in the order added. */
    public List<RunDetail> details(String layout, double sweepPoint) {
        List<RunDetail> out = new ArrayList<>();
        for (RunDetail d : details) {
            if (d.layout().equals(layout) && d.sweepPoint() == sweepPoint) {
                out.add(d);
            }
        }
        return out;
    }

    /** The breakdowns of {@code layout} at {@code sweepPoint}, in the order added. */
    public List<RunBreakdown> breakdowns(String layout, double sweepPoint) {
        List<RunBreakdown> out = new ArrayList<>();
        for (RunBreakdown b : breakdowns) {
            if (b.layout().equals(layout) && b.sweepPoint() == sweepPoint) {
                out.add(b);
            }
        }
        return out;
    }

    /** The surge figures of {@code layout}'s runs at {@code sweepPoint}, by replication. */
    public List<SurgeRun> surges(String layout, double sweepPoint) {
        return surges.stream().filter(s -> s.layout().equals(layout) && s.sweepPoint() == sweepPoint).toList();
    }

    /** The largest number of replications of any layout at any sweep point. */
    public int maxReplications() {
        int max = 0;
        for (String layout : layouts) {
            for (double p : sweepPoints()) {
                max = Math.max(max, runs(layout, p).size());
            }
        }
        return max;
    }

    /**
     * Collects runs into a {@link ComparisonData}. The first layout added is the baseline and the
     * first sweep point added is the reference point unless set.
     */
    public static final class Builder {
        private final ScenarioSummary scenario;
        private final List<String> layouts = new ArrayList<>();
        private final List<RunKpis> runs = new ArrayList<>();
        private final List<RunDetail> details = new ArrayList<>();
        private final List<Justification> justifications = new ArrayList<>();
        private final List<RunBreakdown> breakdowns = new ArrayList<>();
        private final List<SurgeRun> surges = new ArrayList<>();
        private String baseline;
        private Double referencePoint;
        private MapData map;
        private BatchStatus status;

        private Builder(ScenarioSummary scenario) {
            this.scenario = Objects.requireNonNull(scenario, "scenario");
        }

        /** Adds the KPIs and the detail of one run. */
        public Builder add(String layout, double sweepPoint, int replication, RunResult result) {
            add(RunKpis.of(layout, sweepPoint, replication, result));
            add(RunBreakdown.of(layout, sweepPoint, replication, result));
            return add(RunDetail.of(layout, sweepPoint, replication, result));
        }

        /** Adds the surge figures of one run. */
        public Builder add(SurgeRun surge) {
            surges.add(surge);
            return this;
        }

        /** Adds the breakdown and headcount of one run. */
        public Builder add(RunBreakdown breakdown) {
            note(breakdown.layout(), breakdown.sweepPoint());
            breakdowns.add(breakdown);
            return this;
        }

        /** Adds the district KPIs of one run (e.g. read back from a results store). */
        public Builder add(RunKpis kpis) {
            note(kpis.layout(), kpis.sweepPoint());
            runs.add(kpis);
            return this;
        }

        /** Adds the distributions of one run. */
        public Builder add(RunDetail detail) {
            note(detail.layout(), detail.sweepPoint());
            details.add(detail);
            return this;
        }

        private void note(String layout, double sweepPoint) {
            if (!layouts.contains(layout)) {
                layouts.add(layout);
            }
            if (referencePoint == null) {
                referencePoint = sweepPoint;
            }
        }

        /** Sets the layout the others are compared against. */
        public Builder baseline(String layout) {
            this.baseline = layout;
            return this;
        }

        /** Sets the sweep point of the headline table, distributions and maps. */
        public Builder referencePoint(double sweepPoint) {
            this.referencePoint = sweepPoint;
            return this;
        }

        /** Sets the map geometry. */
        public Builder map(MapData map) {
            this.map = map;
            return this;
        }

        /** Adds justifications of the optimised plan, one sentence each. */
        public Builder justifications(List<Justification> sentences) {
            justifications.addAll(sentences);
            return this;
        }

        /** Sets how complete the stored batch is and whether it was optimised. */
        public Builder status(BatchStatus status) {
            this.status = status;
            return this;
        }

        /** The data; checks that there are runs and that baseline and reference point exist. */
        public ComparisonData build() {
            if (runs.isEmpty()) {
                throw new IllegalStateException("no runs added");
            }
            return new ComparisonData(scenario, layouts, baseline == null ? layouts.get(0) : baseline,
                    referencePoint, runs, details, Optional.ofNullable(map), justifications,
                    Optional.ofNullable(status), breakdowns, List.of(), surges);
        }
    }
}
