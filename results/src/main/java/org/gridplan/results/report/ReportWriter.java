package org.gridplan.results.report;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gridplan.results.chart.ChartRendering;
import org.gridplan.results.chart.ChartText;
import org.gridplan.results.chart.ComparisonCharts;
import org.gridplan.results.chart.Lang;
import org.gridplan.results.chart.LayoutPalette;
import org.gridplan.results.chart.NamedChart;
import org.gridplan.results.stats.CasePart;
import org.gridplan.results.stats.ComparisonData;
import org.gridplan.results.stats.ComparisonStatistics;
import org.gridplan.results.stats.Interval;
import org.gridplan.results.stats.Justification;
import org.gridplan.results.stats.Kpi;
import org.gridplan.results.stats.PairedChange;
import org.gridplan.results.stats.PairedComparison;
import org.gridplan.results.stats.PooledPercentiles;
import org.gridplan.results.stats.Ranking;
import org.gridplan.results.stats.ScenarioSummary;
import org.gridplan.results.stats.Summary;
import org.gridplan.results.stats.SurgeRun;
import org.gridplan.results.stats.Unit;
import org.gridplan.sim.io.AtomicFiles;

/**
 * Writes the comparison report: one self-contained HTML file (inline CSS and SVG, no scripts, no
 * external files or network) for district officials.
 *
 * <pre>{@code
 * ComparisonData data = ComparisonData.builder(summary)
 *         .add("current", 1.0, 0, resultCurrentRep0)
 *         .add("grid-400", 1.0, 0, resultGrid400Rep0)
 *         ...
 *         .map(MapData.of(city, List.of(current, grid400)))
 *         .build();
 * new ReportWriter(ReportOptions.of(Lang.ZH)).write(data, Path.of("out/report.html"));
 * }</pre>
 *
 * <p>Every name from the data (scenario, city, layouts, justifications) is HTML-escaped; a value
 * that cannot be computed prints as a dash, never as NaN.
 */
public final class ReportWriter {

    /** Sweep points a verdict line lists one by one; with more, it gives the range and points to the table. */
    static final int MAX_SWEEP_POINTS_LISTED = 4;


    private static final String DASH = "—";

    private final ReportOptions options;
    private final Lang lang;

    /** A writer with {@code options}. */
    public ReportWriter(ReportOptions options) {
        this.options = options;
        this.lang = options.lang();
    }

