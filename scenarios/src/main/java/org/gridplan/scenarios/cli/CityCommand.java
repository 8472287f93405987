package org.gridplan.scenarios.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gridplan city}: generate synthetic districts. */
@Command(name = "city",
        description = "Generate synthetic districts (buildings, roads, candidate branch sites) as GeoJSON.",
        mixinStandardHelpOptions = true,
        subcommands = {})
final class CityCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
