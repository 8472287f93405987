package org.gridplan.results.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gridplan.results.chart.CapacityCharts;
import org.gridplan.results.chart.ChartRendering;
import org.gridplan.results.chart.Lang;
import org.gridplan.results.chart.NamedChart;
import org.gridplan.results.chart.Terms;
import org.gridplan.results.stats.CapacityStudy;
import org.gridplan.results.stats.CapacityStudy.Headcount;
import org.gridplan.results.stats.CapacityStudy.Layout;
import org.gridplan.results.stats.CapacityStudy.ModelPoint;
import org.gridplan.results.stats.CapacityStudy.RosterOption;
import org.gridplan.results.stats.CapacityStudy.SimulatedPoint;
import org.gridplan.sim.io.AtomicFiles;

/**
 * The capacity report: one self-contained HTML file (inline CSS and SVG, no scripts, no external
 * files or network) with the answer per layout as one sentence at the top — e.g. "grid-400 needs
 * 102 full-time workers, 12 part-time workers, 18 professionals and 6 on duty at night to reach
 * 98.5% of cases on time with 95% confidence (simulated 98.77%, lower bound 98.64%; 17
 * professionals fall short at 98.40%)." — then per layout the staffing-versus-KPI chart
 * ({@link CapacityCharts}), the points simulated and the duty rosters tried.
 *
 * <p>Every name from the data (scenario, district, layouts) is HTML-escaped.
 */
public final class CapacityReport {

    private static final String DASH = "—";

    private final Lang lang;

    /** A report in {@code lang}. */
    public CapacityReport(Lang lang) {
        this.lang = lang;
    }

    /** The answer for every layout of {@code study}, one sentence each, in order. */
    public List<String> answers(CapacityStudy study) {
        List<String> out = new ArrayList<>();
        for (Layout l : study.layouts()) {
            out.add(answer(study, l));
        }
        return out;
    }

    /**
     * The answer for {@code layout} as one sentence: the plan's workers by kind and its workers on
     * duty at night, the target and confidence, the simulated share and its lower bound, and the
     * point one professional short; or, when the target is not met within the bound, that it is
     * not, with the best plan simulated.
     */
    public String answer(CapacityStudy study, Layout layout) {
        String conf = CapacityCharts.percent(study.confidence());
        Optional<SimulatedPoint> answer = layout.answer();
        if (answer.isPresent()) {
            SimulatedPoint a = answer.get();
            String shortfall = layout.shortOfAnswer().map(s -> shortfall(study, s)).orElse("");
            return CapacityText.MET.in(lang, layout.layout(), workers(a.staff()),
                    CapacityCharts.percent(study.onTime()), conf, pct(a.onTime()), pct(a.onTimeLow()), shortfall);
        }
        Optional<SimulatedPoint> best = layout.best();
        if (best.isEmpty()) {
            return CapacityText.NOT_SIMULATED.in(lang, layout.layout());
        }
        SimulatedPoint b = best.get();
        if (b.onTimeLow() >= study.onTime()) {
            return CapacityText.NOT_MET_URGENT.in(lang, layout.layout(), CapacityCharts.percent(study.urgentOnTime()),
                    conf, layout.maxProfessionals(), workers(b.staff()), pct(b.onTime()), pct(b.onTimeLow()),
                    pct(b.urgentOnTime()), pct(b.urgentLow()));
        }
        return CapacityText.NOT_MET.in(lang, layout.layout(), CapacityCharts.percent(study.onTime()), conf,
                layout.maxProfessionals(), workers(b.staff()), pct(b.onTime()), pct(b.onTimeLow()));
    }

    /** The clause on the point one professional short of the answer. */
    private String shortfall(CapacityStudy study, SimulatedPoint s) {
        boolean one = s.professionals() == 1;
        String count = (one ? CapacityText.PROFESSIONALS_COUNT_ONE : CapacityText.PROFESSIONALS_COUNT)
                .in(lang, s.professionals());
        if (s.onTimeLow() < study.onTime()) {
            return (one ? CapacityText.SHORT_ONE : CapacityText.SHORT).in(lang, count, pct(s.onTimeLow()));
        }
        return (one ? CapacityText.SHORT_URGENT_ONE : CapacityText.SHORT_URGENT).in(lang, count, pct(s.urgentLow()));
    }

