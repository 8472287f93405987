package org.gridplan.results.stats;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridplan.sim.engine.Breakdown;
import org.gridplan.sim.engine.RunResult;
import org.gridplan.sim.engine.WorkerKpis;

/**
 * What explains one run's headline figures and what it cost: its cases by category and by working
 * hours against out of hours, and its plan's headcount by kind of worker.
 *
 * @param layout      layout name
 * @param sweepPoint  sweep point
 * @param replication replication number
 * @param parts       the categories, then the working-hours and out-of-hours parts; empty for a
 *                    batch stored before the breakdown was
 * @param headcount   workers of the plan by kind (kinds without a worker left out)
 */
public record RunBreakdown(String layout, double sweepPoint, int replication, List<CasePart> parts,
        Map<Staff, Integer> headcount) {

    public RunBreakdown {
        Objects.requireNonNull(layout, "layout");
        parts = List.copyOf(parts);
        EnumMap<Staff, Integer> copy = new EnumMap<>(Staff.class);
        copy.putAll(headcount);
        headcount = Collections.unmodifiableMap(copy);
    }

    /** The breakdown and headcount of {@code result}. */
    public static RunBreakdown of(String layout, double sweepPoint, int replication, RunResult result) {
        return new RunBreakdown(layout, sweepPoint, replication, parts(result.breakdown()),
                headcount(result.workers()));
    }

    /** The categories, then the working-hours and out-of-hours parts (the time parts only when measured). */
    public static List<CasePart> parts(Breakdown b) {
        List<CasePart> out = new java.util.ArrayList<>();
        for (Breakdown.Part p : b.categories()) {
            out.add(CasePart.of(CasePart.Kind.CATEGORY, p));
        }
        if (b.workingHours().known() + b.outOfHours().known() > 0) {
            out.add(CasePart.of(CasePart.Kind.HOURS, named(b.workingHours(), CasePart.WORKING_HOURS)));
            out.add(CasePart.of(CasePart.Kind.HOURS, named(b.outOfHours(), CasePart.OUT_OF_HOURS)));
        }
        return out;
    }

    private static Breakdown.Part named(Breakdown.Part p, String name) {
        return p.name().isEmpty() ? new Breakdown.Part(name, p.urgent(), p.known(), p.reached(), p.response(),
                p.onTimeResponseShare(), p.onTimeClosureShare()) : p;
    }

    /** Workers by kind. */
    public static Map<Staff, Integer> headcount(List<WorkerKpis> workers) {
        EnumMap<Staff, Integer> out = new EnumMap<>(Staff.class);
        for (WorkerKpis w : workers) {
            out.merge(Staff.of(w.type(), w.role()), 1, Integer::sum);
        }
        return out;
    }
}
