package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.gridplan.sim.io.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gridplan} command line: a picocli command with one subcommand per task.
 *
 * <p>Exit codes: 0 success; 1 the command ran and found a problem in what it checked (e.g. a
 * layout that breaks the rules); 2 bad input or usage (missing file, malformed GeoJSON, invalid
 * option), with one message naming the file and the feature or field; nothing is written then.
 */
@Command(name = "gridplan",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Simulation and capacity planning for urban grid-governance layouts. Generate or import a district, draw grid layouts, check them against the rules, run scenario batches and report on them.",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'gridplan COMMAND --help' for the options of a command.",
            "Exit codes: 0 ok, 1 the check found problems, 2 bad input or usage."},
        subcommands = {CityCommand.class, LayoutCommand.class, SimulateCommand.class, OptimizeCommand.class, CapacityCommand.class, RunCommand.class, ValidateCommand.class, ExportCommand.class, ReportCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code when a check (e.g. layout validation) finds problems. */
    public static final int EXIT_FINDINGS = 1;
    /** Exit code for bad input: a file, field or option the user must fix. */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args));
    }

    /**
     * A configured command line writing to the given streams; tests call
     * {@code commandLine(out, err).execute(args)}.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof InputException || ex instanceof IllegalArgumentException) {
                e.println("error: " + ex.getMessage());
                e.flush();
                return EXIT_BAD_INPUT;
            }
            if (ex instanceof UncheckedIOException) {
                e.println("error: " + ex.getMessage());
                e.flush();
                return EXIT_BAD_INPUT;
            }
            throw ex;
        });
        return cl;
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"gridplan " + (v == null ? "development" : v)};
        }
    }
}
