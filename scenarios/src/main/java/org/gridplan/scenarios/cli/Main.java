package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridplan.sim.io.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gridplan} command line: a picocli command with one subcommand per task.
 *
 * <p>Exit codes: 0 success; 1 the command ran and found a problem in what it checked (e.g. a
 * layout that breaks the rules); 2 bad input or usage (missing file, malformed GeoJSON, invalid
 * option, a request past a limit), with one message naming the file and the feature or field;
 * nothing is written then; 3 out of memory; 4 an internal error (a bug). No stack trace is shown
 * unless the environment variable {@value #DEBUG_ENV} is {@code 1}.
 */
@Command(name = "gridplan",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Simulation and capacity planning for urban grid-governance layouts. Generate or import a "
                + "district, draw grid layouts, check them against the rules, run scenario batches and report on them.",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'gridplan COMMAND --help' for the options of a command.",
            "Exit codes: 0 ok, 1 the check found problems, 2 bad input or usage, 3 out of memory, 4 internal error.",
            "Set GRIDPLAN_DEBUG=1 to see the stack trace of an error."},
        subcommands = {CityCommand.class, LayoutCommand.class, SimulateCommand.class, OptimizeCommand.class,
                CapacityCommand.class, RunCommand.class, ValidateCommand.class, ExportCommand.class,
                ReportCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    /** Exit code when a check (e.g. layout validation) finds problems. */
    public static final int EXIT_FINDINGS = 1;
    /** Exit code for bad input: a file, field or option the user must fix. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code when the Java heap ran out. */
    public static final int EXIT_OUT_OF_MEMORY = 3;
    /** Exit code for an unexpected error: a bug in gridplan. */
    public static final int EXIT_INTERNAL = 4;
    /** The environment variable that, set to 1, prints the stack trace of an error. */
    public static final String DEBUG_ENV = "GRIDPLAN_DEBUG";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A bare {@code gridplan}: the usage, on standard error, and the usage exit code. */
    @Override
    public Integer call() {
        return usage(spec);
    }

    /** Prints the usage of a command that needs a subcommand to standard error; returns exit code 2. */
    static int usage(CommandLine.Model.CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("error: " + spec.qualifiedName() + " needs a command");
        spec.commandLine().usage(err);
        err.flush();
        return EXIT_BAD_INPUT;
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        try {
            code = commandLine(new PrintWriter(System.out, true), err).execute(args);
        } catch (Throwable t) {
            code = failure(t, err, debug());
        }
        System.exit(code);
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
        boolean debug = debug();
        // Errors (out of memory, a failed class initialiser) may pass picocli's exception handler.
        CommandLine.IExecutionStrategy strategy = new CommandLine.RunLast();
        cl.setExecutionStrategy(parseResult -> {
            try {
                return strategy.execute(parseResult);
            } catch (CommandLine.ExecutionException | CommandLine.ParameterException e) {
                throw e;
            } catch (Error e) {
                return failure(e, parseResult.commandSpec().commandLine().getErr(), debug);
            }
        });
        // The root's error stream: a subcommand added later (a test's) keeps picocli's default one.
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                failure(ex, parseResult.commandSpec().commandLine().getErr(), debug));
        return cl;
    }

    private static boolean debug() {
        return "1".equals(System.getenv(DEBUG_ENV));
    }

    /**
     * Reports a failure of a command as one line on {@code err} and returns its exit code: 2 for
     * bad input (the message names the file, option or field), 3 when the heap ran out (with its
     * size and what to change), 4 for anything else, a bug. The stack trace follows only when
     * {@code debug}.
     */
    static int failure(Throwable ex, PrintWriter e, boolean debug) {
        int code;
        if (ex instanceof org.gridplan.scenarios.spec.ScenarioException se) {
            code = ValidateCommand.report(e, se);
        } else if (ex instanceof InputException || ex instanceof IllegalArgumentException
                || ex instanceof UncheckedIOException || ex instanceof java.io.IOException
                || ex instanceof java.sql.SQLException) {
            e.println("error: " + ex.getMessage());
            code = EXIT_BAD_INPUT;
        } else if (outOfMemory(ex)) {
            e.printf(Locale.ROOT, "error: out of memory: the Java heap of %,d MiB (the most this JVM may use) is too "
                    + "small for this command; give it more (e.g. GRIDPLAN_JAVA_OPTS=-Xmx8g for ./gridplan, or java "
                    + "-Xmx8g), or ask for less: fewer households, days, --demand-scale, replications or threads%n",
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            code = EXIT_OUT_OF_MEMORY;
        } else {
            e.println("error: internal error (a bug in gridplan, please report it): " + ex.getClass().getName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage().lines().findFirst().orElse(""))
                    + (debug ? "" : "; set " + DEBUG_ENV + "=1 for the stack trace"));
            code = EXIT_INTERNAL;
        }
        if (debug) {
            ex.printStackTrace(e);
        }
        e.flush();
        return code;
    }

    /**
     * The value {@code parse} makes of option {@code option}; a value it refuses (an
     * {@link IllegalArgumentException}, e.g. an unknown name) becomes bad input naming the option.
     */
    static <T> T option(String option, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new InputException(option + ": " + e.getMessage());
        }
    }

    private static boolean outOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
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
