package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridplan.results.chart.Lang;
import org.gridplan.results.stats.ComparisonData;
import org.gridplan.results.store.BatchReportLoader;
import org.gridplan.results.store.ExportFormat;
import org.gridplan.results.store.ResultsStore;
import org.gridplan.results.store.RunRecord;
import org.gridplan.results.store.StoreMismatchException;
import org.gridplan.scenarios.batch.BatchOutcome;
import org.gridplan.scenarios.batch.BatchProgress;
import org.gridplan.scenarios.batch.BatchRunner;
import org.gridplan.scenarios.batch.ConsoleProgress;
import org.gridplan.scenarios.batch.OptimisingStaffingPlanner;
import org.gridplan.scenarios.batch.ScenarioInputs;
import org.gridplan.scenarios.batch.StaffingPlanner;
import org.gridplan.scenarios.spec.ExportKind;
import org.gridplan.scenarios.spec.ReportLanguage;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.scenarios.spec.ScenarioException;
import org.gridplan.scenarios.spec.ScenarioReader;
import org.gridplan.sim.io.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gridplan run}: runs a scenario's batch into a results database and prints the KPI table. */
@Command(name = "run",
        description = "Run a scenario file: every layout × sweep point × replication, in parallel, into a results "
                + "database (DuckDB) in the output folder, then print a KPI table per layout with 95%% intervals and "
                + "write the comparison report (report.html, see 'gridplan report'). The folder also gets the city "
                + "and every layout as GeoJSON, so it is self-contained. Running the same command again resumes an "
                + "interrupted batch; a changed scenario is refused.",
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class RunCommand implements Callable<Integer> {

    /** Name of the results database inside the output folder. */
    static final String DATABASE = "results.duckdb";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO.yaml", description = "The scenario file.")
    Path file;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder for " + DATABASE + " and exports (default: runs/<scenario name>).")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Simulation threads (default: the number of cores, ${sys:gridplan.cores}).")
    Integer threads;

    @Option(names = "--no-report", description = "Do not write report.html at the end (also: outputs.report: "
            + "false in the scenario).")
    boolean noReport;

    @Mixin
    ScenarioOptions overrides;

    static {
        System.setProperty("gridplan.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        StaffingPlanner planner = new OptimisingStaffingPlanner();
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            err.println("error: --threads " + n + " must be at least 1");
            err.flush();
            return Main.EXIT_BAD_INPUT;
        }
        Scenario scenario;
        try {
            scenario = new ScenarioReader(planner.capabilities()).read(file, overrides.overrides());
        } catch (ScenarioException e) {
            return ValidateCommand.report(err, e);
        }
        // Inputs are loaded before anything is written: a bad city or layout file, or a layout staffing
        // file that does not fit its layout, leaves no output.
        ScenarioInputs inputs;
        try {
            inputs = ScenarioInputs.load(scenario);
        } catch (ScenarioException e) {
            return ValidateCommand.report(err, e);
        }
        Path dir = out != null ? out : Path.of("runs", scenario.name());
        Path db = dir.resolve(DATABASE);
        BatchOutcome outcome;
        boolean reportFailed = false;
        try {
            Files.createDirectories(dir);
            try (ResultsStore store = ResultsStore.open(db)) {
                stdout.printf(Locale.ROOT, "scenario %s: %d layouts × %d sweep points × %d replications = %d runs, "
                                + "%d threads%n", scenario.name(), scenario.layouts().size(), scenario.points().size(),
                        scenario.replications(), scenario.runCount(), n);
                stdout.flush();
                BatchProgress progress = new ConsoleProgress(err, ConsoleProgress.onTerminal());
                outcome = new BatchRunner(planner, n, progress).run(scenario, inputs, store);
                stdout.printf(Locale.ROOT, "%d runs done in %.1f s (%d resumed, %d failed); results in %s%n%n",
                        outcome.ran(), outcome.seconds(), outcome.resumed(), outcome.failed(), db);
                KpiTable.print(stdout, scenario, store.districtRows());
                if (outcome.complete()) {
                    for (ExportKind kind : scenario.outputs().export()) {
                        ExportFormat f = exportFormat(kind);
                        List<Path> files = store.export(dir.resolve("export"), f);
                        stdout.printf(Locale.ROOT, "exported %d tables as %s to %s%n", files.size(), f.key(),
                                dir.resolve("export"));
                    }
                }
                if (!noReport && scenario.outputs().report()) {
                    long t0 = System.nanoTime();
                    if (store.count(RunRecord.OK) == 0) {
                        err.println("error: no run completed, so no report was written");
                        err.flush();
                    } else {
                        try {
                            ComparisonData data = BatchReportLoader.load(dir, store.connection(), 0);
                            ReportCommand.write(stdout, err, data, lang(scenario.outputs().reportLanguage()),
                                    dir.resolve(ReportCommand.REPORT), t0);
                        } catch (InputException e) {
                            err.println("error: report: " + e.getMessage());
                            err.flush();
                            reportFailed = true;
                        }
                    }
                }
            }
        } catch (StoreMismatchException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return Main.EXIT_BAD_INPUT;
        } catch (SQLException e) {
            err.println("error: results database " + db + ": " + e.getMessage());
            err.flush();
            return Main.EXIT_BAD_INPUT;
        } catch (java.io.IOException e) {
            err.println("error: cannot create " + dir + ": " + e.getMessage());
            err.flush();
            return Main.EXIT_BAD_INPUT;
        }
        for (String e : outcome.errors()) {
            err.println("error: " + e);
        }
        err.flush();
        return outcome.complete() && !reportFailed ? 0 : Main.EXIT_FINDINGS;
    }

    /** The results store's format for a scenario's {@code outputs.export} entry. */
    static ExportFormat exportFormat(ExportKind kind) {
        return switch (kind) {
            case CSV -> ExportFormat.CSV;
            case PARQUET -> ExportFormat.PARQUET;
        };
    }

    /** The report's language for a scenario's {@code outputs.reportLanguage}. */
    static Lang lang(ReportLanguage language) {
        return switch (language) {
            case EN -> Lang.EN;
            case ZH -> Lang.ZH;
        };
    }
}
