package org.gridplan.sim.engine;

import static org.gridplan.sim.engine.IncidentTable.ABANDONED;
import static org.gridplan.sim.engine.IncidentTable.CLOSED;
import static org.gridplan.sim.engine.IncidentTable.GONE;
import static org.gridplan.sim.engine.IncidentTable.LATENT;
import static org.gridplan.sim.engine.IncidentTable.LINKED;
import static org.gridplan.sim.engine.IncidentTable.LOST;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import org.gridplan.sim.demand.EscalationLevel;
import org.gridplan.sim.demand.IncidentCategory;

/**
 * Counts the incident KPIs of a set of incidents at the end of a run: response and closure
 * statistics, on-the-spot and escalation shares, the service-circle shares and the time-limit
 * KPIs ({@link LimitKpis}).
 */
final class IncidentKpiCounter {

    private final IncidentTable inc;
    private final List<IncidentCategory> categories;
    private final boolean[] catUrgent;
    private final double horizon;

    IncidentKpiCounter(IncidentTable inc, List<IncidentCategory> categories, boolean[] catUrgent, double horizon) {
        this.inc = inc;
        this.categories = categories;
        this.catUrgent = catUrgent;
        this.horizon = horizon;
    }

    /**
     * The KPIs of incidents {@code ids[from..to)}, using {@code resp} and {@code clos} as scratch
     * space of at least {@code to - from} values.
     */
    IncidentKpis kpis(int[] ids, int from, int to, double[] resp, double[] clos) {
        int nr = 0;
        int ncl = 0;
        long patrol = 0;
        long handledCount = 0;
        long onSpot = 0;
        long within5 = 0;
        long within15 = 0;
        long judged5 = 0;
        long judged15 = 0;
        long[] esc = new long[EscalationLevel.values().length];
        long known = 0;
        long urgentKnown = 0;
        long respJudged = 0;
        long respOnTime = 0;
        long urgentJudged = 0;
        long urgentOnTime = 0;
        long closJudged = 0;
        long closOnTime = 0;
        long overdueOpen = 0;
        long linked = 0;
        long lost = 0;
        long abandoned = 0;
        for (int k = from; k < to; k++) {
            int i = ids[k];
            if (!Double.isNaN(inc.known[i]) && inc.state[i] != LATENT) {
                known++;
                boolean urgent = catUrgent[inc.category[i]];
                urgentKnown += urgent ? 1 : 0;
                int verdict = judge(inc.arrived[i], inc.respDue[i], inc.state[i] == GONE);
                if (verdict >= 0) {
                    respJudged++;
                    respOnTime += verdict;
                    if (urgent) {
                        urgentJudged++;
                        urgentOnTime += verdict;
                    }
                }
                int closing = judge(inc.closed[i], inc.closDue[i], inc.state[i] == GONE);
                if (closing >= 0) {
                    closJudged++;
                    closOnTime += closing;
                }
                if (inc.state[i] != CLOSED && inc.state[i] != GONE && horizon > inc.closDue[i]) {
                    overdueOpen++;
                }
                linked += inc.outcome[i] == LINKED ? 1 : 0;
                lost += inc.outcome[i] == LOST ? 1 : 0;
                abandoned += inc.outcome[i] == ABANDONED ? 1 : 0;
            }
            if (inc.foundOnPatrol[i]) {
                patrol++;
            }
            if (!Double.isNaN(inc.arrived[i])) {
                double r = inc.arrived[i] - inc.known[i];
                resp[nr++] = r;
                within5 += r <= 5 ? 1 : 0;
                within15 += r <= 15 ? 1 : 0;
                judged5++;
                judged15++;
            } else if (inc.state[i] != LATENT && !Double.isNaN(inc.known[i])) {
                // Still unreached at the end: a miss once the target time has passed, else undecided.
                judged5 += horizon - inc.known[i] > 5 ? 1 : 0;
                judged15 += horizon - inc.known[i] > 15 ? 1 : 0;
            }
            if (!Double.isNaN(inc.handled[i])) {
                handledCount++;
                if (inc.onSpot[i]) {
                    onSpot++;
                } else {
                    esc[categories.get(inc.category[i]).escalation().ordinal()]++;
                }
            }
            if (inc.state[i] == CLOSED) {
                clos[ncl++] = inc.closed[i] - inc.known[i];
            }
        }
        EnumMap<EscalationLevel, Long> escalations = new EnumMap<>(EscalationLevel.class);
        for (EscalationLevel l : EscalationLevel.values()) {
            escalations.put(l, esc[l.ordinal()]);
        }
        int count = to - from;
        LimitKpis limits = new LimitKpis(known, urgentKnown, share(respOnTime, respJudged),
                share(urgentOnTime, urgentJudged), share(closOnTime, closJudged), overdueOpen, linked, lost, abandoned);
        return new IncidentKpis(count, patrol, nr, ncl, count - ncl - lost - abandoned, Stats.of(resp, nr),
                Stats.of(clos, ncl), handledCount == 0 ? Double.NaN : (double) onSpot / handledCount,
                Collections.unmodifiableMap(escalations), judged5 == 0 ? Double.NaN : (double) within5 / judged5,
                judged15 == 0 ? Double.NaN : (double) within15 / judged15, limits);
    }

