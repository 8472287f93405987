package org.gridplan.results.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import org.gridplan.results.chart.ChartRendering;
import org.gridplan.results.chart.EnsembleCharts;
import org.gridplan.results.chart.Lang;
import org.gridplan.results.chart.NamedChart;
import org.gridplan.sim.io.AtomicFiles;

/**
 * The ensemble report: where a proposed layout lies among the valid layouts a ReCom chain visits,
 * statistic by statistic — a table of percentiles and one histogram per statistic with the
 * proposal marked — as one self-contained HTML file (inline SVG, no scripts).
 */
public final class EnsembleReport {

    /**
     * One statistic.
     *
     * @param column   its column name in the steps CSV
     * @param label    its label in the report's language
     * @param values   its value at every step of the chain
     * @param start    its value for the layout the chain started from
     * @param proposed its value for the proposed layout, if one was given
     */
    public record Statistic(String column, String label, double[] values, double start, OptionalDouble proposed) {

        /** Copies. */
        public Statistic {
            values = values.clone();
            Objects.requireNonNull(proposed, "proposed");
        }

        /** The percentile of {@code v} among the values: share below plus half the share equal, percent. */
        public double percentile(double v) {
            int below = 0;
            int equal = 0;
            for (double x : values) {
                if (x < v) {
                    below++;
                } else if (x == v) {
                    equal++;
                }
            }
            return values.length == 0 ? Double.NaN : 100.0 * (below + 0.5 * equal) / values.length;
        }
    }

    /**
     * What the report shows.
     *
     * @param city       the city's name
     * @param from       the layout the chain started from
     * @param proposal   the proposed layout's name, if one was given
     * @param steps      steps of the chain
     * @param unique     distinct layouts visited
     * @param tree       how spanning trees were drawn
     * @param seed       the chain's seed
     * @param statistics the statistics
     */
    public record Study(String city, String from, java.util.Optional<String> proposal, int steps, int unique,
            String tree, long seed, List<Statistic> statistics) {

        /** Copies. */
        public Study {
            statistics = List.copyOf(statistics);
        }
    }

    private final Lang lang;

    /** A report in {@code lang}. */
    public EnsembleReport(Lang lang) {
        this.lang = Objects.requireNonNull(lang, "lang");
    }

    private String t(String en, String zh) {
        return lang == Lang.ZH ? zh : en;
    }

    /** The histograms, one per statistic, filed as {@code ensemble-<column>}. */
    public List<NamedChart> charts(Study study) {
        return study.statistics().stream().map(s -> EnsembleCharts.histogram(
                "ensemble-" + s.column().replace('_', '-'), s.label(), s.values(), s.start(),
                study.from() + String.format(Locale.ROOT, t(" (start, percentile %.0f)", "（起始方案，百分位 %.0f）"),
                        s.percentile(s.start())), s.proposed(),
                s.proposed().isPresent() ? study.proposal().orElse("") + String.format(Locale.ROOT,
                        t(" (percentile %.0f)", "（百分位 %.0f）"), s.percentile(s.proposed().getAsDouble())) : "",
                lang)).toList();
    }

