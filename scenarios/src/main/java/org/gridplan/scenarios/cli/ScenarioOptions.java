package org.gridplan.scenarios.cli;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.gridplan.scenarios.spec.Scenario;
import picocli.CommandLine.Option;

/** Command-line overrides of a scenario's horizon, warm-up and replications (a mixin). */
final class ScenarioOptions {

    @Option(names = "--days", paramLabel = "DAYS",
            description = "Replace the scenario's horizonDays (e.g. a short trial run).")
    Double days;

    @Option(names = "--warm-up", paramLabel = "DAYS", description = "Replace the scenario's warmUpDays.")
    Double warmUp;

    @Option(names = "--replications", paramLabel = "N", description = "Replace the scenario's replications.")
    Integer replications;

    Scenario.Overrides overrides() {
        return new Scenario.Overrides(days == null ? OptionalDouble.empty() : OptionalDouble.of(days),
                warmUp == null ? OptionalDouble.empty() : OptionalDouble.of(warmUp),
                replications == null ? OptionalInt.empty() : OptionalInt.of(replications));
    }
}
