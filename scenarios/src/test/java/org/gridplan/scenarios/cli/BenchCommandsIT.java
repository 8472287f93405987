package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published-optima benchmarks through the {@code gridplan bench} command line. */
class BenchCommandsIT {

    private static final Path BENCH = Path.of("..", "bench");

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        int code = Main.commandLine(o, e).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void pmed_prints_one_line_with_value_optimum_gap_and_time() {
        Path file = BENCH.resolve("pmed").resolve("pmed1.txt");
        Run r = run("bench", "pmed", file.toString(), "--time", "20s", "--seed", "3");
        assertThat(r.code()).isZero();
        assertThat(r.out()).matches("pmed1 found 5819 optimum 5819 gap 0\\.00% time \\d+\\.\\d s, [\\d,]+ evaluations,"
                + " at the optimum\\R");
    }

    @Test
    void cpmp_prints_one_line_for_a_small_instance() throws IOException {
        // 4 points, 2 medians of capacity 10: {1,2} and {3,4}, each pair 1 apart -> optimum 2
        Path file = Files.writeString(dir.resolve("tiny.txt"), "1 2\r\n4 2 10\r\n1 0 0 5\r\n2 1 0 5\r\n"
                + "3 50 0 5\r\n4 51 0 5\r\n");
        Run r = run("bench", "cpmp", file.toString(), "--time", "5s");
        assertThat(r.code()).isZero();
        assertThat(r.out()).matches("tiny found 2 optimum 2 gap 0\\.00% time \\d+\\.\\d s, [\\d,]+ evaluations,"
                + " at the optimum\\R");
    }

    @Test
    void cpmp_reads_the_lorena_senne_format_by_detection_or_by_name() throws IOException {
        // 'n p' then 'x y Q q': {1,2} and {3,4}, each pair 1 m apart; real distances -> 2.00, no known optimum
        Path file = Files.writeString(dir.resolve("ls.dat"), "4 2\r\n0 0 10 5\r\n1 0 10 5\r\n50 0 10 5\r\n"
                + "51 0 10 5\r\n");
        Run auto = run("bench", "cpmp", file.toString(), "--evaluations", "20000");
        assertThat(auto.code()).as(auto.err()).isZero();
        assertThat(auto.out()).matches(
                "ls found 2\\.00 time \\d+\\.\\d s, [\\d,]+ evaluations, evaluation budget used\\R");
        Run named = run("bench", "cpmp", file.toString(), "--format", "lorena-senne", "--evaluations", "20000");
        assertThat(named.out().replaceAll("time \\S+ s", "")).isEqualTo(auto.out().replaceAll("time \\S+ s", ""));
    }

    @Test
    void cpmp_solves_sjc1_to_its_optimum() {
        Run r = run("bench", "cpmp", BENCH.resolve("sjc").resolve("SJC1.dat").toString(), "--time", "120s");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).matches("SJC1 found 17288\\.99 optimum 17288\\.99 gap 0\\.00% time \\d+\\.\\d s, [\\d,]+"
                + " evaluations, at the optimum\\R");
    }

    @Test
    void malformed_lorena_senne_file_names_file_and_line() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.dat"), "2 1\n0 0 10 5\n1 0 x 5\n");
        Run r = run("bench", "cpmp", file.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("error: bad.dat: line 3: capacity Q 'x' is not an integer");
        Run wrong = run("bench", "cpmp", file.toString(), "--format", "osman-christofides");
        assertThat(wrong.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(wrong.err()).contains("error: bad.dat: line 2: expected 'n p Q' (3 numbers), found 4");
        Run unknown = run("bench", "cpmp", file.toString(), "--format", "sjc");
        assertThat(unknown.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(unknown.err()).contains("--format: unknown format 'sjc'");
    }

    @Test
    void missing_file_is_bad_input() {
        Run r = run("bench", "pmed", dir.resolve("nope.txt").toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("error: nope.txt: no such file");
    }

    @Test
    void malformed_file_names_file_and_line() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.txt"), "1 2\n4 2 10\n1 0 0 5\n2 1 0\n3 50 0 5\n4 51 0 5\n");
        Run r = run("bench", "cpmp", file.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("error: bad.txt: line 4: expected a point 'id x y d'");
    }

    @Test
    void rejects_a_time_that_is_not_a_duration() {
        Run r = run("bench", "pmed", "x.txt", "--time", "soon");
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("'soon' is not a duration");
    }

    @Test
    void bench_optimize_prints_first_feasible_times_and_the_improvement_over_the_baseline() {
        Run r = run("bench", "optimize", "--households", "20000", "--branches", "3", "--workers", "60", "--time",
                "60s");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("district: 20,000 households")
                .containsPattern("siting   \\(p = 3, capacity [\\d,]+\\): first feasible after \\d+\\.\\d\\d s")
                .containsPattern("staffing \\(60 workers\\): first feasible after \\d+\\.\\d\\d s")
                .containsPattern("expected response: baseline \\d+\\.\\d+ min, optimised \\d+\\.\\d+ min");
    }

    @Test
    void bench_batch_runs_the_shipped_quickstart_with_its_optimised_staffing() {
        Run r = run("bench", "batch", "--scenario", Path.of("examples", "quickstart.yaml").toString(), "--runs", "6",
                "--days", "10", "--threads", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("scenario quickstart: 40,000 households")
                .containsPattern("threads 1: 6 runs in \\d+\\.\\d s = \\d+\\.\\d\\d runs/s, speed-up 1\\.00×");
    }
}