    /** "102 full-time workers, 12 part-time workers, 18 professionals and 6 on duty at night". */
    String workers(Headcount h) {
        List<String> parts = new ArrayList<>();
        parts.add(count(h.fullTime(), CapacityText.FULL_TIME_ONE, CapacityText.FULL_TIME));
        if (h.partTime() > 0) {
            parts.add(count(h.partTime(), CapacityText.PART_TIME_ONE, CapacityText.PART_TIME));
        }
        parts.add(h.professionals() == 0 ? CapacityText.PROFESSIONALS_NONE.in(lang)
                : count(h.professionals(), CapacityText.PROFESSIONALS_ONE, CapacityText.PROFESSIONALS));
        if (h.branchPool() > 0) {
            parts.add(count(h.branchPool(), CapacityText.BRANCH_POOL_ONE, CapacityText.BRANCH_POOL));
        }
        String duty = h.onDuty() == 0 ? CapacityText.ON_DUTY_NONE.in(lang) : CapacityText.ON_DUTY.in(lang, h.onDuty());
        return String.join(CapacityText.LIST_SEP.in(lang), parts) + CapacityText.LIST_AND.in(lang) + duty;
    }

    private String count(int n, CapacityText one, CapacityText many) {
        return (n == 1 ? one : many).in(lang, n);
    }

    /** The charts of the report, one per layout, in order. */
    public List<NamedChart> charts(CapacityStudy study) {
        List<NamedChart> out = new ArrayList<>();
        for (int i = 0; i < study.layouts().size(); i++) {
            out.add(CapacityCharts.curve(study, study.layouts().get(i), i, lang));
        }
        return out;
    }

