package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level handling of usage errors and failures: one line, a distinct exit code, no stack trace. */
class MainTest {

    /** A command that fails with the given throwable. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final Throwable failure;

        Boom(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            if (failure instanceof Error e) {
                throw e;
            }
            throw (Exception) failure;
        }
    }

    private static CliRunner boom(Throwable t) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        cl.addSubcommand(new Boom(t));
        return new CliRunner(cl.execute("boom"), out.toString(), err.toString());
    }

    @Test
    void out_of_memory_is_one_line_with_the_heap_size_and_exit_3() {
        CliRunner r = boom(new OutOfMemoryError("Java heap space"));
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_OUT_OF_MEMORY).isEqualTo(3);
        assertThat(r.err()).startsWith("error: out of memory: the Java heap of ")
                .contains(String.format(java.util.Locale.ROOT, "%,d MiB", Runtime.getRuntime().maxMemory() >> 20))
                .contains("-Xmx").doesNotContain("\tat ");
        assertThat(r.err().trim().lines()).hasSize(1);
        // Also when wrapped, e.g. by a worker thread's future.
        CliRunner wrapped = boom(new java.util.concurrent.ExecutionException(new OutOfMemoryError("Java heap space")));
        assertThat(wrapped.exitCode()).isEqualTo(3);
    }

    @Test
    void an_unexpected_exception_or_error_is_an_internal_error_exit_4_without_a_stack_trace() {
        CliRunner r = boom(new IllegalStateException("cannot happen"));
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_INTERNAL).isEqualTo(4);
        assertThat(r.err().trim()).isEqualTo("error: internal error (a bug in gridplan, please report it): "
                + "java.lang.IllegalStateException: cannot happen; set GRIDPLAN_DEBUG=1 for the stack trace");
        CliRunner e = boom(new StackOverflowError());
        assertThat(e.exitCode()).isEqualTo(4);
        assertThat(e.err().trim().lines()).hasSize(1);
        assertThat(e.err()).doesNotContain("\tat ");
    }

    @Test
    void debug_shows_the_stack_trace() {
        StringWriter err = new StringWriter();
        int code = Main.failure(new IllegalStateException("x"), new PrintWriter(err, true), true);
        assertThat(code).isEqualTo(4);
        assertThat(err.toString()).contains("\tat ");
    }

    @Test
    void a_bare_command_prints_usage_and_exits_2() {
        CliRunner bare = CliRunner.run();
        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.err()).startsWith("error: gridplan needs a command").contains("Usage: gridplan");
        for (String group : new String[] {"city", "layout", "bench"}) {
            CliRunner g = CliRunner.run(group);
            assertThat(g.exitCode()).as(group).isEqualTo(2);
            assertThat(g.err()).contains("Usage: gridplan " + group);
        }
        assertThat(CliRunner.run("--help").exitCode()).isZero();
    }

    @Test
    void options_past_their_limits_exit_2_naming_the_option_before_any_work() {
        CliRunner repeat = CliRunner.run("bench", "engine", "--repeat", "0");
        assertThat(repeat.exitCode()).isEqualTo(2);
        assertThat(repeat.err().trim()).isEqualTo("error: --repeat 0: below the minimum 1");
        assertThat(repeat.out()).isEmpty();
        CliRunner communities = CliRunner.run("city", "generate", "--households", "20000", "--communities", "0",
                "--out", "never-written.geojson");
        assertThat(communities.exitCode()).isEqualTo(2);
        assertThat(communities.err().trim()).isEqualTo("error: --communities 0: below the minimum 1");
        assertThat(java.nio.file.Path.of("never-written.geojson")).doesNotExist();
        CliRunner threads = CliRunner.run("run", "missing.yaml", "--threads", "100000");
        assertThat(threads.exitCode()).isEqualTo(2);
        assertThat(threads.err().trim()).isEqualTo("error: --threads 100000: above the limit of 256");
    }

    @Test
    void a_batch_folder_from_a_scenario_name_is_a_slug_inside_runs() {
        assertThat(RunCommand.slug("../../../escaped")).isEqualTo("escaped");
        assertThat(RunCommand.slug("..")).isEqualTo("scenario");
        assertThat(RunCommand.slug("/etc/passwd")).isEqualTo("etc-passwd");
        assertThat(RunCommand.slug("quickstart")).isEqualTo("quickstart");
        assertThat(RunCommand.slug("网格 方案 v1.2")).isEqualTo("网格-方案-v1.2");
        assertThat(RunCommand.slug("x".repeat(200))).hasSize(80);
        for (String name : new String[] {"../../../escaped", "..", ".", "/", "a/../../b", "C:\\\\x"}) {
            java.nio.file.Path dir = RunCommand.batchFolder(name);
            assertThat(dir.getParent()).as(name).isEqualTo(java.nio.file.Path.of("runs"));
            assertThat(dir.normalize()).as(name).isEqualTo(dir);
        }
    }
}
