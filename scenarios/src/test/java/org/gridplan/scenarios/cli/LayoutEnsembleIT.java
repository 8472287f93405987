package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridplan layout ensemble}: the chain's files, the proposal's place, reproducibility and bad input. */
class LayoutEnsembleIT {

    @TempDir
    Path dir;

    Path city;
    Path layout;
    Path proposal;

    @BeforeEach
    void district() {
        city = dir.resolve("city.geojson");
        layout = dir.resolve("grid-400.geojson");
        proposal = dir.resolve("grid-350.geojson");
        assertThat(CliRunner.run("city", "generate", "--households", "20000", "--seed", "4", "--out",
                city.toString()).exitCode()).isZero();
        assertThat(CliRunner.run("layout", "generate", "--city", city.toString(), "--target", "400", "--out",
                layout.toString()).exitCode()).isZero();
        assertThat(CliRunner.run("layout", "generate", "--city", city.toString(), "--target", "350", "--out",
                proposal.toString()).exitCode()).isZero();
    }

    @Test
    void writes_every_step_a_thinned_sample_and_where_the_proposal_lies() throws IOException {
        Path out = dir.resolve("ens");
        CliRunner r = CliRunner.run("layout", "ensemble", "--city", city.toString(), "--from", layout.toString(),
                "--steps", "300", "--sample", "3", "--propose", proposal.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("ensemble from grid-400: 300 steps, ").contains("distinct layouts")
                .contains("boundary length, adjacency edges between grids");
        List<String> csv = Files.readAllLines(out.resolve("steps.csv"));
        assertThat(csv.get(0)).isEqualTo("step,move,trees,new,grids,min_households,max_households,household_sd,"
                + "spread_m,base_m,cut_edges");
        assertThat(csv).hasSize(1 + 301);
        assertThat(csv.get(1)).startsWith("0,start,0,true,");
        assertThat(csv.get(301)).startsWith("300,recombine,");
        // Every step's grids stay within the bounds.
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",");
            assertThat(Integer.parseInt(f[5])).isGreaterThanOrEqualTo(300);
            assertThat(Integer.parseInt(f[6])).isLessThanOrEqualTo(500);
        }
        try (Stream<Path> files = Files.list(out.resolve("layouts"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "grid-400-step-100.geojson", "grid-400-step-200.geojson", "grid-400-step-300.geojson");
        }
        // A sampled layout is a valid layout of the city.
        CliRunner v = CliRunner.run("layout", "validate", "--city", city.toString(),
                out.resolve("layouts/grid-400-step-300.geojson").toString());
        assertThat(v.exitCode()).as(v.out()).isZero();
        String html = Files.readString(out.resolve("ensemble.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Layout ensemble: grid-400")
                .contains("proposal grid-350").contains("data-statistic=\"cut_edges\"")
                .contains("<figure id=\"ensemble-household-sd\">").contains("<svg");
        assertThat(html.split("<figure ", -1)).hasSize(1 + 7);
    }

    @Test
    void the_same_seed_gives_the_same_chain_and_another_seed_another() throws IOException {
        for (String[] run : new String[][] {{"a", "7"}, {"b", "7"}, {"c", "8"}}) {
            CliRunner r = CliRunner.run("layout", "ensemble", "--city", city.toString(), "--from", layout.toString(),
                    "--steps", "200", "--sample", "1", "--seed", run[1], "--out", dir.resolve(run[0]).toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
        assertThat(Files.readAllBytes(dir.resolve("b/steps.csv"))).isEqualTo(Files.readAllBytes(dir.resolve(
                "a/steps.csv")));
        assertThat(Files.readAllBytes(dir.resolve("b/layouts/grid-400-step-200.geojson")))
                .isEqualTo(Files.readAllBytes(dir.resolve("a/layouts/grid-400-step-200.geojson")));
        assertThat(Files.readAllBytes(dir.resolve("c/steps.csv"))).isNotEqualTo(Files.readAllBytes(dir.resolve(
                "a/steps.csv")));
    }

    @Test
    void bad_input_gets_one_message_exit_2_and_nothing_written() throws IOException {
        Path out = dir.resolve("bad");
        CliRunner tight = CliRunner.run("layout", "ensemble", "--city", city.toString(), "--from", layout.toString(),
                "--min", "450", "--out", out.toString());
        assertThat(tight.exitCode()).isEqualTo(2);
        assertThat(tight.err()).contains("breaks the rules, so no chain can start from it").doesNotContain("\tat ");
        CliRunner steps = CliRunner.run("layout", "ensemble", "--city", city.toString(), "--from", layout.toString(),
                "--steps", "0", "--out", out.toString());
        assertThat(steps.exitCode()).isEqualTo(2);
        assertThat(steps.err()).contains("--steps");
        CliRunner tree = CliRunner.run("layout", "ensemble", "--city", city.toString(), "--from", layout.toString(),
                "--tree", "prim", "--out", out.toString());
        assertThat(tree.exitCode()).isEqualTo(2);
        assertThat(tree.err()).contains("--tree: 'prim' is not one of: wilson, kruskal");
        assertThat(out).doesNotExist();
        // An output that is an input is refused before anything runs.
        Path clash = dir.resolve("clash");
        Files.createDirectories(clash.resolve("layouts"));
        Path inside = clash.resolve("layouts/grid-400-step-10.geojson");
        Files.copy(layout, inside);
        byte[] before = Files.readAllBytes(inside);
        CliRunner same = CliRunner.run("layout", "ensemble", "--city", city.toString(), "--from", inside.toString(),
                "--steps", "10", "--sample", "1", "--out", clash.toString());
        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.err()).contains("is the input --from");
        assertThat(Files.readAllBytes(inside)).isEqualTo(before);
        assertThat(clash.resolve("steps.csv")).doesNotExist();
    }
}
