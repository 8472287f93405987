package org.gridplan.results.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
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
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("response time (minutes, log scale)");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("incidents reached (%)");
        // Minutes to days on one log axis, ticked in whole minutes, ending beyond the data so its
        // last tick label is not cut at the edge.
        assertThat(plot.getDomainAxis()).isInstanceOf(org.jfree.chart.axis.LogAxis.class);
        double last = 0;
        for (int s = 0; s < plot.getDataset().getSeriesCount(); s++) {
            last = Math.max(last, plot.getDataset().getXValue(s, plot.getDataset().getItemCount(s) - 1));
        }
        assertThat(plot.getDomainAxis().getLowerBound()).isEqualTo(ComparisonCharts.MIN_MINUTES);
        assertThat(plot.getDomainAxis().getUpperBound()).isGreaterThan(last);
        String svg = ChartRendering.svg(chart, 900, 480, "cdf-");
        assertThat(svg).contains(">1</text>", ">10</text>", ">100</text>", ">15 min</text>", ">1 h</text>");
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
        assertThat(((CategoryPlot) chart.getPlot()).getRangeAxis().getLabel())
                .isEqualTo("response time (minutes, log scale)");
        // On a log axis, so the median shows inside a box reaching to days.
        assertThat(((CategoryPlot) chart.getPlot()).getRangeAxis()).isInstanceOf(org.jfree.chart.axis.LogAxis.class);
        assertThat(subtitles(chart)).anyMatch(s -> s.contains("whiskers: 5th–95th percentile"));
    }

    @Test
    void kpi_bars_show_means_with_ci_half_widths_in_display_units() {
        JFreeChart chart = charts.kpiBars(Unit.MINUTES);
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        StatisticalCategoryDataset d = (StatisticalCategoryDataset) plot.getDataset();
        assertThat(d.getColumnKeys()).containsExactly("mean response", "p50 response", "p90 response",
                "p95 response");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("minutes (log scale)");
        // Dots with intervals on a log axis: p50 and p95 both readable, no bars on a log scale.
        assertThat(plot.getRangeAxis()).isInstanceOf(org.jfree.chart.axis.LogAxis.class);
        assertThat(plot.getRenderer()).isInstanceOf(
                org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer.class);
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
        assertThat(grids).filteredOn(a -> a instanceof TitledShapeAnnotation).hasSize(16);
        // grid-400's plan opens site-1 and site-4: those are marked, the other four drawn as closed candidates.
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(2);
        assertThat(plot.getDataset().getSeriesKey(0)).isEqualTo("open branches");
        assertThat(plot.getDataset().getItemCount(0)).isEqualTo(2);
        assertThat(plot.getDataset().getSeriesKey(1)).isEqualTo("other candidate sites");
        assertThat(plot.getDataset().getItemCount(1)).isEqualTo(4);
        // The legend: the KPI's classes, then the sites.
        int n = charts.mapClasses(Kpi.P90_RESPONSE).size();
        assertThat(plot.getFixedLegendItems().get(0).getLabel()).isEqualTo("within 1 h");
        assertThat(plot.getFixedLegendItems().get(n).getLabel()).isEqualTo("open branches");
        assertThat(plot.getFixedLegendItems().get(n + 1).getLabel()).isEqualTo("other candidate sites");
        // A layout without a sited plan shows every candidate site, as one series.
        XYPlot current = charts.districtMap("current", Kpi.P90_RESPONSE).getXYPlot();
        assertThat(current.getDataset().getSeriesCount()).isEqualTo(1);
        assertThat(current.getDataset().getSeriesKey(0)).isEqualTo("candidate branch sites");
        assertThat(current.getDataset().getItemCount(0)).isEqualTo(6);
        // The legend names the fixed classes, then the sites.
        MapClasses classes = charts.mapClasses(Kpi.P90_RESPONSE);
        assertThat(subtitles(chart)).anyMatch(t -> t.startsWith("p90 response (minutes), fixed classes"));
        // Every grid is filled by its class at absolute thresholds, whatever the other grids' values.
        Map<String, Double> values = charts.gridValues("grid-400", Kpi.P90_RESPONSE);
        assertThat(values).hasSize(16);
        for (XYAnnotation a : grids) {
            if (!(a instanceof TitledShapeAnnotation t)) {
                continue;
            }
            double v = values.get(t.ref().substring("grid:".length()));
            assertThat(t.fill()).isEqualTo(classes.colour(v));
        }
        assertThat(charts.maps(Kpi.P90_RESPONSE)).extracting(NamedChart::title).containsExactly(
                "current: p90 response by grid", "grid-400: p90 response by grid", "grid-300: p90 response by grid");
    }

    @Test
    void map_classes_are_absolute_thresholds_the_same_in_every_batch() {
        MapClasses p90 = MapClasses.of(Kpi.P90_RESPONSE, Lang.EN, 600, 3_100);
        assertThat(p90.labels()).containsExactly("within 1 h", "1–4 h", "4–12 h", "12–24 h", "1–2 days",
                "over 2 days");
        assertThat(p90.classOf(60)).isZero();
        assertThat(p90.classOf(61)).isEqualTo(1);
        assertThat(p90.classOf(1_500)).isEqualTo(4);
        assertThat(p90.classOf(5_000)).isEqualTo(5);
        // A batch whose grids all answer within 20 minutes gets the same colour for 1,500 minutes.
        assertThat(MapClasses.of(Kpi.P90_RESPONSE, Lang.EN, 10, 20).colour(1_500)).isEqualTo(p90.colour(1_500));
        // The worst class is the darkest: long response, and low on-time response.
        MapClasses onTime = MapClasses.of(Kpi.ON_TIME_RESPONSE, Lang.EN, 0, 100);
        assertThat(onTime.colour(50)).isEqualTo(p90.colour(5_000));
        assertThat(onTime.colour(99)).isEqualTo(p90.colour(10));
        assertThat(MapClasses.of(Kpi.P90_RESPONSE, Lang.ZH, 0, 1).labels()).first().isEqualTo("1小时以内");
    }

    @Test
    void map_draws_roads_grid_borders_and_community_boundaries_over_the_fills_with_their_legend() {
        String svg = ChartRendering.svg(new NamedChart("map-r", charts.districtMap("grid-400", Kpi.P90_RESPONSE),
                900, 700));
        // In drawing order: the last grid fill, then the roads, the white borders, the community boundaries.
        int lastFill = svg.lastIndexOf("<g jfreesvg:ref='grid:");
        int roads = svg.indexOf("stroke:" + LayoutMapTest.rgb(MapLayers.LOCAL_ROAD), lastFill);
        int borders = svg.indexOf("stroke:rgb(255,255,255)", roads);
        int communities = svg.indexOf("stroke:" + LayoutMapTest.rgb(MapLayers.COMMUNITY), borders);
        assertThat(lastFill).isPositive();
        assertThat(roads).isGreaterThan(lastFill);
        assertThat(borders).isGreaterThan(roads);
        assertThat(communities).isGreaterThan(borders);
        // The fills carry no outline of their own: each border is drawn once, over the roads.
        assertThat(svg.substring(lastFill, roads)).contains("stroke:none");
        List<String> legend = new java.util.ArrayList<>();
        org.jfree.chart.LegendItemCollection items = charts.districtMap("grid-400", Kpi.P90_RESPONSE).getXYPlot()
                .getFixedLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            legend.add(items.get(i).getLabel());
        }
        assertThat(legend).contains("roads", "community boundary").startsWith("within 1 h");
    }

    @Test
    void map_svg_gives_every_grid_a_hover_title_and_numbers_the_ten_worst() {
        String svg = ChartRendering.svg(new NamedChart("map-t", charts.districtMap("grid-400", Kpi.P90_RESPONSE),
                900, 700));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "<g jfreesvg:ref='grid:([^']+)'><title>([^<]*)</title>").matcher(svg);
        Map<String, String> titles = new java.util.TreeMap<>();
        while (m.find()) {
            titles.put(m.group(1), m.group(2));
        }
        Map<String, Double> values = charts.gridValues("grid-400", Kpi.P90_RESPONSE);
        assertThat(titles.keySet()).isEqualTo(values.keySet());
        assertThat(titles.values()).allMatch(t -> t.matches(
                "G\\d\\d-\\d\\d, community [^:]+: [\\d,]+ households, 1 full-time worker, p90 response [\\d.,]+ min"));
        List<ComparisonCharts.WorstGrid> worst = charts.worstGrids("grid-400", Kpi.P90_RESPONSE);
        assertThat(worst).hasSize(10);
        assertThat(worst.get(0).value()).isEqualTo(values.values().stream().mapToDouble(Double::doubleValue).max()
                .orElseThrow());
        assertThat(worst).extracting(ComparisonCharts.WorstGrid::value)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        // Each of them numbered on the map, beside its label.
        for (ComparisonCharts.WorstGrid w : worst) {
            assertThat(svg).contains(">" + w.rank() + " " + ComparisonCharts.shortLabel(w.grid(), w.community())
                    + "</text>");
        }
        // Grid labels are drawn at a readable size: no chart text under 11 px.
        java.util.regex.Matcher f = java.util.regex.Pattern.compile("font-size: ?([\\d.]+)px").matcher(svg);
        while (f.find()) {
            assertThat(Double.parseDouble(f.group(1))).isGreaterThanOrEqualTo(11);
        }
    }

    @Test
    void a_batch_that_sites_no_branches_draws_no_sites_and_no_site_legend() {
        ComparisonData.Builder b = ComparisonData.builder(data.scenario()).baseline("current").referencePoint(1.0);
        for (String l : LAYOUTS) {
            data.runs(l, 1.0).forEach(b::add);
            data.details(l, 1.0).forEach(b::add);
        }
        org.gridplan.results.stats.MapData all = data.map().orElseThrow();
        b.map(org.gridplan.results.stats.MapData.of(all.city(), List.copyOf(all.layouts().values())));
        ComparisonCharts unsited = new ComparisonCharts(new ComparisonStatistics(b.build()), Lang.EN);
        JFreeChart chart = unsited.districtMap("current", Kpi.P90_RESPONSE);
        XYPlot plot = chart.getXYPlot();
        assertThat(plot.getDataset().getSeriesCount()).isZero();
        List<String> legend = new ArrayList<>();
        for (int i = 0; i < plot.getFixedLegendItems().getItemCount(); i++) {
            legend.add(plot.getFixedLegendItems().get(i).getLabel());
        }
        assertThat(legend).noneMatch(l -> l.contains("site") || l.contains("branch"));
        assertThat(ChartRendering.svg(chart, 900, 700, "u-")).doesNotContain("candidate").doesNotContain("no data");
    }

    /** typhoon-surge.yaml's sweep: storm severity zipped with the emergency pool, two layouts. */
    static ComparisonData typhoon() {
        Map<Double, Map<String, String>> points = new java.util.LinkedHashMap<>();
        int[] pools = {20, 60, 120};
        int[] storms = {2, 4, 8};
        for (int i = 0; i < 3; i++) {
            points.put((double) pools[i], Map.of("surges[0].rateMultiplier", Integer.toString(storms[i]),
                    "staffing.emergencyPool", Integer.toString(pools[i])));
        }
        ComparisonData.Builder b = ComparisonData.builder(new org.gridplan.results.stats.ScenarioSummary(
                "typhoon-surge", "district", 40_000, Map.of("grid-400", 102, "grid-300", 123), 3, 11,
                "staffing.emergencyPool (varied together with surges[0].rateMultiplier)",
                new org.gridplan.results.stats.SweepAxis("staffing.emergencyPool", List.of("surges[0].rateMultiplier"),
                        Map.of(), points)));
        for (String l : List.of("grid-400", "grid-300")) {
            for (int i = 0; i < 3; i++) {
                for (int r = 0; r < 3; r++) {
                    b.add(new org.gridplan.results.stats.RunKpis(l, pools[i], r,
                            Map.of(Kpi.P90_RESPONSE, 1_400.0 + 10 * r - 50 * i)));
                }
            }
        }
        return b.referencePoint(20).build();
    }

    @Test
    void a_sweep_that_varies_storm_and_pool_together_is_not_drawn_as_a_staffing_level() {
        ComparisonCharts c = new ComparisonCharts(new ComparisonStatistics(typhoon()), Lang.EN);
        JFreeChart chart = c.staffingTradeoff().orElseThrow();
        assertThat(chart.getTitle().getText()).doesNotContainIgnoringCase("staffing")
                .isEqualTo("p90 response at each sweep point (band: 95% CI)");
        XYPlot plot = chart.getXYPlot();
        assertThat(plot.getDomainAxis()).isInstanceOf(org.jfree.chart.axis.SymbolAxis.class);
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("sweep point (the values varied together)");
        assertThat(((org.jfree.chart.axis.SymbolAxis) plot.getDomainAxis()).getSymbols()).containsExactly(
                "surge multiplier = 2, emergency pool = 20", "surge multiplier = 4, emergency pool = 60",
                "surge multiplier = 8, emergency pool = 120");
        // One point per sweep point, at 0, 1, 2 along the named axis.
        assertThat(plot.getDataset().getItemCount(0)).isEqualTo(3);
        assertThat(plot.getDataset().getXValue(0, 2)).isEqualTo(2.0);
        assertThat(c.staffingSweep()).isFalse();
        // A sweep of staffing alone keeps its quantity along the axis and its title.
        assertThat(charts.staffingSweep()).isTrue();
        assertThat(charts.staffingTradeoff().orElseThrow().getTitle().getText()).startsWith("Staffing level");
    }

    @Test
    void chinese_labels_in_zh() {
        ComparisonCharts zh = new ComparisonCharts(stats, Lang.ZH);
        assertThat(zh.responseCdf().getTitle().getText()).isEqualTo("响应时间累计分布");
        assertThat(zh.responseCdf().getXYPlot().getDomainAxis().getLabel()).isEqualTo("响应时间（分钟，对数刻度）");
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
