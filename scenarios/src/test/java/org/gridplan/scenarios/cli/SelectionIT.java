package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gridplan.results.store.DistrictRow;
import org.gridplan.results.store.ResultsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario with a Kim–Nelson {@code selection} section: the run adds replications to the
 * surviving layouts until one remains, stops well before the cap, states the guarantee in the
 * report, and a second run of the same command resumes without running anything.
 */
class SelectionIT {

    @TempDir
    Path dir;

    @Test
    void a_selection_stops_before_the_cap_names_the_best_layout_and_resumes() throws Exception {
        Path file = dir.resolve("select.yaml");
        Files.writeString(file, """
                name: select
                seed: 3
                replications: 60
                horizonDays: 120
                warmUpDays: 7
                city:
                  generate:
                    households: 20000
                    seed: 2
                layouts:
                  - name: large
                    targetHouseholds: 480
                  - name: small
                    targetHouseholds: 300
                selection:
                  procedure: kim-nelson
                  kpi: on_time_response
                  delta: 0.2
                  alpha: 0.05
                  firstStage: 5
                """);
        Path out = dir.resolve("out");
        CliRunner first = CliRunner.run("run", file.toString(), "--out", out.toString(), "--threads", "2");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Selection (Kim–Nelson").contains("small is the best layout on the on-time"
                + " response share with probability at least 95%");
        try (ResultsStore store = ResultsStore.open(out.resolve("results.duckdb"))) {
            long small = store.districtRows().stream().filter(r -> r.layout().equals("small")).count();
            long large = store.districtRows().stream().filter(r -> r.layout().equals("large")).count();
            assertThat(small).isBetween(5L, 59L);
            assertThat(large).isBetween(5L, small);
            assertThat(store.districtRows()).extracting(DistrictRow::replication).allMatch(r -> r < 60);
        }
        String report = Files.readString(out.resolve("report.html"));
        assertThat(report).contains("id=\"selection\"").contains("with probability at least 95%");
        CliRunner again = CliRunner.run("run", file.toString(), "--out", out.toString(), "--threads", "2");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("0 runs done").contains("small is the best layout");
    }
}
