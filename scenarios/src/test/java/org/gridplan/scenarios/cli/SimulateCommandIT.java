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
                .containsPattern("staffing    \\d+ full-time, \\d+ part-time, 0 professional \\(the default: one "
                        + "full-time worker per grid and --part-time 2 per community\\)")
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
        assertThat(simulate("--seed", "8", "--json", a.toString(), "--staffing-out", staff.toString()).exitCode())
                .isZero();
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
        assertThat(r.err().trim()).isEqualTo(
                "error: bad-grid.csv: line 3, column 'grid': worker W2 is assigned to grid "
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
                + "(expected full-time, part-time, professional or duty)");
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
    void prints_the_time_limit_case_visit_and_work_hour_lines() {
        CliRunner r = simulate("--seed", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("duty        community ×1 grid-workers at community-office, out of hours")
                .contains("on time     response ").contains("(urgent ").contains("open cases overdue")
                .contains("linked to professionals, ").contains(" lost (queue full), ").contains(" abandoned")
                .contains("visits      coverage ")
                .containsPattern("hours       full-time, a week per worker: routine (\\d+\\.\\d|n/a), incidents "
                        + "(\\d+\\.\\d|n/a), travel (\\d+\\.\\d|n/a), idle (\\d+\\.\\d|n/a), overtime (\\d+\\.\\d|n/a)")
                .doesNotContain("NaN");
    }

    @Test
    void duty_and_no_routine_options_change_the_run() throws IOException {
        Path a = dir.resolve("duty-default.json");
        Path b = dir.resolve("duty-none.json");
        assertThat(simulate("--json", a.toString()).exitCode()).isZero();
        CliRunner none = simulate("--duty", "none", "--no-routine", "--json", b.toString());
        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(none.out()).contains("duty        none");
        RunResult quiet = RunResultJson.fromJson(Files.readString(b));
        assertThat(quiet.workers()).allMatch(w -> w.patrolVisits() == 0);
        assertThat(quiet.district().patrolDiscovered()).isZero();
        CliRunner bad = simulate("--duty", "street");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().trim()).isEqualTo("error: --duty 'street' is not one of: none, community, branch");
    }

    @Test
    void runs_a_scenarios_layout_with_its_settings() throws IOException {
        Path scenario = dir.resolve("one.yaml");
        Files.writeString(scenario, """
                horizonDays: 400
                city: {generate: {households: 20000, seed: 5}}
                layouts:
                  - {name: big, targetHouseholds: 480}
                  - {name: grid-400, targetHouseholds: 400}
                staffing: {partTimePerCommunity: 0, duty: {scope: none}}
                routine: {enabled: false}
                """);
        Path json = dir.resolve("scenario.json");
        CliRunner r = CliRunner.run("simulate", "--scenario", scenario.toString(), "--layout", "grid-400",
                "--days", "30", "--seed", "4", "--json", json.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("simulated 30 days (7 warm-up) of city generated-20000-s5, layout grid-400")
                .contains("duty        none");
        RunResult result = RunResultJson.fromJson(Files.readString(json));
        assertThat(result.seed()).isEqualTo(4);
        assertThat(result.workers()).allMatch(w -> w.type() == org.gridplan.sim.agent.WorkerType.FULL_TIME)
                .allMatch(w -> w.patrolVisits() == 0);
        // The first layout by default.
        CliRunner first = CliRunner.run("simulate", "--scenario", scenario.toString(), "--days", "10");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("layout big:");
    }

    @Test
    void a_bad_scenario_or_option_exits_2_and_writes_nothing() throws IOException {
        Path scenario = dir.resolve("bad-scenario.yaml");
        Files.writeString(scenario, """
                city: {generate: {households: 20000, seed: 5}}
                layouts: [{name: grid-400, targetHouseholds: 400}]
                routine: {admin: {hoursPerWeek: 200}}
                dispatch: {queueLimit: -1}
                """);
        Path json = dir.resolve("never-scenario.json");
        CliRunner r = CliRunner.run("simulate", "--scenario", scenario.toString(), "--json", json.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("error: bad-scenario.yaml:4 dispatch.queueLimit: -1 is below the minimum 0")
                .contains("error: bad-scenario.yaml:3 routine.admin.hoursPerWeek: 200 is above the maximum 168");
        assertThat(json).doesNotExist();
        Path good = dir.resolve("good-scenario.yaml");
        Files.writeString(good, "city: {generate: {households: 20000, seed: 5}}\n"
                + "layouts: [{name: grid-400, targetHouseholds: 400}]\n");
        CliRunner layout = CliRunner.run("simulate", "--scenario", good.toString(), "--layout", "nope");
        assertThat(layout.exitCode()).isEqualTo(2);
        assertThat(layout.err().trim()).isEqualTo("error: --layout nope: scenario good-scenario.yaml has no such "
                + "layout (layouts: grid-400)");
        CliRunner mixed = CliRunner.run("simulate", "--scenario", good.toString(), "--travel", "walk");
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.err().trim()).isEqualTo("error: --travel does not apply with --scenario (the scenario "
                + "gives it)");
        CliRunner neither = CliRunner.run("simulate", "--days", "10");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err().trim()).isEqualTo("error: give --city and --layout files, or --scenario");
    }

    @Test
    void unknown_travel_mode_is_a_usage_error() {
        CliRunner r = simulate("--travel", "car");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown travel mode 'car' (expected walk or ebike)");
    }
}
