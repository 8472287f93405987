package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridplan.results.chart.Lang;
import org.gridplan.results.stats.ComparisonData;
import org.gridplan.results.stats.Justification;
import org.gridplan.results.stats.KimNelson;
import org.gridplan.results.stats.Kpi;
import org.gridplan.results.store.BatchInfo;
import org.gridplan.results.store.BatchReportLoader;
import org.gridplan.results.store.DistrictRow;
import org.gridplan.results.store.ExportFormat;
import org.gridplan.results.store.ResultsStore;
import org.gridplan.results.store.RunRecord;
import org.gridplan.results.store.StoreMismatchException;
import org.gridplan.results.store.StoreRecovery;
import org.gridplan.scenarios.batch.BatchEngine;
import org.gridplan.scenarios.batch.BatchOutcome;
import org.gridplan.scenarios.batch.BatchProgress;
import org.gridplan.scenarios.batch.BatchRunner;
import org.gridplan.scenarios.batch.ConsoleProgress;
import org.gridplan.scenarios.batch.OptimisingStaffingPlanner;
import org.gridplan.scenarios.batch.ScenarioInputs;
import org.gridplan.scenarios.batch.StaffingPlanner;
import org.gridplan.scenarios.limits.Limits;
import org.gridplan.scenarios.spec.ExportKind;
import org.gridplan.scenarios.spec.ReportLanguage;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.scenarios.spec.ScenarioException;
import org.gridplan.scenarios.spec.ScenarioReader;
import org.gridplan.sim.io.AtomicFiles;
import org.gridplan.sim.io.InputException;
import org.gridplan.sim.io.SafePaths;
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
                + "interrupted batch; a changed scenario is refused. A results database that cannot be read is moved "
                + "aside (results.duckdb.corrupt-<time>) and a new one started, with the runs still readable in it.",
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class RunCommand implements Callable<Integer> {

    /** Name of the results database inside the output folder. */
    static final String DATABASE = "results.duckdb";
    /** The folder of batches without {@code --out}. */
    static final String RUNS = "runs";

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

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "Where the runs run: local (this process's threads, the default) or spark (Spark tasks, "
                    + "with the Spark form of gridplan: ./gridplan-spark or spark-submit; README, \"Batches on "
                    + "Spark\").")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --engine spark: Spark's master, e.g. local[4] or spark://host:7077 (default: "
                    + "spark-submit's --master, else local[*]).")
    String master;

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
        Limits.whole("--threads", n, 1, Limits.MAX_THREADS);
        EngineChoice choice = EngineChoice.of(engine, master, threads);
        Scenario scenario;
        try {
            scenario = new ScenarioReader(planner.capabilities()).read(file, overrides.overrides());
        } catch (ScenarioException e) {
            return ValidateCommand.report(err, e);
        }
        Path dir = out != null ? out : batchFolder(scenario.name());
        Path db = dir.resolve(DATABASE);
        outputs(scenario, dir).check();
        // Inputs are loaded before anything is written: a bad city or layout file, or a layout staffing
        // file that does not fit its layout, leaves no output.
        ScenarioInputs inputs;
        try {
            inputs = inputs(scenario, err);
        } catch (ScenarioException e) {
            return ValidateCommand.report(err, e);
        }
        BatchOutcome outcome;
        boolean reportFailed = false;
        try {
            Files.createDirectories(dir);
            try (ResultsStore store = openStore(db, scenario, err)) {
                // The store's lock keeps other batches out of the folder: the temporary files there
                // are a killed run's, which a resume would otherwise leave forever.
                AtomicFiles.removeStaleTemporaries(dir);
                AtomicFiles.removeStaleTemporaries(dir.resolve(BatchRunner.LAYOUT_DIR));
                stdout.printf(Locale.ROOT, "scenario %s: %s = %s, %s%n", scenario.name(),
                        Counts.batch(scenario.layouts().size(), scenario.points().size(), scenario.replications()),
                        Counts.of(scenario.runCount(), "run", "runs"), choice.describe(n));
                stdout.flush();
                BatchProgress progress = new ConsoleProgress(err, ConsoleProgress.onTerminal());
                List<Justification> selection = List.of();
                try (BatchEngine runner = choice.create(file, overrides.overrides(), planner, n, progress, err)) {
                    if (scenario.selection().isPresent()) {
                        Selected picked = select(scenario, inputs, store, runner, stdout);
                        outcome = picked.outcome();
                        selection = picked.statement();
                    } else {
                        outcome = runner.run(scenario, inputs, store, r -> true);
                    }
                }
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
                            ComparisonData data = BatchReportLoader.load(dir, store.connection(), 0)
                                    .withSelection(selection);
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

    /**
     * What a batch needs before its first run, checked the same way by {@code gridplan run} and
     * {@code gridplan validate}: the city and every layout loaded or drawn, each layout checked
     * against the city and its rules, the staffing files read, and the runs' size bounds. Prints a
     * {@code warning:} line on {@code err} for each layout that breaks a grid rule.
     *
     * @throws ScenarioException listing every staffing file that does not fit its layout
     * @throws InputException    naming the file and the problem for anything else
     */
    static ScenarioInputs inputs(Scenario scenario, PrintWriter err) {
        ScenarioInputs inputs = ScenarioInputs.load(scenario);
        RunBounds.scenario(scenario, inputs.city().households());
        for (String w : inputs.warnings()) {
            err.println("warning: " + w);
        }
        err.flush();
        return inputs;
    }

    /**
     * Opens the batch's database; a damaged one is moved aside, never deleted, a new one started in
     * its place and the runs of this batch still readable in it copied over, all said in one line.
     */
    static ResultsStore openStore(Path db, Scenario scenario, PrintWriter err) throws SQLException {
        StoreRecovery.Opened opened = StoreRecovery.open(db, Clock.systemUTC());
        if (opened.setAside().isEmpty()) {
            return opened.store();
        }
        StoreRecovery.SetAside aside = opened.setAside().get();
        try {
            StoreRecovery.Salvaged s = StoreRecovery.salvage(opened.store(), aside.file(),
                    new BatchInfo(scenario.name(), scenario.hash(), scenario.runCount()), scenario.earlierHashes());
            String kept = !s.note().isEmpty() ? "none of its runs could be kept (" + s.note() + "), so they run again"
                    : s.runs() == 0 && s.lost() == 0 ? "it held no completed run"
                    : String.format(Locale.ROOT, "%d completed %s copied from it, so the resume skips %s%s", s.runs(),
                            s.runs() == 1 ? "run was" : "runs were", s.runs() == 1 ? "it" : "them",
                            s.lost() == 0 ? "" : String.format(Locale.ROOT, " (%d more could not be read and run "
                                    + "again)", s.lost()));
            err.printf(Locale.ROOT, "warning: results database %s could not be read (%s); moved it to %s and started "
                    + "a new one; %s%n", db, aside.reason(), db.resolveSibling(aside.file().getFileName()), kept);
            err.flush();
            return opened.store();
        } catch (SQLException | RuntimeException e) {
            opened.store().close();
            throw e;
        }
    }

    /** Where a batch without {@code --out} goes: {@value #RUNS}/ and the scenario name as a slug. */
    static Path batchFolder(String scenarioName) {
        Path runs = Path.of(RUNS);
        Path dir = runs.resolve(slug(scenarioName));
        if (!SafePaths.inside(runs, dir) || SafePaths.real(dir).equals(SafePaths.real(runs))) {
            throw new InputException("scenario name '" + scenarioName + "' gives the batch folder " + dir
                    + ", which is not inside " + RUNS + "/; give --out");
        }
        return dir;
    }

    /**
     * A scenario name as one folder name: letters, digits, '.', '_' and '-' kept, every other run of
     * characters (slashes, spaces, ...) one '-', no leading dots or dashes (so never {@code ..}), at
     * most 80 characters; {@code scenario} when nothing is left.
     */
    static String slug(String name) {
        String s = name.replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^[.-]+", "").replaceAll("-+$", "");
        if (s.length() > 80) {
            s = s.substring(0, 80);
        }
        return s.isEmpty() ? "scenario" : s;
    }

    /** The files the batch reads and writes, for the check that no output is an input. */
    private FileRoles outputs(Scenario scenario, Path dir) {
        FileRoles roles = new FileRoles().scenario("SCENARIO", file, scenario)
                .output("--out", dir.resolve(DATABASE)).output("--out", dir.resolve(BatchRunner.CITY_FILE))
                .output("--out", dir.resolve(ReportCommand.REPORT));
        for (int i = 0; i < scenario.layouts().size(); i++) {
            roles.output("--out", dir.resolve(BatchRunner.layoutFile(i, scenario.layouts().get(i).name())));
        }
        for (ExportKind kind : scenario.outputs().export()) {
            for (String table : ResultsStore.TABLES) {
                roles.output("--out", dir.resolve("export").resolve(table + "." + exportFormat(kind).key()));
            }
        }
        return roles;
    }

    /** A selection's batch outcome and its statement for the report (empty if it did not end). */
    private record Selected(BatchOutcome outcome, List<Justification> statement) {
    }

    /** Thrown out of the procedure when a step's runs did not all complete. */
    private static final class StepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailed() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs the scenario's Kim–Nelson selection: the first stage for every layout, then one
     * replication at a time of the surviving layouts until one remains or the cap is reached. Each
     * step is a batch of its runs, so an interrupted selection resumes where it stopped (the stored
     * runs replay the same eliminations).
     */
    private static Selected select(Scenario scenario, ScenarioInputs inputs, ResultsStore store, BatchEngine runner,
            PrintWriter stdout) throws SQLException {
        Scenario.Selection sel = scenario.selection().orElseThrow();
        Kpi kpi = Kpi.valueOf(sel.kpi().toUpperCase(Locale.ROOT));
        double delta = sel.share() ? sel.delta() / 100 : sel.delta();
        KimNelson.Settings settings = new KimNelson.Settings(delta, sel.alpha(), sel.firstStage(),
                kpi.direction() == Kpi.Direction.HIGHER_IS_BETTER);
        List<String> names = scenario.layouts().stream().map(Scenario.LayoutSource::name).toList();
        int[] counts = new int[4];
        double[] seconds = new double[1];
        List<String> errors = new ArrayList<>();
        SQLException[] storeError = new SQLException[1];
        KimNelson.Sampler sampler = (r, systems) -> {
            java.util.Set<Integer> wanted = new java.util.HashSet<>();
            for (int i : systems) {
                wanted.add(i);
            }
            try {
                BatchOutcome o = runner.run(scenario, inputs, store, spec -> spec.replication() == r
                        && wanted.contains(spec.layout()));
                counts[0] += o.total();
                counts[1] += o.resumed();
                counts[2] += o.ran();
                counts[3] += o.failed();
                seconds[0] += o.seconds();
                errors.addAll(o.errors());
                if (!o.complete()) {
                    throw new StepFailed();
                }
                double[] values = new double[systems.length];
                java.util.Arrays.fill(values, Double.NaN);
                for (DistrictRow row : store.districtRows()) {
                    if (row.replication() == r && row.point() == 0) {
                        int i = names.indexOf(row.layout());
                        for (int s = 0; s < systems.length; s++) {
                            if (systems[s] == i) {
                                values[s] = row.value(kpi);
                            }
                        }
                    }
                }
                return values;
            } catch (SQLException e) {
                storeError[0] = e;
                throw new StepFailed();
            }
        };
        KimNelson.Outcome result;
        try {
            result = KimNelson.select(names.size(), settings, sampler, scenario.replications());
        } catch (StepFailed e) {
            if (storeError[0] != null) {
                throw storeError[0];
            }
            return new Selected(new BatchOutcome(counts[0] + 1, counts[1], counts[2], counts[3], errors, seconds[0],
                    0, 0, 0), List.of());
        }
        BatchOutcome outcome = new BatchOutcome(counts[0], counts[1], counts[2], counts[3], errors, seconds[0],
                0, 0, 0);
        String unit = sel.share() ? " percentage points" : " min";
        String zhUnit = sel.share() ? "个百分点" : "分钟";
        String deltaText = String.format(Locale.ROOT, "%s", trim(sel.delta()));
        double pcs = 100 * (1 - sel.alpha());
        String en;
        String zh;
        StringBuilder reps = new StringBuilder();
        StringBuilder repsZh = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            reps.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ').append(result.eliminatedAfter()[i]);
            repsZh.append(i == 0 ? "" : "，").append(names.get(i)).append(' ').append(result.eliminatedAfter()[i])
                    .append("次");
        }
        if (result.selected()) {
            String best = names.get(result.best());
            en = String.format(Locale.ROOT, "Selection (Kim–Nelson, fully sequential, common random numbers): %s is"
                    + " the best layout on %s with probability at least %s%% whenever the best is at least %s%s"
                    + " better than every other; replications per layout: %s.", best, KPI_EN.get(sel.kpi()),
                    trim(pcs), deltaText, unit, reps);
            zh = String.format(Locale.ROOT, "方案择优（Kim–Nelson全序贯程序，公共随机数）：当最优方案至少领先其他方案%s%s时，"
                    + "%s为%s最优方案的概率不低于%s%%；各方案重复次数：%s。", deltaText, zhUnit, best,
                    KPI_ZH.getOrDefault(sel.kpi(), sel.kpi()), trim(pcs), repsZh);
            stdout.printf(Locale.ROOT, "%s%n", en);
        } else {
            en = String.format(Locale.ROOT, "Selection (Kim–Nelson): the cap of %d replications was reached with"
                    + " several layouts left, so none is selected with the %s%% guarantee at an indifference zone of"
                    + " %s%s; replications per layout: %s.", scenario.replications(), trim(pcs), deltaText, unit, reps);
            zh = String.format(Locale.ROOT, "方案择优（Kim–Nelson）：已达%d次重复上限，仍有多个方案未被淘汰，无法在%s%s的无差别区间内"
                    + "以%s%%的保证选出最优方案；各方案重复次数：%s。", scenario.replications(), deltaText, zhUnit, trim(pcs),
                    repsZh);
            stdout.printf(Locale.ROOT, "%s%n", en);
        }
        stdout.flush();
        return new Selected(outcome, List.of(new Justification(en, zh)));
    }

    private static final java.util.Map<String, String> KPI_EN = java.util.Map.of("mean_response", "the mean response",
            "p90_response", "the 90th percentile of response", "on_time_response", "the on-time response share",
            "urgent_on_time_response", "the urgent on-time response share", "on_time_closure",
            "the on-time closure share");

    private static final java.util.Map<String, String> KPI_ZH = java.util.Map.of("mean_response", "平均响应时间",
            "p90_response", "响应时间第90百分位", "on_time_response", "按时响应率", "urgent_on_time_response",
            "紧急事件按时响应率", "on_time_closure", "按期办结率");

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
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
