package org.gridplan.results.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.gridplan.results.stats.ComparisonData;
import org.gridplan.results.stats.Kpi;
import org.gridplan.results.stats.RunKpis;
import org.gridplan.results.stats.ScenarioSummary;
import org.gridplan.sim.agent.WorkerRole;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.demand.DiscoveryMode;
import org.gridplan.sim.demand.EscalationLevel;
import org.gridplan.sim.engine.BacklogSeries;
import org.gridplan.sim.engine.GridKpis;
import org.gridplan.sim.engine.IncidentKpis;
import org.gridplan.sim.engine.IncidentRecord;
import org.gridplan.sim.engine.LimitKpis;
import org.gridplan.sim.engine.RunResult;
import org.gridplan.sim.engine.Stats;
import org.gridplan.sim.engine.WorkHours;
import org.gridplan.sim.engine.WorkerKpis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The declared KPI tables: every column holds its own figure (a run with a distinct value in
 * every figure, read back column by column by name), whatever the physical column order of the
 * database, and databases of older batches gain the new columns and are still read.
 */
class KpiTablesTest {

    @TempDir
    Path dir;

    private static final BatchInfo INFO = new BatchInfo("s", "abc123", 4);

    /** The tables as the first batches created them, before the time-limit and work-hour columns. */
    private static final List<String> LEGACY_DDL = List.of(
            "CREATE TABLE district_kpis (run_id INTEGER, layout VARCHAR, point INTEGER, replication INTEGER, "
                    + "incidents BIGINT, generated BIGINT, patrol_discovered BIGINT, reached BIGINT, closed BIGINT, "
                    + "open BIGINT, response_mean DOUBLE, response_p50 DOUBLE, response_p90 DOUBLE, "
                    + "response_p95 DOUBLE, response_max DOUBLE, closure_mean DOUBLE, closure_p50 DOUBLE, "
                    + "closure_p90 DOUBLE, on_spot_share DOUBLE, escalated_community BIGINT, escalated_street BIGINT, "
                    + "escalated_department BIGINT, within5_share DOUBLE, within15_share DOUBLE, utilisation DOUBLE, "
                    + "full_time_utilisation DOUBLE, visit_target_share DOUBLE, backlog_open_mean DOUBLE, "
                    + "backlog_waiting_mean DOUBLE, workers INTEGER, grids INTEGER, events BIGINT)",
            "CREATE TABLE grid_kpis (run_id INTEGER, layout VARCHAR, point INTEGER, replication INTEGER, grid VARCHAR, "
                    + "community VARCHAR, households INTEGER, incidents BIGINT, reached BIGINT, closed BIGINT, "
                    + "response_mean DOUBLE, response_p90 DOUBLE, closure_mean DOUBLE, on_spot_share DOUBLE, "
                    + "within15_share DOUBLE)",
            "CREATE TABLE worker_kpis (run_id INTEGER, layout VARCHAR, point INTEGER, replication INTEGER, "
                    + "worker VARCHAR, type VARCHAR, role VARCHAR, grid VARCHAR, served BIGINT, busy_minutes DOUBLE, "
                    + "duty_minutes DOUBLE, utilisation DOUBLE, travel_metres DOUBLE, patrol_visits BIGINT, "
                    + "visits_per_month DOUBLE, meets_visit_target BOOLEAN)",
            "CREATE TABLE incidents (run_id INTEGER, layout VARCHAR, point INTEGER, replication INTEGER, "
                    + "number INTEGER, category VARCHAR, grid VARCHAR, building VARCHAR, discovery VARCHAR, "
                    + "found_on_patrol BOOLEAN, worker VARCHAR, occurred DOUBLE, known DOUBLE, assigned DOUBLE, "
                    + "arrived DOUBLE, handled DOUBLE, escalation VARCHAR, work_order DOUBLE, level_done DOUBLE, "
                    + "closed DOUBLE, travel_metres DOUBLE)");

