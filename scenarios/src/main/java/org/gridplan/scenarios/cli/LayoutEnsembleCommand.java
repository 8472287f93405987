package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.gridplan.results.chart.Lang;
import org.gridplan.results.report.EnsembleReport;
import org.gridplan.scenarios.layout.LayoutEnsemble;
import org.gridplan.scenarios.layout.LayoutStatistics;
import org.gridplan.scenarios.layout.ReComChain;
import org.gridplan.scenarios.limits.Limits;
import org.gridplan.sim.io.AtomicFiles;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.io.InputException;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.LayoutRules;
import org.gridplan.sim.model.LayoutValidator;
import org.gridplan.sim.model.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridplan layout ensemble}: a ReCom chain of valid layouts from a layout, and where a proposal lies in it. */
@Command(name = "ensemble",
        description = {"Run a ReCom Markov chain (recombination: merge two adjacent grids, draw a spanning tree of "
                + "their buildings, cut it where both parts keep the household bounds) from a layout, and write the "
                + "statistics of every step, a thinned sample of the layouts, and a report of where the start and a "
                + "proposed layout lie among the chain's layouts (percentile and histogram per statistic). Every "
                + "layout of the chain keeps the rules: contiguous grids within the household bounds, inside their "
                + "community unless --allow-cross-community.",
                "Writes into --out: steps.csv (one row per step: move, trees drawn, whether the layout is new, and "
                        + "the statistics), ensemble.html, and layouts/<from>-step-<n>.geojson for --sample layouts."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ensemble written", "2:bad input: the start layout breaks the rules, or no balanced cut "
                + "was found within the attempts (the message names the grids)"})
final class LayoutEnsembleCommand implements Callable<Integer> {

    static final String STEPS_CSV = "steps.csv";
    static final String REPORT = "ensemble.html";

    @Spec
    CommandSpec spec;

    @Option(names = "--city", required = true, paramLabel = "CITY.geojson", description = "The city.")
    Path city;

