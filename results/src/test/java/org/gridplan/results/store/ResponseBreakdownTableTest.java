package org.gridplan.results.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridplan.results.stats.CasePart;
import org.gridplan.results.stats.ComparisonData;
import org.gridplan.results.stats.ComparisonStatistics;
import org.gridplan.results.stats.ScenarioSummary;
import org.gridplan.results.stats.Staff;
import org.gridplan.sim.engine.Breakdown;
import org.gridplan.sim.engine.RunResult;
import org.gridplan.sim.engine.Stats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code response_breakdown} table: every part of a run's breakdown is stored with its own
 * figures, read back by the report loader with the headcount by kind of worker, and a database of an
 * older batch without the table still loads (no parts).
 */
class ResponseBreakdownTableTest {

    @TempDir
    Path dir;

    /** {@link KpiTablesTest#distinct()} with a breakdown of two categories and the two time parts. */
    static RunResult withBreakdown() {
        RunResult r = KpiTablesTest.distinct();
        Breakdown b = new Breakdown(List.of(
                new Breakdown.Part("disputes", false, 40, 38, new Stats(38, 300.5, 20.5, 900.5, 950, 2000), 0.91, 0.81),
                new Breakdown.Part("emergencies", true, 5, 5, new Stats(5, 12.5, 10.5, 25.5, 28, 30), 0.99, 0.98)),
                new Breakdown.Part("working-hours", false, 30, 29, new Stats(29, 15.5, 9.5, 40.5, 50, 60), 0.97, 0.95),
                new Breakdown.Part("out-of-hours", false, 15, 14, new Stats(14, 1900.5, 1500.5, 3000.5, 3100, 3200),
                        0.93, 0.9));
        return new RunResult(r.city(), r.layout(), r.seed(), r.horizonDays(), r.warmUpDays(), r.generated(), r.events(),
                r.district(), r.grids(), r.workers(), r.visitTargetShare(), r.backlog(), r.responseBatchMeans(),
                r.incidents(), r.visitCoverage(), b);
    }

    @Test
    void every_part_of_the_breakdown_is_stored_with_its_figures() throws SQLException {
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.duckdb"))) {
            store.claim(new BatchInfo("s", "abc", 1));
            store.writeRun(new RunRecord(0, "grid-400", 0, "{}", 0, 1, RunRecord.OK, "", 0.1),
                    Optional.of(withBreakdown()), false);
            try (Statement st = store.connection().createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT kind, name, urgent, known, reached, response_mean, response_p50, response_p90, "
                            + "on_time_response_share, on_time_closure_share, layout, replication "
                            + "FROM response_breakdown WHERE run_id = 0 ORDER BY rowid")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("category");
                assertThat(rs.getString(2)).isEqualTo("disputes");
                assertThat(rs.getBoolean(3)).isFalse();
                assertThat(rs.getLong(4)).isEqualTo(40);
                assertThat(rs.getLong(5)).isEqualTo(38);
                assertThat(rs.getDouble(6)).isEqualTo(300.5);
                assertThat(rs.getDouble(7)).isEqualTo(20.5);
                assertThat(rs.getDouble(8)).isEqualTo(900.5);
                assertThat(rs.getDouble(9)).isEqualTo(0.91);
                assertThat(rs.getDouble(10)).isEqualTo(0.81);
                assertThat(rs.getString(11)).isEqualTo("grid-400");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo("emergencies");
                assertThat(rs.getBoolean(3)).isTrue();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("hours");
                assertThat(rs.getString(2)).isEqualTo("working-hours");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo("out-of-hours");
                assertThat(rs.getDouble(6)).isEqualTo(1900.5);
                assertThat(rs.next()).isFalse();
            }
            store.connection().commit();
        }
    }

    @Test
    void the_loader_reads_the_parts_and_the_headcount_back() throws SQLException {
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.duckdb"))) {
            store.claim(new BatchInfo("s", "abc", 1));
            store.writeRun(new RunRecord(0, "grid-400", 0, "{}", 0, 1, RunRecord.OK, "", 0.1),
                    Optional.of(withBreakdown()), false);
            ComparisonData.Builder b = ComparisonData.builder(new ScenarioSummary("s", "c", 1, Map.of(), 1, 1, ""));
            BatchReportLoader.readRuns(store.connection(), new BatchReportLoader.Axis(Map.of(0, 0.0), ""), b);
            BatchReportLoader.readBreakdowns(store.connection(), 0, 0.0, b);
            ComparisonStatistics stats = new ComparisonStatistics(b.build());
            List<CasePart> hours = stats.caseParts("grid-400", 0.0, CasePart.Kind.HOURS);
            assertThat(hours).extracting(CasePart::name).containsExactly("working-hours", "out-of-hours");
            assertThat(hours.get(1).responseMean()).isCloseTo(1900.5, within(1e-9));
            assertThat(stats.caseParts("grid-400", 0.0, CasePart.Kind.CATEGORY)).extracting(CasePart::name)
                    .containsExactly("disputes", "emergencies");
            // FT-1, FT-2 (primary), PT-1 (part-time), DUTY-1 (duty team).
            assertThat(stats.headcount("grid-400", 0.0)).containsExactly(Map.entry(Staff.FULL_TIME, 2.0),
                    Map.entry(Staff.PART_TIME, 1.0), Map.entry(Staff.DUTY, 1.0));
            store.connection().commit();
        }
    }

    @Test
    void a_database_without_the_table_loads_without_parts() throws SQLException {
        Path file = dir.resolve("old.duckdb");
        try (ResultsStore store = ResultsStore.open(file)) {
            store.claim(new BatchInfo("s", "abc", 1));
            store.writeRun(new RunRecord(0, "grid-400", 0, "{}", 0, 1, RunRecord.OK, "", 0.1),
                    Optional.of(withBreakdown()), false);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement st = c.createStatement()) {
            st.execute("DROP TABLE response_breakdown");
        }
        try (Connection c = ResultsStore.openReadOnly(file)) {
            ComparisonData.Builder b = ComparisonData.builder(new ScenarioSummary("s", "c", 1, Map.of(), 1, 1, ""));
            BatchReportLoader.readRuns(c, new BatchReportLoader.Axis(Map.of(0, 0.0), ""), b);
            BatchReportLoader.readBreakdowns(c, 0, 0.0, b);
            ComparisonStatistics stats = new ComparisonStatistics(b.build());
            assertThat(stats.caseParts("grid-400", 0.0)).isEmpty();
            assertThat(stats.headcount("grid-400", 0.0)).containsEntry(Staff.FULL_TIME, 2.0);
        }
    }
}
