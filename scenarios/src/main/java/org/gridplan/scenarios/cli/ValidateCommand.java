package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridplan.scenarios.batch.OptimisingStaffingPlanner;
import org.gridplan.scenarios.batch.ScenarioInputs;
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
        description = "Check a scenario file against the schema (unknown keys, wrong types, values out of range, "
                + "missing files) and print every problem as file:line field.path: problem, or a summary of the "
                + "batch it defines. Nothing is run or written.",
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
        List<Integer> unchecked;
        try {
            s = new ScenarioReader(new OptimisingStaffingPlanner().capabilities()).read(file, overrides.overrides());
            // Layout staffing files are checked against their layouts where these exist as files.
            unchecked = ScenarioInputs.checkStaffingFiles(s);
        } catch (ScenarioException e) {
            return report(spec.commandLine().getErr(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (int i : unchecked) {
            out.printf(Locale.ROOT, "note: layouts[%d].staffing (layout %s) is checked against its layout when "
                    + "'gridplan run' has drawn it, before any run starts%n", i, s.layouts().get(i).name());
        }
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