    /**
     * Writes the report to {@code target} atomically (a reader never sees half a file).
     *
     * @param csvName the name of the CSV with the curve's figures, named in the report's method note
     */
    public void write(CapacityStudy study, String csvName, Path target) {
        String html = html(study, csvName);
        AtomicFiles.write(target, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
    }

    /** The report as an HTML document. */
    public String html(CapacityStudy study, String csvName) {
        StringBuilder h = new StringBuilder(1 << 18);
        String title = CapacityText.TITLE.in(lang, study.scenario());
        h.append("<!DOCTYPE html>\n<html lang=\"").append(lang.tag()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.esc(title)).append("</title>\n<style>\n").append(ReportWriter.CSS)
                .append("tr.chosen th,tr.chosen td{font-weight:bold}\n").append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<header>\n<h1>").append(Html.esc(title)).append("</h1>\n<p class=\"sub\">")
                .append(Html.esc(CapacityText.SUBTITLE.in(lang, study.city(), CapacityCharts.percent(study.onTime()),
                        CapacityCharts.percent(study.urgentOnTime()), CapacityCharts.percent(study.confidence()))))
                .append("</p>\n</header>\n");
        h.append("<section id=\"answer\" class=\"verdict\">\n<h2>").append(CapacityText.ANSWER.in(lang))
                .append("</h2>\n");
        for (Layout l : study.layouts()) {
            h.append("<p class=\"v ").append(l.chosen().isPresent() ? "better" : "worse").append("\">")
                    .append(Html.esc(answer(study, l))).append("</p>\n");
        }
        h.append("</section>\n");
        List<NamedChart> charts = charts(study);
        for (int i = 0; i < study.layouts().size(); i++) {
            layout(h, study, study.layouts().get(i), charts.get(i), i);
        }
        h.append("<section id=\"method\">\n<h2>").append(CapacityText.METHOD.in(lang)).append("</h2>\n<p>")
                .append(Html.esc(CapacityText.METHOD_TEXT.in(lang, csvName))).append("</p>\n</section>\n");
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private void layout(StringBuilder h, CapacityStudy study, Layout l, NamedChart chart, int index) {
        h.append("<section id=\"layout-").append(index + 1).append("\" class=\"capacity\">\n<h2>")
                .append(Html.esc(l.layout())).append("</h2>\n");
        h.append("<p class=\"note\">").append(Html.esc(CapacityText.ROSTER.in(lang, Terms.roster(l.roster(), lang),
                CapacityCharts.percent(study.urgentOnTime())))).append("</p>\n");
        h.append("<figure id=\"").append(chart.id()).append("\">\n").append(ChartRendering.svg(chart))
                .append("\n<figcaption>").append(Html.esc(CapacityText.CAPTION.in(lang,
                        CapacityCharts.percent(study.confidence())))).append("</figcaption>\n</figure>\n");
        points(h, study, l);
        rosters(h, l);
        h.append("</section>\n");
    }

    private void points(StringBuilder h, CapacityStudy study, Layout l) {
        h.append("<h3>").append(CapacityText.POINTS_TABLE.in(lang)).append("</h3>\n<div class=\"scroll\">"
                + "<table class=\"grid points\">\n<thead><tr>");
        for (String c : List.of(CapacityText.COL_ADDED.in(lang), CapacityText.COL_WORKERS.in(lang),
                CapacityText.COL_MODEL.in(lang), CapacityText.COL_SIM.in(lang,
                        CapacityCharts.percent(study.confidence())), CapacityText.COL_LOW.in(lang),
                CapacityText.COL_URGENT.in(lang), CapacityText.COL_MEAN.in(lang), CapacityText.COL_MEETS.in(lang))) {
            h.append("<th>").append(Html.esc(c)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        List<SimulatedPoint> sorted = l.simulated().stream()
                .sorted(java.util.Comparator.comparingInt(SimulatedPoint::professionals)).toList();
        for (SimulatedPoint p : sorted) {
            boolean chosen = l.chosen().isPresent() && l.chosen().getAsInt() == p.professionals();
            Headcount s = p.staff();
            double model = l.curve().stream().filter(m -> m.professionals() == p.professionals())
                    .mapToDouble(ModelPoint::onTime).findFirst().orElse(Double.NaN);
            h.append("<tr").append(chosen ? " class=\"chosen\"" : "").append(" data-professionals=\"")
                    .append(p.professionals()).append("\"><th>").append(p.professionals()).append("</th><td>")
                    .append(s.fullTime()).append(" / ").append(s.partTime()).append(" / ").append(s.professionals())
                    .append(" / ").append(s.onDuty()).append("</td><td>").append(pct(model)).append("</td><td>")
                    .append(pct(p.onTime())).append(" <small>(").append(pct(clip(p.onTimeCi().lower())))
                    .append("–").append(pct(clip(p.onTimeCi().upper()))).append(")</small></td><td")
                    .append(p.onTimeLow() >= study.onTime() ? " class=\"better\"" : " class=\"worse\"").append(">")
                    .append(pct(p.onTimeLow())).append("</td><td>").append(pct(p.urgentOnTime())).append(" <small>[")
                    .append(pct(p.urgentLow())).append("]</small></td><td>").append(num(p.meanResponse()))
                    .append("</td><td class=\"").append(p.meets() ? "better" : "worse").append("\">")
                    .append((p.meets() ? CapacityText.YES : CapacityText.NO).in(lang)).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table></div>\n");
    }

    private void rosters(StringBuilder h, Layout l) {
        h.append("<h3>").append(CapacityText.ROSTER_TABLE.in(lang)).append("</h3>\n<div class=\"scroll\">"
                + "<table class=\"grid rosters\">\n<thead><tr><th>").append(Html.esc(CapacityText.ROSTER_NAME.in(lang)))
                .append("</th><th>").append(Html.esc(CapacityText.ROSTER_URGENT.in(lang))).append("</th><th></th>"
                        + "</tr></thead>\n<tbody>\n");
        for (RosterOption r : l.rosters()) {
            boolean chosen = r.roster().equals(l.roster());
            h.append("<tr><th>").append(Html.esc(Terms.roster(r.roster(), lang))).append("</th><td>")
                    .append(pct(r.urgentOnTime())).append("</td><td>")
                    .append(chosen ? CapacityText.ROSTER_CHOSEN.in(lang) : "").append("</td></tr>\n");
        }
        h.append("</tbody>\n</table></div>\n");
    }

    /** A share as a percentage with two decimals, or a dash. */
    static String pct(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.2f", 100 * share) : DASH;
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.0f", v) : DASH;
    }

    private static double clip(double share) {
        return Math.max(0, Math.min(1, share));
    }
}
