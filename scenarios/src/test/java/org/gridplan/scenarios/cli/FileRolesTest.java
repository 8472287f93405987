package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output that is an input, or two outputs that are one file, are refused before anything is read or written. */
class FileRolesTest {

    @TempDir
    Path dir;

    @Test
    void layout_generate_refuses_to_write_over_its_city() throws IOException {
        Path city = Files.writeString(dir.resolve("c.geojson"), "not read");
        CliRunner r = CliRunner.run("layout", "generate", "--city", city.toString(), "--out",
                dir.resolve("sub/../c.geojson").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().trim()).startsWith("error: --out " + dir.resolve("sub/../c.geojson"))
                .contains("is the input --city " + city).doesNotContain("\n");
        assertThat(Files.readString(city)).isEqualTo("not read");
    }

    @Test
    void simulate_refuses_two_outputs_that_are_one_file() {
        Path x = dir.resolve("x.out");
        CliRunner r = CliRunner.run("simulate", "--city", dir.resolve("c.geojson").toString(), "--layout",
                dir.resolve("l.geojson").toString(), "--json", x.toString(), "--incidents", x.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().trim()).startsWith("error: --json " + x + " and --incidents " + x + " are one file")
                .doesNotContain("\n");
        assertThat(x).doesNotExist();
    }

    @Test
    void distinct_inputs_and_outputs_pass() {
        new FileRoles().input("--city", dir.resolve("a.geojson")).output("--out", dir.resolve("b.geojson"))
                .output("--csv", dir.resolve("b.csv")).check();
    }
}
