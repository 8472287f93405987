package org.gridplan.scenarios.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.gridplan.optimizer.bench.BenchInstance;
import org.gridplan.optimizer.bench.BenchRunner;
import org.gridplan.optimizer.bench.CpmpFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gridplan bench cpmp FILE}: solves a capacitated p-median instance (Osman–Christofides or
 * Lorena–Senne format) with the branch-siting solver and prints one line: instance, value found,
 * optimum and gap when known, time, move evaluations and what ended the solve.
 */
@Command(name = "cpmp",
        description = {"Solve a capacitated p-median instance with the branch-siting solver: the",
            "Osman-Christofides format (OR-Library pmedcap: 'k opt', 'n p Q', 'id x y d'; floor of",
            "Euclidean distance) or the Lorena-Senne format (SJC: 'n p', 'x y Q q'; real Euclidean",
            "distance), told apart by the second line unless --format is given. Prints the instance,",
            "the value found, the optimum and gap when known, the time and the move evaluations.",
            "Stops early when the optimum is reached; otherwise runs the evaluation budget (the",
            "same plan on every machine), the time limit being a cap."},
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:solved (the line is printed)", "2:bad input (missing or malformed file, invalid option)"})
public final class BenchCpmpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE",
            description = "The instance: 'k opt', 'n p Q', then n lines 'id x y d'; or 'n p', then n lines 'x y Q q'.")
    Path file;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "auto (default: 3 numbers on the second line = osman-christofides, 4 = lorena-senne), "
                    + "osman-christofides or lorena-senne.")
    String format;

    @Option(names = "--time", defaultValue = "60s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Time cap (default ${DEFAULT-VALUE}; e.g. 500ms, 10s, 2m).")
    Duration time;

    @Option(names = "--evaluations", paramLabel = "N",
            description = "Move-evaluation budget (default: 2,000 per point and median, 2,000,000 to 6,000,000).")
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
        BenchInstance instance;
        if ("auto".equals(format)) {
            instance = CpmpFormat.readDetected(file);
        } else {
            try {
                instance = CpmpFormat.ofLabel(format).read(file);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage().replace("expected",
                        "expected auto,"));
            }
        }
        OptionalLong budget = evaluations == null ? OptionalLong.empty() : OptionalLong.of(evaluations);
        spec.commandLine().getOut().println(BenchRunner.run(instance, time, budget, seed, !noStop).line());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
