package org.gridplan.scenarios.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridplan.optimizer.plan.RosterChoice;
import org.gridplan.results.chart.Lang;
import org.gridplan.results.report.CapacityReport;
import org.gridplan.results.stats.CapacityStudy;
import org.gridplan.scenarios.batch.CapacityPlanner;
import org.gridplan.scenarios.batch.CapacityPlanner.Check;
import org.gridplan.scenarios.batch.CapacityPlanner.Point;
import org.gridplan.scenarios.batch.CapacityPlanner.Result;
import org.gridplan.scenarios.batch.CapacityPlanner.Target;
import org.gridplan.scenarios.batch.FieldStandardStaffing;
import org.gridplan.scenarios.batch.OptimisingStaffingPlanner;
import org.gridplan.scenarios.batch.ScenarioInputs;
import org.gridplan.scenarios.limits.Limits;
import org.gridplan.scenarios.spec.RunSettings;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.scenarios.spec.ScenarioException;
import org.gridplan.scenarios.spec.ScenarioReader;
import org.gridplan.scenarios.spec.StaffingSpec;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.io.AtomicFiles;
import org.gridplan.sim.model.GridLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gridplan capacity}: the fewest professionals and the cheapest duty roster that meet a target. */
@Command(name = "capacity",
        description = {"Capacity planning: for each layout of a scenario, the cheapest out-of-hours duty roster and "
                + "the fewest professionals (workers without routine work, added one at a time where the field-regime "
                + "model expects the most extra cases on time) on top of the scenario's full-time and part-time "
                + "workers that meet a target: the share of cases reached within their response limit, and of "
                + "urgent cases, each at least the target with the given confidence. The model draws the "
                + "staffing-versus-KPI curve; the simulation (one-year runs under common random numbers, the "
                + "scenario's settings and seed) confirms the answer, and the points just below it are simulated "
                + "until one falls short, so the plan printed is the fewest the simulation confirms.",
            "",
            "The answer is printed as one sentence per layout, e.g. 'grid-400 needs 102 full-time workers, 12 "
                + "part-time workers, 14 professionals and 6 on duty at night to reach 98.5%% of cases on time with "
                + "95%% confidence (simulated 98.63%%, lower bound 98.50%%; 13 professionals fall short at 98.43%%).' "
                + "(also in Chinese with --lang zh), or says that the target is not met within the bound, with the "
                + "best plan simulated.",
            "",
            "Writes to --out: " + CapacityCommand.REPORT + ", the capacity report (the sentences at the top, then per "
                + "layout the staffing-versus-KPI chart - the model's curve, the simulated points with their "
                + "confidence intervals, the target line, the answer ringed - the points simulated and the duty "
                + "rosters tried; one self-contained HTML file in the --lang language), and " + CapacityCommand.CSV
                + ", the curve as CSV. Both are written atomically; the command refuses an output that would "
                + "replace the scenario or one of its input files."},
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class CapacityCommand implements Callable<Integer> {

    /** Name of the report inside the output folder. */
    static final String REPORT = "capacity.html";
    /** Name of the curve's CSV inside the output folder. */
    static final String CSV = "capacity.csv";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO.yaml", description = "The scenario file (its first sweep point is used).")
    Path file;

    @Option(names = "--layout", paramLabel = "NAME", description = "Plan this layout only (default: every layout).")
    String layoutName;

    @Option(names = "--on-time", paramLabel = "PERCENT",
            description = "Least share of cases reached within their response limit (default: ${DEFAULT-VALUE}).")
    double onTime = 95;

    @Option(names = "--urgent-on-time", paramLabel = "PERCENT",
            description = "Least share of urgent cases reached within it (default: ${DEFAULT-VALUE}).")
    double urgentOnTime = 95;

    @Option(names = "--confidence", paramLabel = "PERCENT",
            description = "Confidence of the one-sided lower bounds of the simulated shares (default: "
                    + "${DEFAULT-VALUE}).")
    double confidence = 95;

    @Option(names = "--replications", paramLabel = "N",
            description = "One-year runs per simulated point (default: the scenario's replications).")
    Integer replications;

    @Option(names = "--max-professionals", paramLabel = "N",
            description = "Most professionals to add per layout (default: one per grid).")
    Integer maxProfessionals;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder for " + REPORT + " and " + CSV + " (default: runs/<scenario name>-capacity); "
                    + "created if missing.")
    Path outDir;

    @Option(names = "--lang", paramLabel = "en|zh",
            description = "Language of the report and of the extra answer lines: en (English) or zh (Chinese; the "
                    + "answer is then printed in both) (default: the scenario's outputs.reportLanguage, en unless "
                    + "set).")
    String lang;

    @Option(names = "--csv", paramLabel = "FILE.csv",
            description = "Write the staffing-versus-KPI curve and the simulated points to this file instead of "
                    + "DIR/" + CSV + ".")
    Path csv;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Target target;
        try {
            target = new Target(onTime / 100, urgentOnTime / 100, confidence / 100);
        } catch (IllegalArgumentException e) {
            return bad(err, "--on-time, --urgent-on-time and --confidence are percentages strictly between 0 and 100 "
                    + "(confidence above 50), got " + onTime + ", " + urgentOnTime + " and " + confidence);
        }
        if (replications != null && (replications < 2 || replications > 1000)) {
            return bad(err, "--replications " + replications + ": give 2 to 1000 runs");
        }
        if (maxProfessionals != null && maxProfessionals < 0) {
            return bad(err, "--max-professionals " + maxProfessionals + " must be 0 or more");
        }
        if (maxProfessionals != null) {
            Limits.checkWorkers("--max-professionals " + maxProfessionals, maxProfessionals);
        }
        Lang language = null;
        if (lang != null) {
            try {
                language = Lang.of(lang);
            } catch (IllegalArgumentException e) {
                return bad(err, "--lang " + lang + ": expected en or zh");
            }
        }
        Scenario s;
        try {
            s = new ScenarioReader(new OptimisingStaffingPlanner().capabilities()).read(file, Scenario.Overrides.NONE);
        } catch (ScenarioException e) {
            return ValidateCommand.report(err, e);
        }
        if (language == null) {
            language = RunCommand.lang(s.outputs().reportLanguage());
        }
        Path dir = outDir != null ? outDir : Path.of("runs", s.name() + "-capacity");
        Path report = dir.resolve(REPORT);
        Path csvFile = csv != null ? csv : dir.resolve(CSV);
        // Checked before hours of simulation, so a bad output path fails at once.
        String unsafe = unsafeFolder(dir, report, csvFile);
        if (unsafe != null) {
            return bad(err, unsafe);
        }
        new FileRoles().scenario("SCENARIO", file, s).output("--out", report).output("--csv", csvFile).check();
        List<Integer> layouts = new ArrayList<>();
        for (int i = 0; i < s.layouts().size(); i++) {
            if (layoutName == null || s.layouts().get(i).name().equals(layoutName)) {
                layouts.add(i);
            }
        }
        if (layouts.isEmpty()) {
            return bad(err, "--layout " + layoutName + ": scenario " + file.getFileName() + " has no such layout");
        }
        ScenarioInputs inputs = ScenarioInputs.load(s);
        CityNotes.say(inputs.city(), err);
        RunBounds.scenario(s, inputs.city().households());
        RunSettings settings = s.points().get(0).settings();
        StaffingSpec given = settings.staffing();
        // The base plan: the scenario's full-time and part-time workers and pools, no professionals.
        StaffingSpec noProfessionals = new StaffingSpec(given.fullTimePerGrid(), given.partTimePerCommunity(), 0,
                given.branchPoolPerCommunity(), given.emergencyPool(), given.fullTimeShift(), given.partTimeShift(),
                given.poolShift(), DutyRoster.NONE);
        int runs = replications != null ? replications : Math.max(2, s.replications());
        List<Result> results = new ArrayList<>();
        // The roster decision's candidates: none, one per community (rotation at the office or at home,
        // or a duty team), one per branch when there are branch pools.
        List<DutyRoster> rosters = RosterChoice.candidates(given.branchPoolPerCommunity() > 0);
        for (int i : layouts) {
            GridLayout layout = inputs.layouts().get(i);
            Staffing base = new FieldStandardStaffing().plan(inputs.city(), layout, noProfessionals);
            int most = maxProfessionals != null ? maxProfessionals : layout.grids().size();
            out.printf(Locale.ROOT, "layout %s: %d grids; target %.1f%% on time and %.1f%% of urgent cases, %.0f%%"
                    + " confidence, %d runs a point%n", layout.name(), layout.grids().size(), onTime, urgentOnTime,
                    confidence, runs);
            out.flush();
            CapacityPlanner planner = new CapacityPlanner(inputs.city(), layout, base, inputs.travel(),
                    settings.config(s.seed(), false), s.seed());
            Result r = planner.plan(target, rosters, most, runs, line -> {
                out.println("  " + line);
                out.flush();
            });
            results.add(r);
            print(out, r);
        }
        CapacityStudy study = new CapacityStudy(s.name(), inputs.city().name(), target.onTime(),
                target.urgentOnTime(), target.confidence(), results.stream().map(r -> r.study(rosters)).toList());
        out.println();
        out.println("answer:");
        for (String sentence : new CapacityReport(Lang.EN).answers(study)) {
            out.println("  " + sentence);
        }
        if (language != Lang.EN) {
            for (String sentence : new CapacityReport(language).answers(study)) {
                out.println("  " + sentence);
            }
        }
        out.flush();
        try {
            AtomicFiles.write(csvFile, o -> {
                Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
                writeCsv(w, results);
                w.flush();
            });
        } catch (RuntimeException e) {
            return bad(err, csvFile + ": cannot write: " + e.getMessage());
        }
        out.println("curve: " + csvFile);
        try {
            new CapacityReport(language).write(study, csvFile.getFileName().toString(), report);
        } catch (RuntimeException e) {
            return bad(err, report + ": cannot write: " + e.getMessage());
        }
        out.println("report: " + report);
        out.flush();
        return results.stream().allMatch(r -> r.chosen().isPresent()) ? 0 : Main.EXIT_FINDINGS;
    }

    /** Why writing the report and the CSV is refused by the shape of the paths, or null. */
    private static String unsafeFolder(Path dir, Path report, Path csvFile) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return "--out " + dir + ": is a file; give a folder";
        }
        for (Path t : List.of(report, csvFile)) {
            if (Files.isDirectory(t)) {
                return t + ": is a folder; the output needs a file there";
            }
        }
        return null;
    }

    private static void print(PrintWriter out, Result r) {
        if (r.chosen().isPresent()) {
            Check c = r.chosen().get();
            out.printf(Locale.ROOT, "  answer: duty %s and %d professionals (grids %s): on time %.2f%% (≥ %.2f%%),"
                            + " urgent %.2f%% (≥ %.2f%%), mean response %.0f min%n", c.point().roster(),
                    c.point().professionals(), c.point().grids().isEmpty() ? "none" : String.join(" ",
                            c.point().grids()), 100 * c.onTime(), 100 * c.onTimeLow(), 100 * c.urgentOnTime(),
                    100 * c.urgentLow(), c.meanResponse());
        } else {
            Point last = r.curve().get(r.curve().size() - 1);
            out.printf(Locale.ROOT, "  answer: not met with up to %d professionals and the best roster (%s)%n",
                    last.professionals(), last.roster());
        }
        out.flush();
    }

    private static void writeCsv(Writer w, List<Result> results) throws IOException {
        w.write("layout,duty,professionals,expected_on_time,expected_urgent_on_time,expected_mean_response_min,"
                + "simulated_runs,simulated_on_time,simulated_on_time_low,simulated_urgent_on_time,"
                + "simulated_urgent_low,simulated_mean_response_min,meets,added_grid\n");
        for (Result r : results) {
            for (Point p : r.curve()) {
                Check c = r.checks().stream().filter(x -> x.point().professionals() == p.professionals()).findFirst()
                        .orElse(null);
                w.write(String.format(Locale.ROOT, "%s,%s,%d,%.5f,%.5f,%.2f,%s,%s,%s,%s,%s,%s,%s,%s%n", r.layout(),
                        p.roster(), p.professionals(), p.onTime(), p.urgentOnTime(), p.meanResponse(),
                        c == null ? "" : Integer.toString(c.runs()), c == null ? "" : fmt(c.onTime()),
                        c == null ? "" : fmt(c.onTimeLow()), c == null ? "" : fmt(c.urgentOnTime()),
                        c == null ? "" : fmt(c.urgentLow()),
                        c == null ? "" : String.format(Locale.ROOT, "%.2f", c.meanResponse()),
                        c == null ? "" : Boolean.toString(c.meets()),
                        p.professionals() == 0 ? "" : p.grids().get(p.grids().size() - 1)));
            }
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.5f", v);
    }

    private static int bad(PrintWriter err, String message) {
        err.println("gridplan capacity: " + message);
        err.flush();
        return Main.EXIT_BAD_INPUT;
    }
}
