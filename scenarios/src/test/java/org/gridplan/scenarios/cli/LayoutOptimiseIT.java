package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridplan layout optimise}: a valid layout found, the model's gain beside the simulated one, bad input refused.
 */
class LayoutOptimiseIT {

    @TempDir
    Path dir;

    Path city;
    Path layout;

    @BeforeEach
    void district() {
        city = dir.resolve("city.geojson");
        layout = dir.resolve("grid-400.geojson");
        CliRunner.generateDistrict(city, layout);
    }

    @Test
    void finds_a_valid_layout_and_sets_the_model_s_gain_beside_the_simulated_one() {
        Path out = dir.resolve("found.geojson");
        CliRunner r = CliRunner.run("layout", "optimise", "--city", city.toString(), "--from", layout.toString(),
                "--steps", "30", "--simulate", "2", "--days", "21", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("layout search from grid-400: 30 proposals")
                .contains("field-regime model: on time ")
                .contains("simulated, 2 replications of 21 days").contains("grid-400-optimised")
                .contains("gain of the layout found, the model's beside the simulated (paired, 95% CI):")
                .contains("on time (points)").contains("mean response (min)");
        assertThat(r.err()).contains("layout search: 30 of 30 proposals").contains("simulate: replication 2 of 2");
        CliRunner v = CliRunner.run("layout", "validate", "--city", city.toString(), out.toString());
        assertThat(v.exitCode()).as(v.out()).isZero();
    }

    @Test
    void bad_input_gets_one_message_exit_2_and_nothing_written() throws Exception {
        byte[] before = Files.readAllBytes(layout);
        CliRunner onto = CliRunner.run("layout", "optimise", "--city", city.toString(), "--from", layout.toString(),
                "--out", layout.toString());
        assertThat(onto.exitCode()).isEqualTo(2);
        assertThat(onto.err()).contains("is the input --from");
        assertThat(Files.readAllBytes(layout)).isEqualTo(before);
        Path out = dir.resolve("x.geojson");
        CliRunner tight = CliRunner.run("layout", "optimise", "--city", city.toString(), "--from", layout.toString(),
                "--min", "450", "--out", out.toString());
        assertThat(tight.exitCode()).isEqualTo(2);
        assertThat(tight.err()).contains("breaks the rules, so no chain can start from it").doesNotContain("\tat ");
        CliRunner steps = CliRunner.run("layout", "optimise", "--city", city.toString(), "--from", layout.toString(),
                "--steps", "0", "--out", out.toString());
        assertThat(steps.exitCode()).isEqualTo(2);
        assertThat(steps.err()).contains("--steps");
        assertThat(out).doesNotExist();
    }
}
