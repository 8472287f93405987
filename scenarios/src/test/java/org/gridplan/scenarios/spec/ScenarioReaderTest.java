package org.gridplan.scenarios.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.gridplan.optimizer.plan.PlanWeights;
import org.gridplan.scenarios.spec.Scenario.GeneratedCity;
import org.gridplan.scenarios.spec.Scenario.GeneratedLayout;
import org.gridplan.scenarios.spec.Scenario.Optimise;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.demand.EscalationLevel;
import org.gridplan.sim.demand.IncidentCategory;
import org.gridplan.sim.engine.DispatchPolicy.Fallback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {

    @TempDir
    Path dir;

    static final String MINIMAL = """
            city:
              generate:
                households: 20000
            layouts:
              - name: grid-400
                targetHouseholds: 400
            """;

    private Path write(String name, String yaml) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, yaml);
        return p;
    }

    private Scenario read(String yaml) throws IOException {
        return new ScenarioReader().read(write("s.yaml", yaml));
    }

    private List<String> problems(String yaml) throws IOException {
        return problems(yaml, Optimise.NONE);
    }

    /** The problems a reader for a build that can do {@code available} reports. */
    private List<String> problems(String yaml, Optimise available) throws IOException {
        Path p = write("bad.yaml", yaml);
        try {
            new ScenarioReader(available).read(p);
        } catch (ScenarioException e) {
            return e.problems();
        }
        throw new AssertionError("no problems reported");
    }

    @Test
    void a_minimal_scenario_takes_every_default() throws IOException {
        Scenario s = read(MINIMAL);
        assertThat(s.name()).isEqualTo("s");
        assertThat(s.seed()).isEqualTo(1);
        assertThat(s.replications()).isEqualTo(10);
        assertThat(s.city()).isInstanceOf(GeneratedCity.class);
        assertThat(((GeneratedCity) s.city()).spec().households()).isEqualTo(20000);
        assertThat(s.layouts()).singleElement().isInstanceOf(GeneratedLayout.class);
        assertThat(s.points()).singleElement().satisfies(p -> {
            assertThat(p.values()).isEmpty();
            assertThat(p.valuesJson()).isEqualTo("{}");
            RunSettings r = p.settings();
            assertThat(r.horizonDays()).isEqualTo(365);
            assertThat(r.warmUpDays()).isEqualTo(7);
            assertThat(r.staffing()).isEqualTo(StaffingSpec.defaults());
            assertThat(r.demand().catalog().totalRatePerHouseholdYear())
                    .isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(r.dispatch().fallbacks()).containsExactly(Fallback.NEIGHBOUR_GRID, Fallback.PART_TIME,
                    Fallback.BRANCH_POOL);
            assertThat(r.surges()).isEmpty();
            assertThat(r.travel().isNone()).isFalse();
        });
        assertThat(s.outputs().incidents()).isFalse();
        assertThat(s.outputs().report()).isTrue();
        assertThat(s.outputs().reportLanguage()).isEqualTo(ReportLanguage.EN);
        assertThat(s.optimise()).isEqualTo(Optimise.NONE);
        assertThat(s.runCount()).isEqualTo(10);
        assertThat(s.hash()).hasSize(64);
    }

    @Test
    void reads_every_section() throws IOException {
        Scenario s = read(MINIMAL + """
                name: full
                seed: 42
                replications: 3
                horizonDays: 30
                warmUpDays: 2
                staffing:
                  fullTimePerGrid: 2
                  partTimePerCommunity: 0
                  professionalsPerGrid: 0.5
                  branchPoolPerCommunity: 3
                  emergencyPool: 20
                  fullTimeShift: always
                demand:
                  scale: 1.5
                  categories:
                    disputes: {rate: 0.06, onSpot: 0.9, serviceMinutes: 90, escalation: street}
                dispatch:
                  fallbacks: [branch-pool, part-time]
                surges:
                  - {startDay: 10, durationDays: 2, rateMultiplier: 3}
                  - {startDay: 20, durationDays: 1, rateMultiplier: 2, emergencyWorkers: 5}
                travel: {mode: walk}
                outputs: {incidents: true, export: [csv, parquet], report: false, reportLanguage: zh}
                """);
        RunSettings r = s.points().get(0).settings();
        assertThat(s.name()).isEqualTo("full");
        assertThat(s.seed()).isEqualTo(42);
        assertThat(r.staffing().fullTimePerGrid()).isEqualTo(2);
        assertThat(r.staffing().professionalsPerGrid()).isEqualTo(0.5);
        assertThat(r.staffing().fullTimeShift()).isEqualTo(ShiftPattern.ALWAYS);
        IncidentCategory disputes = r.demand().catalog().categories().get(0);
        assertThat(disputes.ratePerHouseholdYear()).isEqualTo(0.06);
        assertThat(disputes.onSpotProbability()).isEqualTo(0.9);
        assertThat(disputes.service().mean()).isEqualTo(90, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(disputes.escalation()).isEqualTo(EscalationLevel.STREET);
        assertThat(r.demand().catalog().scale()).isEqualTo(1.5);
        assertThat(r.dispatch().fallbacks()).containsExactly(Fallback.BRANCH_POOL, Fallback.PART_TIME);
        var config = r.config(7, true);
        assertThat(config.surges()).extracting(e -> e.emergencyWorkers()).containsExactly(20, 5);
        assertThat(config.seed()).isEqualTo(7);
        assertThat(config.collectIncidentLog()).isTrue();
        assertThat(r.travel().metresPerMinute()).isEqualTo(72);
        assertThat(s.outputs().export()).containsExactly(ExportKind.CSV, ExportKind.PARQUET);
        assertThat(s.outputs().report()).isFalse();
        assertThat(s.outputs().reportLanguage()).isEqualTo(ReportLanguage.ZH);
    }

    @Test
    void rejects_a_layout_target_above_its_maximum_with_file_line_and_path() throws IOException {
        assertThat(problems("""
                city:
                  generate:
                    households: 20000
                layouts:
                  - name: grid-400
                    targetHouseholds: 400
                  - name: big
                    targetHouseholds: 900
                """)).containsExactly("bad.yaml:8 layouts[1].targetHouseholds: 900 is above the maximum grid size 500");
    }

    @Test
    void rejects_an_unknown_key_and_names_the_allowed_ones() throws IOException {
        assertThat(problems(MINIMAL + "staffing:\n  fullTimePerGird: 2\n"))
                .singleElement().asString()
                .startsWith("bad.yaml:8 staffing.fullTimePerGird: unknown key (expected one of: fullTimePerGrid,");
        assertThat(problems(MINIMAL + "replicatons: 3\n")).singleElement().asString()
                .startsWith("bad.yaml:7 replicatons: unknown key");
    }

    @Test
    void rejects_wrong_types() throws IOException {
        assertThat(problems(MINIMAL + "replications: many\nhorizonDays: [1]\noutputs: {incidents: 1}\n"))
                .containsExactly(
                        "bad.yaml:7 replications: expected a whole number, got text 'many'",
                        "bad.yaml:9 outputs.incidents: expected true or false, got the whole number 1",
                        "bad.yaml:8 horizonDays: expected a number, got a list");
        assertThat(problems(MINIMAL + "travel: {mode: bus}\n")).containsExactly(
                "bad.yaml:7 travel.mode: 'bus' is not one of: ebike, walk, none");
        assertThat(problems(MINIMAL + "outputs: {report: maybe, reportLanguage: fr}\n")).containsExactly(
                "bad.yaml:7 outputs.report: expected true or false, got text 'maybe'",
                "bad.yaml:7 outputs.reportLanguage: 'fr' is not one of: en, zh");
        assertThat(problems(MINIMAL + "outputs: {export: [csv, xml]}\n")).containsExactly(
                "bad.yaml:7 outputs.export[1]: 'xml' is not one of: csv, parquet");
    }

    @Test
    void rejects_values_out_of_range() throws IOException {
        assertThat(problems(MINIMAL + """
                replications: 0
                staffing: {fullTimePerGrid: 0}
                demand: {scale: -1}
                """)).containsExactly(
                "bad.yaml:7 replications: 0 is below the minimum 1",
                "bad.yaml:8 staffing.fullTimePerGrid: 0 is below the minimum 1",
                "bad.yaml:9 demand.scale: -1 is below the minimum 0");
        assertThat(problems(MINIMAL + "horizonDays: 5\nwarmUpDays: 7\n")).containsExactly(
                "bad.yaml:8 warmUpDays: 7 must be less than horizonDays 5");
        assertThat(problems("""
                city:
                  generate:
                    households: 900
                layouts:
                  - {name: a, targetHouseholds: 400}
                """)).containsExactly("bad.yaml:3 city.generate.households: 900 is below the minimum 20000");
    }

    @Test
    void rejects_missing_files_and_missing_required_fields() throws IOException {
        assertThat(problems("""
                city:
                  file: nowhere.geojson
                layouts:
                  - name: surveyed
                    file: also-nowhere.geojson
                  - targetHouseholds: 400
                """)).containsExactly(
                "bad.yaml:2 city.file: file not found: " + dir.resolve("nowhere.geojson"),
                "bad.yaml:5 layouts[0].file: file not found: " + dir.resolve("also-nowhere.geojson"),
                "bad.yaml:6 layouts[1].name: missing (required): the layout's name in results");
        assertThat(problems("seed: 3\n")).containsExactly(
                "bad.yaml:1 city: missing (required): give city.generate or city.file",
                "bad.yaml:1 layouts: missing (required): a list of candidate layouts");
    }

    @Test
    void reports_yaml_syntax_errors_and_duplicate_keys_with_their_line() throws IOException {
        assertThat(problems(MINIMAL + "seed: [1, 2\n")).singleElement().asString().startsWith("bad.yaml:")
                .contains("YAML syntax error");
        assertThat(problems(MINIMAL + "seed: 1\nseed: 2\n")).containsExactly(
                "bad.yaml:8 seed: duplicate key (also on line 7)");
        assertThat(problems(MINIMAL + """
                  - name: grid-400
                    targetHouseholds: 300
                """)).containsExactly(
                "bad.yaml:7 layouts[1].name: 'grid-400' is already the name of the layout on line 5");
    }

    @Test
    void refuses_an_optimisation_no_planner_can_do_and_accepts_it_when_one_can() throws IOException {
        assertThat(problems(MINIMAL + "optimise: {workers: true}\n")).singleElement().asString()
                .startsWith("bad.yaml:7 optimise.workers: true needs the worker-assignment optimizer");
        Path p = write("opt.yaml", MINIMAL + "optimise: {workers: true}\n");
        assertThat(new ScenarioReader(new Optimise(false, true)).read(p).optimise().workers()).isTrue();
    }

    @Test
    void reads_optimiser_weights_and_names_a_bad_one() throws IOException {
        Path p = write("w.yaml", MINIMAL + "optimise: {workers: true, weights: {outside5min: 50, homeNearGrid: 0}}\n");
        PlanWeights w = new ScenarioReader(new Optimise(true, true)).read(p).optimise().weights();
        assertThat(w.siting().outsideInnerCircleSoft()).isEqualTo(50);
        assertThat(w.siting().outsideOuterCircleSoft())
                .isEqualTo(PlanWeights.DEFAULT.siting().outsideOuterCircleSoft());
        assertThat(w.homeNearGrid()).isZero();
        assertThat(w.expectedResponse()).isEqualTo(1);
        assertThat(problems(MINIMAL + "optimise: {weights: {travel: -1}}\n")).singleElement().asString()
                .startsWith("bad.yaml:7 optimise.weights.travel: -1");
        assertThat(problems(MINIMAL + "optimise: {weights: {speed: 3}}\n")).singleElement().asString()
                .startsWith("bad.yaml:7 optimise.weights.speed");
    }

    @Test
    void reads_custom_shifts_sweeps_them_and_names_a_bad_one() throws IOException {
        Scenario s = read(MINIMAL + """
                staffing:
                  fullTimeShift: 08:00-20:00 mon-sun
                sweep:
                  parameters:
                    staffing.partTimeShift: [part-time, "17:30-21:30 mon-fri"]
                """);
        assertThat(s.points()).hasSize(2);
        assertThat(s.points().get(0).settings().staffing().fullTimeShift())
                .isEqualTo(ShiftPattern.parse("08:00-20:00 mon-sun"));
        assertThat(s.points().get(0).settings().staffing().partTimeShift()).isSameAs(ShiftPattern.PART_TIME);
        assertThat(s.points().get(1).settings().staffing().partTimeShift().weeklyMinutes()).isEqualTo(5 * 240);
        assertThat(problems(MINIMAL + "staffing:\n  fullTimeShift: 20:00-20:00 daily\n")).singleElement().asString()
                .isEqualTo("bad.yaml:8 staffing.fullTimeShift: shift '20:00-20:00 daily' starts and ends at the same "
                        + "time; for round the clock give 00:00-24:00 daily or always");
        assertThat(problems(MINIMAL + "staffing:\n  poolShift: evenings\n")).singleElement().asString()
                .startsWith("bad.yaml:8 staffing.poolShift: 'evenings' is not a shift: give weekday-day, part-time, "
                        + "always, or 'HH:MM-HH:MM DAYS'");
    }

    @Test
    void reads_the_siting_rules_and_refuses_them_without_branch_siting() throws IOException {
        Path p = write("rules.yaml", MINIMAL
                + "optimise: {branches: true, branchCapacity: 12000, communitySharesBranch: true}\n");
        Optimise o = new ScenarioReader(new Optimise(true, true)).read(p).optimise();
        assertThat(o.branchCapacity()).hasValue(12000);
        assertThat(o.communitySharesBranch()).isTrue();
        Path none = write("norules.yaml", MINIMAL + "optimise: {branches: true}\n");
        Optimise d = new ScenarioReader(new Optimise(true, true)).read(none).optimise();
        assertThat(d.branchCapacity()).isEmpty();
        assertThat(d.communitySharesBranch()).isFalse();
        assertThat(problems(MINIMAL + "optimise: {workers: true, branchCapacity: 500, communitySharesBranch: true}\n",
                new Optimise(true, true))).containsExactly(
                "bad.yaml:7 optimise.branchCapacity: is a rule of branch siting and needs optimise.branches: true",
                "bad.yaml:7 optimise.communitySharesBranch: is a rule of branch siting and needs optimise.branches: "
                        + "true");
        Path off = write("off.yaml", MINIMAL + "optimise: {workers: true, communitySharesBranch: false}\n");
        assertThat(new ScenarioReader(new Optimise(true, true)).read(off).optimise().communitySharesBranch()).isFalse();
        assertThat(problems(MINIMAL + "optimise: {branches: true, branchCapacity: 0}\n", new Optimise(true, true)))
                .singleElement().asString().startsWith("bad.yaml:7 optimise.branchCapacity: 0 is below the minimum 1");
    }

    @Test
    void reports_all_problems_at_once() throws IOException {
        assertThat(problems("""
                city:
                  generate:
                    households: 20000
                    colour: red
                layouts:
                  - name: a
                    targetHouseholds: 100
                replications: -2
                sweep:
                  parameters:
                    seed: [1, 2]
                """)).hasSize(4);
    }

    @Test
    void overrides_replace_file_values_and_change_the_hash() throws IOException {
        Path p = write("s.yaml", MINIMAL);
        Scenario plain = new ScenarioReader().read(p);
        Scenario o = new ScenarioReader().read(p, new Scenario.Overrides(OptionalDouble.of(20), OptionalDouble.of(1),
                OptionalInt.of(2)));
        assertThat(o.replications()).isEqualTo(2);
        assertThat(o.points().get(0).settings().horizonDays()).isEqualTo(20);
        assertThat(o.hash()).isNotEqualTo(plain.hash());
        assertThat(new ScenarioReader().read(p).hash()).isEqualTo(plain.hash());
        assertThatThrownBy(() -> new ScenarioReader().read(p, new Scenario.Overrides(OptionalDouble.of(3),
                OptionalDouble.empty(), OptionalInt.empty())))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("s.yaml (command-line override) warmUpDays: 7 must be less than horizonDays 3");
    }

    @Test
    void a_missing_scenario_file_is_named() {
        assertThatThrownBy(() -> new ScenarioReader().read(dir.resolve("none.yaml")))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("none.yaml: file not found");
    }

    /** {@link #MINIMAL} with a staffing file on its layout, at line 7. */
    static final String WITH_STAFFING = MINIMAL + "    staffing: staff.csv\n";

    @Test
    void a_layout_staffing_file_is_resolved_against_the_scenario_folder_and_placed_for_messages() throws IOException {
        Files.writeString(dir.resolve("staff.csv"), "id,type,grid\n");
        Scenario s = read(WITH_STAFFING);
        assertThat(s.layouts().get(0).staffing()).hasValueSatisfying(f -> {
            assertThat(f.file()).isEqualTo(dir.toAbsolutePath().resolve("staff.csv").normalize());
            assertThat(f.problem("bad grid")).isEqualTo("s.yaml:7 layouts[0].staffing: bad grid");
        });
        assertThat(read(MINIMAL).layouts().get(0).staffing()).isEmpty();
    }

    @Test
    void a_missing_layout_staffing_file_is_reported_with_file_line_and_path() throws IOException {
        assertThat(problems(WITH_STAFFING)).containsExactly("bad.yaml:7 layouts[0].staffing: file not found: "
                + dir.toAbsolutePath().resolve("staff.csv").normalize());
    }

    @Test
    void optimise_workers_is_refused_with_a_layout_staffing_file_but_optimise_branches_is_not() throws IOException {
        Files.writeString(dir.resolve("staff.csv"), "id,type,grid\n");
        Optimise both = new Optimise(true, true);
        assertThat(problems(WITH_STAFFING + "optimise:\n  branches: true\n  workers: true\n", both)).containsExactly(
                "bad.yaml:10 optimise.workers: true cannot be used with a layout staffing file: the optimiser would "
                + "replace the workers that bad.yaml:7 layouts[0].staffing gives layout grid-400; set optimise.workers "
                + "to false (optimise.branches may stay) or remove the layout's staffing");
        Scenario s = new ScenarioReader(both).read(write("ok.yaml", WITH_STAFFING + "optimise: {branches: true}\n"));
        assertThat(s.optimise().branches()).isTrue();
        assertThat(s.layouts().get(0).staffing()).isPresent();
    }

    @Test
    void a_changed_layout_staffing_file_changes_the_hash() throws IOException {
        Path csv = dir.resolve("staff.csv");
        Files.writeString(csv, "id,type,grid\nW-1,full-time,C01-G01\n");
        String before = read(WITH_STAFFING).hash();
        assertThat(read(WITH_STAFFING).hash()).isEqualTo(before);
        Files.writeString(csv, "id,type,grid\nW-1,full-time,C01-G02\n");
        assertThat(read(WITH_STAFFING).hash()).isNotEqualTo(before);
    }

    /** A scenario with a sweep and categories, the places where key order is kept. */
    private static final String SWEPT = """
            name: hashed
            seed: 7
            city:
              generate:
                households: 20000
            layouts:
              - name: grid-400
                targetHouseholds: 400
            horizonDays: 30
            demand:
              scale: 1.5
            sweep:
              parameters:
                horizonDays: [30, 60]
                warmUpDays: [1, 2]
            """;

    @Test
    void comments_whitespace_quoting_number_forms_and_key_order_keep_the_hash() throws IOException {
        String before = read(SWEPT).hash();
        String reformatted = """
                # The same scenario, edited by hand: comments, blank lines, other indentation and quoting,
                # flow style, keys in another order and a number written another way.
                seed: 7   # the master seed
                layouts: [{targetHouseholds: 400, name: "grid-400"}]

                city: {generate: {households: 20_000}}
                demand:
                    scale: 1.50
                name: 'hashed'
                sweep:
                    parameters:     # swept in this order
                        horizonDays: [30, 60]
                        warmUpDays:  [1, 2]
                horizonDays: 30
                """;
        assertThat(read(reformatted).hash()).isEqualTo(before);
        assertThat(read(SWEPT.replace("\n", "\r\n")).hash()).as("CRLF line ends").isEqualTo(before);
    }

    @Test
    void any_changed_value_changes_the_hash() throws IOException {
        String before = read(SWEPT).hash();
        assertThat(read(SWEPT.replace("seed: 7", "seed: 8")).hash()).isNotEqualTo(before);
        assertThat(read(SWEPT.replace("scale: 1.5", "scale: 1.25")).hash()).isNotEqualTo(before);
        assertThat(read(SWEPT.replace("targetHouseholds: 400", "targetHouseholds: 401")).hash()).isNotEqualTo(before);
        assertThat(read(SWEPT.replace("name: grid-400", "name: grid-401")).hash()).isNotEqualTo(before);
        assertThat(read(SWEPT.replace("[1, 2]", "[2, 1]")).hash()).as("list order").isNotEqualTo(before);
        assertThat(read(SWEPT.replace("horizonDays: 30\n", "horizonDays: 31\n")).hash()).isNotEqualTo(before);
        assertThat(read(SWEPT + "replications: 10\n").hash()).as("a default written out is a change of the file")
                .isNotEqualTo(before);
    }

    @Test
    void the_order_of_swept_fields_numbers_the_runs_so_it_changes_the_hash() throws IOException {
        String before = read(SWEPT).hash();
        String swapped = SWEPT.replace("    horizonDays: [30, 60]\n    warmUpDays: [1, 2]\n",
                "    warmUpDays: [1, 2]\n    horizonDays: [30, 60]\n");
        assertThat(swapped).isNotEqualTo(SWEPT);
        // Point 1 (so its runs) is another setting once the fields are swapped.
        assertThat(read(SWEPT).points().get(1).values()).containsEntry("horizonDays", 30L)
                .containsEntry("warmUpDays", 2L);
        assertThat(read(swapped).points().get(1).values()).containsEntry("horizonDays", 60L)
                .containsEntry("warmUpDays", 1L);
        assertThat(read(swapped).hash()).isNotEqualTo(before);
    }

    @Test
    void the_canonical_form_sorts_keys_but_keeps_the_order_of_categories_and_sweep_parameters() {
        YamlNode a = new YamlReader(new Problems("a.yaml")).read("""
                b: {y: 1, x: 2}
                demand: {categories: {zeta: {rate: 1, service: 2}, alpha: {service: 2, rate: 1}}}
                sweep: {parameters: {b.y: [1], b.x: [{q: 1, p: 2}]}}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String c = ScenarioHash.canonical(a);
        assertThat(c).startsWith("{k1:b{k1:xi1:2k1:yi1:1}");
        assertThat(c.indexOf("k4:zeta")).isLessThan(c.indexOf("k5:alpha"));
        assertThat(c).contains("k7:service").contains("{k4:ratei1:1k7:servicei1:2}");
        assertThat(c.indexOf("k3:b.y")).isLessThan(c.indexOf("k3:b.x"));
        assertThat(c).contains("{k1:qi1:1k1:pi1:2}");
    }

    @Test
    void the_earlier_hash_is_the_one_of_the_file_bytes_that_batches_of_earlier_versions_recorded() throws Exception {
        Path csv = dir.resolve("staff.csv");
        Files.writeString(csv, "id,type,grid\nW-1,full-time,C01-G01\n");
        Path p = write("s.yaml", WITH_STAFFING);
        Scenario s = new ScenarioReader().read(p);
        // The rule of earlier versions: the file's bytes, then each referenced file's name and bytes, then the
        // overrides.
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        md.update(Files.readAllBytes(p));
        md.update((byte) 0);
        md.update("staff.csv".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(Files.readAllBytes(csv));
        md.update((byte) 0);
        md.update(Scenario.Overrides.NONE.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(s.earlierHashes()).containsExactly(java.util.HexFormat.of().formatHex(md.digest()));
        assertThat(s.hash()).isNotEqualTo(s.earlierHashes().get(0));
    }
}