    /** Writes the report to {@code target} atomically. */
    public void write(Study study, Path target) {
        String html = html(study);
        AtomicFiles.write(target, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
    }

    /** The report as an HTML document. */
    public String html(Study study) {
        StringBuilder h = new StringBuilder(1 << 16);
        String title = t("Layout ensemble: ", "网格划分方案集合：") + study.from();
        h.append("<!DOCTYPE html>\n<html lang=\"").append(lang.tag()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.esc(title)).append("</title>\n<style>\n").append(ReportWriter.CSS)
                .append("</style>\n</head>\n<body>\n<main>\n<header>\n<h1>").append(Html.esc(title))
                .append("</h1>\n<p class=\"sub\">").append(Html.esc(String.format(Locale.ROOT, t(
                        "City %s; %,d steps of the ReCom chain from layout %s (%s spanning trees, seed %d); %,d "
                                + "distinct"
                                + " layouts, every one within the grid rules.",
                        "城市 %s；自方案 %s 起的 ReCom 马尔可夫链 %,d 步（%s 生成树，随机种子 %d）；共 %,d 个不同方案，均符合网格规则。"),
                        lang == Lang.ZH ? new Object[] {study.city(), study.from(), study.steps(), study.tree(),
                                study.seed(), study.unique()}
                                : new Object[] {study.city(), study.steps(), study.from(), study.tree(), study.seed(),
                                        study.unique()})))
                .append("</p>\n</header>\n");
        h.append("<section id=\"percentiles\">\n<h2>").append(Html.esc(t("Where the layouts lie", "方案所处位置")))
                .append("</h2>\n");
        if (study.proposal().isPresent()) {
            h.append("<p>").append(Html.esc(String.format(Locale.ROOT, t("The percentile of %s among the ensemble's"
                    + " layouts: the share of them below it (ties counted half). Near 0 or 100, the proposal is an"
                    + " outlier among the valid layouts on that statistic.", "%s 在方案集合中的百分位：集合中低于它的方案所占比例"
                    + "（相等的计一半）。接近 0 或 100 时，该方案在这一指标上是有效方案中的极端值。"), study.proposal().get())))
                    .append("</p>\n");
        }
        h.append("<div class=\"scroll\"><table class=\"grid\">\n<thead><tr><th>").append(Html.esc(t("statistic", "指标")))
                .append("</th><th>").append(Html.esc(t("ensemble 5%", "集合 5%"))).append("</th><th>")
                .append(Html.esc(t("median", "中位数"))).append("</th><th>").append(Html.esc(t("ensemble 95%", "集合 95%")))
                .append("</th><th>").append(Html.esc(t("start", "起始方案") + " " + study.from())).append("</th><th>")
                .append(Html.esc(t("start percentile", "起始方案百分位"))).append("</th>");
        study.proposal().ifPresent(p -> h.append("<th>").append(Html.esc(t("proposal", "拟议方案") + " " + p))
                .append("</th><th>").append(Html.esc(t("proposal percentile", "拟议方案百分位"))).append("</th>"));
        h.append("</tr></thead>\n<tbody>\n");
        for (Statistic s : study.statistics()) {
            double[] sorted = s.values().clone();
            java.util.Arrays.sort(sorted);
            h.append("<tr data-statistic=\"").append(Html.esc(s.column())).append("\"><th>").append(Html.esc(s.label()))
                    .append("</th><td>").append(num(quantile(sorted, 0.05))).append("</td><td>")
                    .append(num(quantile(sorted, 0.5))).append("</td><td>").append(num(quantile(sorted, 0.95)))
                    .append("</td><td>").append(num(s.start())).append("</td><td>").append(pct(s.percentile(s.start())))
                    .append("</td>");
            if (s.proposed().isPresent()) {
                double p = s.percentile(s.proposed().getAsDouble());
                h.append("<td>").append(num(s.proposed().getAsDouble())).append("</td><td class=\"")
                        .append(p < 5 || p > 95 ? "worse" : "same").append("\">").append(pct(p)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n</section>\n<section id=\"histograms\">\n<h2>")
                .append(Html.esc(t("The ensemble, statistic by statistic", "方案集合各指标分布"))).append("</h2>\n");
        for (NamedChart c : charts(study)) {
            h.append("<figure id=\"").append(c.id()).append("\">\n").append(ChartRendering.svg(c))
                    .append("\n</figure>\n");
        }
        h.append("</section>\n<section id=\"method\">\n<h2>").append(Html.esc(t("Method", "方法"))).append("</h2>\n<p>")
                .append(Html.esc(t("Recombination (ReCom; DeFord, Duchin & Solomon 2021): each step merges two adjacent"
                        + " grids, draws a spanning tree of their buildings and cuts it where both parts keep the"
                        + " household bounds, so every layout of the chain is contiguous and within the rules. The"
                        + " statistics of every step are in steps.csv.",
                        "重组法（ReCom；DeFord、Duchin、Solomon，2021）：每一步合并两个相邻网格，对其楼栋生成一棵生成树，并在两部分户数"
                                + "均符合上下限处切开，因此链上每个方案都连通且符合规则。每一步的指标见 steps.csv。")))
                .append("</p>\n</section>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int k = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, k))];
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v)
                : String.format(Locale.ROOT, "%,.1f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f", v);
    }
}
