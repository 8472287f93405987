package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import org.gridplan.results.store.ExportFormat;
import org.gridplan.results.store.ResultsStore;
import org.gridplan.sim.io.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gridplan export}: writes a batch's tables as CSV or Parquet files. */
@Command(name = "export",
        description = "Export every table of a batch's results database (batch, settings, layouts, runs, "
                + "district_kpis, grid_kpis, worker_kpis, response_histogram, backlog, incidents, justifications, "
                + "open_branches) as "
                + "CSV or Parquet, one file per table, with DuckDB's COPY.",
        mixinStandardHelpOptions = true)
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "BATCH", description = "The batch's output folder (holding " + RunCommand.DATABASE
            + ") or the database file itself.")
    Path batch;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv or parquet (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the files (default: BATCH/export).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ExportFormat f = Main.option("--format", () -> ExportFormat.fromKey(format));
        Path db = Files.isDirectory(batch) ? batch.resolve(RunCommand.DATABASE) : batch;
        if (!Files.isRegularFile(db)) {
            err.println("error: " + db + ": no results database (run 'gridplan run' first)");
            err.flush();
            return Main.EXIT_BAD_INPUT;
        }
        Path dir = out != null ? out : db.toAbsolutePath().getParent().resolve("export");
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InputException("--out " + dir + ": is a file; give a folder");
        }
        FileRoles roles = new FileRoles().input("BATCH", db);
        for (String table : ResultsStore.TABLES) {
            roles.output("--out", dir.resolve(table + "." + f.key()));
        }
        roles.check();
        try (Connection c = ResultsStore.openReadOnly(db)) {
            List<Path> files = ResultsStore.export(c, dir, f);
            PrintWriter o = spec.commandLine().getOut();
            for (Path p : files) {
                o.println("wrote " + p);
            }
            o.flush();
        } catch (SQLException e) {
            err.println("error: " + db + ": " + e.getMessage());
            err.flush();
            return Main.EXIT_BAD_INPUT;
        }
        return 0;
    }
}