    /** The legacy district columns after the key, in their old order. */
    private static final List<String> LEGACY_DISTRICT = List.of("incidents", "generated", "patrol_discovered",
            "reached", "closed", "open", "response_mean", "response_p50", "response_p90", "response_p95",
            "response_max", "closure_mean", "closure_p50", "closure_p90", "on_spot_share", "escalated_community",
            "escalated_street", "escalated_department", "within5_share", "within15_share", "utilisation",
            "full_time_utilisation", "visit_target_share", "backlog_open_mean", "backlog_waiting_mean", "workers",
            "grids", "events");

    private static WorkerKpis worker(String id, WorkerType type, WorkerRole role, String grid, double busy,
            double duty, WorkHours hours) {
        return new WorkerKpis(id, type, role, grid, 5, busy, duty, duty > 0 ? busy / duty : Double.NaN, 5000, 20, 22,
                false, hours);
    }

    /**
     * A run of 35 days with 7 of warm-up (4 measured weeks) in which every figure stored has a
     * value of its own.
     */
    static RunResult distinct() {
        LimitKpis limits = new LimitKpis(109, 110, 0.34, 0.35, 0.36, 111, 112, 113, 114);
        IncidentKpis district = new IncidentKpis(101, 102, 103, 104, 105, new Stats(103, 11.5, 12.5, 13.5, 14.5, 15.5),
                new Stats(104, 21.5, 22.5, 23.5, 24.5, 25.5), 0.31,
                Map.of(EscalationLevel.COMMUNITY, 106L, EscalationLevel.STREET, 107L, EscalationLevel.DEPARTMENT, 108L),
                0.32, 0.33, limits);
        IncidentKpis g1 = new IncidentKpis(201, 202, 203, 204, 205, new Stats(203, 31.5, 32.5, 33.5, 34.5, 35.5),
                new Stats(204, 41.5, 42.5, 43.5, 44.5, 45.5), 0.51, Map.of(), 0.52, 0.53,
                new LimitKpis(206, 207, 0.54, 0.55, 0.56, 208, 209, 210, 211));
        IncidentKpis empty = new IncidentKpis(0, 0, 0, 0, 0, Stats.EMPTY, Stats.EMPTY, Double.NaN, Map.of(),
                Double.NaN, Double.NaN);
        List<WorkerKpis> workers = List.of(
                // Routine 960 and 480 minutes: a mean of 720 over 4 weeks = 3 h a week.
                worker("FT-1", WorkerType.FULL_TIME, WorkerRole.PRIMARY, "G1", 300, 1000,
                        new WorkHours(160, 200, 200, 200, 200, 480, 1440, 2400, 1680, 2880, 10, 3)),
                worker("FT-2", WorkerType.FULL_TIME, WorkerRole.PRIMARY, "G2", 500, 1000,
                        new WorkHours(480, 0, 0, 0, 0, 0, 480, 0, 0, 0, 10, 2)),
                // Neither a part-timer nor a full-time duty slot counts in the full-time hours.
                worker("PT-1", WorkerType.PART_TIME, WorkerRole.PART_TIME, "G2", 0, 0,
                        new WorkHours(9999, 9999, 9999, 9999, 9999, 9999, 9999, 9999, 9999, 9999, 99, 99)),
                worker("DUTY-1", WorkerType.FULL_TIME, WorkerRole.DUTY, "G1", 400, 2000,
                        new WorkHours(7777, 7777, 7777, 7777, 7777, 7777, 7777, 7777, 7777, 7777, 77, 77)));
        List<Integer> open = new ArrayList<>();
        List<Integer> waiting = new ArrayList<>();
        for (int k = 0; k < 36; k++) {
            open.add(k);
            waiting.add(2 * k);
        }
        List<IncidentRecord> incidents = List.of(
                new IncidentRecord(7, "disputes", "G1", "B9", DiscoveryMode.PATROL, true, "FT-1", 10_001, 10_002,
                        10_003, 10_004, 10_005, EscalationLevel.STREET, 10_006, 10_007, 10_008, 309, true, "linked",
                        10_030, Double.POSITIVE_INFINITY),
                new IncidentRecord(8, "repairs", "G2", "B3", DiscoveryMode.RESIDENT_REPORT, false, "", 11_001, 11_002,
                        Double.NaN, Double.NaN, Double.NaN, null, Double.NaN, Double.NaN, Double.NaN, 0, false, "",
                        11_060, 13_000));
        return new RunResult("city", "grid-400", 7, 35, 7, 115, 116, district,
                List.of(new GridKpis("G1", "C1", 400, g1, 0.61), new GridKpis("G2", "C1", 350, empty)), workers, 0.37,
                new BacklogSeries(1440, open, waiting), List.of(), incidents, 0.38);
    }