    /** Writes the report to {@code target} atomically (a reader never sees half a file). */
    public void write(ComparisonData data, Path target) {
        String html = html(data);
        AtomicFiles.write(target, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes every chart and map as {@code <id>.svg} and {@code <id>.png} into {@code dir}. */
    public void writeCharts(ComparisonData data, Path dir) {
        ComparisonCharts charts = new ComparisonCharts(new ComparisonStatistics(data), lang);
        for (NamedChart c : charts.all()) {
            ChartRendering.write(c, dir);
        }
        for (NamedChart c : charts.maps(options.mapKpi())) {
            ChartRendering.write(c, dir);
        }
    }

    /** The report as an HTML document. */
    public String html(ComparisonData data) {
        ComparisonStatistics stats = new ComparisonStatistics(data);
        ComparisonCharts charts = new ComparisonCharts(stats, lang);
        ScenarioSummary sc = data.scenario();
        StringBuilder h = new StringBuilder(1 << 20);
        String title = ReportText.TITLE.in(lang, sc.name());
        h.append("<!DOCTYPE html>\n<html lang=\"").append(lang.tag()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.esc(title)).append("</title>\n<style>\n").append(CSS)
                .append(swatchCss(charts.palette())).append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<header>\n<h1>").append(Html.esc(title)).append("</h1>\n<p class=\"sub\">")
                .append(Html.esc((data.layouts().size() == 1 ? ReportText.SUBTITLE_ONE : ReportText.SUBTITLE).in(lang,
                        sc.city(), String.format(Locale.ROOT, "%,d", sc.households()), data.layouts().size())))
                .append("</p>\n</header>\n");
        incomplete(h, data);
        glance(h, data, stats);
        verdict(h, data, stats);
        surge(h, data);
        sweepTable(h, data, stats);
        explain(h, data, stats);
        cost(h, data, stats);
        summary(h, data);
        headline(h, data, stats, charts.palette());
        differences(h, data, stats);
        chartsSection(h, data, charts);
        maps(h, data, charts);
        justifications(h, data);
        selection(h, data);
        h.append("<section id=\"method\">\n<h2>").append(ReportText.METHOD.in(lang)).append("</h2>\n<p>")
                .append(Html.esc(ReportText.METHOD_TEXT.in(lang))).append("</p>\n</section>\n");
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    /**
     * The one-page summary at the top: per layout its full-time workers and the extra over the
     * baseline, the verdict KPI and the officials' indicators measured, each cell marked better or
     * worse than the baseline where the paired 95% interval says so. In print it is page one.
     */
    private void glance(StringBuilder h, ComparisonData data, ComparisonStatistics stats) {
        double p = data.referencePoint();
        List<Kpi> kpis = new ArrayList<>();
        for (Kpi k : List.of(options.verdictKpi(), Kpi.ON_TIME_RESPONSE, Kpi.URGENT_ON_TIME_RESPONSE,
                Kpi.ON_TIME_CLOSURE, Kpi.VISIT_COVERAGE, Kpi.ROUTINE_HOURS_WEEK)) {
            if (!kpis.contains(k) && stats.measured(p, k)) {
                kpis.add(k);
            }
        }
        if (kpis.isEmpty()) {
            return;
        }
        String base = data.baseline();
        boolean ft = data.layouts().stream().anyMatch(l -> Double.isFinite(fullTime(data, stats, l)));
        String at = data.sweepPoints().size() > 1
                ? ReportText.GLANCE_AT.in(lang, org.gridplan.results.chart.Terms.pointAll(data.scenario(), p, lang))
                        : "";
        h.append("<section id=\"glance\" class=\"glance\">\n<h2>").append(Html.esc(ReportText.GLANCE.in(lang)))
                .append("</h2>\n<p class=\"note\">").append(Html.esc(data.maxReplications() < 2
                        ? ReportText.GLANCE_NOTE_ONE.in(lang, at, base)
                        : ReportText.GLANCE_NOTE.in(lang, at, data.maxReplications(), base)))
                                .append("</p>\n<div class=\"scroll\"><table class=\"grid\" "
                        + "id=\"glance-table\">\n<thead><tr><th>").append(Html.esc(ReportText.SURGE_LAYOUT.in(lang)))
                .append("</th>");
        if (ft) {
            h.append("<th>").append(Html.esc(ChartText.kpiWithUnit(Kpi.FULL_TIME_WORKERS, lang))).append("</th><th>")
                    .append(Html.esc(ReportText.STAFF_EXTRA.in(lang, base))).append("</th>");
        }
        for (Kpi k : kpis) {
            h.append("<th>").append(Html.esc(ChartText.kpiWithUnit(k, lang))).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        double baseFt = fullTime(data, stats, base);
        for (String l : data.layouts()) {
            if (data.runs(l, p).isEmpty()) {
                continue;
            }
            h.append("<tr><th>").append(swatch(data, l)).append(Html.esc(l)).append("</th>");
            if (ft) {
                double n = fullTime(data, stats, l);
                h.append("<td>").append(num(n, 0)).append("</td><td>").append(l.equals(base) ? DASH
                        : signed(n - baseFt, 0)).append("</td>");
            }
            for (Kpi k : kpis) {
                Summary sm = stats.summary(l, p, k);
                String cls = "";
                String word = "";
                if (!l.equals(base)) {
                    PairedComparison c = stats.compare(l, base, p, k);
                    if (c.improves()) {
                        cls = " class=\"better\"";
                        word = ReportText.BETTER.in(lang);
                    } else if (c.worsens()) {
                        cls = " class=\"worse\"";
                        word = ReportText.WORSE.in(lang);
                    }
                }
                h.append("<td").append(cls).append(">")
                        .append(num(display(k, sm.mean()), k.unit() == Unit.PEOPLE ? 0 : 1));
                if (!word.isEmpty()) {
                    h.append(" <span class=\"w\">").append(Html.esc(word)).append("</span>");
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table></div>\n</section>\n");
    }

    /** The verdict sentences, one per candidate layout, against the baseline on the verdict KPI. */
    public List<String> verdicts(ComparisonData data) {
        ComparisonStatistics stats = new ComparisonStatistics(data);
        List<String> out = new ArrayList<>();
        Kpi kpi = options.verdictKpi();
        List<PairedComparison> comparisons = stats.againstBaseline(data.referencePoint(), kpi);
        if (comparisons.isEmpty()) {
            if (data.layouts().size() == 1 && data.sweepPoints().size() > 1) {
                out.addAll(sweepVerdicts(data, stats));
            } else if (data.layouts().size() == 1 && data.scenario().sweep().swept()) {
                out.add(ReportText.SWEEP_POINTS_NONE.in(lang, data.baseline()));
            } else {
                out.add(ReportText.VERDICT_ONLY.in(lang, data.baseline()));
            }
        }
        for (PairedComparison c : comparisons) {
            out.add(verdict(c));
        }
        return out;
    }

    /** The sentence for one paired comparison. */
    String verdict(PairedComparison c) {
        Kpi kpi = c.kpi();
        String name = ChartText.kpi(kpi, lang);
        String unit = diffUnit(kpi.unit());
        if (c.difference().isEmpty()) {
            return ReportText.VERDICT_NONE.in(lang, c.candidate(), c.baseline(), name);
        }
        double d = kpi.unit().display(c.difference().getAsDouble());
        if (c.ci().isEmpty()) {
            return ReportText.VERDICT_NA.in(lang, c.candidate(), c.baseline(), name, signed(d), unit);
        }
        Interval ci = c.ci().get();
        double lo = kpi.unit().display(ci.lower());
        double hi = kpi.unit().display(ci.upper());
        return switch (c.outcome()) {
            case LOWER -> (kpi.direction() == Kpi.Direction.LOWER_IS_BETTER ? ReportText.VERDICT_CUT
                    : ReportText.VERDICT_LOWER).in(lang, c.candidate(), name, num(-d), unit, num(-hi), num(-lo),
                            c.baseline());
            case HIGHER -> ReportText.VERDICT_RAISE.in(lang, c.candidate(), name, num(d), unit, num(lo), num(hi),
                    c.baseline());
            default -> ReportText.VERDICT_SAME.in(lang, c.candidate(), c.baseline(), name, signed(d), unit,
                    signed(lo), signed(hi));
        };
    }

    private String diffUnit(Unit unit) {
        return unit == Unit.PERCENT ? ReportText.POINTS_UNIT.in(lang) : ChartText.unitSymbol(unit, lang);
    }

    /** One officials' verdict sentence and its CSS class. */
    private record OfficialVerdict(String sentence, String cls) {
    }

    /**
     * The verdict on the officials' indicators ({@link Kpi#officials()}), one sentence per
     * candidate layout against the baseline at the reference point: every indicator whose paired
     * 95% interval under common random numbers excludes 0, with the two means and the interval,
     * e.g. "Against current, grid-300 raises on-time closure from 91.2% to 95.8% (paired difference
     * +4.6 points, 95% CI +3.9 to +5.3)." Empty when no layout measured any of them (a batch stored
     * before they existed, or one whose engine did not record them).
     */
    public List<String> officialVerdicts(ComparisonData data) {
        return officialVerdicts(data, new ComparisonStatistics(data)).stream().map(OfficialVerdict::sentence).toList();
    }

    /** The officials' indicators some layout measured at the reference point. */
    private static List<Kpi> measuredOfficials(ComparisonData data, ComparisonStatistics stats) {
        return Kpi.officials().stream().filter(k -> stats.measured(data.referencePoint(), k)).toList();
    }

    private List<OfficialVerdict> officialVerdicts(ComparisonData data, ComparisonStatistics stats) {
        List<Kpi> kpis = measuredOfficials(data, stats);
        List<OfficialVerdict> out = new ArrayList<>();
        if (kpis.isEmpty()) {
            return out;
        }
        double p = data.referencePoint();
        String base = data.baseline();
        for (String candidate : data.layouts()) {
            if (candidate.equals(base) || data.runs(candidate, p).isEmpty()) {
                continue;
            }
            List<String> clauses = new ArrayList<>();
            boolean intervals = false;
            boolean better = false;
            boolean worse = false;
            for (Kpi kpi : kpis) {
                PairedChange change = stats.change(candidate, base, p, kpi);
                PairedComparison c = change.comparison();
                intervals |= c.ci().isPresent();
                if (c.outcome() == PairedComparison.Outcome.HIGHER || c.outcome() == PairedComparison.Outcome.LOWER) {
                    clauses.add(clause(change));
                    better |= c.improves();
                    worse |= c.worsens();
                }
            }
            if (clauses.isEmpty()) {
                out.add(intervals ? new OfficialVerdict(ReportText.OFFICIAL_SAME.in(lang, base, candidate), "same")
                        : new OfficialVerdict(ReportText.OFFICIAL_NA.in(lang, base, candidate), "na"));
                continue;
            }
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < clauses.size(); i++) {
                if (i > 0) {
                    joined.append(i == clauses.size() - 1 ? ReportText.OFFICIAL_AND.in(lang)
                            : ReportText.OFFICIAL_COMMA.in(lang));
                }
                joined.append(clauses.get(i));
            }
            String cls = better && worse ? "mixed" : better ? "better" : worse ? "worse" : "same";
            out.add(new OfficialVerdict(ReportText.OFFICIAL_CHANGES.in(lang, base, candidate, joined), cls));
        }
        return out;
    }

    /** "raises on-time closure from 91.2% to 95.8% (paired difference +4.6 points, 95% CI +3.9 to +5.3)". */
    private String clause(PairedChange change) {
        PairedComparison c = change.comparison();
        Kpi kpi = c.kpi();
        Unit unit = kpi.unit();
        boolean up = c.outcome() == PairedComparison.Outcome.HIGHER;
        boolean amount = unit == Unit.COUNT || unit == Unit.HOURS_PER_WEEK || unit == Unit.PEOPLE;
        ReportText verb = up ? (amount ? ReportText.RAISES_AMOUNT : ReportText.RAISES)
                : kpi.direction() == Kpi.Direction.LOWER_IS_BETTER ? (amount ? ReportText.CUTS_AMOUNT : ReportText.CUTS)
                        : amount ? ReportText.LOWERS_AMOUNT : ReportText.LOWERS;
        Interval ci = c.ci().orElseThrow();
        double lo = unit.display(ci.lower());
        double hi = unit.display(ci.upper());
        // One decimal, or up to three where one would print an interval that excludes 0 as
        // reaching it ("-0.1 to 0.0"): every number of the clause at the same precision.
        int decimals = unit == Unit.PEOPLE ? 0 : 1;
        while (unit != Unit.PEOPLE && decimals < 3 && (round(lo, decimals) == 0 || round(hi, decimals) == 0)) {
            decimals++;
        }
        String diffUnit = unit == Unit.PERCENT ? ReportText.OFFICIAL_POINTS.in(lang) : ChartText.unitSymbol(unit, lang);
        return ReportText.OFFICIAL_CLAUSE.in(lang, verb.in(lang), ChartText.kpi(kpi, lang),
                officialValue(unit, change.baselineMean(), decimals, lang == Lang.ZH, true),
                officialValue(unit, change.candidateMean(), decimals, true, false),
                signed(unit.display(c.difference().getAsDouble()), decimals), diffUnit, signed(lo, decimals),
                signed(hi, decimals));
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    /**
     * A mean in a verdict sentence: "91.2%"; "14.0" or "31.2 h" with the unit after the second
     * value only in English ({@code withUnit}), after both in Chinese ("14.0 件"). In Chinese the
     * first value ({@code first}) is followed directly by the verb, so a percentage gets the space
     * a Chinese unit word does not need ("由 91.2% 提高到", "由 14.0 件减少到").
     */
    private String officialValue(Unit unit, double stored, int decimals, boolean withUnit, boolean first) {
        String v = num(unit.display(stored), decimals);
        boolean zh = lang == Lang.ZH;
        return switch (unit) {
            case PERCENT -> v + "%" + (zh && first ? " " : "");
            case COUNT, PEOPLE -> zh ? v + " " + ChartText.unitSymbol(unit, lang) : v;
            default -> withUnit ? v + " " + ChartText.unitSymbol(unit, lang) : v;
        };
    }

    private void verdict(StringBuilder h, ComparisonData data, ComparisonStatistics stats) {
        Kpi kpi = options.verdictKpi();
        h.append("<section id=\"verdict\" class=\"verdict\">\n<h2>").append(ReportText.VERDICT.in(lang))
                .append("</h2>\n");
        List<PairedComparison> comparisons = stats.againstBaseline(data.referencePoint(), kpi);
        List<String> sentences = verdicts(data);
        for (int i = 0; i < sentences.size(); i++) {
            String cls = "na";
            if (i < comparisons.size()) {
                PairedComparison c = comparisons.get(i);
                cls = c.improves() ? "better" : c.worsens() ? "worse"
                        : c.outcome() == PairedComparison.Outcome.NOT_DISTINGUISHABLE ? "same" : "na";
            }
            h.append("<p class=\"v ").append(cls).append("\">").append(Html.esc(sentences.get(i))).append("</p>\n");
        }
        Ranking r = stats.ranking(data.referencePoint(), kpi);
        if (!r.places().isEmpty() && data.layouts().size() > 1) {
            int best = r.places().get(0).rank();
            List<String> top = new ArrayList<>();
            for (Ranking.Place p : r.places()) {
                if (p.rank() == best) {
                    top.add(p.layout());
                }
            }
            String names = String.join(ReportText.AND.in(lang), top);
            String name = ChartText.kpi(kpi, lang);
            String line = !r.intervalsAvailable() ? ReportText.BEST_NA.in(lang, name, r.places().get(0).layout())
                    : top.size() > 1 ? ReportText.BEST_TIED.in(lang, name, names)
                            : ReportText.BEST.in(lang, name, names);
            h.append("<p class=\"best\">").append(Html.esc(withCost(line, top, data, stats))).append("</p>\n");
        }
        List<OfficialVerdict> officials = officialVerdicts(data, stats);
        if (!officials.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Kpi k : measuredOfficials(data, stats)) {
                names.add(ChartText.kpi(k, lang));
            }
            h.append("<p class=\"note\" id=\"officials\">").append(Html.esc(ReportText.OFFICIAL_NOTE.in(lang,
                    String.join(lang == Lang.ZH ? "、" : ", ", names), data.baseline()))).append("</p>\n");
            for (OfficialVerdict v : officials) {
                h.append("<p class=\"v official ").append(v.cls()).append("\">").append(Html.esc(v.sentence()))
                        .append("</p>\n");
            }
        }
        for (String sentence : diminishingReturns(data)) {
            h.append("<p class=\"v sweep\">").append(Html.esc(sentence)).append("</p>\n");
        }
        for (String sentence : surgeVerdicts(data)) {
            h.append("<p class=\"v surge\">").append(Html.esc(sentence)).append("</p>\n");
        }
        h.append("</section>\n");
    }

    /**
     * With one layout and several sweep points the only comparison is between the points: the
     * verdict KPI and every officials' indicator whose means differ by more than their intervals'
     * half-widths, each with its value at every point, e.g. "urgent on-time response: 35.7% at
     * out-of-hours duty = none, 99.6% at out-of-hours duty = community".
     */
    private List<String> sweepVerdicts(ComparisonData data, ComparisonStatistics stats) {
        String layout = data.baseline();
        List<Kpi> kpis = new ArrayList<>();
        kpis.add(options.verdictKpi());
        for (Kpi k : Kpi.officials()) {
            if (!kpis.contains(k)) {
                kpis.add(k);
            }
        }
        List<String> out = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Kpi k : kpis) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double half = 0;
            List<String> values = new ArrayList<>();
            String loText = null;
            String hiText = null;
            for (double x : data.sweepPoints()) {
                Summary sm = stats.summary(layout, x, k);
                if (sm.mean().isEmpty()) {
                    continue;
                }
                double m = sm.mean().getAsDouble();
                String v = valueWithUnit(k, m);
                String at = org.gridplan.results.chart.Terms.point(data.scenario(), x, lang);
                if (m < lo) {
                    loText = ReportText.SWEEP_AT.in(lang, v, at);
                }
                if (m > hi) {
                    hiText = ReportText.SWEEP_AT.in(lang, v, at);
                }
                lo = Math.min(lo, m);
                hi = Math.max(hi, m);
                if (sm.ci().isPresent() && (k.unit() != Unit.PEOPLE || sm.ci().get().upper()
                        - sm.ci().get().lower() >= 0.5)) {
                    Interval ci = sm.ci().get();
                    half = Math.max(half, (ci.upper() - ci.lower()) / 2);
                    values.add(ReportText.SWEEP_POINT_VALUE.in(lang, at, v, num(bounded(k, ci.lower())),
                            num(bounded(k, ci.upper()))));
                } else {
                    values.add(ReportText.SWEEP_POINT_VALUE_NA.in(lang, at, v));
                }
            }
            if (values.size() < 2 || !(hi - lo > half) || (k != options.verdictKpi() && hi - lo <= 0)) {
                continue;
            }
            names.add(ChartText.kpi(k, lang));
            if (values.size() > MAX_SWEEP_POINTS_LISTED) {
                // Past a few points a list reads as a wall of figures: the range, and the table for the rest.
                lines.add(ReportText.SWEEP_RANGE.in(lang, ChartText.kpi(k, lang), loText, hiText));
            } else {
                lines.add(ChartText.kpi(k, lang) + (lang == Lang.ZH ? "：" : ": ")
                        + String.join(lang == Lang.ZH ? "；" : "; ", values) + (lang == Lang.ZH ? "。" : "."));
            }
        }
        out.add(ReportText.SWEEP_COMPARE.in(lang, layout, String.join(ReportText.AND.in(lang), names)));
        out.addAll(lines);
        out.addAll(pairedAgainstFirst(data, layout));
        return out;
    }

    /**
     * For a sweep of one field over a few points, each point against the first, paired by
     * replication (replication r of every point runs on the same seed, so under the same settings
     * it meets the same incidents): the difference in mean response, the verdict KPI and the on-time
     * shares, with the 95% interval and whether it is better, worse or not distinguishable, e.g.
     * "Paired by replication, staffing.stagger = default against staffing.stagger = none: mean
     * response -54.1 min (95% CI -56.8 to -51.4), better; ...". None for a factorial sweep of
     * several fields, whose points differ in more than one.
     */
    private List<String> pairedAgainstFirst(ComparisonData data, String layout) {
        List<Double> points = data.sweepPoints();
        List<String> out = new ArrayList<>();
        if (points.size() < 2 || points.size() > MAX_SWEEP_POINTS_LISTED
                || !data.scenario().sweep().crossed().isEmpty()) {
            return out;
        }
        List<Kpi> kpis = new ArrayList<>(List.of(Kpi.MEAN_RESPONSE));
        for (Kpi k : List.of(options.verdictKpi(), Kpi.ON_TIME_RESPONSE, Kpi.URGENT_ON_TIME_RESPONSE)) {
            if (!kpis.contains(k)) {
                kpis.add(k);
            }
        }
        double first = points.get(0);
        String at0 = org.gridplan.results.chart.Terms.point(data.scenario(), first, lang);
        for (double p : points.subList(1, points.size())) {
            List<String> parts = new ArrayList<>();
            for (Kpi k : kpis) {
                Summary d = steps(data, layout, k, List.of(first, p)).get(0);
                if (d.mean().isEmpty() || d.ci().isEmpty()) {
                    continue;
                }
                // steps() gives the gain (positive is better); the sentence gives the change itself.
                double sign = k.direction() == Kpi.Direction.LOWER_IS_BETTER ? -1 : 1;
                Interval ci = d.ci().get();
                double lo = Math.min(sign * ci.lower(), sign * ci.upper());
                double hi = Math.max(sign * ci.lower(), sign * ci.upper());
                String unit = k.unit() == Unit.PERCENT ? ReportText.OFFICIAL_POINTS.in(lang)
                        : ChartText.unitSymbol(k.unit(), lang);
                ReportText verdict = ci.lower() > 0 ? ReportText.BETTER : ci.upper() < 0 ? ReportText.WORSE
                        : ReportText.SAME;
                parts.add(ReportText.SWEEP_PAIRED_PART.in(lang, ChartText.kpi(k, lang),
                        signed(sign * d.mean().getAsDouble()), unit, signed(lo), signed(hi), verdict.in(lang)));
            }
            if (!parts.isEmpty()) {
                out.add(ReportText.SWEEP_PAIRED.in(lang, org.gridplan.results.chart.Terms.point(data.scenario(), p,
                        lang), at0, String.join(lang == Lang.ZH ? "；" : "; ", parts)));
            }
        }
        return out;
    }

    /** A KPI's stored value with its unit: "35.7%", "505.8 min", "102 workers". */
    private String valueWithUnit(Kpi k, double stored) {
        Unit u = k.unit();
        int decimals = u == Unit.PEOPLE ? 0 : 1;
        String v = num(u.display(stored), decimals);
        return u == Unit.PERCENT ? v + "%" : v + " " + ChartText.unitSymbol(u, lang);
    }

    /** Mean full-time grid workers of {@code layout} at the reference point; NaN when unknown. */
    private static double fullTime(ComparisonData data, ComparisonStatistics stats, String layout) {
        double p = data.referencePoint();
        OptionalDouble m = stats.summary(layout, p, Kpi.FULL_TIME_WORKERS).mean();
        if (m.isPresent()) {
            return m.getAsDouble();
        }
        Double n = stats.headcount(layout, p).get(org.gridplan.results.stats.Staff.FULL_TIME);
        return n == null ? Double.NaN : n;
    }

    /** The "best layout" line with what the best layouts cost in full-time workers, when known. */
    private String withCost(String line, List<String> top, ComparisonData data, ComparisonStatistics stats) {
        String base = data.baseline();
        double baseFt = fullTime(data, stats, base);
        List<String> costs = new ArrayList<>();
        for (String t : top) {
            double ft = fullTime(data, stats, t);
            if (!Double.isFinite(ft)) {
                return line;
            }
            costs.add(num(ft, 0));
        }
        String stem = line.endsWith(".") || line.endsWith("。") ? line.substring(0, line.length() - 1) : line;
        String counts = String.join(lang == Lang.ZH ? "、" : ", ", costs);
        if (top.size() == 1 && !top.get(0).equals(base) && Double.isFinite(baseFt)) {
            double extra = fullTime(data, stats, top.get(0)) - baseFt;
            String extraText = lang == Lang.ZH ? (extra >= 0 ? "多 " : "少 ") + num(Math.abs(extra), 0)
                    : signed(extra, 0);
            return lang == Lang.ZH ? ReportText.BEST_COST.in(lang, stem, counts, base, extraText)
                    : ReportText.BEST_COST.in(lang, stem, counts, extraText, base);
        }
        return ReportText.BEST_COST_BASE.in(lang, stem, counts);
    }

    /** The KPI a sweep's returns are judged on: on-time response where measured, else the verdict KPI. */
    private Kpi returnsKpi(ComparisonData data, ComparisonStatistics stats) {
        return stats.measured(data.referencePoint(), Kpi.ON_TIME_RESPONSE) ? Kpi.ON_TIME_RESPONSE
                : options.verdictKpi();
    }

    /**
     * The gain of each step of a sweep on {@code kpi} for {@code layout}: point i to point i+1, paired
     * by replication (replication r of every point shares its incidents), as an improvement (positive
     * is better), display unit.
     */
    private static List<Summary> steps(ComparisonData data, String layout, Kpi kpi, List<Double> points) {
        List<Summary> out = new ArrayList<>();
        double sign = kpi.direction() == Kpi.Direction.LOWER_IS_BETTER ? -1 : 1;
        for (int i = 0; i + 1 < points.size(); i++) {
            Map<Integer, Double> a = new java.util.HashMap<>();
            for (org.gridplan.results.stats.RunKpis r : data.runs(layout, points.get(i))) {
                a.put(r.replication(), r.value(kpi));
            }
            List<Double> d = new ArrayList<>();
            for (org.gridplan.results.stats.RunKpis r : data.runs(layout, points.get(i + 1))) {
                Double before = a.get(r.replication());
                if (before != null && Double.isFinite(before) && Double.isFinite(r.value(kpi))) {
                    d.add(sign * kpi.unit().display(r.value(kpi) - before));
                }
            }
            out.add(Summary.of(d.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }

    /**
     * The runs of steps of a sweep: its points in order, or for a crossed factorial sweep one run
     * per value of the crossed fields (e.g. per demand scale), each in the order of the axis field.
     */
    private static List<List<Double>> stepRuns(ComparisonData data) {
        org.gridplan.results.stats.SweepAxis axis = data.scenario().sweep();
        if (axis.crossed().isEmpty()) {
            return List.of(data.sweepPoints());
        }
        Map<Map<String, String>, List<Double>> runs = new java.util.LinkedHashMap<>();
        for (double p : data.sweepPoints()) {
            runs.computeIfAbsent(axis.crossedValues(p), k -> new ArrayList<>()).add(p);
        }
        List<List<Double>> out = new ArrayList<>();
        for (List<Double> run : runs.values()) {
            List<Double> sorted = new ArrayList<>(run);
            sorted.sort(java.util.Comparator.comparingDouble(axis::fieldValue));
            out.add(sorted);
        }
        return out;
    }

    /**
     * The point of diminishing returns of a numeric sweep, per layout: the first point from which
     * the next step no longer improves the returns KPI by a margin its paired 95% interval keeps
     * above 0, or improves it by less than half the first step did, e.g. "grid-400: diminishing
     * returns from full-time workers per grid = 2: going on to 3 adds only +0.1 points of on-time
     * response (95% CI -0.1 to +0.3), against +1.7 points for the step before." Empty without a sweep
     * of at least three points along a numeric field.
     */
    public List<String> diminishingReturns(ComparisonData data) {
        ComparisonStatistics stats = new ComparisonStatistics(data);
        List<String> out = new ArrayList<>();
        List<Double> points = data.sweepPoints();
        // Returns of staff: a sweep that changes more than staffing (a storm with its pool) has none.
        SweepAxisView axis = new SweepAxisView(data);
        if (points.size() < 3 || !axis.staffingAlone()) {
            return out;
        }
        Kpi kpi = returnsKpi(data, stats);
        String name = ChartText.kpi(kpi, lang);
        String unit = kpi.unit() == Unit.PERCENT ? ReportText.OFFICIAL_POINTS.in(lang)
                : ChartText.unitSymbol(kpi.unit(), lang);
        List<List<Double>> runs = stepRuns(data);
        for (List<Double> run : runs) {
            if (run.size() < 3) {
                continue;
            }
            out.addAll(diminishingReturns(data, stats, kpi, name, unit, run, runs.size() > 1));
        }
        return out;
    }

    private List<String> diminishingReturns(ComparisonData data, ComparisonStatistics stats, Kpi kpi, String name,
            String unit, List<Double> points, boolean grouped) {
        List<String> out = new ArrayList<>();
        for (String layout : data.layouts()) {
            String l = !grouped ? layout : layout + (lang == Lang.ZH ? "（" : " (") + org.gridplan.results.chart.Terms
                    .settings(data.scenario().sweep().crossedValues(points.get(0)), lang)
                            + (lang == Lang.ZH ? "）" : ")");
            List<Summary> st = steps(data, layout, kpi, points);
            if (st.isEmpty() || st.get(0).mean().isEmpty()) {
                continue;
            }
            int at = -1;
            for (int i = 0; i < st.size(); i++) {
                Summary g = st.get(i);
                if (g.mean().isEmpty()) {
                    break;
                }
                boolean clear = g.ci().map(ci -> ci.lower() > 0).orElse(g.mean().getAsDouble() > 0);
                boolean small = i > 0 && st.get(0).mean().getAsDouble() > 0
                        && g.mean().getAsDouble() < 0.5 * st.get(0).mean().getAsDouble();
                if (!clear || small) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                out.add(ReportText.RETURNS_NONE.in(lang, l, name,
                        stepPoint(data, points.get(points.size() - 1), grouped)));
                continue;
            }
            Summary g = st.get(at);
            String ci = g.ci().map(c -> ReportText.RETURNS_CI.in(lang, signed(c.lower()), signed(c.upper())))
                    .orElse("");
            String from = stepPoint(data, points.get(at), grouped);
            String to = stepPoint(data, points.get(at + 1), grouped);
            double extra = stats.summary(layout, points.get(at + 1), Kpi.FULL_TIME_WORKERS).mean().orElse(Double.NaN)
                    - stats.summary(layout, points.get(at), Kpi.FULL_TIME_WORKERS).mean().orElse(Double.NaN);
            if (Double.isFinite(extra) && Math.abs(extra) >= 0.5) {
                to += ReportText.RETURNS_WORKERS.in(lang, signed(extra, 0));
            }
            if (at == 0) {
                out.add(ReportText.RETURNS_FIRST.in(lang, l, from, to, signed(g.mean().getAsDouble()), unit, name, ci));
            } else {
                Summary prev = st.get(at - 1);
                out.add(ReportText.RETURNS_AT.in(lang, l, from, to, signed(g.mean().getAsDouble()), unit, name, ci,
                        signed(prev.mean().orElse(Double.NaN))));
            }
        }
        return out;
    }

    /** What a report's sweep varies. */
    private record SweepAxisView(ComparisonData data) {
        /** Whether the sweep varies one staffing field alone (not zipped with anything else). */
        boolean staffingAlone() {
            return data.scenario().sweep().field().startsWith("staffing.")
                    && data.scenario().sweep().together().isEmpty();
        }
    }

    /** A point in a sentence on steps: all it sets, or within a crossed group the axis field alone. */
    private String stepPoint(ComparisonData data, double p, boolean grouped) {
        org.gridplan.results.stats.SweepAxis a = data.scenario().sweep();
        if (!grouped) {
            return org.gridplan.results.chart.Terms.pointAll(data.scenario(), p, lang);
        }
        return org.gridplan.results.chart.Terms.field(a.field(), lang) + " = "
                + org.gridplan.results.chart.Terms.value(a.points().getOrDefault(p, Map.of())
                        .getOrDefault(a.field(), "-"),
                        lang);
    }

    /**
     * Every sweep point in one table, for each layout: full-time workers, the verdict KPI and the
     * officials' indicators measured, and the gain on the returns KPI of the step from the point
     * before. Nothing for a batch of one point.
     */
    private void sweepTable(StringBuilder h, ComparisonData data, ComparisonStatistics stats) {
        List<Double> points = data.sweepPoints();
        if (points.size() < 2) {
            return;
        }
        List<Kpi> kpis = new ArrayList<>();
        for (Kpi k : List.of(Kpi.FULL_TIME_WORKERS, options.verdictKpi(), Kpi.ON_TIME_RESPONSE, Kpi.ON_TIME_CLOSURE,
                Kpi.VISIT_COVERAGE, Kpi.ROUTINE_HOURS_WEEK, Kpi.WORKLOAD)) {
            if (!kpis.contains(k) && points.stream().anyMatch(p -> stats.measured(p, k))) {
                kpis.add(k);
            }
        }
        // What each point costs beyond its full-time workers: the other kinds of worker its plan has
        // (part-time, branch pool, the emergency pool a surge mobilises, the duty team).
        java.util.Set<org.gridplan.results.stats.Staff> kinds = java.util.EnumSet.noneOf(
                org.gridplan.results.stats.Staff.class);
        for (double p : points) {
            for (String l : data.layouts()) {
                kinds.addAll(stats.headcount(l, p).keySet());
            }
        }
        if (kpis.contains(Kpi.FULL_TIME_WORKERS)) {
            kinds.remove(org.gridplan.results.stats.Staff.FULL_TIME);
        }
        Kpi gain = returnsKpi(data, stats);
        String unit = gain.unit() == Unit.PERCENT ? ReportText.OFFICIAL_POINTS.in(lang)
                : ChartText.unitSymbol(gain.unit(), lang);
        boolean steps = new SweepAxisView(data).staffingAlone();
        h.append("<section id=\"sweep\">\n<h2>").append(Html.esc(ReportText.SWEEP_TABLE.in(lang))).append("</h2>\n")
                .append("<p class=\"note\">").append(Html.esc(ReportText.SWEEP_TABLE_NOTE.in(lang,
                        org.gridplan.results.chart.Terms.sweepLabel(data.scenario(), lang))));
        if (steps) {
            h.append(' ').append(Html.esc(ReportText.SWEEP_TABLE_STEPS.in(lang)));
        }
        if (!data.scenario().sweep().fixed().isEmpty()) {
            // A factorial sweep is reported one slice at a time: say which, and how to see the others.
            h.append(' ').append(Html.esc(ReportText.SWEEP_SLICE.in(lang,
                    org.gridplan.results.chart.Terms.settings(data.scenario().sweep().fixed(), lang))));
        }
        h.append("</p>\n<div class=\"scroll\"><table class=\"grid\" id=\"sweep-table\">\n<thead><tr><th>")
                .append(Html.esc(ReportText.SURGE_POINT.in(lang))).append("</th>");
        if (data.layouts().size() > 1) {
            h.append("<th>").append(Html.esc(ReportText.SURGE_LAYOUT.in(lang))).append("</th>");
        }
        for (Kpi k : kpis) {
            h.append("<th>").append(Html.esc(ChartText.kpiWithUnit(k, lang))).append("</th>");
            if (k == Kpi.FULL_TIME_WORKERS) {
                for (org.gridplan.results.stats.Staff kind : kinds) {
                    h.append("<th>").append(Html.esc(org.gridplan.results.chart.Terms.staff(kind, lang)))
                            .append("</th>");
                }
            }
        }
        if (!kpis.contains(Kpi.FULL_TIME_WORKERS)) {
            for (org.gridplan.results.stats.Staff kind : kinds) {
                h.append("<th>").append(Html.esc(org.gridplan.results.chart.Terms.staff(kind, lang))).append("</th>");
            }
        }
        if (steps) {
            h.append("<th>").append(Html.esc(ReportText.SWEEP_STEP_GAIN.in(lang, ChartText.kpi(gain, lang), unit)))
                    .append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < points.size(); i++) {
            double p = points.get(i);
            for (String l : data.layouts()) {
                if (data.runs(l, p).isEmpty()) {
                    continue;
                }
                h.append("<tr><th>").append(Html.esc(
                        org.gridplan.results.chart.Terms.pointAll(data.scenario(), p, lang)))
                        .append("</th>");
                if (data.layouts().size() > 1) {
                    h.append("<th>").append(swatch(data, l)).append(Html.esc(l)).append("</th>");
                }
                Map<org.gridplan.results.stats.Staff, Double> heads = stats.headcount(l, p);
                StringBuilder byKind = new StringBuilder();
                for (org.gridplan.results.stats.Staff kind : kinds) {
                    Double n = heads.get(kind);
                    byKind.append("<td>").append(heads.isEmpty() ? DASH : n == null ? "0" : num(n, 0)).append("</td>");
                }
                if (!kpis.contains(Kpi.FULL_TIME_WORKERS)) {
                    h.append(byKind);
                }
                for (Kpi k : kpis) {
                    Summary sm = stats.summary(l, p, k);
                    int decimals = k.unit() == Unit.PEOPLE ? 0 : 1;
                    h.append("<td>").append(sm.mean().isPresent() ? num(k.unit().display(sm.mean().getAsDouble()),
                            decimals) : DASH);
                    if (k.unit() != Unit.PEOPLE) {
                        sm.ci().ifPresent(ci -> h.append(" <small>(").append(num(bounded(k, ci.lower()), decimals))
                                .append("–").append(num(bounded(k, ci.upper()), decimals)).append(")</small>"));
                    }
                    h.append("</td>");
                    if (k == Kpi.FULL_TIME_WORKERS) {
                        h.append(byKind);
                    }
                }
                if (!steps) {
                    h.append("</tr>\n");
                    continue;
                }
                h.append("<td>");
                // The step from the point before along the axis field (within its crossed values).
                Summary g = null;
                for (List<Double> run : stepRuns(data)) {
                    int k = run.indexOf(p);
                    if (k > 0) {
                        g = steps(data, l, gain, run).get(k - 1);
                    }
                }
                if (g == null || g.mean().isEmpty()) {
                    h.append(DASH);
                } else {
                    h.append(signed(g.mean().getAsDouble()));
                    g.ci().ifPresent(ci -> h.append(" <small>(").append(signed(ci.lower())).append(lang == Lang.ZH
                            ? " 至 " : " to ").append(signed(ci.upper())).append(")</small>"));
                }
                h.append("</td></tr>\n");
            }
        }
        h.append("</tbody>\n</table></div>\n</section>\n");
    }

    /** The sweep point of the batch's severest surge: the largest mean peak of open cases at the baseline. */
    private static OptionalDouble severestSurgePoint(ComparisonData data) {
        double best = Double.NEGATIVE_INFINITY;
        OptionalDouble at = OptionalDouble.empty();
        for (double p : data.sweepPoints()) {
            OptionalDouble peak = Summary.of(data.surges(data.baseline(), p).stream().mapToDouble(SurgeRun::peakOpen)
                    .toArray()).mean();
            if (peak.isPresent() && peak.getAsDouble() > best) {
                best = peak.getAsDouble();
                at = OptionalDouble.of(p);
            }
        }
        return at;
    }

    /**
     * The verdict on the surge window, one sentence per layout at the severest surge of the batch:
     * its peak of open cases, the cases still waiting for a worker when the surge ends and how long
     * the backlog takes to get back to its level before the surge. Empty without a surge.
     */
    public List<String> surgeVerdicts(ComparisonData data) {
        List<String> out = new ArrayList<>();
        OptionalDouble at = severestSurgePoint(data);
        if (at.isEmpty()) {
            return out;
        }
        double p = at.getAsDouble();
        String point = surgePoints(data) > 1
                ? ReportText.SURGE_AT.in(lang, org.gridplan.results.chart.Terms.pointAll(data.scenario(), p, lang))
                : ReportText.SURGE_SINGLE.in(lang);
        for (String l : data.layouts()) {
            List<SurgeRun> runs = data.surges(l, p);
            if (runs.isEmpty()) {
                continue;
            }
            double peak = mean(runs, SurgeRun::peakOpen);
            double before = mean(runs, SurgeRun::before);
            double waiting = mean(runs, SurgeRun::waitingAtEnd);
            out.add(ReportText.SURGE_SENTENCE.in(lang, point, l, num(peak, 0), num(before, 0), num(waiting, 0),
                    recovery(runs)));
        }
        return out;
    }

    /** How many sweep points have surge figures. */
    private static long surgePoints(ComparisonData data) {
        return data.surges().stream().mapToDouble(SurgeRun::sweepPoint).distinct().count();
    }

    private static double mean(List<SurgeRun> runs, java.util.function.ToDoubleFunction<SurgeRun> f) {
        return Summary.of(runs.stream().mapToDouble(f).toArray()).mean().orElse(Double.NaN);
    }

    /** "the backlog is back ... 41 h after it ends", over the runs that recovered. */
    private String recovery(List<SurgeRun> runs) {
        double[] back = runs.stream().mapToDouble(SurgeRun::recoveryHours).filter(Double::isFinite).toArray();
        if (back.length == 0) {
            return ReportText.SURGE_NOT_RECOVERED.in(lang);
        }
        String hours = num(Summary.of(back).mean().getAsDouble(), 0);
        return back.length == runs.size() ? ReportText.SURGE_RECOVERED.in(lang, hours)
                : ReportText.SURGE_RECOVERED_SOME.in(lang, hours, back.length, runs.size());
    }

    /** A mean with its 95% interval for a table cell: "412 (380–444)"; a dash when nothing was measured. */
    private static String cell(double[] values, int decimals) {
        Summary sm = Summary.of(values);
        if (sm.mean().isEmpty()) {
            return DASH;
        }
        String m = num(sm.mean().getAsDouble(), decimals);
        return sm.ci().map(ci -> m + " <small>(" + num(Math.max(0, ci.lower()), decimals) + "–"
                + num(ci.upper(), decimals) + ")</small>").orElse(m);
    }

    /**
     * The surge window (平急转换): when it ran, and at every sweep point and layout the open cases
     * before it, their peak, the cases still waiting for a worker when it ends and the recovery
     * time. Nothing for a batch without a surge.
     */
    private void surge(StringBuilder h, ComparisonData data) {
        if (data.surges().isEmpty()) {
            return;
        }
        SurgeRun first = data.surges().get(0);
        h.append("<section id=\"surge\">\n<h2>").append(Html.esc(ReportText.SURGE.in(lang))).append("</h2>\n")
                .append("<p class=\"note\">").append(
                        Html.esc(ReportText.SURGE_NOTE.in(lang, point(first.startHour() / 24),
                        point(first.endHour() / 24), point((first.endHour() - first.startHour()) / 24))))
                .append("</p>\n<div class=\"scroll\"><table class=\"grid\" id=\"surge-table\">\n<thead><tr>");
        boolean swept = surgePoints(data) > 1;
        List<ReportText> heads = new ArrayList<>();
        if (swept) {
            heads.add(ReportText.SURGE_POINT);
        }
        heads.addAll(List.of(ReportText.SURGE_LAYOUT, ReportText.SURGE_BEFORE, ReportText.SURGE_PEAK,
                ReportText.SURGE_WAITING, ReportText.SURGE_RECOVERY));
        for (ReportText t : heads) {
            h.append("<th>").append(Html.esc(t.in(lang))).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (double p : data.sweepPoints()) {
            for (String l : data.layouts()) {
                List<SurgeRun> runs = data.surges(l, p);
                if (runs.isEmpty()) {
                    continue;
                }
                h.append("<tr>");
                if (swept) {
                    h.append("<th>").append(Html.esc(
                            org.gridplan.results.chart.Terms.pointAll(data.scenario(), p, lang)))
                            .append("</th>");
                }
                h.append("<th>").append(swatch(data, l)).append(Html.esc(l)).append("</th><td>")
                        .append(cell(runs.stream().mapToDouble(SurgeRun::before).toArray(), 0)).append("</td><td>")
                        .append(cell(runs.stream().mapToDouble(SurgeRun::peakOpen).toArray(), 0)).append("</td><td>")
                        .append(cell(runs.stream().mapToDouble(SurgeRun::waitingAtEnd).toArray(), 0))
                                .append("</td><td>");
                double[] back = runs.stream().mapToDouble(SurgeRun::recoveryHours).filter(Double::isFinite).toArray();
                h.append(back.length == 0 ? Html.esc(ReportText.SURGE_NOT_BACK.in(lang)) : cell(back, 0));
                if (back.length > 0 && back.length < runs.size()) {
                    h.append(" <span class=\"w\">").append(Html.esc(ReportText.SURGE_SOME_RUNS.in(lang, back.length,
                            runs.size()))).append("</span>");
                }
                h.append("</td></tr>\n");
            }
        }
        h.append("</tbody>\n</table></div>\n</section>\n");
    }

    /** Minutes for a sentence: "1,900", "15", "5.2". */
    private static String minutes(double v) {
        if (!Double.isFinite(v)) {
            return DASH;
        }
        return Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String percent(double share) {
        return num(share * 100);
    }

    /**
     * What drives the response time, beside the verdict: one sentence on the baseline (how much of
     * its mean response the cases reported out of hours make, waiting for the next shift), the
     * response in and out of working hours of every layout and the officials' indicators by
     * category. Nothing for a batch stored before the breakdown was.
     */
    private void explain(StringBuilder h, ComparisonData data, ComparisonStatistics stats) {
        double p = data.referencePoint();
        List<String> layouts = new ArrayList<>();
        for (String l : data.layouts()) {
            if (!stats.caseParts(l, p, CasePart.Kind.HOURS).isEmpty()) {
                layouts.add(l);
            }
        }
        if (layouts.isEmpty()) {
            return;
        }
        String base = layouts.contains(data.baseline()) ? data.baseline() : layouts.get(0);
        h.append("<section id=\"explain\">\n<h2>").append(Html.esc(ReportText.EXPLAIN.in(lang)))
                .append("</h2>\n<p class=\"note\">").append(Html.esc(ReportText.EXPLAIN_NOTE.in(lang)))
                        .append("</p>\n");
        // The sentence on the baseline.
        List<CasePart> hours = stats.caseParts(base, p, CasePart.Kind.HOURS);
        CasePart in = hours.stream().filter(x -> x.name().equals(CasePart.WORKING_HOURS)).findFirst().orElse(null);
        CasePart out = hours.stream().filter(x -> x.name().equals(CasePart.OUT_OF_HOURS)).findFirst().orElse(null);
        if (in != null && out != null) {
            double mean = stats.summary(base, p, Kpi.MEAN_RESPONSE).mean().orElse(Double.NaN);
            double wIn = in.reached() * (Double.isFinite(in.responseMean()) ? in.responseMean() : 0);
            double wOut = out.reached() * (Double.isFinite(out.responseMean()) ? out.responseMean() : 0);
            double share = wIn + wOut > 0 ? wOut / (wIn + wOut) : Double.NaN;
            double outShare = in.known() + out.known() > 0 ? out.known() / (in.known() + out.known()) : Double.NaN;
            String sentence = share > 0.5 && out.responseMean() > in.responseMean()
                    ? ReportText.EXPLAIN_OOH.in(lang, base, num(share * 100, 0), minutes(mean),
                            minutes(out.responseMean()), minutes(in.responseMean()), num(outShare * 100, 0))
                    : ReportText.EXPLAIN_WH.in(lang, base, minutes(mean), minutes(in.responseMean()),
                            num(outShare * 100, 0), minutes(out.responseMean()));
            h.append("<p class=\"v explain\" id=\"explain-sentence\">").append(Html.esc(sentence)).append("</p>\n");
        }
        List<CasePart> urgent = stats.caseParts(base, p, CasePart.Kind.CATEGORY).stream().filter(CasePart::urgent)
                .toList();
        double reached = 0;
        double weighted = 0;
        List<String> urgentNames = new ArrayList<>();
        for (CasePart u : urgent) {
            urgentNames.add(org.gridplan.results.chart.Terms.part(u, lang));
            if (Double.isFinite(u.responseMean()) && u.reached() > 0) {
                reached += u.reached();
                weighted += u.reached() * u.responseMean();
            }
        }
        if (reached > 0) {
            h.append("<p class=\"note\" id=\"explain-urgent\">").append(Html.esc(ReportText.EXPLAIN_URGENT.in(lang,
                    String.join(ReportText.AND.in(lang), urgentNames), minutes(weighted / reached), base)))
                    .append("</p>\n");
        }
        // Response in and out of working hours, every layout.
        h.append("<h3>").append(Html.esc(ReportText.HOURS_TABLE.in(lang))).append("</h3>\n")
                .append("<div class=\"scroll\"><table class=\"grid\" id=\"hours-table\">\n<thead><tr><th>")
                .append(Html.esc(ReportText.HOURS_LAYOUT.in(lang))).append("</th>");
        for (ReportText t : List.of(ReportText.HOURS_SHARE, ReportText.HOURS_MEAN_IN, ReportText.HOURS_MEAN_OUT,
                ReportText.HOURS_ONTIME_IN, ReportText.HOURS_ONTIME_OUT)) {
            h.append("<th>").append(Html.esc(t.in(lang))).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (String l : layouts) {
            List<CasePart> hs = stats.caseParts(l, p, CasePart.Kind.HOURS);
            CasePart a = hs.stream().filter(x -> x.name().equals(CasePart.WORKING_HOURS)).findFirst().orElse(null);
            CasePart b = hs.stream().filter(x -> x.name().equals(CasePart.OUT_OF_HOURS)).findFirst().orElse(null);
            if (a == null || b == null) {
                continue;
            }
            double total = a.known() + b.known();
            h.append("<tr><th>").append(swatch(data, l)).append(Html.esc(l)).append("</th><td>")
                    .append(total > 0 ? percent(b.known() / total) : DASH).append("</td><td>")
                    .append(num(a.responseMean())).append("</td><td>").append(num(b.responseMean())).append("</td><td>")
                    .append(percent(a.onTimeResponse())).append("</td><td>").append(percent(b.onTimeResponse()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table></div>\n");
        // Officials' indicators by category.
        List<CasePart> categories = stats.caseParts(base, p, CasePart.Kind.CATEGORY);
        if (!categories.isEmpty()) {
            h.append("<h3>").append(Html.esc(ReportText.CATEGORY_TABLE.in(lang))).append("</h3>\n<p class=\"note\">")
                    .append(Html.esc(ReportText.CATEGORY_NOTE.in(lang))).append("</p>\n")
                    .append("<div class=\"scroll\"><table class=\"grid\" id=\"category-table\">\n<thead><tr><th>")
                    .append(Html.esc(ReportText.CATEGORY.in(lang))).append("</th><th>")
                    .append(Html.esc(ReportText.CATEGORY_CASES.in(lang))).append("</th>");
            for (String l : layouts) {
                h.append("<th>").append(swatch(data, l)).append(Html.esc(ReportText.ON_TIME_RESPONSE_SHORT.in(lang, l)))
                        .append("</th><th>").append(swatch(data, l))
                        .append(Html.esc(ReportText.ON_TIME_CLOSURE_SHORT.in(lang, l))).append("</th>");
            }
            h.append("</tr></thead>\n<tbody>\n");
            for (CasePart c : categories) {
                h.append("<tr><th>").append(Html.esc(org.gridplan.results.chart.Terms.part(c, lang)));
                if (c.urgent()) {
                    h.append(" <span class=\"w\">").append(Html.esc(ReportText.CATEGORY_URGENT.in(lang)))
                            .append("</span>");
                }
                h.append("</th><td>").append(num(c.known(), 0)).append("</td>");
                for (String l : layouts) {
                    CasePart lc = stats.caseParts(l, p, CasePart.Kind.CATEGORY).stream()
                            .filter(x -> x.name().equals(c.name())).findFirst().orElse(null);
                    h.append("<td>").append(lc == null ? DASH : percent(lc.onTimeResponse())).append("</td><td>")
                            .append(lc == null ? DASH : percent(lc.onTimeClosure())).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody>\n</table></div>\n");
        }
        h.append("</section>\n");
    }

    /**
     * What each layout costs and buys: the plan's workers by kind per layout, the extra full-time
     * workers over the baseline, and a cost-effectiveness line per candidate ("grid-400: +18
     * full-time workers (102 in all), on-time response +0.7 points (+0.04 points per extra full-time
     * worker)"). Nothing when no headcount is known.
     */
    private void cost(StringBuilder h, ComparisonData data, ComparisonStatistics stats) {
        double p = data.referencePoint();
        String base = data.baseline();
        java.util.Set<org.gridplan.results.stats.Staff> kinds = java.util.EnumSet.noneOf(
                org.gridplan.results.stats.Staff.class);
        for (String l : data.layouts()) {
            kinds.addAll(stats.headcount(l, p).keySet());
        }
        boolean ftKnown = data.layouts().stream().anyMatch(l -> Double.isFinite(fullTime(data, stats, l)));
        if (kinds.isEmpty() && !ftKnown) {
            return;
        }
        Kpi gain = Kpi.ON_TIME_RESPONSE;
        List<Kpi> gains = new ArrayList<>();
        if (stats.measured(p, gain)) {
            gains.add(gain);
        }
        if (!gains.contains(options.verdictKpi())) {
            gains.add(options.verdictKpi());
        }
        List<String> names = new ArrayList<>();
        for (Kpi k : gains) {
            names.add(ChartText.kpi(k, lang));
        }
        h.append("<section id=\"cost\">\n<h2>").append(Html.esc(ReportText.COST.in(lang))).append("</h2>\n")
                .append("<p class=\"note\">").append(Html.esc(ReportText.COST_NOTE.in(lang, base,
                        String.join(ReportText.AND.in(lang), names)))).append("</p>\n");
        double baseFt = fullTime(data, stats, base);
        for (String l : data.layouts()) {
            double ft = fullTime(data, stats, l);
            if (l.equals(base) || !Double.isFinite(ft) || data.runs(l, p).isEmpty()) {
                continue;
            }
            double extra = ft - baseFt;
            StringBuilder line = new StringBuilder(ReportText.COST_HEAD.in(lang, l,
                    Double.isFinite(extra) ? signed(extra, 0) : DASH, num(ft, 0)));
            for (Kpi k : gains) {
                PairedComparison c = stats.compare(l, base, p, k);
                if (c.difference().isEmpty()) {
                    continue;
                }
                line.append(ReportText.COST_SEP.in(lang));
                String name = ChartText.kpi(k, lang);
                String unit = k.unit() == Unit.PERCENT ? ReportText.OFFICIAL_POINTS.in(lang)
                        : ChartText.unitSymbol(k.unit(), lang);
                double d = k.unit().display(c.difference().getAsDouble());
                if (c.outcome() == PairedComparison.Outcome.NOT_DISTINGUISHABLE) {
                    line.append(ReportText.COST_SAME.in(lang, name));
                } else if (Double.isFinite(extra) && Math.abs(extra) >= 0.5) {
                    line.append(ReportText.COST_GAIN.in(lang, name, signed(d), unit,
                            signed(d / extra, 2) + " " + unit));
                } else {
                    line.append(ReportText.COST_GAIN_FLAT.in(lang, name, signed(d), unit));
                }
            }
            line.append(ReportText.COST_END.in(lang));
            h.append("<p class=\"v official cost\">").append(Html.esc(line.toString())).append("</p>\n");
        }
        if (!kinds.isEmpty()) {
            h.append("<div class=\"scroll\"><table class=\"grid\" id=\"headcount\">\n<thead><tr><th>")
                    .append(Html.esc(ReportText.INDICATOR.in(lang))).append("</th>");
            for (String l : data.layouts()) {
                h.append("<th>").append(swatch(data, l)).append(Html.esc(l)).append("</th>");
            }
            h.append("</tr></thead>\n<tbody>\n");
            for (org.gridplan.results.stats.Staff k : kinds) {
                h.append("<tr><th>").append(Html.esc(org.gridplan.results.chart.Terms.staff(k, lang))).append("</th>");
                for (String l : data.layouts()) {
                    Double n = stats.headcount(l, p).get(k);
                    h.append("<td>").append(n == null ? "0" : num(n, 0)).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("<tr><th>").append(Html.esc(ReportText.STAFF_TOTAL.in(lang))).append("</th>");
            for (String l : data.layouts()) {
                double sum = stats.headcount(l, p).values().stream().mapToDouble(Double::doubleValue).sum();
                h.append("<td>").append(num(sum, 0)).append("</td>");
            }
            h.append("</tr>\n<tr><th>").append(Html.esc(ReportText.STAFF_EXTRA.in(lang, base))).append("</th>");
            for (String l : data.layouts()) {
                double extra = fullTime(data, stats, l) - baseFt;
                h.append("<td>").append(l.equals(base) ? DASH : signed(extra, 0)).append("</td>");
            }
            h.append("</tr>\n</tbody>\n</table></div>\n");
        }
        h.append("</section>\n");
    }

    private void incomplete(StringBuilder h, ComparisonData data) {
        data.status().filter(s -> !s.complete()).ifPresent(s -> h.append(
                "<section id=\"incomplete\" class=\"warn\">\n<h2>").append(ReportText.INCOMPLETE.in(lang))
                .append("</h2>\n<p>").append(Html.esc(ReportText.INCOMPLETE_TEXT.in(lang, s.storedRuns(),
                        s.plannedRuns(), s.failedRuns()))).append("</p>\n</section>\n"));
    }

    private void summary(StringBuilder h, ComparisonData data) {
        ScenarioSummary sc = data.scenario();
        h.append("<section id=\"summary\">\n<h2>").append(ReportText.SUMMARY.in(lang))
                .append("</h2>\n<table class=\"kv\">\n");
        row(h, ReportText.SCENARIO, Html.esc(sc.name()));
        row(h, ReportText.CITY, Html.esc(sc.city()));
        row(h, ReportText.HOUSEHOLDS, String.format(Locale.ROOT, "%,d", sc.households()));
        StringBuilder layouts = new StringBuilder();
        for (String l : data.layouts()) {
            if (layouts.length() > 0) {
                layouts.append(", ");
            }
            layouts.append(swatch(data, l)).append(Html.esc(l));
            Integer grids = sc.gridsPerLayout().get(l);
            if (grids != null) {
                layouts.append(" (").append(grids).append(")");
            }
        }
        row(h, ReportText.LAYOUTS, layouts.toString());
        row(h, ReportText.BASELINE, Html.esc(data.baseline()));
        row(h, ReportText.REPLICATIONS, Integer.toString(sc.replications()));
        data.status().ifPresent(s -> row(h, ReportText.RUNS, Html.esc(ReportText.RUNS_VALUE.in(lang, s.storedRuns(),
                s.plannedRuns()) + (s.failedRuns() > 0 ? (lang == Lang.ZH ? "，" : ", ")
                        + ReportText.RUNS_FAILED.in(lang, s.failedRuns()) : ""))));
        row(h, ReportText.SEED, Long.toString(sc.seed()));
        List<Double> points = data.sweepPoints();
        if (points.size() > 1 || !sc.sweepParameter().isBlank()) {
            String label = org.gridplan.results.chart.Terms.sweepLabel(sc, lang);
            boolean named = sc.sweep().swept() && (sc.sweep().field().isEmpty() || !sc.sweep().crossed().isEmpty());
            StringBuilder sweep = new StringBuilder(Html.esc(label)).append(lang == Lang.ZH ? "：" : ": ");
            for (int i = 0; i < points.size(); i++) {
                sweep.append(i == 0 ? "" : named ? (lang == Lang.ZH ? "；" : "; ") : ", ").append(Html.esc(named
                        ? org.gridplan.results.chart.Terms.point(sc, points.get(i), lang) : point(points.get(i))));
            }
            row(h, ReportText.SWEEP, sweep.toString());
            row(h, ReportText.REFERENCE, Html.esc(named ? org.gridplan.results.chart.Terms.point(sc,
                    data.referencePoint(), lang) : label + " = " + point(data.referencePoint())));
        } else {
            row(h, ReportText.SWEEP, ReportText.SWEEP_NONE.in(lang));
        }
        h.append("</table>\n</section>\n");
    }

    private void row(StringBuilder h, ReportText key, String valueHtml) {
        h.append("<tr><th>").append(Html.esc(key.in(lang))).append("</th><td>").append(valueHtml)
                .append("</td></tr>\n");
    }

    private void headline(StringBuilder h, ComparisonData data, ComparisonStatistics stats, LayoutPalette palette) {
        double p = data.referencePoint();
        boolean intervals = data.maxReplications() > 1;
        h.append("<section id=\"headline\">\n<h2>").append(ReportText.HEADLINE.in(lang))
                .append("</h2>\n<p class=\"note\">")
                .append(Html.esc(intervals ? ReportText.HEADLINE_NOTE.in(lang, data.maxReplications())
                        : ReportText.HEADLINE_NOTE_ONE.in(lang)))
                .append("</p>\n<div class=\"scroll\"><table class=\"grid\">\n<thead><tr><th>")
                .append(ReportText.INDICATOR.in(lang)).append("</th>");
        for (String l : data.layouts()) {
            h.append("<th>").append(swatch(data, l)).append(Html.esc(l)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Kpi kpi : Kpi.values()) {
            if (kpi.official() && !stats.measured(p, kpi)) {
                continue;
            }
            Ranking r = stats.ranking(p, kpi);
            List<String> best = bestLayouts(stats, r, data.layouts().size());
            h.append("<tr><th>").append(Html.esc(ChartText.kpiWithUnit(kpi, lang))).append("</th>");
            for (String l : data.layouts()) {
                Summary s = stats.summary(l, p, kpi);
                // A headcount is a whole number, the same in every replication: no "84.0 (84.0–84.0)".
                boolean people = kpi.unit() == Unit.PEOPLE;
                h.append(best.contains(l) ? "<td class=\"top\">" : "<td>").append(num(display(kpi, s.mean()),
                        people ? 0 : 1));
                s.ci().filter(ci -> !people || ci.upper() - ci.lower() >= 0.5).ifPresent(ci -> h.append(" <small>(")
                        .append(num(bounded(kpi, ci.lower()), people ? 0 : 1)).append("–")
                        .append(num(bounded(kpi, ci.upper()), people ? 0 : 1)).append(")</small>"));
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        String[] pooledNames = {ChartText.kpi(Kpi.P50_RESPONSE, lang), ChartText.kpi(Kpi.P90_RESPONSE, lang),
            ChartText.kpi(Kpi.P95_RESPONSE, lang)};
        for (int k = 0; k < 3; k++) {
            h.append("<tr><th>").append(Html.esc(ReportText.POOLED.in(lang, pooledNames[k]) + " ("
                    + ChartText.unit(Unit.MINUTES, lang) + ")")).append("</th>");
            for (String l : data.layouts()) {
                Optional<PooledPercentiles> pp = stats.pooled(l, p);
                int kk = k;
                h.append("<td>").append(pp.map(x -> num(kk == 0 ? x.p50() : kk == 1 ? x.p90() : x.p95())).orElse(DASH))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static List<String> bestLayouts(ComparisonStatistics stats, Ranking r, int layouts) {
        List<String> out = new ArrayList<>();
        if (!r.intervalsAvailable() || r.places().isEmpty() || layouts < 2
                || r.kpi().direction() == Kpi.Direction.NEUTRAL) {
            return out;
        }
        int top = r.places().get(0).rank();
        for (Ranking.Place place : r.places()) {
            if (place.rank() == top) {
                out.add(place.layout());
            }
        }
        // When every layout shares first place, nothing stands out; and the first place is
        // highlighted only when each of its layouts is significantly better than each other layout.
        if (out.size() == r.places().size()) {
            return List.of();
        }
        for (String t : out) {
            for (Ranking.Place other : r.places()) {
                if (!out.contains(other.layout())
                        && !stats.compare(t, other.layout(), r.sweepPoint(), r.kpi()).improves()) {
                    return List.of();
                }
            }
        }
        return out;
    }

    private void differences(StringBuilder h, ComparisonData data, ComparisonStatistics stats) {
        List<String> candidates = new ArrayList<>(data.layouts());
        candidates.remove(data.baseline());
        if (candidates.isEmpty()) {
            return;
        }
        double p = data.referencePoint();
        h.append("<section id=\"differences\">\n<h2>").append(Html.esc(ReportText.DIFF.in(lang, data.baseline())))
                .append("</h2>\n<p class=\"note\">").append(Html.esc(ReportText.DIFF_NOTE.in(lang)))
                .append("</p>\n<div class=\"scroll\"><table class=\"grid\">\n<thead><tr><th>")
                .append(ReportText.INDICATOR.in(lang)).append("</th>");
        for (String l : candidates) {
            h.append("<th>").append(swatch(data, l)).append(Html.esc(l)).append(" − ").append(Html.esc(data.baseline()))
                    .append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Kpi kpi : Kpi.values()) {
            if (kpi.official() && !stats.measured(p, kpi)) {
                continue;
            }
            h.append("<tr><th>").append(Html.esc(ChartText.kpi(kpi, lang))).append(" (")
                    .append(Html.esc(diffUnit(kpi.unit()))).append(")</th>");
            for (String l : candidates) {
                PairedComparison c = stats.compare(l, data.baseline(), p, kpi);
                String cls;
                String word;
                if (c.improves()) {
                    cls = "better";
                    word = ReportText.BETTER.in(lang);
                } else if (c.worsens()) {
                    cls = "worse";
                    word = ReportText.WORSE.in(lang);
                } else if (c.outcome() == PairedComparison.Outcome.NOT_DISTINGUISHABLE) {
                    cls = "same";
                    word = ReportText.SAME.in(lang);
                } else if (c.outcome() == PairedComparison.Outcome.UNAVAILABLE) {
                    cls = "na";
                    word = ReportText.NA.in(lang);
                } else {
                    cls = "changed";
                    word = ReportText.CHANGED.in(lang);
                }
                // One decimal, or up to three where one would print a difference called better or
                // worse as "0.0 (0.0 to 0.0)".
                int decimals = 1;
                if (c.ci().isPresent() && c.outcome() != PairedComparison.Outcome.NOT_DISTINGUISHABLE) {
                    double lo = kpi.unit().display(c.ci().get().lower());
                    double hi = kpi.unit().display(c.ci().get().upper());
                    while (decimals < 3 && (round(lo, decimals) == 0 || round(hi, decimals) == 0)) {
                        decimals++;
                    }
                }
                int d = decimals;
                h.append("<td class=\"").append(cls).append("\">").append(c.difference().isPresent()
                        ? signed(kpi.unit().display(c.difference().getAsDouble()), d) : DASH);
                c.ci().ifPresent(ci -> h.append(" <small>(").append(signed(kpi.unit().display(ci.lower()), d))
                        .append(lang == Lang.ZH ? " 至 " : " to ").append(signed(kpi.unit().display(ci.upper()), d))
                        .append(")</small>"));
                h.append("<br><span class=\"w\">").append(Html.esc(word)).append("</span></td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table></div>\n</section>\n");
    }

    private void chartsSection(StringBuilder h, ComparisonData data, ComparisonCharts charts) {
        h.append("<section id=\"charts\">\n<h2>").append(ReportText.CHARTS.in(lang)).append("</h2>\n");
        boolean tradeoff = false;
        for (NamedChart c : charts.all()) {
            figure(h, c, c.id().equals("staffing-tradeoff") && !charts.staffingSweep()
                    ? ReportText.CAP_SWEEP_TRADEOFF.in(lang,
                            org.gridplan.results.chart.Terms.sweepLabel(data.scenario(),
                            lang)) : caption(c.id()));
            tradeoff |= c.id().equals("staffing-tradeoff");
        }
        if (!tradeoff) {
            h.append("<p class=\"note\" id=\"no-tradeoff\">").append(Html.esc(ReportText.TRADEOFF_NONE.in(lang)))
                    .append("</p>\n");
        }
        h.append("</section>\n");
    }

    private String caption(String chartId) {
        String key = "CAP_" + chartId.toUpperCase(Locale.ROOT).replace('-', '_');
        return ReportText.valueOf(key).in(lang);
    }

    private void maps(StringBuilder h, ComparisonData data, ComparisonCharts charts) {
        h.append("<section id=\"maps\">\n<h2>").append(ReportText.MAPS.in(lang)).append("</h2>\n");
        List<NamedChart> maps = charts.maps(options.mapKpi());
        if (maps.isEmpty()) {
            h.append("<p class=\"note\">").append(Html.esc(ReportText.MAPS_NONE.in(lang))).append("</p>\n");
        } else {
            h.append("<p class=\"note\">").append(Html.esc(ReportText.MAPS_NOTE.in(lang,
                    ChartText.kpi(options.mapKpi(), lang))));
            if (data.map().map(m -> !m.branchSites().isEmpty()).orElse(false)) {
                h.append(' ').append(Html.esc(ReportText.MAPS_SITES.in(lang)));
            }
            h.append("</p>\n<div class=\"maps\">\n");
            List<String> mapped = data.map().map(m -> m.layouts().keySet().stream().filter(data.layouts()::contains)
                    .toList()).orElse(List.of());
            for (int i = 0; i < maps.size(); i++) {
                NamedChart c = maps.get(i);
                figure(h, c, c.title());
                if (i < mapped.size()) {
                    worstGrids(h, data, charts, mapped.get(i), c.id());
                }
            }
            h.append("</div>\n");
        }
        h.append("</section>\n");
    }

    /** The table of the worst grids of one map, numbered as on the map. */
    private void worstGrids(StringBuilder h, ComparisonData data, ComparisonCharts charts, String layout,
            String mapId) {
        Kpi kpi = options.mapKpi();
        List<ComparisonCharts.WorstGrid> worst = charts.worstGrids(layout, kpi);
        if (worst.isEmpty()) {
            return;
        }
        int grids = data.map().map(m -> m.layouts().get(layout)).map(l -> l.gridCount()).orElse(worst.size());
        String heading = worst.size() >= grids ? ReportText.WORST_ALL.in(lang, layout, ChartText.kpi(kpi, lang))
                : ReportText.WORST_TITLE.in(lang, layout, ChartText.kpi(kpi, lang), worst.size());
        h.append("<h3>").append(Html.esc(heading))
                .append("</h3>\n<div class=\"scroll\"><table class=\"grid worst\" id=\"").append(mapId)
                .append("-worst\">\n<thead><tr>");
        for (String t : List.of(ReportText.WORST_RANK.in(lang), ReportText.WORST_GRID.in(lang),
                ReportText.WORST_COMMUNITY.in(lang), ChartText.kpiWithUnit(kpi, lang),
                ReportText.WORST_HOUSEHOLDS.in(lang), ReportText.WORST_WORKERS.in(lang))) {
            h.append("<th>").append(Html.esc(t)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (ComparisonCharts.WorstGrid w : worst) {
            h.append("<tr><td>").append(w.rank()).append("</td><th>").append(Html.esc(w.grid())).append("</th><td>")
                    .append(Html.esc(w.community())).append("</td><td>")
                    .append(kpi.unit() == Unit.PERCENT || Math.abs(w.value()) < 100 ? num(w.value())
                            : String.format(Locale.ROOT, "%,.0f", w.value()))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%,d", w.households())).append("</td><td>")
                    .append(Double.isFinite(w.workers())
                            ? num(w.workers(), Math.abs(w.workers() - Math.rint(w.workers()))
                            < 0.05 ? 0 : 1) : DASH)
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table></div>\n");
    }

    private void figure(StringBuilder h, NamedChart c, String caption) {
        h.append("<figure id=\"").append(c.id()).append("\">\n").append(ChartRendering.svg(c))
                .append("\n<figcaption>").append(Html.esc(caption)).append("</figcaption>\n</figure>\n");
    }

    /** The selection procedure's statement and its guarantee, when a procedure chose the best layout. */
    private void selection(StringBuilder h, ComparisonData data) {
        if (data.selection().isEmpty()) {
            return;
        }
        h.append("<section id=\"selection\">\n<h2>").append(ReportText.SELECTION.in(lang)).append("</h2>\n");
        for (Justification j : data.selection()) {
            h.append("<p>").append(Html.esc(j.text(lang == Lang.ZH))).append("</p>\n");
        }
        h.append("</section>\n");
    }

    private void justifications(StringBuilder h, ComparisonData data) {
        h.append("<section id=\"justifications\">\n<h2>").append(ReportText.JUSTIFICATIONS.in(lang)).append("</h2>\n");
        if (data.justifications().isEmpty()) {
            ReportText none = data.status().map(s -> s.optimised() ? ReportText.JUSTIFICATIONS_OPTIMISED_NONE
                    : ReportText.JUSTIFICATIONS_NOT_OPTIMISED).orElse(ReportText.JUSTIFICATIONS_NONE);
            h.append("<p class=\"note\">").append(Html.esc(none.in(lang))).append("</p>\n");
        } else {
            List<String> simulated = new ArrayList<>();
            for (String l : data.layouts()) {
                OptionalDouble m = new ComparisonStatistics(data).summary(l, data.referencePoint(), Kpi.MEAN_RESPONSE)
                        .mean();
                if (m.isPresent()) {
                    simulated.add(l + " " + num(m.getAsDouble()) + " " + ChartText.unitSymbol(Unit.MINUTES, lang));
                }
            }
            h.append("<p class=\"note\" id=\"analytic-note\">").append(Html.esc(ReportText.ANALYTIC_NOTE.in(lang,
                    String.join(lang == Lang.ZH ? "，" : ", ", simulated)))).append("</p>\n");
            h.append("<ul>\n");
            for (Justification j : data.justifications()) {
                h.append("<li>").append(Html.esc(officialTerms(j.text(lang == Lang.ZH)))).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("</section>\n");
    }

    /**
     * A stored justification in the officials' terms: in Chinese the optimiser's model is the
     * estimate (估算模型) and Erlang C the queueing wait (排队等待).
     */
    private String officialTerms(String text) {
        if (lang != Lang.ZH) {
            return text;
        }
        return text.replace("解析模型", "估算模型").replace("Erlang C 等待", "排队等待").replace("Erlang C", "排队模型")
                .replace("每格一人基线", "每格一人方案");
    }

    private static String swatch(ComparisonData data, String layout) {
        return "<span class=\"sw s" + data.layouts().indexOf(layout) + "\"></span>";
    }

    private static String swatchCss(LayoutPalette palette) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (Map.Entry<String, Color> e : palette.colours().entrySet()) {
            sb.append(".s").append(i++).append("{background:").append(LayoutPalette.css(e.getValue())).append("}\n");
        }
        return sb.toString();
    }

    private static double display(Kpi kpi, OptionalDouble stored) {
        return stored.isPresent() ? kpi.unit().display(stored.getAsDouble()) : Double.NaN;
    }

    /**
     * A bound of a mean's confidence interval in the KPI's display unit, kept to the values the KPI
     * can take: no share above 100% and nothing below 0 (a Student-t interval of a mean near a limit
     * would otherwise reach past it).
     */
    static double bounded(Kpi kpi, double stored) {
        double v = Math.max(0, kpi.unit().display(stored));
        return kpi.unit() == Unit.PERCENT ? Math.min(100, v) : v;
    }

    /** One decimal, or a dash for a value that does not exist. */
    static String num(double v) {
        return num(v, 1);
    }

    /** {@code decimals} decimals, or a dash for a value that does not exist. */
    static String num(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return DASH;
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return isZero(s) ? s.replace("-", "") : s;
    }

    /** One decimal with its sign, or a dash. */
    static String signed(double v) {
        return signed(v, 1);
    }

    /** {@code decimals} decimals with their sign, or a dash. */
    static String signed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return DASH;
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return isZero(s) ? s.replace("-", "") : v > 0 ? "+" + s : s;
    }

    /** Whether a formatted number is zero, e.g. "0.0" or "-0.00". */
    private static boolean isZero(String s) {
        return s.chars().noneMatch(ch -> ch >= '1' && ch <= '9');
    }

    private static String point(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** The report's style sheet, shared with the capacity report. */
    static final String CSS = """
            body{margin:0;background:#f6f6f3;color:#1a1a1a;font:16px/1.5 'Noto Sans CJK SC','Noto Sans SC',\
            'Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif}
            main{max-width:1000px;margin:0 auto;padding:24px 28px 48px;background:#fff}
            h1{font-size:28px;margin:0 0 4px}
            h2{font-size:21px;margin:32px 0 10px;border-bottom:2px solid #e4e4e0;padding-bottom:4px}
            .sub,.note{color:#555}
            .note{font-size:14px}
            .verdict{background:#fbfbf8;border:1px solid #e4e4e0;border-radius:6px;padding:4px 18px 10px}
            .verdict h2{border:0;margin-top:12px}
            .warn{background:#fff6db;border:1px solid #e6a700;border-radius:6px;
            padding:4px 18px 6px;margin-top:16px}
            .warn h2{border:0;margin-top:10px;color:#8a5a00}
            .v{font-size:19px;margin:8px 0;padding:8px 12px;border-left:6px solid #999;background:#fff}
            .v.better{border-color:#1a9850}.v.worse{border-color:#d73027}
            .v.same{border-color:#999}.v.na{border-color:#e6a700}
            .v.mixed{border-color:#7b3294}.v.official{font-size:17px}
            .best{font-weight:bold;margin:10px 0 4px}
            table{border-collapse:collapse;font-size:15px}
            .kv th{text-align:left;font-weight:normal;color:#555;padding:3px 18px 3px 0}
            .grid th,.grid td{border:1px solid #ddd;padding:6px 9px;text-align:right;vertical-align:top}
            .grid thead th{background:#f0f0ec;text-align:center}
            .grid tbody th{text-align:left;font-weight:normal}
            .grid td small{color:#555;white-space:nowrap}
            td.top{background:#e3f2e1;font-weight:bold}
            td.better{background:#e3f2e1}td.worse{background:#fbe3e0}
            td.same{background:#f2f2f2}td.na{background:#fff6db}
            .w{font-size:12px;color:#444}
            .scroll{overflow-x:auto}
            .sw{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:6px;vertical-align:-1px}
            figure{margin:18px 0 26px}
            figure svg{display:block;max-width:100%;height:auto;border:1px solid #eee}
            figcaption{font-size:14px;color:#444;margin-top:6px}
            h3{font-size:17px;margin:18px 0 8px}
            .glance{border:2px solid #2c7fb8;border-radius:6px;padding:2px 14px 10px;margin-top:14px}
            .glance h2{border:0;margin-top:10px}
            .v.explain{border-color:#2c7fb8}.v.cost{border-color:#636363}
            .v.surge{border-color:#08519c}.v.sweep{border-color:#238b45}
            @media (max-width:600px){
            body{font-size:15px}
            main{padding:12px 10px 32px}
            h1{font-size:22px}h2{font-size:18px}
            .v{font-size:16px;padding:6px 8px}.v.official{font-size:15px}
            .verdict{padding:4px 10px 8px}
            table{font-size:13px}
            .grid th,.grid td{padding:4px 6px}
            .kv th{padding-right:8px}
            .kv td{word-break:break-word}
            .scroll{-webkit-overflow-scrolling:touch;max-width:100%}
            .grid td small{white-space:normal}
            .grid tbody th,.grid td{white-space:nowrap}
            figure{margin:12px 0 18px;overflow-x:auto;-webkit-overflow-scrolling:touch}
            figure svg{min-width:640px}
            }
            @media print{
            @page{size:A4;margin:15mm 12mm}
            body{background:#fff;font-size:11pt}
            main{max-width:none;padding:0;margin:0}
            h2{break-after:avoid;page-break-after:avoid}
            h3{break-after:avoid;page-break-after:avoid}
            section{break-inside:auto}
            #glance{break-after:page;page-break-after:always}
            #verdict,#explain,#cost{break-inside:avoid-page}
            figure svg{min-width:0;max-width:100%}
            #charts,#maps,#justifications{break-before:page;page-break-before:always}
            figure,table,tr,.v{break-inside:avoid;page-break-inside:avoid}
            .scroll{overflow:visible}
            table{font-size:9pt}
            td.top,td.better,td.worse,td.same,td.na,.sw{-webkit-print-color-adjust:exact;print-color-adjust:exact}
            }
            """;
}
