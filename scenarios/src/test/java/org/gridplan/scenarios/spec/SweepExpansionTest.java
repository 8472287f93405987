package org.gridplan.scenarios.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridplan.scenarios.spec.Scenario.SweepMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepExpansionTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path p = dir.resolve("sweep.yaml");
        Files.writeString(p, ScenarioReaderTest.MINIMAL + yaml);
        return p;
    }

    @Test
    void factorial_sweep_gives_every_combination_first_parameter_slowest() throws IOException {
        Scenario s = new ScenarioReader().read(write("""
                replications: 2
                sweep:
                  mode: factorial
                  parameters:
                    staffing.fullTimePerGrid: [1, 2, 3]
                    demand.scale: [0.5, 1.0, 2.0]
                """));
        assertThat(s.sweepMode()).isEqualTo(SweepMode.FACTORIAL);
        assertThat(s.points()).hasSize(9);
        assertThat(s.runCount()).isEqualTo(18);
        assertThat(s.points()).extracting(p -> p.settings().staffing().fullTimePerGrid())
                .containsExactly(1, 1, 1, 2, 2, 2, 3, 3, 3);
        assertThat(s.points()).extracting(p -> p.settings().demand().scale())
                .containsExactly(0.5, 1.0, 2.0, 0.5, 1.0, 2.0, 0.5, 1.0, 2.0);
        assertThat(s.points().get(5).valuesJson()).isEqualTo("{\"staffing.fullTimePerGrid\":2,\"demand.scale\":2.0}");
        assertThat(s.points().get(5).index()).isEqualTo(5);
        assertThat(s.points().get(5).label()).isEqualTo("staffing.fullTimePerGrid=2 demand.scale=2.0");
    }

    @Test
    void zip_sweep_pairs_the_kth_values() throws IOException {
        Scenario s = new ScenarioReader().read(write("""
                surges:
                  - {startDay: 10, durationDays: 3, rateMultiplier: 2}
                sweep:
                  mode: zip
                  parameters:
                    surges[0].rateMultiplier: [2, 4, 8]
                    staffing.emergencyPool: [10, 50, 100]
                """));
        assertThat(s.points()).hasSize(3);
        assertThat(s.points()).extracting(p -> p.settings().config(1, false).surges().get(0).rateMultiplier())
                .containsExactly(2.0, 4.0, 8.0);
        assertThat(s.points()).extracting(p -> p.settings().config(1, false).surges().get(0).emergencyWorkers())
                .containsExactly(10, 50, 100);
    }

    @Test
    void enumerated_and_nested_fields_can_be_swept_and_missing_parents_are_created() throws IOException {
        Scenario s = new ScenarioReader().read(write("""
                sweep:
                  parameters:
                    travel.mode: [walk, ebike, none]
                    demand.categories.disputes.rate: [0.01, 0.1]
                    dispatch.fallbacks: [[part-time], []]
                """));
        assertThat(s.points()).hasSize(12);
        assertThat(s.points().get(0).settings().travel().metresPerMinute()).isEqualTo(72);
        assertThat(s.points().get(11).settings().travel().isNone()).isTrue();
        assertThat(s.points().get(1).settings().dispatch().fallbacks()).isEmpty();
        assertThat(s.points().get(2).settings().demand().catalog().categories().get(0).ratePerHouseholdYear())
                .isEqualTo(0.1);
        assertThat(s.points().get(1).valuesJson())
                .isEqualTo("{\"travel.mode\":\"walk\",\"demand.categories.disputes.rate\":0.01,"
                        + "\"dispatch.fallbacks\":[]}");
    }

    @Test
    void a_bad_swept_value_is_reported_at_its_own_line_with_the_field_it_sets() throws IOException {
        List<String> problems = problems("""
                sweep:
                  parameters:
                    staffing.fullTimePerGrid:
                      - 1
                      - 0
                      - 2
                """);
        assertThat(problems).containsExactly("sweep.yaml:11 staffing.fullTimePerGrid: 0 is below the minimum 1");
    }

    @Test
    void rejects_unsweepable_paths_unequal_zips_and_missing_list_items() throws IOException {
        assertThat(problems("""
                sweep:
                  parameters:
                    replications: [1, 2]
                """)).singleElement().asString()
                .startsWith("sweep.yaml:9 sweep.parameters.replications: cannot be swept");
        assertThat(problems("""
                sweep:
                  mode: zip
                  parameters:
                    demand.scale: [1, 2]
                    staffing.fullTimePerGrid: [1, 2, 3]
                """)).singleElement().asString().contains("has 3 values but demand.scale has 2");
        assertThat(problems("""
                sweep:
                  parameters:
                    surges[0].rateMultiplier: [1, 2]
                """)).singleElement().asString().contains("surges[0] does not exist");
        assertThat(problems("""
                sweep:
                  parameters:
                    staffing.overtime: [1, 2]
                """)).singleElement().asString().startsWith("sweep.yaml:9 staffing.overtime: unknown key");
    }

    private List<String> problems(String yaml) throws IOException {
        try {
            new ScenarioReader().read(write(yaml));
        } catch (ScenarioException e) {
            return e.problems();
        }
        throw new AssertionError("no problems");
    }
}