    /** Every district column of {@link #distinct()}, by name, as computed by hand; null for NULL. */
    private static Map<String, Object> expectedDistrict() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("incidents", 101L);
        m.put("generated", 115L);
        m.put("patrol_discovered", 102L);
        m.put("reached", 103L);
        m.put("closed", 104L);
        m.put("open", 105L);
        m.put("response_mean", 11.5);
        m.put("response_p50", 12.5);
        m.put("response_p90", 13.5);
        m.put("response_p95", 14.5);
        m.put("response_max", 15.5);
        m.put("closure_mean", 21.5);
        m.put("closure_p50", 22.5);
        m.put("closure_p90", 23.5);
        m.put("on_spot_share", 0.31);
        m.put("escalated_community", 106L);
        m.put("escalated_street", 107L);
        m.put("escalated_department", 108L);
        m.put("within5_share", 0.32);
        m.put("within15_share", 0.33);
        // (300 + 500 + 400) / (1000 + 1000 + 2000); the part-timer had no duty.
        m.put("utilisation", 0.3);
        // Full-time workers with a utilisation: (0.3 + 0.5 + 0.2) / 3.
        m.put("full_time_utilisation", 1.0 / 3);
        m.put("visit_target_share", 0.37);
        // Daily points 7 … 34 (days 7 to 35): mean 20.5, and twice that waiting.
        m.put("backlog_open_mean", 20.5);
        m.put("backlog_waiting_mean", 41.0);
        m.put("workers", 4L);
        m.put("grids", 2L);
        m.put("events", 116L);
        m.put("known", 109L);
        m.put("urgent", 110L);
        m.put("on_time_response_share", 0.34);
        m.put("urgent_on_time_response_share", 0.35);
        m.put("on_time_closure_share", 0.36);
        m.put("overdue_open", 111L);
        m.put("linked", 112L);
        m.put("lost", 113L);
        m.put("abandoned", 114L);
        m.put("visit_coverage", 0.38);
        // Means over FT-1 and FT-2, minutes ÷ 60 ÷ 4 weeks.
        m.put("routine_hours_week", 3.0);
        m.put("incident_hours_week", 1.0);
        m.put("travel_hours_week", 4.0);
        m.put("idle_hours_week", 5.0);
        m.put("overtime_hours_week", 3.5);
        // Pooled 1 - idle / duty over FT-1 and FT-2 (the made-up hours need not fit their duty).
        m.put("workload_share", 1 - 2400.0 / 2000);
        m.put("full_time_workers", 2.0);
        m.put("on_call_hours_week", 6.0);
        m.put("task_late_share", 0.25);
        return m;
    }

    private static RunRecord ok(int id) {
        return new RunRecord(id, "grid-400", 0, "{}", id, 100 + id, RunRecord.OK, "", 0.1);
    }

    /** The non-key columns of {@code table} in the store's database. */
    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> all = new ArrayList<>(Table.physicalColumns(c, table));
        all.removeAll(Table.KEY);
        return all;
    }

    /** Asserts that row {@code where} of {@code table} holds {@code expected}, column by column by name. */
    private static void assertRow(Connection c, String table, String where, Map<String, Object> expected)
            throws SQLException {
        assertThat(new TreeSet<>(columns(c, table))).as(table + " columns").isEqualTo(new TreeSet<>(expected.keySet()));
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + table + " WHERE " + where)) {
            assertThat(rs.next()).as(table + " row " + where).isTrue();
            for (Map.Entry<String, Object> e : expected.entrySet()) {
                Object v = rs.getObject(e.getKey());
                String what = table + "." + e.getKey();
                if (e.getValue() == null) {
                    assertThat(v).as(what).isNull();
                } else if (e.getValue() instanceof Number n) {
                    assertThat(v).as(what).isInstanceOf(Number.class);
                    assertThat(((Number) v).doubleValue()).as(what).isCloseTo(n.doubleValue(), within(1e-9));
                } else {
                    assertThat(v).as(what).isEqualTo(e.getValue());
                }
            }
            assertThat(rs.next()).as(table + " has one row " + where).isFalse();
        }
    }

    @Test
    void every_district_column_holds_its_own_figure() throws SQLException {
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.duckdb"))) {
            store.claim(INFO);
            store.writeRun(ok(0), Optional.of(distinct()), true);
            assertRow(store.connection(), "district_kpis", "run_id = 0", expectedDistrict());
            store.connection().commit();
        }
    }

    @Test
    void every_grid_worker_and_incident_column_holds_its_own_figure() throws SQLException {
        Map<String, Object> g1 = new LinkedHashMap<>();
        g1.put("grid", "G1");
        g1.put("community", "C1");
        g1.put("households", 400);
        g1.put("incidents", 201);
        g1.put("reached", 203);
        g1.put("closed", 204);
        g1.put("response_mean", 31.5);
        g1.put("response_p90", 33.5);
        g1.put("closure_mean", 41.5);
        g1.put("on_spot_share", 0.51);
        g1.put("within15_share", 0.53);
        g1.put("on_time_response_share", 0.54);
        g1.put("on_time_closure_share", 0.56);
        g1.put("overdue_open", 208);
        g1.put("visit_coverage", 0.61);
        Map<String, Object> g2 = new LinkedHashMap<>(g1);
        g2.putAll(Map.of("grid", "G2", "households", 350, "incidents", 0, "reached", 0, "closed", 0));
        // Nothing to measure in G2: no time limits judged, no overdue count, no visit cycle.
        for (String k : List.of("response_mean", "response_p90", "closure_mean", "on_spot_share", "within15_share",
                "on_time_response_share", "on_time_closure_share", "overdue_open", "visit_coverage")) {
            g2.put(k, null);
        }
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("worker", "FT-1");
        w.put("type", "full-time");
        w.put("role", "primary");
        w.put("grid", "G1");
        w.put("served", 5);
        w.put("busy_minutes", 300);
        w.put("duty_minutes", 1000);
        w.put("utilisation", 0.3);
        w.put("travel_metres", 5000);
        w.put("patrol_visits", 20);
        w.put("visits_per_month", 22);
        w.put("meets_visit_target", false);
        w.put("visit_minutes", 160);
        w.put("patrol_minutes", 200);
        w.put("info_minutes", 200);
        w.put("admin_minutes", 200);
        w.put("task_minutes", 200);
        w.put("incident_minutes", 480);
        w.put("travel_minutes", 1440);
        w.put("idle_minutes", 2400);
        w.put("overtime_minutes", 1680);
        w.put("on_call_minutes", 2880);
        w.put("tasks_done", 10);
        w.put("tasks_late", 3);
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("number", 7);
        i.put("category", "disputes");
        i.put("grid", "G1");
        i.put("building", "B9");
        i.put("discovery", "patrol");
        i.put("found_on_patrol", true);
        i.put("worker", "FT-1");
        i.put("occurred", 10_001);
        i.put("known", 10_002);
        i.put("assigned", 10_003);
        i.put("arrived", 10_004);
        i.put("handled", 10_005);
        i.put("escalation", "street");
        i.put("work_order", 10_006);
        i.put("level_done", 10_007);
        i.put("closed", 10_008);
        i.put("travel_metres", 309);
        i.put("urgent", true);
        i.put("outcome", "linked");
        i.put("response_due", 10_030);
        i.put("closure_due", Double.POSITIVE_INFINITY);
        Map<String, Object> i2 = new LinkedHashMap<>(i);
        i2.putAll(Map.of("number", 8, "category", "repairs", "grid", "G2", "building", "B3", "discovery",
                "resident-report", "found_on_patrol", false, "urgent", false, "response_due", 11_060,
                "closure_due", 13_000, "travel_metres", 0));
        i2.putAll(Map.of("occurred", 11_001, "known", 11_002));
        // A case worked by the grid has no outcome; an unreached one no worker and no times.
        for (String k : List.of("worker", "outcome", "assigned", "arrived", "handled", "escalation", "work_order",
                "level_done", "closed")) {
            i2.put(k, null);
        }
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.duckdb"))) {
            store.claim(INFO);
            store.writeRun(ok(0), Optional.of(distinct()), true);
            Connection c = store.connection();
            assertRow(c, "grid_kpis", "grid = 'G1'", g1);
            assertRow(c, "grid_kpis", "grid = 'G2'", g2);
            assertRow(c, "worker_kpis", "worker = 'FT-1'", w);
            assertRow(c, "incidents", "number = 7", i);
            assertRow(c, "incidents", "number = 8", i2);
            c.commit();
        }
    }

    @Test
    void columns_are_written_by_name_whatever_their_order_in_the_database() throws SQLException {
        // A district table whose columns lie in another order than the declaration's: reversed.
        List<String> reversed = new ArrayList<>(KpiTables.DISTRICT.columns().stream().map(Column::ddl).toList());
        java.util.Collections.reverse(reversed);
        Path file = dir.resolve("shuffled.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE district_kpis (" + String.join(", ", reversed)
                    + ", replication INTEGER, point INTEGER, layout VARCHAR, run_id INTEGER)");
        }
        try (ResultsStore store = ResultsStore.open(file)) {
            store.claim(INFO);
            store.writeRun(ok(3), Optional.of(distinct()), false);
            assertRow(store.connection(), "district_kpis", "run_id = 3 AND layout = 'grid-400' AND point = 0 "
                    + "AND replication = 3", expectedDistrict());
            store.connection().commit();
        }
    }

    @Test
    void a_database_of_an_older_batch_gains_the_new_columns_and_keeps_its_rows() throws SQLException {
        Path file = dir.resolve("old.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement st = c.createStatement()) {
            for (String ddl : LEGACY_DDL) {
                st.execute(ddl);
            }
            st.execute("INSERT INTO district_kpis (run_id, layout, point, replication, response_mean) "
                    + "VALUES (1, 'current', 0, 1, 42.0)");
        }
        try (ResultsStore store = ResultsStore.open(file)) {
            Connection c = store.connection();
            // The legacy columns keep their places; the new ones follow them.
            assertThat(columns(c, "district_kpis").subList(0, LEGACY_DISTRICT.size())).isEqualTo(LEGACY_DISTRICT);
            assertThat(columns(c, "district_kpis")).hasSameSizeAs(KpiTables.DISTRICT.columns());
            for (Table<?> t : KpiTables.ALL) {
                assertThat(new TreeSet<>(columns(c, t.name()))).as(t.name())
                        .isEqualTo(new TreeSet<>(t.columns().stream().map(Column::name).toList()));
            }
            store.claim(INFO);
            store.writeRun(ok(0), Optional.of(distinct()), true);
            assertRow(c, "district_kpis", "run_id = 0", expectedDistrict());
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT response_mean, on_time_closure_share, routine_hours_week "
                            + "FROM district_kpis WHERE run_id = 1")) {
                rs.next();
                assertThat(rs.getDouble(1)).isEqualTo(42.0);
                assertThat(rs.getObject(2)).isNull();
                assertThat(rs.getObject(3)).isNull();
            }
            c.commit();
        }
    }

    @Test
    void a_read_only_database_of_an_older_batch_reads_its_new_kpis_as_missing() throws SQLException {
        Path file = dir.resolve("old.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement st = c.createStatement()) {
            for (String ddl : LEGACY_DDL) {
                st.execute(ddl);
            }
            st.execute("CREATE TABLE runs (run_id INTEGER, layout VARCHAR, point INTEGER, sweep VARCHAR, "
                    + "replication INTEGER, seed BIGINT, status VARCHAR, error VARCHAR, seconds DOUBLE, "
                    + "finished TIMESTAMP)");
            for (int r = 0; r < 2; r++) {
                st.execute("INSERT INTO runs VALUES (" + r + ", 'current', 0, '{}', " + r + ", 1, 'ok', '', 1, NULL)");
                st.execute("INSERT INTO district_kpis (run_id, layout, point, replication, response_mean, "
                        + "response_p90, utilisation) VALUES (" + r + ", 'current', 0, " + r + ", 10, 30, 0.4)");
            }
        }
        try (Connection c = ResultsStore.openReadOnly(file)) {
            List<DistrictRow> rows = ResultsStore.districtRows(c);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).responseP90()).isEqualTo(30.0);
            assertThat(rows.get(0).value(Kpi.ON_TIME_CLOSURE)).isNaN();
            assertThat(rows.get(0).value(Kpi.ROUTINE_HOURS_WEEK)).isNaN();

            ComparisonData.Builder b = ComparisonData.builder(new ScenarioSummary("s", "c", 1, Map.of(), 2, 1, ""));
            BatchReportLoader.readRuns(c, new BatchReportLoader.Axis(Map.of(0, 1.0), ""), b);
            ComparisonData data = b.build();
            assertThat(data.runs()).hasSize(2);
            RunKpis run = data.runs().get(1);
            assertThat(run.value(Kpi.P90_RESPONSE)).isEqualTo(30.0);
            assertThat(run.value(Kpi.UTILISATION)).isEqualTo(0.4);
            assertThat(run.value(Kpi.ON_TIME_RESPONSE)).isNaN();
            assertThat(run.value(Kpi.VISIT_COVERAGE)).isNaN();
        }
    }

    @Test
    void the_report_reads_every_kpi_back_as_the_run_computed_it() throws SQLException {
        RunResult result = distinct();
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.duckdb"))) {
            store.claim(INFO);
            store.writeRun(ok(0), Optional.of(result), false);
            ComparisonData.Builder b = ComparisonData.builder(new ScenarioSummary("s", "c", 1, Map.of(), 1, 1, ""));
            BatchReportLoader.readRuns(store.connection(), new BatchReportLoader.Axis(Map.of(0, 1.0), ""), b);
            RunKpis stored = b.build().runs().get(0);
            RunKpis computed = RunKpis.of("grid-400", 1.0, 0, result);
            DistrictRow row = store.districtRows().get(0);
            for (Kpi k : Kpi.values()) {
                assertThat(stored.value(k)).as(k.name()).isCloseTo(computed.value(k), within(1e-12));
                assertThat(row.value(k)).as(k.name()).isCloseTo(computed.value(k), within(1e-12));
            }
            store.connection().commit();
        }
    }

    @Test
    void every_kpi_has_exactly_one_district_column() {
        assertThat(KpiTables.DISTRICT.kpiColumns().keySet()).containsExactlyInAnyOrderElementsOf(
                EnumSet.allOf(Kpi.class));
        assertThat(KpiTables.GRID.kpiColumns().keySet()).contains(Kpi.P90_RESPONSE, Kpi.ON_TIME_RESPONSE,
                Kpi.ON_TIME_CLOSURE, Kpi.OVERDUE_OPEN, Kpi.VISIT_COVERAGE);
        assertThat(Arrays.asList(KpiTables.DISTRICT.createDdl().split(", "))).contains("overdue_open BIGINT",
                "on_time_closure_share DOUBLE", "routine_hours_week DOUBLE");
    }
}
