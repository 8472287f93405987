package org.gridplan.scenarios.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridplan.scenarios.limits.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values a scenario gives are read as written or refused, never misread (issue 18). */
class ScenarioReaderSafetyTest {

    @TempDir
    Path dir;

    private Scenario read(String yaml) throws IOException {
        return new ScenarioReader().read(Files.writeString(dir.resolve("s.yaml"), ScenarioReaderTest.MINIMAL + yaml));
    }

    private List<String> problems(String yaml) throws IOException {
        try {
            read(yaml);
        } catch (ScenarioException e) {
            return e.problems();
        }
        throw new AssertionError("no problems reported");
    }

    @Test
    void hexadecimal_octal_and_binary_integers_are_read_as_written() throws IOException {
        assertThat(read("seed: 0x1F\n").seed()).isEqualTo(31);
        assertThat(read("seed: -0x10\n").seed()).isEqualTo(-16);
        assertThat(read("seed: 0b101\n").seed()).isEqualTo(5);
        assertThat(read("seed: 1_000\n").seed()).isEqualTo(1000);
        assertThat(read("replications: 0xA\n").replications()).isEqualTo(10);
        assertThat(problems("seed: 0x10000000000000000\n")).containsExactly(
                "s.yaml:7 seed: 0x10000000000000000 does not fit in 64 bits (-9223372036854775808 to "
                        + "9223372036854775807)");
    }

    @Test
    void a_key_with_no_value_is_refused_not_taken_as_the_default() throws IOException {
        assertThat(problems("replications: ~\n")).containsExactly(
                "s.yaml:7 replications: has no value (null); give one, or remove the key to take the default");
        assertThat(problems("staffing:\n  fullTimePerGrid:\n")).containsExactly(
                "s.yaml:8 staffing.fullTimePerGrid: has no value (null); give one, or remove the key to take the "
                        + "default");
    }

    @Test
    void a_horizon_that_measures_less_than_a_day_after_the_warm_up_is_refused() throws IOException {
        assertThat(problems("horizonDays: 1e-300\nwarmUpDays: 0\n")).containsExactly(
                "s.yaml:7 horizonDays: 1.0E-300 leaves 1.0E-300 days after the warm-up of 0 days (warmUpDays); give "
                        + "at least 1, 1 day more than the warm-up");
        assertThat(problems("horizonDays: 7.5\n")).singleElement().asString()
                .contains("horizonDays: 7.5 leaves 0.5 days after the warm-up of 7 days");
        assertThat(read("horizonDays: 8\n").points().get(0).settings().horizonDays()).isEqualTo(8);
    }

    @Test
    void the_caps_are_the_shared_limits() throws IOException {
        assertThat(problems("horizonDays: 3651\n")).containsExactly("s.yaml:7 horizonDays: 3651 is above the maximum "
                + (long) Limits.MAX_DAYS);
        assertThat(problems("demand:\n  scale: 101\n")).containsExactly("s.yaml:8 demand.scale: 101 is above the "
                + "maximum " + (long) Limits.MAX_DEMAND_SCALE);
        assertThat(problems("staffing:\n  partTimePerCommunity: 201\n")).containsExactly(
                "s.yaml:8 staffing.partTimePerCommunity: 201 is above the maximum "
                        + Limits.MAX_PART_TIME_PER_COMMUNITY);
    }
}
