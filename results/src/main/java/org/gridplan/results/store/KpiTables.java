package org.gridplan.results.store;

import static org.gridplan.results.store.Column.bigint;
import static org.gridplan.results.store.Column.bool;
import static org.gridplan.results.store.Column.dbl;
import static org.gridplan.results.store.Column.integer;
import static org.gridplan.results.store.Column.kpi;
import static org.gridplan.results.store.Column.text;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.gridplan.results.stats.CasePart;
import org.gridplan.results.stats.Kpi;
import org.gridplan.results.stats.RunKpis;
import org.gridplan.results.stats.StaffKpis;
import org.gridplan.sim.demand.EscalationLevel;
import org.gridplan.sim.engine.GridKpis;
import org.gridplan.sim.engine.IncidentKpis;
import org.gridplan.sim.engine.IncidentRecord;
import org.gridplan.sim.engine.LimitKpis;
import org.gridplan.sim.engine.RunResult;
import org.gridplan.sim.engine.WorkHours;
import org.gridplan.sim.engine.WorkerKpis;

/**
 * The KPI tables of the results database, declared once: every column's name, SQL type and how
 * its value comes from the run. {@link StoreSchema} derives their DDL and the migration of older
 * databases from these lists, {@link RunWriter} their appenders, and the report loader reads the
 * KPI columns by the {@link Kpi} they are tagged with, so adding a KPI is one line here plus its
 * computation ({@link RunKpis#value}) and a migration step adding the declared columns (one line in
 * {@link StoreSchema#STEPS}, which {@code StoreSchemaTest} asks for).
 *
 * <p>Order: the columns of the first batches first, then the ones added since, so a new database
 * and an older one migrated with {@code ALTER TABLE} have the same column order (the writers match
 * columns by name either way). Durations are minutes, distances metres, working hours hours per
 * week; NaN (nothing to measure) is NULL.
 */
final class KpiTables {

    private KpiTables() {
    }

    /** One row per successful run: the district KPIs. */
    static final Table<RunResult> DISTRICT = new Table<>("district_kpis", List.of(
            bigint("incidents", r -> r.district().incidents()),
            bigint("generated", RunResult::generated),
            bigint("patrol_discovered", r -> r.district().patrolDiscovered()),
            bigint("reached", r -> r.district().reached()),
            bigint("closed", r -> r.district().closed()),
            bigint("open", r -> r.district().open()),
            district("response_mean", Kpi.MEAN_RESPONSE),
            district("response_p50", Kpi.P50_RESPONSE),
            district("response_p90", Kpi.P90_RESPONSE),
            district("response_p95", Kpi.P95_RESPONSE),
            dbl("response_max", r -> r.district().response().max()),
            district("closure_mean", Kpi.MEAN_CLOSURE),
            dbl("closure_p50", r -> r.district().closure().p50()),
            dbl("closure_p90", r -> r.district().closure().p90()),
            district("on_spot_share", Kpi.ON_SPOT_SHARE),
            bigint("escalated_community", r -> escalated(r.district(), EscalationLevel.COMMUNITY)),
            bigint("escalated_street", r -> escalated(r.district(), EscalationLevel.STREET)),
            bigint("escalated_department", r -> escalated(r.district(), EscalationLevel.DEPARTMENT)),
            district("within5_share", Kpi.WITHIN_5_SHARE),
            district("within15_share", Kpi.WITHIN_15_SHARE),
            district("utilisation", Kpi.UTILISATION),
            dbl("full_time_utilisation", r -> StaffKpis.fullTimeUtilisation(r.workers())),
            dbl("visit_target_share", RunResult::visitTargetShare),
            dbl("backlog_open_mean", r -> backlogMean(r, true)),
            dbl("backlog_waiting_mean", r -> backlogMean(r, false)),
            integer("workers", r -> r.workers().size()),
            integer("grids", r -> r.grids().size()),
            bigint("events", RunResult::events),
            // Time limits (LimitKpis).
            bigint("known", r -> limits(r.district()).known()),
            bigint("urgent", r -> limits(r.district()).urgent()),
            district("on_time_response_share", Kpi.ON_TIME_RESPONSE),
            district("urgent_on_time_response_share", Kpi.URGENT_ON_TIME_RESPONSE),
            district("on_time_closure_share", Kpi.ON_TIME_CLOSURE),
            district("overdue_open", Kpi.OVERDUE_OPEN),
            bigint("linked", r -> limits(r.district()).linked()),
            bigint("lost", r -> limits(r.district()).lost()),
            bigint("abandoned", r -> limits(r.district()).abandoned()),
            district("visit_coverage", Kpi.VISIT_COVERAGE),
            // Full-time grid workers' mean hours per week (WorkHours).
            district("routine_hours_week", Kpi.ROUTINE_HOURS_WEEK),
            hoursWeek("incident_hours_week", WorkHours::incidents),
            hoursWeek("travel_hours_week", WorkHours::travel),
            hoursWeek("idle_hours_week", WorkHours::idle),
            district("overtime_hours_week", Kpi.OVERTIME_HOURS_WEEK),
            hoursWeek("on_call_hours_week", WorkHours::onCall),
            dbl("task_late_share", StaffKpis::fullTimeTaskLateShare),
            district("workload_share", Kpi.WORKLOAD),
            district("full_time_workers", Kpi.FULL_TIME_WORKERS)));

