package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridplan.scenarios.batch.OptimisingStaffingPlanner;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.scenarios.spec.ScenarioException;
import org.gridplan.scenarios.spec.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gridplan validate}: checks a scenario file without running it. */
@Command(name = "validate",
        description = "Check a scenario file as 'gridplan run' does before its first run: the schema (unknown "
                + "keys, wrong types, values out of range, missing files), the city file, every layout drawn or "
                + "read and checked against the city and its rules, the layouts' staffing files and the size "
                + "limits. Prints every problem as file:line field.path: problem (or one line naming the file), "
                + "a warning line for a layout that breaks a grid rule, or a summary of the batch it defines. "
                + "Nothing is run or written.",
        mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO.yaml", description = "The scenario file.")
    Path file;

    @Mixin
    ScenarioOptions overrides;

    @Override
    public Integer call() {
        Scenario s;
        try {
            s = new ScenarioReader(new OptimisingStaffingPlanner().capabilities()).read(file, overrides.overrides());
            // Everything 'gridplan run' checks before its first run, by the same code: the city, the
            // layouts against it and their rules, the staffing files, the size bounds.
            RunCommand.inputs(s, spec.commandLine().getErr());
        } catch (ScenarioException e) {
            return report(spec.commandLine().getErr(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: ok — scenario %s: %s = %s, "
                        + "%.0f days each (%.0f warm-up), master seed %d%n", file.getFileName(), s.name(),
                Counts.batch(s.layouts().size(), s.points().size(), s.replications()),
                Counts.of(s.runCount(), "run", "runs"),
                s.points().get(0).settings().horizonDays(), s.points().get(0).settings().warmUpDays(), s.seed());
        out.flush();
        return 0;
    }

    /** Prints every problem as an error line; returns the bad-input exit code. */
    static int report(PrintWriter err, ScenarioException e) {
        for (String p : e.problems()) {
            err.println("error: " + p);
        }
        err.printf(Locale.ROOT, "%d problem%s; nothing was run.%n", e.problems().size(),
                e.problems().size() == 1 ? "" : "s");
        err.flush();
        return Main.EXIT_BAD_INPUT;
    }
}
