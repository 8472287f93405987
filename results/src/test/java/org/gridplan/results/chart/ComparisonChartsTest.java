package org.gridplan.results.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.gridplan.results.SyntheticBatch;
import org.gridplan.results.stats.ComparisonData;
import org.gridplan.results.stats.ComparisonStatistics;
import org.gridplan.results.stats.Kpi;
import org.gridplan.results.stats.PooledPercentiles;
import org.gridplan.results.stats.Summary;
import org.gridplan.results.stats.Unit;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerCategoryDataset;
import org.jfree.data.statistics.StatisticalCategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each chart's series, labels and colours, inspected on the JFreeChart objects. */
class ComparisonChartsTest {

    private static final List<String> LAYOUTS = List.of("current", "grid-400", "grid-300");

    private static ComparisonData data;
    private static ComparisonStatistics stats;
    private static ComparisonCharts charts;

    @BeforeAll
    static void batch() {
        data = SyntheticBatch.data(5, 1);
        stats = new ComparisonStatistics(data);
        charts = new ComparisonCharts(stats, Lang.EN);
    }

    /** The keys of a chart's series (XY) or rows (category). */
    static List<String> seriesKeys(JFreeChart chart) {
        List<String> keys = new ArrayList<>();
        if (chart.getPlot() instanceof XYPlot p) {
            XYDataset d = p.getDataset();
            for (int s = 0; s < d.getSeriesCount(); s++) {
                keys.add((String) d.getSeriesKey(s));
            }
        } else {
            CategoryDataset d = ((CategoryPlot) chart.getPlot()).getDataset();
            for (int r = 0; r < d.getRowCount(); r++) {
                keys.add((String) d.getRowKey(r));
            }
        }
        return keys;
    }

    /** The paint a chart draws series {@code s} with. */
    static Paint seriesPaint(JFreeChart chart, int s) {
        if (chart.getPlot() instanceof XYPlot p) {
            return p.getRenderer().getSeriesPaint(s);
        }
        return ((CategoryPlot) chart.getPlot()).getRenderer().getSeriesPaint(s);
    }

    static List<String> subtitles(JFreeChart chart) {
        List<String> out = new ArrayList<>();
        for (Object t : chart.getSubtitles()) {
            if (t instanceof TextTitle tt) {
                out.add(tt.getText());
            }
        }
        return out;
    }

    @Test
    void every_chart_colours_each_layout_the_same() {
        LayoutPalette palette = charts.palette();
        assertThat(palette.color("current")).isEqualTo(LayoutPalette.BASELINE);
        assertThat(palette.colours().values()).doesNotHaveDuplicates();
        List<NamedChart> all = charts.all();
        assertThat(all).extracting(NamedChart::id).containsExactly("response-cdf", "response-box", "kpi-minutes",
                "kpi-hours", "kpi-percent", "utilisation", "backlog", "staffing-tradeoff");
        for (NamedChart c : all) {
            List<String> keys = seriesKeys(c.chart());
            assertThat(keys).as(c.id()).containsExactlyElementsOf(LAYOUTS);
            for (int s = 0; s < keys.size(); s++) {
                assertThat(seriesPaint(c.chart(), s)).as(c.id() + " " + keys.get(s))
                        .isEqualTo(palette.color(keys.get(s)));
            }
            assertThat(c.chart().getLegend()).as(c.id() + " legend").isNotNull();
        }
    }

    @Test
    void response_cdf_runs_from_zero_to_all_incidents_in_minutes() {
        JFreeChart chart = charts.responseCdf();
        XYPlot plot = chart.getXYPlot();
        assertThat(chart.getTitle().getText()).isEqualTo("Response time: share of incidents reached within t");
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("response time (minutes)");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("incidents reached (%)");
        XYDataset d = plot.getDataset();
        for (int s = 0; s < d.getSeriesCount(); s++) {
            int n = d.getItemCount(s);
            assertThat(n).isBetween(100, ComparisonCharts.MAX_POINTS + 1);
            assertThat(d.getYValue(s, 0)).isEqualTo(0.0);
            assertThat(d.getYValue(s, n - 1)).isEqualTo(100.0);
            // The curve passes 90% at the pooled p90: the point at 90% has x = p90.
            double p90 = stats.pooled(LAYOUTS.get(s), 1.0).orElseThrow().p90();
            for (int i = 0; i < n; i++) {
                if (d.getYValue(s, i) >= 90) {
                    assertThat(d.getXValue(s, i)).isGreaterThanOrEqualTo(p90);
                    break;
                }
            }
        }
    }