    /** One row per grid of every successful run. */
    static final Table<GridKpis> GRID = new Table<>("grid_kpis", List.of(
            text("grid", GridKpis::grid),
            text("community", GridKpis::community),
            integer("households", GridKpis::households),
            bigint("incidents", g -> g.kpis().incidents()),
            bigint("reached", g -> g.kpis().reached()),
            bigint("closed", g -> g.kpis().closed()),
            grid("response_mean", Kpi.MEAN_RESPONSE),
            grid("response_p90", Kpi.P90_RESPONSE),
            grid("closure_mean", Kpi.MEAN_CLOSURE),
            grid("on_spot_share", Kpi.ON_SPOT_SHARE),
            grid("within15_share", Kpi.WITHIN_15_SHARE),
            grid("on_time_response_share", Kpi.ON_TIME_RESPONSE),
            grid("on_time_closure_share", Kpi.ON_TIME_CLOSURE),
            grid("overdue_open", Kpi.OVERDUE_OPEN),
            grid("visit_coverage", Kpi.VISIT_COVERAGE)));

    /** One row per worker of every successful run; minutes over the measured window. */
    static final Table<WorkerKpis> WORKER = new Table<>("worker_kpis", List.of(
            text("worker", WorkerKpis::id),
            text("type", w -> lower(w.type().name())),
            text("role", w -> lower(w.role().name())),
            text("grid", WorkerKpis::grid),
            bigint("served", WorkerKpis::served),
            dbl("busy_minutes", WorkerKpis::busyMinutes),
            dbl("duty_minutes", WorkerKpis::dutyMinutes),
            dbl("utilisation", WorkerKpis::utilisation),
            dbl("travel_metres", WorkerKpis::travelMetres),
            bigint("patrol_visits", WorkerKpis::patrolVisits),
            dbl("visits_per_month", WorkerKpis::visitsPerMonth),
            bool("meets_visit_target", WorkerKpis::meetsVisitTarget),
            dbl("visit_minutes", w -> w.hours().visits()),
            dbl("patrol_minutes", w -> w.hours().patrol()),
            dbl("info_minutes", w -> w.hours().info()),
            dbl("admin_minutes", w -> w.hours().admin()),
            dbl("task_minutes", w -> w.hours().tasks()),
            dbl("incident_minutes", w -> w.hours().incidents()),
            dbl("travel_minutes", w -> w.hours().travel()),
            dbl("idle_minutes", w -> w.hours().idle()),
            dbl("overtime_minutes", w -> w.hours().overtime()),
            dbl("on_call_minutes", w -> w.hours().onCall()),
            bigint("tasks_done", w -> w.hours().tasksDone()),
            bigint("tasks_late", w -> w.hours().tasksLate())));

    /** One row per counted incident of every successful run, with {@code outputs.incidents}. */
    static final Table<IncidentRecord> INCIDENTS = new Table<>("incidents", List.of(
            integer("number", IncidentRecord::number),
            text("category", IncidentRecord::category),
            text("grid", IncidentRecord::grid),
            text("building", IncidentRecord::building),
            text("discovery", i -> lower(i.discovery().name())),
            bool("found_on_patrol", IncidentRecord::foundOnPatrol),
            text("worker", i -> emptyIsNull(i.worker())),
            dbl("occurred", IncidentRecord::occurred),
            dbl("known", IncidentRecord::known),
            dbl("assigned", IncidentRecord::assigned),
            dbl("arrived", IncidentRecord::arrived),
            dbl("handled", IncidentRecord::handled),
            text("escalation", i -> i.escalation() == null ? null : lower(i.escalation().name())),
            dbl("work_order", IncidentRecord::workOrder),
            dbl("level_done", IncidentRecord::levelDone),
            dbl("closed", IncidentRecord::closed),
            dbl("travel_metres", IncidentRecord::travelMetres),
            bool("urgent", IncidentRecord::urgent),
            text("outcome", i -> emptyIsNull(i.outcome())),
            dbl("response_due", IncidentRecord::responseDue),
            dbl("closure_due", IncidentRecord::closureDue)));

    /**
     * One row per part of the district's cases of every successful run ({@code RunResult.breakdown()}):
     * each category ({@code kind} {@code category}, in catalog order), then the cases known within the
     * working hours and outside them ({@code kind} {@code hours}, names {@code working-hours},
     * {@code out-of-hours}).
     */
    static final Table<CasePart> BREAKDOWN = new Table<>("response_breakdown", List.of(
            text("kind", p -> p.kind().key()),
            text("name", CasePart::name),
            bool("urgent", CasePart::urgent),
            bigint("known", p -> Math.round(p.known())),
            bigint("reached", p -> Math.round(p.reached())),
            dbl("response_mean", CasePart::responseMean),
            dbl("response_p50", CasePart::responseP50),
            dbl("response_p90", CasePart::responseP90),
            dbl("on_time_response_share", CasePart::onTimeResponse),
            dbl("on_time_closure_share", CasePart::onTimeClosure)));

    /** Every declared table. */
    static final List<Table<?>> ALL = List.of(DISTRICT, GRID, WORKER, INCIDENTS, BREAKDOWN);

    private static Column<RunResult> district(String name, Kpi k) {
        return kpi(name, k, r -> RunKpis.value(k, r));
    }

    private static Column<GridKpis> grid(String name, Kpi k) {
        return kpi(name, k, g -> RunKpis.gridValue(k, g));
    }

    private static Column<RunResult> hoursWeek(String name, ToDoubleFunction<WorkHours> minutes) {
        return dbl(name, r -> StaffKpis.fullTimeHoursPerWeek(r, minutes));
    }

    private static long escalated(IncidentKpis k, EscalationLevel level) {
        return k.escalations().getOrDefault(level, 0L);
    }

    private static LimitKpis limits(IncidentKpis k) {
        return k.limits() == null ? LimitKpis.EMPTY : k.limits();
    }

    private static double backlogMean(RunResult r, boolean open) {
        double from = r.warmUpDays() * 1440;
        double to = r.horizonDays() * 1440;
        return r.backlog().mean(open ? r.backlog().open() : r.backlog().waiting(), from, to);
    }

    private static String emptyIsNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