    /**
     * The district's cases {@code ids[from..to)} split by category and by whether they became known
     * within {@code workingHours}; {@code resp} is scratch space of at least {@code to - from} values.
     */
    Breakdown breakdown(int[] ids, int from, int to, org.gridplan.sim.agent.Schedule workingHours, double[] resp) {
        int nc = categories.size();
        java.util.List<Breakdown.Part> parts = new java.util.ArrayList<>(nc);
        for (int c = 0; c < nc; c++) {
            final int cat = c;
            parts.add(part(categories.get(c).name(), catUrgent[c], ids, from, to, i -> inc.category[i] == cat, resp));
        }
        Breakdown.Part in = part("working-hours", false, ids, from, to,
                i -> workingHours.onDuty(inc.known[i]), resp);
        Breakdown.Part out = part("out-of-hours", false, ids, from, to,
                i -> !workingHours.onDuty(inc.known[i]), resp);
        return new Breakdown(parts, in, out);
    }

    private Breakdown.Part part(String name, boolean urgent, int[] ids, int from, int to,
            java.util.function.IntPredicate member, double[] resp) {
        long known = 0;
        int nr = 0;
        long respJudged = 0;
        long respOnTime = 0;
        long closJudged = 0;
        long closOnTime = 0;
        for (int k = from; k < to; k++) {
            int i = ids[k];
            if (Double.isNaN(inc.known[i]) || inc.state[i] == LATENT || !member.test(i)) {
                continue;
            }
            known++;
            if (!Double.isNaN(inc.arrived[i])) {
                resp[nr++] = inc.arrived[i] - inc.known[i];
            }
            int verdict = judge(inc.arrived[i], inc.respDue[i], inc.state[i] == GONE);
            if (verdict >= 0) {
                respJudged++;
                respOnTime += verdict;
            }
            int closing = judge(inc.closed[i], inc.closDue[i], inc.state[i] == GONE);
            if (closing >= 0) {
                closJudged++;
                closOnTime += closing;
            }
        }
        return new Breakdown.Part(name, urgent, known, nr, Stats.of(resp, nr), share(respOnTime, respJudged),
                share(closOnTime, closJudged));
    }

    /**
     * 1 when an event at {@code done} met the limit {@code due}, 0 when it missed it (done late, gone,
     * or not done and the limit has passed at the end), -1 when undecided (not done, limit ahead).
     */
    private int judge(double done, double due, boolean gone) {
        if (gone) {
            return 0;
        }
        if (!Double.isNaN(done)) {
            return done <= due ? 1 : 0;
        }
        return horizon > due ? 0 : -1;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }
}