    @Test
    void box_plot_shows_pooled_quartiles_and_mean_per_layout() {
        JFreeChart chart = charts.responseBoxPlot();
        BoxAndWhiskerCategoryDataset d = (BoxAndWhiskerCategoryDataset) ((CategoryPlot) chart.getPlot()).getDataset();
        assertThat(d.getColumnCount()).isEqualTo(1);
        PooledPercentiles p = stats.pooled("grid-400", 1.0).orElseThrow();
        int row = d.getRowIndex("grid-400");
        assertThat(d.getMedianValue(row, 0).doubleValue()).isEqualTo(p.p50());
        assertThat(d.getMaxRegularValue(row, 0).doubleValue()).isEqualTo(p.p95());
        assertThat(d.getOutliers(row, 0)).isEmpty();
        double[] all = stats.pooledResponse("grid-400", 1.0);
        assertThat(d.getMeanValue(row, 0).doubleValue())
                .isCloseTo(Arrays.stream(all).average().orElseThrow(), within(1e-9));
        assertThat(((CategoryPlot) chart.getPlot()).getRangeAxis().getLabel()).isEqualTo("response time (minutes)");
        assertThat(subtitles(chart)).anyMatch(s -> s.contains("whiskers: 5th–95th percentile"));
    }

    @Test
    void kpi_bars_show_means_with_ci_half_widths_in_display_units() {
        JFreeChart chart = charts.kpiBars(Unit.MINUTES);
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        StatisticalCategoryDataset d = (StatisticalCategoryDataset) plot.getDataset();
        assertThat(d.getColumnKeys()).containsExactly("mean response", "p50 response", "p90 response",
                "p95 response");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("minutes");
        Summary s = stats.summary("grid-400", 1.0, Kpi.P90_RESPONSE);
        assertThat(d.getMeanValue("grid-400", "p90 response").doubleValue()).isEqualTo(s.mean().getAsDouble());
        assertThat(d.getStdDevValue("grid-400", "p90 response").doubleValue())
                .isCloseTo(s.ci().orElseThrow().halfWidth(), within(1e-12));

        JFreeChart percent = charts.kpiBars(Unit.PERCENT);
        StatisticalCategoryDataset pd = (StatisticalCategoryDataset) ((CategoryPlot) percent.getPlot()).getDataset();
        assertThat(pd.getColumnKeys()).containsExactly("utilisation", "resolved on the spot", "reached within 5 min",
                "reached within 15 min");
        // Stored 0.62 → displayed 62 %.
        assertThat(pd.getMeanValue("current", "resolved on the spot").doubleValue()).isCloseTo(62, within(1e-9));
        JFreeChart hours = charts.kpiBars(Unit.HOURS);
        assertThat(((CategoryPlot) hours.getPlot()).getRangeAxis().getLabel()).isEqualTo("hours");
        StatisticalCategoryDataset hd = (StatisticalCategoryDataset) ((CategoryPlot) hours.getPlot()).getDataset();
        assertThat(hd.getMeanValue("current", "mean closure").doubleValue()).isCloseTo(
                stats.summary("current", 1.0, Kpi.MEAN_CLOSURE).mean().getAsDouble() / 60, within(1e-9));
        assertThat(subtitles(chart)).noneMatch(t -> t.contains("unavailable"));
    }

    @Test
    void kpi_bars_with_one_replication_have_no_error_bars_and_say_so() {
        ComparisonCharts one = new ComparisonCharts(new ComparisonStatistics(SyntheticBatch.data(1, 1)), Lang.EN);
        JFreeChart chart = one.kpiBars(Unit.MINUTES);
        StatisticalCategoryDataset d = (StatisticalCategoryDataset) ((CategoryPlot) chart.getPlot()).getDataset();
        assertThat(d.getStdDevValue("grid-400", "p90 response")).isNull();
        assertThat(subtitles(chart)).contains("intervals unavailable (1 replication)");
        String svg = ChartRendering.svg(chart, 600, 400, "t-");
        assertThat(svg.contains(">intervals unavailable (1 replication)</text>")).isTrue();
        assertThat(svg.contains("NaN")).isFalse();
    }

