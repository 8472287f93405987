package org.gridplan.sim.engine;

/**
 * Time-limit KPIs of a district or grid, the figures officials judge by (按时响应率, 按期办结率),
 * over the incidents that occurred after warm-up and became known. A case is judged once it is
 * decided: on time if it was reached (closed) within its limit, late if it was reached (closed)
 * after it or is still waiting when its limit has passed; a case still within its limit at the
 * end is left out. Cases of categories without a limit are on time when reached (closed) and left
 * out while not. Lost and abandoned cases count as late, whatever their limit.
 *
 * @param known                     cases known (reported or discovered)
 * @param urgent                    of which urgent
 * @param onTimeResponseShare       share of judged cases reached within their response limit
 * @param urgentOnTimeResponseShare the same over urgent cases
 * @param onTimeClosureShare        share of judged cases closed within their closure limit
 * @param overdueOpen               cases still open at the end past their closure limit (the
 *                                  overdue backlog)
 * @param linked                    cases handed to a linked professional (police / 110 linkage)
 * @param lost                      cases lost because their grid's queue was full
 * @param abandoned                 cases abandoned after waiting beyond their patience
 */
public record LimitKpis(long known, long urgent, double onTimeResponseShare, double urgentOnTimeResponseShare,
        double onTimeClosureShare, long overdueOpen, long linked, long lost, long abandoned) {

    /** Nothing measured. */
    public static final LimitKpis EMPTY = new LimitKpis(0, 0, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, 0);
}
