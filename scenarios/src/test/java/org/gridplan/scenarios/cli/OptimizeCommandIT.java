package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizeCommandIT {

    @TempDir
    static Path dir;
    static Path city;
    static Path layout;
    static int grids;

    @BeforeAll
    static void cityAndLayout() throws IOException {
        city = dir.resolve("city.geojson");
        layout = dir.resolve("layout.geojson");
        CliRunner.generateDistrict(city, layout);
        JsonNode l = new ObjectMapper().readTree(layout.toFile());
        grids = l.path("gridplan").path("grids").size();
    }

    private static CliRunner optimize(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("optimize", "--city", city.toString(), "--layout",
                layout.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void writes_the_plan_prints_before_and_after_kpis_and_the_staffing_simulates() throws IOException {
        Path out = dir.resolve("plan");
        CliRunner r = optimize(out, "--workers", "fulltime=" + (grids + 6), "--branches", "3", "--simulate", "2",
                "--days", "30");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("expected mean response (min)").contains("households within 5 min of branch")
                .contains("branch load: max deviation from even").contains("baseline").contains("optimised")
                .contains("field model: on time").contains("field model: urgent on time")
                .contains("simulated, 2 replications").contains("on time (%), 95% CI")
                .contains("gain of the optimised plan, the model's beside the simulated").contains("why:");
        assertThat(r.out()).containsPattern("mean response \\(min\\) +[-+]\\d+\\.\\d\\d +[-+]\\d+\\.\\d\\d ± ")
                .containsPattern("on time \\(points\\) +[-+]\\d+\\.\\d\\d +[-+]\\d+\\.\\d\\d ± ")
                .containsPattern("urgent on time \\(points\\) +[-+]\\d+\\.\\d\\d +[-+]\\d+\\.\\d\\d ± ");
        assertThat(r.err()).contains("problem: " + grids + " grids").contains("siting: ").contains("staffing: ");
        JsonNode plan = new ObjectMapper().readTree(out.resolve("plan.json").toFile());
        assertThat(plan.path("branches").path("open").size()).isBetween(1, 3);
        assertThat(plan.path("branches").path("gridBranch").size()).isEqualTo(grids);
        assertThat(plan.path("workerGrid").size()).isEqualTo(grids + 6);
        assertThat(plan.path("fieldForecast").path("optimised").path("onTimeShare").asDouble()).isBetween(0.5, 1.0);
        assertThat(plan.path("fieldForecast").path("baseline").path("meanResponseMinutes").asDouble()).isPositive();
        assertThat(plan.path("kpis").path("optimised").path("expectedResponseMinutes").asDouble())
                .isLessThanOrEqualTo(plan.path("kpis").path("baseline").path("expectedResponseMinutes").asDouble());
        JsonNode geo = new ObjectMapper().readTree(out.resolve("plan.geojson").toFile());
        assertThat(geo.path("features").size()).isEqualTo(grids + plan.path("branches").path("open").size());
        // The written staffing is what 'simulate' reads.
        CliRunner sim = CliRunner.run("simulate", "--city", city.toString(), "--layout", layout.toString(),
                "--staffing", out.resolve("staffing.csv").toString(), "--days", "20");
        assertThat(sim.exitCode()).as(sim.err()).isZero();
        assertThat(sim.out()).contains((grids + 6) + " workers");
    }

    @Test
    void community_shares_branch_puts_every_grid_of_a_community_at_one_branch() throws IOException {
        Map<String, String> communityOfGrid = new HashMap<>();
        new ObjectMapper().readTree(layout.toFile()).path("gridplan").path("grids").fields()
                .forEachRemaining(e -> communityOfGrid.put(e.getKey(), e.getValue().asText()));
        Map<String, Set<String>> branchesOfCommunity = new HashMap<>();
        for (boolean shares : List.of(false, true)) {
            Path out = dir.resolve("shares-" + shares);
            CliRunner r = shares ? optimize(out, "--workers", "fulltime=" + grids, "--community-shares-branch")
                    : optimize(out, "--workers", "fulltime=" + grids);
            assertThat(r.exitCode()).as(r.err()).isZero();
            branchesOfCommunity.clear();
            new ObjectMapper().readTree(out.resolve("plan.json").toFile()).path("branches").path("gridBranch")
                    .fields().forEachRemaining(e -> branchesOfCommunity.computeIfAbsent(
                            communityOfGrid.get(e.getKey()), c -> new HashSet<>()).add(e.getValue().asText()));
            assertThat(branchesOfCommunity.keySet()).containsExactlyInAnyOrderElementsOf(
                    new HashSet<>(communityOfGrid.values()));
            if (shares) {
                assertThat(r.err()).contains("one branch per community");
                assertThat(branchesOfCommunity.values()).allMatch(b -> b.size() == 1);
            } else {
                // Without the rule the travel objective splits some community: the rule is what joins them.
                assertThat(branchesOfCommunity.values()).anyMatch(b -> b.size() > 1);
            }
        }
    }

    @Test
    void the_queueing_model_plans_without_a_field_forecast_and_a_bad_model_exits_2() throws IOException {
        Path out = dir.resolve("queueing");
        CliRunner r = optimize(out, "--workers", "fulltime=" + grids + ",professional=4", "--model", "queueing",
                "--simulate", "2", "--days", "10");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("field model:").containsPattern("on time \\(points\\) +- +[-+]");
        assertThat(r.err()).doesNotContain("field-regime model of");
        JsonNode plan = new ObjectMapper().readTree(out.resolve("plan.json").toFile());
        assertThat(plan.has("fieldForecast")).isFalse();
        assertThat(plan.path("model").asText()).isEqualTo("queueing");
        Path bad = dir.resolve("bad-model");
        CliRunner b = optimize(bad, "--workers", "fulltime=" + grids, "--model", "erlang");
        assertThat(b.exitCode()).isEqualTo(2);
        assertThat(b.err()).contains("--model").contains("field, queueing");
        assertThat(bad).doesNotExist();
        CliRunner c = optimize(bad, "--workers", "fulltime=" + grids, "--model", "queueing", "--duty", "choose");
        assertThat(c.exitCode()).isEqualTo(2);
        assertThat(c.err()).contains("--duty choose needs --model field");
        assertThat(bad).doesNotExist();
    }

    @Test
    void duty_choose_takes_the_cheapest_roster_meeting_the_urgent_target_and_writes_it() throws IOException {
        Path out = dir.resolve("choose");
        CliRunner r = optimize(out, "--workers", "fulltime=" + grids, "--duty", "choose", "--urgent-target", "90");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("out-of-hours duty: baseline community ×1 grid-workers at community-office")
                .containsPattern("Out of hours, .+ on duty at night\\) is the cheapest roster")
                .contains("none ");
        JsonNode plan = new ObjectMapper().readTree(out.resolve("plan.json").toFile());
        assertThat(plan.path("duty").asText()).isEqualTo("choose");
        assertThat(plan.path("roster").asText()).isNotEqualTo("none");
    }

    @Test
    void stagger_moves_the_professionals_to_a_shift_of_the_same_weekly_hours_and_writes_it() throws IOException {
        Path out = dir.resolve("stagger");
        CliRunner r = optimize(out, "--workers", "fulltime=" + grids + ",professional=3", "--stagger");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("field model: mean response (min)")
                .containsPattern("Staggered shifts: in \\d+ of the \\d+ grids with a full-time worker and"
                        + " professionals");
        assertThat(r.err()).containsPattern("shifts: professionals of \\d+ of \\d+ grids staggered");
        List<String> rows = Files.readAllLines(out.resolve("staffing.csv"));
        // Every professional on a default candidate; every full-time worker keeps the weekday day shift.
        assertThat(rows).filteredOn(l -> l.startsWith("PRO-")).hasSize(3)
                .allMatch(l -> l.endsWith(" mon-sat") || l.endsWith(" tue-sat") || l.endsWith(" wed-sun")
                        || l.endsWith(" mon-fri"));
        assertThat(rows).filteredOn(l -> l.startsWith("FT-")).allMatch(l -> l.endsWith(",weekday-day"));
        assertThat(Files.readAllLines(out.resolve("baseline-staffing.csv"))).filteredOn(l -> l.startsWith("PRO-"))
                .allMatch(l -> l.endsWith(",weekday-day"));
        JsonNode plan = new ObjectMapper().readTree(out.resolve("plan.json").toFile());
        assertThat(plan.path("stagger").size()).isEqualTo(8);
        // A shift of other weekly hours, or the queueing model, is refused and nothing is written.
        Path bad = dir.resolve("bad-stagger");
        CliRunner b = optimize(bad, "--workers", "fulltime=" + grids + ",professional=3", "--stagger",
                "09:00-16:30 mon-sat;09:00-16:00 mon-sat");
        assertThat(b.exitCode()).isEqualTo(2);
        assertThat(b.err()).contains("--stagger: shift '09:00-16:00 mon-sat' keeps 42.0 hours a week");
        CliRunner off = optimize(dir.resolve("stagger-none"), "--workers", "fulltime=" + grids + ",professional=3",
                "--stagger", "none");
        assertThat(off.exitCode()).as(off.err()).isZero();
        assertThat(off.out()).doesNotContain("Staggered shifts");
        CliRunner q = optimize(bad, "--workers", "fulltime=" + grids, "--stagger", "--model", "queueing");
        assertThat(q.exitCode()).isEqualTo(2);
        assertThat(q.err()).contains("--stagger needs --model field");
        assertThat(bad).doesNotExist();
    }

    @Test
    void same_input_writes_the_same_plan() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertThat(optimize(a, "--workers", "fulltime=" + grids + ",professional=4", "--seed", "3").exitCode())
                .isZero();
        assertThat(optimize(b, "--workers", "fulltime=" + grids + ",professional=4", "--seed", "3").exitCode())
                .isZero();
        assertThat(Files.readString(b.resolve("plan.json"))).isEqualTo(Files.readString(a.resolve("plan.json")));
        assertThat(Files.readString(b.resolve("staffing.csv"))).isEqualTo(Files.readString(a.resolve("staffing.csv")));
    }

    @Test
    void reads_workers_with_homes_from_a_staffing_csv() throws IOException {
        Path csv = dir.resolve("staff.csv");
        assertThat(CliRunner.run("simulate", "--city", city.toString(), "--layout", layout.toString(), "--days", "8",
                "--part-time", "0", "--staffing-out", csv.toString()).exitCode()).isZero();
        // Every worker on the round-the-clock shift: the optimised plan keeps each worker's shift.
        List<String> rows = Files.readAllLines(csv);
        int shift = List.of(rows.get(0).split(",")).indexOf("shift");
        List<String> always = new ArrayList<>(List.of(rows.get(0)));
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            cells[shift] = "always";
            always.add(String.join(",", cells));
        }
        Files.write(csv, always);
        Path out = dir.resolve("from-csv");
        CliRunner r = optimize(out, "--workers", csv.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> written = Files.readAllLines(out.resolve("staffing.csv"));
        assertThat(written).hasSize(grids + 1);
        assertThat(written.subList(1, written.size())).allMatch(row -> row.endsWith(",always"));
    }

    @Test
    void fewer_full_time_workers_than_grids_exits_2_with_the_shortfall_and_writes_nothing() {
        Path out = dir.resolve("short");
        CliRunner r = optimize(out, "--workers", "fulltime=" + (grids - 5));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("full-time worker").contains("short by 5");
        assertThat(out).doesNotExist();
    }

    @Test
    void more_branches_than_sites_exits_2_naming_the_shortfall() {
        Path out = dir.resolve("too-many");
        CliRunner r = optimize(out, "--workers", "fulltime=" + grids, "--branches", "500");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).containsPattern("p = 500 branches but only \\d+ candidate sites \\(short by \\d+ sites\\)");
        assertThat(out).doesNotExist();
    }

    @Test
    void capacity_that_cannot_hold_the_demand_exits_2_naming_the_shortfall() {
        Path out = dir.resolve("small");
        CliRunner r = optimize(out, "--workers", "fulltime=" + grids, "--branches", "2", "--capacity", "9000");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("capacity 2 x 9,000 = 18,000 households cannot hold 20,000 households"
                + " (short by 2,000)");
        assertThat(out).doesNotExist();
    }

    @Test
    void capacity_no_plan_can_pack_exits_2_and_writes_nothing() throws IOException {
        // One site per grid but one branch fewer, each too small for two grids (grids hold at least
        // 300 households): the total capacity is ample, yet one grid always has no room.
        JsonNode c = new ObjectMapper().readTree(city.toFile());
        StringBuilder features = new StringBuilder();
        int n = 0;
        for (JsonNode f : c.path("features")) {
            if (n < grids && "Point".equals(f.path("geometry").path("type").asText())) {
                features.append(n == 0 ? "" : ",").append("{\"type\":\"Feature\",\"geometry\":")
                        .append(f.path("geometry")).append(",\"properties\":{\"kind\":\"site\",\"id\":\"S")
                        .append(n++).append("\"}}");
            }
        }
        Path sites = dir.resolve("one-per-grid.geojson");
        Files.writeString(sites, "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}");
        Path out = dir.resolve("unpackable");
        CliRunner r = optimize(out, "--workers", "fulltime=" + grids, "--sites", sites.toString(), "--branches",
                Integer.toString(grids - 1), "--capacity", "599");
        assertThat(r.exitCode()).as(r.out()).isEqualTo(2);
        assertThat(r.err()).contains("no plan meets the hard constraints").contains("capacity 599");
        assertThat(r.out()).doesNotContain("plan written");
        assertThat(out).doesNotExist();
    }

    @Test
    void layout_of_another_city_exits_2_before_solving() {
        Path other = dir.resolve("other-city.geojson");
        // A larger city holds every building id the layout names, and more buildings besides.
        assertThat(CliRunner.run("city", "generate", "--households", "30000", "--seed", "5", "--out", other.toString())
                .exitCode()).isZero();
        Path out = dir.resolve("other");
        CliRunner r = CliRunner.run("optimize", "--city", other.toString(), "--layout", layout.toString(), "--out",
                out.toString(), "--workers", "fulltime=" + grids);
        assertThat(r.exitCode()).isEqualTo(2);
        // The layout records the city it was drawn on, so the reader names both cities.
        assertThat(r.err()).contains("error: layout.geojson: the layout was drawn on another city: "
                + "generated-20000-s5 (").contains("), not generated-30000-s5 (").doesNotContain("siting:");
        assertThat(out).doesNotExist();
    }

    @Test
    void no_candidate_sites_exits_2() throws IOException {
        Path sites = dir.resolve("no-sites.geojson");
        Files.writeString(sites, "{\"type\":\"FeatureCollection\",\"features\":[]}");
        Path out = dir.resolve("nosites");
        CliRunner r = optimize(out, "--workers", "fulltime=" + grids, "--sites", sites.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no candidate sites").contains("short by 1 site");
        assertThat(out).doesNotExist();
    }

    @Test
    void bad_worker_counts_exit_2() {
        CliRunner r = optimize(dir.resolve("bad"), "--workers", "fulltime=lots");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--workers").contains("whole number");
    }

    @Test
    void each_out_of_range_option_is_named_alone() {
        String[][] cases = {{"--simulate", "-1", "--simulate: -1 is negative"},
            {"--branches", "0", "--branches: 0 opens no branch"}, {"--capacity", "-5", "--capacity: -5 is negative"},
            {"--days", "7", "--days: 7.0 leaves nothing after the 7 warm-up days"},
            {"--demand-scale", "0", "--demand-scale: 0.0 must be positive"}};
        for (String[] c : cases) {
            Path out = dir.resolve("range" + c[0]);
            CliRunner r = optimize(out, "--workers", "fulltime=" + grids, c[0], c[1]);
            assertThat(r.exitCode()).as(c[0]).isEqualTo(2);
            assertThat(r.err()).as(c[0]).contains(c[2]);
            assertThat(r.err().lines().filter(l -> l.contains("--")).count()).as(c[0]).isEqualTo(1);
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void help_explains_every_option() {
        CliRunner r = CliRunner.run("optimize", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--city", "--layout", "--sites", "--workers", "--branches", "--capacity", "--time",
                "--seed", "--unimproved", "--out", "--simulate", "--days", "--travel", "--demand-scale", "Baseline",
                        "plan.json",
                "fulltime=1800", "--model", "--duty", "field-regime", "simulated interval", "--stagger",
                "09:00-16:30 mon-sat");
        assertThat(r.err()).doesNotContain("WARN");
    }
}
