package org.gridplan.scenarios.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.gridplan.optimizer.bench.BenchRunner;
import org.gridplan.optimizer.bench.PmedReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gridplan bench pmed FILE}: solves an OR-Library p-median instance with the branch-siting
 * solver and prints one line: instance, value found, optimum and gap when known, time, move
 * evaluations and what ended the solve.
 */
@Command(name = "pmed",
        description = {"Solve an OR-Library uncapacitated p-median instance (Beasley 1990) with the",
            "branch-siting solver; print the instance, the value found, the optimum and gap",
            "(pmed1-pmed10), the time and the move evaluations. Stops early when the known optimum",
            "is reached; otherwise runs the evaluation budget (the same plan on every machine), the",
            "time limit being a cap."},
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:solved (the line is printed)", "2:bad input (missing or malformed file, invalid option)"})
public final class BenchPmedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The instance: 'n m p', then m lines 'i j c'.")
    Path file;

    @Option(names = "--time", defaultValue = "30s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Time cap (default ${DEFAULT-VALUE}; e.g. 500ms, 10s, 2m).")
    Duration time;

    @Option(names = "--evaluations", paramLabel = "N",
            description = "Move-evaluation budget (default: 2,000 per vertex and median, 2,000,000 to 6,000,000).")
    Long evaluations;

    @Option(names = "--no-stop-at-optimum", negatable = false,
            description = "Run the whole budget even when the instance's proven optimum is known; by default the "
                    + "solve stops once it reaches it.")
    boolean noStop;

    @Option(names = "--seed", defaultValue = "1", description = "Solver random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (evaluations != null && evaluations < 1) {
            throw new ParameterException(spec.commandLine(), "--evaluations must be 1 or more, got " + evaluations);
        }
        OptionalLong budget = evaluations == null ? OptionalLong.empty() : OptionalLong.of(evaluations);
        spec.commandLine().getOut().println(BenchRunner.run(PmedReader.read(file), time, budget, seed, !noStop).line());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