    @Test
    void utilisation_histogram_gives_each_layout_shares_that_sum_to_100() {
        JFreeChart chart = charts.utilisationHistogram();
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        CategoryDataset d = plot.getDataset();
        assertThat(d.getColumnCount()).isEqualTo(11);
        assertThat(d.getColumnKey(0)).isEqualTo("0–10");
        assertThat(d.getColumnKey(10)).isEqualTo("≥100");
        for (int r = 0; r < d.getRowCount(); r++) {
            double sum = 0;
            for (int c = 0; c < d.getColumnCount(); c++) {
                sum += d.getValue(r, c).doubleValue();
            }
            assertThat(sum).isCloseTo(100, within(1e-9));
        }
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("utilisation (busy ÷ duty time) (%)");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("workers (%)");
    }

    @Test
    void backlog_is_in_days_for_long_runs_and_averages_replications() {
        JFreeChart chart = charts.backlog();
        XYPlot plot = chart.getXYPlot();
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("time (days)");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("open incidents");
        assertThat(subtitles(chart)).contains("mean of 5 replications");
        XYDataset d = plot.getDataset();
        // 1,440 hourly samples in buckets of 3 → 480 points, the last at day (1437 + 1438 + 1439)/3/24.
        assertThat(d.getItemCount(0)).isEqualTo(480);
        assertThat(d.getXValue(0, 479)).isCloseTo(1438.0 / 24, within(1e-9));
        // The surge (days 30–33) stands out of the everyday level of about 40.
        double peak = 0;
        for (int i = 0; i < d.getItemCount(0); i++) {
            peak = Math.max(peak, d.getYValue(0, i));
        }
        assertThat(peak).isGreaterThan(90);
    }

    @Test
    void staffing_tradeoff_plots_p90_with_interval_per_sweep_point() {
        JFreeChart chart = charts.staffingTradeoff().orElseThrow();
        XYPlot plot = chart.getXYPlot();
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("full-time workers per grid (at demand scale = 1.0)");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("p90 response (minutes)");
        YIntervalSeriesCollection d = (YIntervalSeriesCollection) plot.getDataset();
        assertThat(d.getSeriesCount()).isEqualTo(3);
        assertThat(d.getItemCount(1)).isEqualTo(3);
        Summary s = stats.summary("grid-400", 2.0, Kpi.P90_RESPONSE);
        assertThat(d.getXValue(1, 2)).isEqualTo(2.0);
        assertThat(d.getYValue(1, 2)).isEqualTo(s.mean().getAsDouble());
        assertThat(d.getStartYValue(1, 2)).isEqualTo(s.ci().orElseThrow().lower());
        assertThat(d.getEndYValue(1, 2)).isEqualTo(s.ci().orElseThrow().upper());
        // More staff, shorter p90.
        assertThat(d.getYValue(1, 0)).isGreaterThan(d.getYValue(1, 2));
    }

    @Test
    void no_tradeoff_curve_without_a_sweep() {
        ComparisonData.Builder b = ComparisonData.builder(data.scenario());
        data.runs(LAYOUTS.get(0), 1.0).forEach(b::add);
        assertThat(new ComparisonCharts(new ComparisonStatistics(b.build()), Lang.EN).staffingTradeoff()).isEmpty();
    }

