package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the command line in-process and captures its exit code and output. */
record CliRunner(int exitCode, String out, String err) {

    static CliRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRunner(code, out.toString(), err.toString());
    }

    /** Generates the 20,000-household test district (seed 5) and its default layout into these files. */
    static void generateDistrict(Path city, Path layout) {
        CliRunner c = run("city", "generate", "--households", "20000", "--seed", "5", "--out", city.toString());
        assertThat(c.exitCode()).as(c.err()).isZero();
        CliRunner l = run("layout", "generate", "--city", city.toString(), "--out", layout.toString());
        assertThat(l.exitCode()).as(l.err()).isZero();
    }
}
