package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridplan.sim.engine.RunResult;
import org.gridplan.sim.engine.RunResultJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandIT {

    @TempDir
    static Path dir;
    static Path city;
    static Path layout;

    @BeforeAll
    static void cityAndLayout() {
        city = dir.resolve("city.geojson");
        layout = dir.resolve("layout.geojson");
        CliRunner.generateDistrict(city, layout);
    }

    private static CliRunner simulate(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("simulate", "--city", city.toString(),
                "--layout", layout.toString(), "--days", "60"));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void prints_kpis_and_writes_json_and_incident_log() throws IOException {
        Path json = dir.resolve("run.json");
        Path csv = dir.resolve("incidents.csv");
        CliRunner r = simulate("--seed", "3", "--json", json.toString(), "--incidents", csv.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("simulated 60 days (7 warm-up) of city generated-20000-s5")
                .contains("response    minutes: mean").contains("within 5 min").contains("full-time ")
                .contains("target of 30 households a month");
        RunResult result = RunResultJson.fromJson(Files.readString(json));
        assertThat(result.seed()).isEqualTo(3);
        // Closure takes days, so it is printed in hours.
        assertThat(r.out()).contains(String.format(java.util.Locale.ROOT, "closure     hours: mean %.1f, p50 %.1f",
                result.district().closure().mean() / 60, result.district().closure().p50() / 60));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(RunResultJson.CSV_HEADER.strip());
        assertThat(lines).hasSize(result.incidents().size() + 1);
        assertThat(result.incidents()).isNotEmpty();
    }

    @Test
    void same_seed_same_result_and_a_written_staffing_plan_reads_back_to_the_same_run() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Path staff = dir.resolve("staff.csv");
        assertThat(simulate("--seed", "8", "--json", a.toString(), "--staffing-out", staff.toString()).exitCode()).isZero();
        assertThat(simulate("--seed", "8", "--json", b.toString(), "--staffing", staff.toString()).exitCode()).isZero();
        assertThat(Files.readString(b)).isEqualTo(Files.readString(a));
        Path c = dir.resolve("c.json");
        simulate("--seed", "9", "--json", c.toString());
        assertThat(Files.readString(c)).isNotEqualTo(Files.readString(a));
    }

    @Test
    void staffing_with_unknown_grid_names_line_and_column_and_writes_nothing() throws IOException {
        Path staff = dir.resolve("bad-grid.csv");
        Files.writeString(staff, "id,type,grid\nW1,full-time,C01-G01\nW2,full-time,NOPE\n");
        Path json = dir.resolve("never.json");
        CliRunner r = simulate("--staffing", staff.toString(), "--json", json.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo("error: bad-grid.csv: line 3, column 'grid': worker W2 is assigned to grid "
                + "NOPE, which layout grid-400 does not have");
        assertThat(json).doesNotExist();
    }

    @Test
    void staffing_with_unknown_type_names_the_accepted_ones() throws IOException {
        Path staff = dir.resolve("bad-type.csv");
        Files.writeString(staff, "id,type,grid\nW1,volunteer,C01-G01\n");
        CliRunner r = simulate("--staffing", staff.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bad-type.csv: line 2, column 'type': unknown worker type 'volunteer' "
                + "(expected full-time, part-time or professional)");
    }

    @Test
    void grid_with_demand_and_no_worker_is_refused_naming_the_grid() throws IOException {
        Path staff = dir.resolve("thin.csv");
        Files.writeString(staff, "id,type,grid\nW1,full-time,C01-G01\n");
        CliRunner r = simulate("--staffing", staff.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: ").contains("C01-G02");
    }

    @Test
    void unknown_travel_mode_is_a_usage_error() {
        CliRunner r = simulate("--travel", "car");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown travel mode 'car' (expected walk or ebike)");
    }
}