    @Test
    void map_fills_every_grid_on_a_shared_scale_and_marks_sites() {
        JFreeChart chart = charts.districtMap("grid-400", Kpi.P90_RESPONSE);
        XYPlot plot = chart.getXYPlot();
        assertThat(chart.getTitle().getText()).isEqualTo("grid-400: p90 response by grid");
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("east (km)");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("north (km)");
        // Grid fills lie under the site markers.
        assertThat(plot.getAnnotations()).isEmpty();
        Collection<XYAnnotation> grids = ((XYLineAndShapeRenderer) plot.getRenderer()).getAnnotations();
        assertThat(grids).hasSize(16).allMatch(a -> a instanceof XYShapeAnnotation);
        // grid-400's plan opens site-1 and site-4: those are marked, the other four drawn as closed candidates.
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(2);
        assertThat(plot.getDataset().getSeriesKey(0)).isEqualTo("open branches");
        assertThat(plot.getDataset().getItemCount(0)).isEqualTo(2);
        assertThat(plot.getDataset().getSeriesKey(1)).isEqualTo("other candidate sites");
        assertThat(plot.getDataset().getItemCount(1)).isEqualTo(4);
        assertThat(plot.getFixedLegendItems().get(0).getLabel()).isEqualTo("open branches");
        assertThat(plot.getFixedLegendItems().get(1).getLabel()).isEqualTo("other candidate sites");
        // A layout without a sited plan shows every candidate site, as one series.
        XYPlot current = charts.districtMap("current", Kpi.P90_RESPONSE).getXYPlot();
        assertThat(current.getDataset().getSeriesCount()).isEqualTo(1);
        assertThat(current.getDataset().getSeriesKey(0)).isEqualTo("candidate branch sites");
        assertThat(current.getDataset().getItemCount(0)).isEqualTo(6);
        PaintScaleLegend legend = null;
        for (Object t : chart.getSubtitles()) {
            if (t instanceof PaintScaleLegend l) {
                legend = l;
            }
        }
        assertThat(legend).isNotNull();
        assertThat(legend.getAxis().getLabel()).isEqualTo("p90 response (minutes)");
        // One scale for all layouts: from the smallest to the largest grid value of any layout.
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (String l : LAYOUTS) {
            for (double v : charts.gridValues(l, Kpi.P90_RESPONSE).values()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        assertThat(legend.getScale().getLowerBound()).isEqualTo(lo);
        assertThat(legend.getScale().getUpperBound()).isEqualTo(hi);
        assertThat(charts.districtMap("current", Kpi.P90_RESPONSE).getSubtitles()).filteredOn(
                t -> t instanceof PaintScaleLegend).extracting(t -> ((PaintScaleLegend) t).getScale().getUpperBound())
                .containsExactly(hi);
        // West grids answer faster than east grids in the synthetic data: lighter fill in the west.
        Map<String, Double> values = charts.gridValues("grid-400", Kpi.P90_RESPONSE);
        assertThat(values).hasSize(16);
        assertThat(values.get("G00-00")).isLessThan(values.get("G03-00"));
        Color west = (Color) legend.getScale().getPaint(values.get("G00-00"));
        Color east = (Color) legend.getScale().getPaint(values.get("G03-00"));
        assertThat(west.getGreen()).isGreaterThan(east.getGreen());
        assertThat(charts.maps(Kpi.P90_RESPONSE)).extracting(NamedChart::title).containsExactly(
                "current: p90 response by grid", "grid-400: p90 response by grid", "grid-300: p90 response by grid");
    }

    @Test
    void chinese_labels_in_zh() {
        ComparisonCharts zh = new ComparisonCharts(stats, Lang.ZH);
        assertThat(zh.responseCdf().getTitle().getText()).isEqualTo("响应时间累计分布");
        assertThat(zh.responseCdf().getXYPlot().getDomainAxis().getLabel()).isEqualTo("响应时间（分钟）");
        assertThat(zh.backlog().getXYPlot().getDomainAxis().getLabel()).isEqualTo("时间（天）");
        assertThat(zh.districtMap("grid-400", Kpi.P90_RESPONSE).getTitle().getText())
                .isEqualTo("grid-400：各网格90%事件响应用时");
        assertThat(((StatisticalCategoryDataset) ((CategoryPlot) zh.kpiBars(Unit.MINUTES).getPlot()).getDataset())
                .getColumnKeys()).contains("90%事件响应用时");
        String svg = ChartRendering.svg(zh.responseCdf(), 600, 400, "zh-");
        assertThat(svg.contains(">响应时间累计分布</text>")).isTrue();
    }

    @Test
    void svg_keeps_text_as_text_with_prefixed_ids_and_png_is_a_png() {
        JFreeChart chart = charts.responseCdf();
        String svg = ChartRendering.svg(chart, 600, 400, "cdf-");
        assertThat(svg.startsWith("<svg")).isTrue();
        assertThat(svg.contains("<text")).isTrue();
        assertThat(svg.contains(">Response time: share of incidents reached within t</text>")).isTrue();
        assertThat(svg.contains(">grid-400</text>")).isTrue();
        assertThat(svg.contains("id='cdf-svg'")).isTrue();
        assertThat(svg.contains("clip-path='url(#cdf-clip-")).isTrue();
        assertThat(svg.contains("NaN")).isFalse();
        assertThat(svg.contains("font-family: Noto Sans CJK SC, ")).isTrue();
        byte[] png = ChartRendering.png(chart, 300, 200);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }
}