    @Option(names = "--from", required = true, paramLabel = "LAYOUT.geojson",
            description = "The layout the chain starts from (it must keep the rules).")
    Path from;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "1000",
            description = "Steps of the chain (default: ${DEFAULT-VALUE}; at most 1,000,000).")
    int steps;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "Seed of the chain: the same seed gives the same chain (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tree", paramLabel = "KIND", defaultValue = "wilson",
            description = "Spanning trees: wilson (uniform, Wilson's algorithm) or kruskal (Kruskal on random "
                    + "weights) (default: ${DEFAULT-VALUE}).")
    String tree;

    @Option(names = "--resize", paramLabel = "P", defaultValue = "0",
            description = "Probability that a step merges two adjacent grids or splits one instead of "
                    + "recombining, so the number of grids changes (default: ${DEFAULT-VALUE}: kept).")
    double resize;

    @Option(names = "--sample", paramLabel = "K", defaultValue = "10",
            description = "Layouts to write, evenly spaced over the chain (default: ${DEFAULT-VALUE}; 0 for none).")
    int sample;

    @Option(names = "--propose", paramLabel = "LAYOUT.geojson",
            description = "A proposed layout to place in the ensemble: its percentile for each statistic.")
    Path propose;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path out;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en",
            description = "Language of the report: en or zh (default: ${DEFAULT-VALUE}).")
    String lang;

    @Mixin
    RulesOptions rulesOptions;

    @Override
    public Integer call() {
        Limits.whole("--steps", steps, 1, Limits.MAX_ENSEMBLE_STEPS);
        Limits.whole("--sample", sample, 0, Math.min(Limits.MAX_ENSEMBLE_SAMPLE, steps));
        Limits.number("--resize", resize, 0, false, 1);
        ReComChain.Tree kind;
        try {
            kind = ReComChain.Tree.fromKey(tree);
        } catch (IllegalArgumentException e) {
            throw new InputException("--tree: " + e.getMessage());
        }
        Lang language;
        try {
            language = Lang.of(lang);
        } catch (IllegalArgumentException e) {
            throw new InputException("--lang " + lang + ": expected en or zh");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new InputException("--out " + out + ": is a file; give a folder");
        }
        LayoutRules rules = rulesOptions.rules();
        City c = CityNotes.say(GeoJson.readCity(city), spec.commandLine().getErr());
        GridLayout start = GeoJson.readLayout(from, c);
        GridLayout proposal = propose == null ? null : GeoJson.readLayout(propose, c);
        if (proposal != null) {
            List<Violation> v = LayoutValidator.validate(c, proposal, rules);
            if (!v.isEmpty()) {
                throw new InputException(propose, "the proposed layout breaks the rules (" + v.size()
                        + " violations), e.g. " + v.get(0).message());
            }
        }
        FileRoles roles = new FileRoles().input("--city", city).input("--from", from).input("--propose", propose)
                .output("--out", out.resolve(STEPS_CSV)).output("--out", out.resolve(REPORT));
        for (int step : LayoutEnsemble.sampleSteps(steps, sample)) {
            roles.output("--out", layoutFile(start, step));
        }
        roles.check();
        ReComChain.Options options = ReComChain.Options.defaults().withTree(kind).withResize(resize);
        PrintWriter err = spec.commandLine().getErr();
        int every = Math.max(1, steps / 10);
        LayoutEnsemble.Result result;
        try {
            result = LayoutEnsemble.run(c, start, rules, seed, options, steps, sample, s -> {
                if (s.step() % every == 0 && s.step() < steps) {
                    err.printf(Locale.ROOT, "ensemble: step %,d of %,d%n", s.step(), steps);
                    err.flush();
                }
            });
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InputException(from, e.getMessage());
        }
        writeCsv(result, out.resolve(STEPS_CSV));
        for (int k = 0; k < result.sample().size(); k++) {
            GeoJson.writeLayout(c, result.sample().get(k), layoutFile(start, result.sampleSteps().get(k)));
        }
        LayoutStatistics proposed = proposal == null ? null : LayoutStatistics.of(c, proposal);
        List<EnsembleReport.Statistic> stats = new ArrayList<>();
        for (LayoutStatistics.Statistic s : LayoutStatistics.ALL) {
            stats.add(new EnsembleReport.Statistic(s.column(), s.label(), result.values(s.value()),
                    s.value().applyAsDouble(result.start()), proposed == null ? OptionalDouble.empty()
                            : OptionalDouble.of(s.value().applyAsDouble(proposed))));
        }
        EnsembleReport.Study study = new EnsembleReport.Study(c.name(), start.name(),
                Optional.ofNullable(proposal).map(GridLayout::name), steps, result.unique(),
                kind.name().toLowerCase(Locale.ROOT), seed, stats);
        new EnsembleReport(language).write(study, out.resolve(REPORT));
        print(spec.commandLine().getOut(), result, study);
        return 0;
    }

    private Path layoutFile(GridLayout start, int step) {
        return out.resolve("layouts").resolve(LayoutEnsemble.sampleName(start.name(), step) + ".geojson");
    }

    private static void writeCsv(LayoutEnsemble.Result result, Path file) {
        StringBuilder b = new StringBuilder("step,move,trees,new");
        for (LayoutStatistics.Statistic s : LayoutStatistics.ALL) {
            b.append(',').append(s.column());
        }
        b.append('\n').append("0,start,0,true,").append(result.start().csv()).append('\n');
        for (ReComChain.Step s : result.steps()) {
            b.append(s.step()).append(',').append(s.move().name().toLowerCase(Locale.ROOT)).append(',')
                    .append(s.attempts()).append(',').append(s.unique()).append(',').append(s.statistics().csv())
                    .append('\n');
        }
        AtomicFiles.write(file, o -> o.write(b.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void print(PrintWriter w, LayoutEnsemble.Result r, EnsembleReport.Study study) {
        w.printf(Locale.ROOT, "ensemble from %s: %,d steps, %,d distinct layouts, %.0f steps/s%n", study.from(),
                study.steps(), r.unique(), r.stepsPerSecond());
        w.printf(Locale.ROOT, "%-52s %12s %12s %12s %10s%s%n", "statistic", "ensemble 5%", "median", "ensemble 95%",
                "start pct", study.proposal().map(p -> String.format(Locale.ROOT, " %12s %10s", "proposal",
                        "pct")).orElse(""));
        for (EnsembleReport.Statistic s : study.statistics()) {
            double[] v = s.values().clone();
            java.util.Arrays.sort(v);
            w.printf(Locale.ROOT, "%-52s %12.1f %12.1f %12.1f %10.0f%s%n", s.label(), q(v, 0.05), q(v, 0.5),
                    q(v, 0.95), s.percentile(s.start()), s.proposed().isPresent() ? String.format(Locale.ROOT,
                            " %12.1f %10.0f", s.proposed().getAsDouble(), s.percentile(s.proposed().getAsDouble()))
                            : "");
        }
        w.flush();
    }

    private static double q(double[] sorted, double p) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1))];
    }
}
