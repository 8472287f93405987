package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridplan.results.chart.Lang;
import org.gridplan.results.report.ReportOptions;
import org.gridplan.results.report.ReportWriter;
import org.gridplan.results.stats.BatchStatus;
import org.gridplan.results.stats.ComparisonData;
import org.gridplan.results.store.BatchReportLoader;
import org.gridplan.sim.io.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gridplan report}: writes the comparison report of a batch folder. */
@Command(name = "report",
        description = {"Write the comparison report of a batch: one self-contained HTML file (inline charts and "
                + "maps, no external files or network) with the scenario summary, the headline KPI table with 95%% "
                + "intervals, the verdict on each layout against the first (the baseline), the paired differences, "
                + "the charts (response-time CDF and box plots, KPI bars, worker utilisation, backlog over time, "
                + "the trade-off curve of a sweep), a map per layout and the optimised plan's justifications.",
            "",
            "A batch with missing or failed runs is reported from the runs it has, and the report and the "
                + "console say so."},
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class ReportCommand implements Callable<Integer> {

    /** Name of the report inside the batch folder. */
    static final String REPORT = "report.html";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "BATCH", description = "The batch folder: the --out folder of 'gridplan run', holding "
            + BatchReportLoader.DATABASE + ", " + "city.geojson and layouts/ (or its " + BatchReportLoader.DATABASE
            + " file).")
    Path batch;

    @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en",
            description = "Language of every label, table and sentence: en (English) or zh (Chinese) "
                    + "(default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--out", paramLabel = "FILE",
            description = "The report file to write (default: BATCH/" + REPORT + "); written atomically.")
    Path out;

    @Option(names = "--point", paramLabel = "N", defaultValue = "0",
            description = "The sweep point of the headline table, distributions and maps, numbered as in the KPI "
                    + "table of 'gridplan run' (default: ${DEFAULT-VALUE}, the first).")
    int point;

    @Option(names = "--charts", paramLabel = "DIR",
            description = "Also write every chart and map as PNG and SVG files into DIR (created if missing), "
                    + "e.g. for slides; one pair of files per chart, named by the chart.")
    Path charts;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Lang language;
        try {
            language = Lang.of(lang);
        } catch (IllegalArgumentException e) {
            return fail(err, "--lang " + lang + ": expected en or zh");
        }
        if (Files.isRegularFile(batch) && batch.getFileName().toString().equals(BatchReportLoader.DATABASE)) {
            batch = batch.toAbsolutePath().getParent();
        }
        Path target = out != null ? out : batch.resolve(REPORT);
        if (Files.isDirectory(target)) {
            return fail(err, "--out " + target + ": is a folder; give the report's file name, e.g. "
                    + target.resolve(REPORT));
        }
        inputs().output("--out", target).check();
        long t0 = System.nanoTime();
        ComparisonData data;
        try {
            data = BatchReportLoader.load(batch, point);
        } catch (InputException e) {
            return fail(err, e.getMessage());
        }
        if (charts != null && Files.exists(charts) && !Files.isDirectory(charts)) {
            return fail(err, "--charts " + charts + ": is a file; give a folder");
        }
        write(spec.commandLine().getOut(), err, data, language, target, t0);
        if (charts != null) {
            try {
                Files.createDirectories(charts);
            } catch (java.io.IOException e) {
                return fail(err, "--charts " + charts + ": cannot create the folder: " + e.getMessage());
            }
            new ReportWriter(ReportOptions.of(language)).writeCharts(data, charts);
            try (var files = Files.list(charts)) {
                spec.commandLine().getOut().printf(Locale.ROOT, "charts: %s (%d files, PNG and SVG)%n", charts,
                        files.filter(f -> f.toString().endsWith(".png") || f.toString().endsWith(".svg")).count());
            } catch (java.io.IOException e) {
                spec.commandLine().getOut().println("charts: " + charts);
            }
        }
        return 0;
    }

    /** The batch's files the report reads: its database, city and layouts. */
    private FileRoles inputs() {
        FileRoles roles = new FileRoles().input("BATCH", batch.resolve(BatchReportLoader.DATABASE))
                .input("BATCH", batch.resolve("city.geojson"));
        Path layouts = batch.resolve("layouts");
        if (Files.isDirectory(layouts)) {
            try (var files = Files.list(layouts)) {
                files.forEach(f -> roles.input("BATCH", f));
            } catch (java.io.IOException e) {
                // Unreadable: the loader names the folder when it reads it.
            }
        }
        return roles;
    }

    /**
     * Writes the report of {@code data} to {@code target} and says where, with a warning on
     * {@code err} when the batch is incomplete.
     */
    static void write(PrintWriter out, PrintWriter err, ComparisonData data, Lang lang, Path target, long startNanos) {
        new ReportWriter(ReportOptions.of(lang)).write(data, target);
        data.status().filter(s -> !s.complete()).ifPresent(s -> warnIncomplete(err, s));
        long bytes;
        try {
            bytes = Files.size(target);
        } catch (java.io.IOException e) {
            bytes = -1;
        }
        out.printf(Locale.ROOT, "report: %s (%,d KB, %.1f s)%n", target, (bytes + 1023) / 1024,
                (System.nanoTime() - startNanos) / 1e9);
        out.flush();
    }

    private static void warnIncomplete(PrintWriter err, BatchStatus s) {
        err.printf(Locale.ROOT, "warning: incomplete batch: %d of %d runs stored (%d failed); the report covers the "
                + "stored runs only and says so at its top. Run the same 'gridplan run' command again to complete "
                + "it.%n", s.storedRuns(), s.plannedRuns(), s.failedRuns());
        err.flush();
    }

    private static int fail(PrintWriter err, String message) {
        err.println("error: " + message);
        err.flush();
        return Main.EXIT_BAD_INPUT;
    }
}
