package org.gridplan.results.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridplan.results.stats.ComparisonData;
import org.gridplan.results.stats.ComparisonStatistics;
import org.gridplan.results.stats.Interval;
import org.gridplan.results.stats.Kpi;
import org.gridplan.results.stats.MapData;
import org.gridplan.results.stats.PooledPercentiles;
import org.gridplan.results.stats.RunDetail;
import org.gridplan.results.stats.Summary;
import org.gridplan.results.stats.Unit;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.Site;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The charts of a layout comparison, built from its statistics. Distributions (CDF, box plot,
 * utilisation, backlog) and maps are drawn at the data's reference sweep point; every series is
 * keyed by layout name and coloured by the same {@link LayoutPalette}.
 */
public final class ComparisonCharts {

    /** Width of the standard charts, pixels. */
    public static final int WIDTH = 900;
    /** Height of the standard charts, pixels. */
    public static final int HEIGHT = 480;
    /** Most points drawn per series: enough for a smooth line, few enough for a small page. */
    public static final int MAX_POINTS = 600;
    /** Utilisation histogram bin width, percent; the last bin holds 100% and above (overtime). */
    public static final int UTIL_BIN_PERCENT = 10;
    /** Colour of grids a map has no value for. */
    public static final Color NO_DATA = new Color(0xD9D9D9);
    /** Candidate branch sites the plan leaves closed, on a map with the open ones. */
    static final Color OTHER_SITE = new Color(0x707070);

    private final ComparisonStatistics stats;
    private final ComparisonData data;
    private final Lang lang;
    private final LayoutPalette palette;

    /** Charts of {@code stats} labelled in {@code lang}. */
    public ComparisonCharts(ComparisonStatistics stats, Lang lang) {
        this.stats = stats;
        this.data = stats.data();
        this.lang = lang;
        this.palette = new LayoutPalette(data.layouts(), data.baseline());
    }

    /** The layout colours every chart uses. */
    public LayoutPalette palette() {
        return palette;
    }

    /** The standard charts in report order: distributions, KPI bars, workload, backlog, trade-off. */
    public List<NamedChart> all() {
        List<NamedChart> out = new ArrayList<>();
        out.add(new NamedChart("response-cdf", responseCdf(), WIDTH, HEIGHT));
        out.add(new NamedChart("response-box", responseBoxPlot(), WIDTH, HEIGHT));
        out.add(new NamedChart("kpi-minutes", kpiBars(Unit.MINUTES), WIDTH, HEIGHT));
        out.add(new NamedChart("kpi-hours", kpiBars(Unit.HOURS), WIDTH, 400));
        out.add(new NamedChart("kpi-percent", kpiBars(Unit.PERCENT), WIDTH, HEIGHT));
        out.add(new NamedChart("utilisation", utilisationHistogram(), WIDTH, HEIGHT));
        out.add(new NamedChart("backlog", backlog(), WIDTH, HEIGHT));
        staffingTradeoff().ifPresent(c -> out.add(new NamedChart("staffing-tradeoff", c, WIDTH, HEIGHT)));
        return out;
    }

    /** A map per layout of the data's map geometry, coloured by {@code kpi} on one shared scale. */
    public List<NamedChart> maps(Kpi kpi) {
        List<NamedChart> out = new ArrayList<>();
        if (data.map().isEmpty()) {
            return out;
        }
        int k = 0;
        for (String layout : data.map().get().layouts().keySet()) {
            if (data.layouts().contains(layout)) {
                Dimension size = mapSize(WIDTH);
                out.add(new NamedChart("map-" + (++k), districtMap(layout, kpi), size.width, size.height));
            }
        }
        return out;
    }

    /**
     * Empirical CDF of response time per layout: the share of incidents (all replications pooled)
     * reached within t minutes, on a log time axis from a minute to beyond the longest response,
     * with reading lines at 15 minutes, an hour and a day.
     */
    public JFreeChart responseCdf() {
        XYSeriesCollection dataset = new XYSeriesCollection();
        double xMax = 0;
        for (String layout : data.layouts()) {
            double[] sorted = stats.pooledResponse(layout, data.referencePoint());
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                continue;
            }
            XYSeries series = new XYSeries(layout, true, true);
            int n = sorted.length;
            int m = Math.min(n, MAX_POINTS);
            series.add(Math.max(MIN_MINUTES, sorted[0]), 0.0);
            for (int j = 0; j < m; j++) {
                int k = m == 1 ? n - 1 : (int) Math.round((double) j * (n - 1) / (m - 1));
                series.addOrUpdate(Math.max(MIN_MINUTES, sorted[k]), 100.0 * (k + 1) / n);
            }
            dataset.addSeries(series);
            // On a log axis the tail no longer squeezes the body: the axis reaches the longest response.
            xMax = Math.max(xMax, sorted[n - 1]);
        }
        // Response runs from a minute (on the spot) to days (out of hours): a log axis shows both.
        org.jfree.chart.axis.LogAxis x = minutesAxis(ChartText.CDF_X_LOG.in(lang), xMax);
        NumberAxis y = new NumberAxis(ChartText.CDF_Y.in(lang));
        y.setRange(0, 100);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        JFreeChart chart = chart(ChartText.CDF_TITLE.in(lang), plot);
        readingMarkers(plot, x.getUpperBound());
        colourSeries(dataset, renderer);
        // Room right of the plot, so the last tick label is never cut.
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 8, 4, 28));
        return chart;
    }

    /**
     * Box plot of response time per layout over the pooled incidents: quartiles, median (the mean
     * is in the dataset but not drawn), whiskers at the 5th and 95th percentiles (nearest rank). Outliers are not
     * drawn: with
     * thousands of incidents they would hide the boxes.
     */
    public JFreeChart responseBoxPlot() {
        DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
        String category = ChartText.BOX_CATEGORY.in(lang);
        double boxMax = 0;
        for (String layout : data.layouts()) {
            double[] sorted = stats.pooledResponse(layout, data.referencePoint());
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                continue;
            }
            double mean = Arrays.stream(sorted).average().orElseThrow();
            double p5 = PooledPercentiles.rank(sorted, 0.05);
            double p95 = PooledPercentiles.rank(sorted, 0.95);
            double lo = Math.max(MIN_MINUTES, p5);
            double hi = Math.max(MIN_MINUTES, p95);
            boxMax = Math.max(boxMax, hi);
            dataset.add(new BoxAndWhiskerItem(mean, Math.max(MIN_MINUTES, PooledPercentiles.rank(sorted, 0.5)),
                    Math.max(MIN_MINUTES, PooledPercentiles.rank(sorted, 0.25)),
                    Math.max(MIN_MINUTES, PooledPercentiles.rank(sorted, 0.75)), lo, hi, lo, hi, List.of()), layout,
                    category);
        }
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        renderer.setFillBox(true);
        // The mean is drawn as a disc as wide as the box, which hides the median; the table has it.
        renderer.setMeanVisible(false);
        renderer.setMedianVisible(true);
        renderer.setMaxOutlierVisible(false);
        renderer.setMinOutlierVisible(false);
        renderer.setUseOutlinePaintForWhiskers(false);
        renderer.setMaximumBarWidth(0.12);
        renderer.setWhiskerWidth(0.6);
        // On a log axis the median (often minutes) shows inside a box reaching to days.
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(null),
                minutesAxis(ChartText.CDF_X_LOG.in(lang), boxMax), renderer);
        JFreeChart chart = chart(ChartText.BOX_TITLE.in(lang), plot);
        chart.addSubtitle(subtitle(ChartText.BOX_SUBTITLE.in(lang)));
        for (int r = 0; r < dataset.getRowCount(); r++) {
            renderer.setSeriesPaint(r, palette.color((String) dataset.getRowKey(r)));
            renderer.setSeriesOutlinePaint(r, Color.BLACK);
        }
        // The median line in white shows on every layout colour, the grey baseline's included.
        renderer.setArtifactPaint(Color.WHITE);
        return chart;
    }

    /** Smallest response time a log axis shows, minutes: shorter ones (on the spot) are drawn at it. */
    public static final double MIN_MINUTES = 1;

    /**
     * A log axis of minutes from {@link #MIN_MINUTES} to beyond {@code max}, ticked at 1, 10, 100,
     * 1,000 ... in whole minutes.
     */
    private static org.jfree.chart.axis.LogAxis minutesAxis(String label, double max) {
        return new MinutesLogAxis(label, MIN_MINUTES, Math.max(100, max * 1.6));
    }

    /** Dashed lines at 15 minutes, an hour, a working day and a day, labelled, to read a log axis by. */
    private void readingMarkers(XYPlot plot, double upper) {
        double[] at = {15, 60, 24 * 60};
        ChartText[] names = {ChartText.MARK_15, ChartText.MARK_HOUR, ChartText.MARK_DAY};
        for (int i = 0; i < at.length; i++) {
            if (at[i] >= upper) {
                continue;
            }
            org.jfree.chart.plot.ValueMarker m = new org.jfree.chart.plot.ValueMarker(at[i], new Color(0x888888),
                    new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
            m.setLabel(names[i].in(lang));
            m.setLabelFont(new Font(ChartStyle.family(), Font.PLAIN, 12));
            m.setLabelPaint(new Color(0x555555));
            m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
            m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_RIGHT);
            m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
    }

    /**
     * The response-time indicators as dots with their 95% interval on a log axis: a median of 10
     * minutes and a p95 of 2,000 stay readable side by side, which bars on one linear axis are not.
     */
    private JFreeChart kpiDots(DefaultStatisticalCategoryDataset dataset) {
        org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer renderer = new ClippedIntervalRenderer();
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setErrorIndicatorStroke(new BasicStroke(1.5f));
        renderer.setUseSeriesOffset(true);
        renderer.setItemMargin(0.3);
        double max = 0;
        for (int r = 0; r < dataset.getRowCount(); r++) {
            for (int c = 0; c < dataset.getColumnCount(); c++) {
                Number v = dataset.getMeanValue(r, c);
                Number sd = dataset.getStdDevValue(r, c);
                if (v != null) {
                    max = Math.max(max, v.doubleValue() + (sd == null ? 0 : sd.doubleValue()));
                }
            }
        }
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(null),
                minutesAxis(ChartText.BARS_MINUTES_LOG.in(lang), max), renderer);
        JFreeChart chart = chart(ChartText.BARS_TITLE_MINUTES.in(lang), plot);
        if (data.maxReplications() < 2) {
            chart.addSubtitle(subtitle(ChartText.BARS_NO_CI.in(lang)));
        }
        for (int r = 0; r < dataset.getRowCount(); r++) {
            renderer.setSeriesPaint(r, palette.color((String) dataset.getRowKey(r)));
            renderer.setSeriesShape(r, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
        }
        return chart;
    }

    /**
     * Bars of the mean of every KPI displayed in {@code unit}, one bar per layout, with error bars
     * spanning the 95% confidence interval (none with one replication, and the subtitle says so).
     * The officials' indicators ({@link Kpi#official()}) are left out: the report's tables and
     * verdict carry them.
     * The error bar uses the renderer's "standard deviation" slot for the interval's half-width:
     * a Student t interval is symmetric about the mean.
     */
    public JFreeChart kpiBars(Unit unit) {
        DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
        for (String layout : data.layouts()) {
            for (Kpi kpi : Kpi.values()) {
                if (kpi.unit() != unit || kpi.official()) {
                    continue;
                }
                Summary s = stats.summary(layout, data.referencePoint(), kpi);
                if (s.mean().isEmpty()) {
                    continue;
                }
                Double half = s.ci().map(Interval::halfWidth).map(unit::display).orElse(null);
                dataset.add(Double.valueOf(unit.display(s.mean().getAsDouble())), half, layout,
                        ChartText.kpi(kpi, lang));
            }
        }
        if (unit == Unit.MINUTES) {
            return kpiDots(dataset);
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setErrorIndicatorStroke(new BasicStroke(1.5f));
        renderer.setItemMargin(0.05);
        renderer.setShadowVisible(false);
        NumberAxis y = new NumberAxis(ChartText.unit(unit, lang));
        if (unit == Unit.PERCENT) {
            y.setRange(0, 105);
        }
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(null), y, renderer);
        if (unit != Unit.PERCENT && y.getLowerBound() < 0) {
            // These quantities are never negative: an interval of few replications reaching below 0 is cut at 0.
            y.setLowerBound(0);
        }
        ChartText title = switch (unit) {
            case MINUTES -> ChartText.BARS_TITLE_MINUTES;
            case HOURS -> ChartText.BARS_TITLE_HOURS;
            case PERCENT -> ChartText.BARS_TITLE_PERCENT;
            case COUNT -> ChartText.BARS_TITLE_COUNT;
            case HOURS_PER_WEEK -> ChartText.BARS_TITLE_HOURS_PER_WEEK;
            case PEOPLE -> ChartText.BARS_TITLE_COUNT;
        };
        JFreeChart chart = chart(title.in(lang), plot);
        if (data.maxReplications() < 2) {
            chart.addSubtitle(subtitle(ChartText.BARS_NO_CI.in(lang)));
        }
        colourRows(dataset, renderer);
        renderer.setShadowVisible(false);
        return chart;
    }

    /**
     * Histogram of worker utilisation per layout, pooled over replications: the share of each
     * layout's workers in each {@link #UTIL_BIN_PERCENT}% bin, so layouts with different staff
     * numbers compare.
     */
    public JFreeChart utilisationHistogram() {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        int bins = 100 / UTIL_BIN_PERCENT + 1;
        String[] labels = new String[bins];
        for (int b = 0; b < bins - 1; b++) {
            labels[b] = (b * UTIL_BIN_PERCENT) + "–" + ((b + 1) * UTIL_BIN_PERCENT);
        }
        labels[bins - 1] = "≥100";
        for (String layout : data.layouts()) {
            List<RunDetail> details = data.details(layout, data.referencePoint());
            int[] counts = new int[bins];
            int n = 0;
            for (RunDetail d : details) {
                for (double u : d.workerUtilisation()) {
                    int b = (int) Math.floor(u * 100 / UTIL_BIN_PERCENT);
                    counts[Math.max(0, Math.min(bins - 1, b))]++;
                    n++;
                }
            }
            if (n == 0) {
                continue;
            }
            for (int b = 0; b < bins; b++) {
                dataset.addValue(100.0 * counts[b] / n, layout, labels[b]);
            }
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setItemMargin(0.02);
        CategoryAxis x = new CategoryAxis(ChartText.UTIL_X.in(lang) + " (%)");
        CategoryPlot plot = new CategoryPlot(dataset, x, new NumberAxis(ChartText.UTIL_Y.in(lang)), renderer);
        JFreeChart chart = chart(ChartText.UTIL_TITLE.in(lang), plot);
        colourRows(dataset, renderer);
        renderer.setShadowVisible(false);
        return chart;
    }

    /**
     * Open incidents over the run per layout (warm-up included), the mean over replications at
     * each sample time; averaged in buckets down to {@link #MAX_POINTS} points. Time in hours for
     * runs up to three days, else in days.
     */
    public JFreeChart backlog() {
        XYSeriesCollection dataset = new XYSeriesCollection();
        double lastHour = 0;
        int replications = 0;
        Map<String, double[][]> means = new LinkedHashMap<>();
        for (String layout : data.layouts()) {
            List<RunDetail> details = data.details(layout, data.referencePoint());
            int len = Integer.MAX_VALUE;
            for (RunDetail d : details) {
                len = Math.min(len, d.backlogHours().length);
            }
            if (details.isEmpty() || len == 0) {
                continue;
            }
            double[] hours = Arrays.copyOf(details.get(0).backlogHours(), len);
            double[] open = new double[len];
            for (RunDetail d : details) {
                double[] o = d.backlogOpen();
                for (int k = 0; k < len; k++) {
                    open[k] += o[k] / details.size();
                }
            }
            means.put(layout, new double[][] {hours, open});
            lastHour = Math.max(lastHour, hours[len - 1]);
            replications = Math.max(replications, details.size());
        }
        boolean days = lastHour > 72;
        for (Map.Entry<String, double[][]> e : means.entrySet()) {
            double[] hours = e.getValue()[0];
            double[] open = e.getValue()[1];
            XYSeries series = new XYSeries(e.getKey(), true, false);
            int bucket = (int) Math.ceil((double) hours.length / MAX_POINTS);
            for (int start = 0; start < hours.length; start += bucket) {
                int end = Math.min(hours.length, start + bucket);
                double t = 0;
                double v = 0;
                for (int k = start; k < end; k++) {
                    t += hours[k];
                    v += open[k];
                }
                t /= end - start;
                series.add(days ? t / 24 : t, v / (end - start));
            }
            dataset.addSeries(series);
        }
        NumberAxis x = new NumberAxis((days ? ChartText.BACKLOG_X_DAYS : ChartText.BACKLOG_X_HOURS).in(lang));
        x.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        NumberAxis y = new NumberAxis(ChartText.BACKLOG_Y.in(lang));
        // Open cases are whole numbers: no 0.5-case ticks on a small backlog.
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        JFreeChart chart = chart(ChartText.BACKLOG_TITLE.in(lang), plot);
        // The surge window, shaded and named, so the peak is read against it.
        data.surges().stream().filter(r -> r.sweepPoint() == data.referencePoint()).findFirst().ifPresent(r -> {
            double scale = days ? 1.0 / 24 : 1;
            org.jfree.chart.plot.IntervalMarker m = new org.jfree.chart.plot.IntervalMarker(r.startHour() * scale,
                    r.endHour() * scale, new Color(0x08519C), new BasicStroke(1f), null, null, 0.15f);
            m.setLabel(ChartText.BACKLOG_SURGE.in(lang));
            m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
            m.setLabelFont(new Font(ChartStyle.family(), Font.PLAIN, 12));
            m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_RIGHT);
            plot.addDomainMarker(m, Layer.BACKGROUND);
        });
        if (replications > 0) {
            chart.addSubtitle(subtitle((replications == 1 ? ChartText.BACKLOG_SUBTITLE_ONE
                    : ChartText.BACKLOG_SUBTITLE).in(lang, replications)));
        }
        colourSeries(dataset, renderer);
        return chart;
    }

    /**
     * The trade-off curve of a sweep: the swept parameter (e.g. staffing level) against the mean
     * p90 response time per layout, with its 95% interval as a band; empty when the data has
     * fewer than two sweep points.
     */
    public Optional<JFreeChart> staffingTradeoff() {
        List<Double> points = data.sweepPoints();
        // A sweep without a numeric field is numbered point by point: no quantity to plot along.
        if (points.size() < 2 || (data.scenario().sweep().swept() && data.scenario().sweep().field().isEmpty())) {
            return Optional.empty();
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        org.gridplan.results.stats.SweepAxis axis = data.scenario().sweep();
        if (!axis.crossed().isEmpty()) {
            return Optional.of(crossedTradeoff(points));
        }
        for (String layout : data.layouts()) {
            YIntervalSeries series = new YIntervalSeries(layout);
            for (double p : points) {
                Summary s = stats.summary(layout, p, Kpi.P90_RESPONSE);
                if (s.mean().isPresent()) {
                    double mean = s.mean().getAsDouble();
                    Interval ci = s.ci().orElse(new Interval(mean, mean));
                    series.add(zipSweep() ? points.indexOf(p) : p, mean, ci.lower(), ci.upper());
                }
            }
            if (series.getItemCount() > 0) {
                dataset.addSeries(series);
            }
        }
        String param = Terms.sweepLabel(data.scenario(), lang);
        NumberAxis x;
        if (zipSweep()) {
            // Several fields vary together (a storm's severity with the pool mobilised): no one
            // quantity runs along the axis, so each point is named by every value it sets.
            String[] names = new String[points.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = Terms.pointAll(data.scenario(), points.get(i), lang);
            }
            x = new org.jfree.chart.axis.SymbolAxis(ChartText.TRADEOFF_X_POINTS.in(lang), names);
            x.setTickLabelFont(new Font(ChartStyle.family(), Font.PLAIN, 12));
            ((org.jfree.chart.axis.SymbolAxis) x).setGridBandsVisible(false);
        } else {
            x = new NumberAxis(param.isBlank() ? (lang == Lang.ZH ? "参数取值" : "sweep") : param);
            x.setAutoRangeIncludesZero(false);
        }
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.2f);
        NumberAxis y = new NumberAxis(ChartText.TRADEOFF_Y.in(lang));
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        JFreeChart chart = chart((staffingSweep() ? ChartText.TRADEOFF_TITLE : ChartText.TRADEOFF_TITLE_SWEEP).in(lang),
                plot);
        renderer.setDrawSeriesLineAsPath(true);
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            Color c = palette.color((String) dataset.getSeriesKey(s));
            renderer.setSeriesPaint(s, c);
            renderer.setSeriesFillPaint(s, c);
            renderer.setSeriesStroke(s, new BasicStroke(2f));
        }
        return Optional.of(chart);
    }

    /** Line colours of a crossed sweep's series, one per value of the crossed fields (ColorBrewer Dark2). */
    private static final Color[] GROUPS = {new Color(0x1B9E77), new Color(0xD95F02), new Color(0x7570B3),
        new Color(0xE7298A), new Color(0x66A61E), new Color(0xE6AB02), new Color(0xA6761D), new Color(0x666666)};

    /**
     * The trade-off of a factorial sweep reported at every point: the axis field along x and one
     * line per value of the crossed fields (e.g. a line per demand scale), each with its 95% band.
     */
    private JFreeChart crossedTradeoff(List<Double> points) {
        org.gridplan.results.stats.SweepAxis axis = data.scenario().sweep();
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        List<String> owners = new ArrayList<>();
        for (String layout : data.layouts()) {
            Map<String, YIntervalSeries> groups = new LinkedHashMap<>();
            for (double p : points) {
                Summary s = stats.summary(layout, p, Kpi.P90_RESPONSE);
                double x = axis.fieldValue(p);
                if (s.mean().isEmpty() || !Double.isFinite(x)) {
                    continue;
                }
                String group = Terms.settings(axis.crossedValues(p), lang);
                String key = data.layouts().size() > 1 ? layout + (lang == Lang.ZH ? "，" : ", ") + group : group;
                double mean = s.mean().getAsDouble();
                Interval ci = s.ci().orElse(new Interval(mean, mean));
                groups.computeIfAbsent(key, YIntervalSeries::new).add(x, mean, ci.lower(), ci.upper());
            }
            for (YIntervalSeries series : groups.values()) {
                dataset.addSeries(series);
                owners.add(layout);
            }
        }
        NumberAxis x = new NumberAxis(Terms.field(axis.field(), lang));
        x.setAutoRangeIncludesZero(false);
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.15f);
        NumberAxis y = new NumberAxis(ChartText.TRADEOFF_Y.in(lang));
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        JFreeChart chart = chart((staffingSweep() ? ChartText.TRADEOFF_TITLE : ChartText.TRADEOFF_TITLE_SWEEP).in(lang),
                plot);
        renderer.setDrawSeriesLineAsPath(true);
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            Color c = data.layouts().size() > 1 ? palette.color(owners.get(s)) : GROUPS[s % GROUPS.length];
            renderer.setSeriesPaint(s, c);
            renderer.setSeriesFillPaint(s, c);
            renderer.setSeriesStroke(s, new BasicStroke(2f));
        }
        return chart;
    }

    /** Whether the sweep varies several fields together (zip), so no one quantity runs along its axis. */
    public boolean zipSweep() {
        return !data.scenario().sweep().together().isEmpty();
    }

    /** Whether the sweep varies staffing alone, so its trade-off curve is one of staffing level. */
    public boolean staffingSweep() {
        return data.scenario().sweep().field().startsWith("staffing.") && !zipSweep();
    }

    /** Size of a map chart {@code width} pixels wide whose plot keeps the district's proportions. */
    public Dimension mapSize(int width) {
        Envelope env = mapEnvelope();
        double ratio = env.getWidth() > 0 ? env.getHeight() / env.getWidth() : 1;
        int height = (int) Math.round((width - 190) * ratio) + 130;
        return new Dimension(width, Math.max(320, Math.min(1600, height)));
    }

    /** Most grids a map labels by name; a larger layout is labelled by community only. */
    public static final int MAX_LABELLED_GRIDS = 160;
    /** How many of the worst grids a map numbers and the report lists. */
    public static final int WORST_GRIDS = 10;

    /**
     * One of the worst grids of a map.
     *
     * @param rank       1 for the worst
     * @param grid       grid id
     * @param community  its community
     * @param value      the mapped KPI, display unit
     * @param households households of the grid
     * @param workers    mean full-time grid workers of the grid; NaN when unknown
     */
    public record WorstGrid(int rank, String grid, String community, double value, int households, double workers) {
    }

    /**
     * The {@link #WORST_GRIDS} grids of {@code layout} worst on {@code kpi} (highest where lower is
     * better, lowest where higher is better; highest for a neutral KPI), worst first, ties by id.
     */
    public List<WorstGrid> worstGrids(String layout, Kpi kpi) {
        List<WorstGrid> out = new ArrayList<>();
        if (data.map().isEmpty() || !data.map().get().layouts().containsKey(layout)) {
            return out;
        }
        GridLayout gridLayout = data.map().get().layouts().get(layout);
        Map<String, Integer> households = gridLayout.householdsByGrid(data.map().get().city());
        Map<String, Double> values = gridValues(layout, kpi);
        Map<String, Double> workers = gridValues(layout, Kpi.FULL_TIME_WORKERS);
        boolean higherWorse = kpi.direction() != Kpi.Direction.HIGHER_IS_BETTER;
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(values.entrySet());
        sorted.sort((a, b) -> {
            int c = higherWorse ? Double.compare(b.getValue(), a.getValue())
                    : Double.compare(a.getValue(), b.getValue());
            return c != 0 ? c : a.getKey().compareTo(b.getKey());
        });
        for (int i = 0; i < Math.min(WORST_GRIDS, sorted.size()); i++) {
            String g = sorted.get(i).getKey();
            out.add(new WorstGrid(i + 1, g, gridLayout.communityOfGrid().getOrDefault(g, ""), sorted.get(i).getValue(),
                    households.getOrDefault(g, 0), workers.getOrDefault(g, Double.NaN)));
        }
        return out;
    }

    /** The colour classes of {@code kpi} maps, absolute thresholds (see {@link MapClasses}). */
    public MapClasses mapClasses(Kpi kpi) {
        double[] range = mapRange(kpi);
        return MapClasses.of(kpi, lang, range[0], range[1]);
    }

    /** A grid's label on the map: its id without the community prefix ("G04" of "C01-G04"). */
    static String shortLabel(String grid, String community) {
        return community != null && !community.isEmpty() && grid.startsWith(community + "-")
                && grid.length() > community.length() + 1 ? grid.substring(community.length() + 1) : grid;
    }

    /**
     * The hover text of a grid: "C01-G04, community C01: 412 households, 2 full-time workers, p90
     * response 2,215 min".
     */
    String gridTitle(String grid, String community, Integer households, Double workers, Kpi kpi, Double value) {
        String v = value == null ? ChartText.MAP_NO_DATA.in(lang) : formatValue(kpi, value);
        String w = workers == null || !Double.isFinite(workers) ? null
                : Math.abs(workers - Math.rint(workers)) < 0.05 ? String.format(java.util.Locale.ROOT, "%.0f", workers)
                        : String.format(java.util.Locale.ROOT, "%.1f", workers);
        String hh = households == null ? "—" : String.format(java.util.Locale.ROOT, "%,d", households);
        return w == null ? ChartText.MAP_HOVER_NO_WORKERS.in(lang, grid, community, hh, ChartText.kpi(kpi, lang), v)
                : (w.equals("1") ? ChartText.MAP_HOVER_ONE : ChartText.MAP_HOVER).in(lang, grid, community, hh, w,
                        ChartText.kpi(kpi, lang), v);
    }

    /** A KPI value with its unit, display unit: "2,215 min", "96.4%", "3 cases". */
    public String formatValue(Kpi kpi, double value) {
        String n = Math.abs(value) >= 100 ? String.format(java.util.Locale.ROOT, "%,.0f", value)
                : String.format(java.util.Locale.ROOT, "%.1f", value);
        return kpi.unit() == Unit.PERCENT ? n + "%" : n + (lang == Lang.ZH ? "" : " ")
                + ChartText.unitSymbol(kpi.unit(), lang);
    }

    /** Whether the batch sited branches for any layout (its plan chose open branches). */
    boolean sitedBranches() {
        return data.map().map(m -> !m.branchSites().isEmpty()).orElse(false);
    }

    /**
     * A map of the district under {@code layout}: grid outlines ({@link GridOutlines}) filled by
     * the grid's {@code kpi} (mean over replications) in fixed classes ({@link MapClasses}) shared
     * by every layout and batch, each grid with a hover title (grid, community, households,
     * full-time workers, the KPI) and a label, communities labelled at their centre, the
     * {@link #WORST_GRIDS} worst grids numbered, and, in a batch that sited branches, the branch
     * sites marked. Axes are kilometres from the south-west corner.
     *
     * @throws IllegalStateException when the data has no map geometry for {@code layout}
     */
    public JFreeChart districtMap(String layout, Kpi kpi) {
        MapData map = data.map().orElseThrow(() -> new IllegalStateException("the data has no map geometry"));
        GridLayout gridLayout = map.layouts().get(layout);
        if (gridLayout == null) {
            throw new IllegalStateException("the map data has no layout " + layout);
        }
        City city = map.city();
        Envelope env = mapEnvelope();
        AffineTransform toKm = new AffineTransform();
        toKm.scale(0.001, 0.001);
        toKm.translate(-env.getMinX(), -env.getMinY());

        MapClasses classes = mapClasses(kpi);
        Map<String, Double> values = gridValues(layout, kpi);
        Map<String, Double> workers = gridValues(layout, Kpi.FULL_TIME_WORKERS);
        Map<String, Integer> households = gridLayout.householdsByGrid(city);
        // Sites only where the batch sited branches: the plan's open branches in black, the other
        // candidates small and grey (a layout without a sited plan: every candidate in black).
        boolean sited = sitedBranches();
        List<String> chosen = map.branchSites().get(layout);
        Set<String> open = chosen == null ? null : Set.copyOf(chosen);
        XYSeries sites = new XYSeries(chosen == null ? ChartText.MAP_CANDIDATES.in(lang)
                : ChartText.MAP_OPEN_BRANCHES.in(lang));
        XYSeries others = new XYSeries(ChartText.MAP_OTHER_SITES.in(lang));
        if (sited) {
            for (Site s : city.sites()) {
                (open == null || open.contains(s.id()) ? sites : others).add((s.x() - env.getMinX()) / 1000,
                        (s.y() - env.getMinY()) / 1000);
            }
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        if (sites.getItemCount() > 0) {
            dataset.addSeries(sites);
        }
        if (others.getItemCount() > 0) {
            // Series 0 is drawn last, over the others.
            dataset.addSeries(others);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        NumberAxis x = new NumberAxis(ChartText.MAP_X.in(lang));
        NumberAxis y = new NumberAxis(ChartText.MAP_Y.in(lang));
        x.setRange(0, env.getWidth() / 1000);
        y.setRange(0, env.getHeight() / 1000);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        String title = ChartText.MAP_TITLE.in(lang, layout, ChartText.kpi(kpi, lang));
        JFreeChart chart = chart(title, plot);
        // The grids are annotations, not data: a map without site markers is not "no data".
        plot.setNoDataMessage(null);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        ShapeWriter writer = new ShapeWriter();
        BasicStroke border = new BasicStroke(0.6f);
        boolean missing = false;
        GridOutlines.Outlines shapes = GridOutlines.outlines(city, gridLayout);
        Map<String, Geometry> outlines = shapes.grids();
        Map<String, List<Geometry>> byCommunity = new LinkedHashMap<>();
        Map<String, Integer> worst = new LinkedHashMap<>();
        for (WorstGrid w : worstGrids(layout, kpi)) {
            worst.put(w.grid(), w.rank());
        }
        boolean labelGrids = outlines.size() <= MAX_LABELLED_GRIDS;
        double tolerance = metresPerPixel(env) / 2;
        Font gridFont = new Font(ChartStyle.family(), Font.PLAIN, 11);
        Font worstFont = new Font(ChartStyle.family(), Font.BOLD, 12);
        Font communityFont = new Font(ChartStyle.family(), Font.BOLD, 15);
        for (Map.Entry<String, Geometry> e : outlines.entrySet()) {
            String grid = e.getKey();
            String community = gridLayout.communityOfGrid().getOrDefault(grid, "");
            Double v = values.get(grid);
            Color fill = v == null ? NO_DATA : classes.colour(v);
            missing |= v == null;
            Shape shape = toKm.createTransformedShape(new Path2D.Double(writer.toShape(
                    MapLayers.simplified(e.getValue(), tolerance))));
            // Fill only: the borders are drawn once for all grids, over the roads.
            renderer.addAnnotation(new TitledShapeAnnotation(shape, null, null, fill, "grid:" + grid,
                    gridTitle(grid, community, households.get(grid), workers.get(grid), kpi, v)), Layer.BACKGROUND);
            byCommunity.computeIfAbsent(community, c -> new ArrayList<>()).add(e.getValue());
        }
        // Over the fills: roads, the grid borders, the community boundaries; then the labels.
        boolean roads = MapLayers.addRoads(renderer, city, toKm, tolerance) > 0;
        MapLayers.addGridBorders(renderer, outlines.values(), toKm, border, tolerance);
        boolean communities = shapes.communities().size() > 1;
        if (communities) {
            MapLayers.addCommunityBoundaries(renderer, shapes.communities().values(), toKm, tolerance);
        }
        for (Map.Entry<String, Geometry> e : outlines.entrySet()) {
            String grid = e.getKey();
            String community = gridLayout.communityOfGrid().getOrDefault(grid, "");
            org.locationtech.jts.geom.Point at = e.getValue().getInteriorPoint();
            double ax = (at.getX() - env.getMinX()) / 1000;
            double ay = (at.getY() - env.getMinY()) / 1000;
            Integer rank = worst.get(grid);
            if (rank != null) {
                XYTextAnnotation t = new XYTextAnnotation(rank + " " + shortLabel(grid, community), ax, ay);
                t.setFont(worstFont);
                t.setPaint(Color.BLACK);
                t.setBackgroundPaint(Color.WHITE);
                t.setOutlineVisible(true);
                t.setOutlinePaint(Color.BLACK);
                t.setOutlineStroke(new BasicStroke(1f));
                renderer.addAnnotation(t, Layer.FOREGROUND);
            } else if (labelGrids) {
                XYTextAnnotation t = new XYTextAnnotation(shortLabel(grid, community), ax, ay);
                t.setFont(gridFont);
                t.setPaint(new Color(0x333333));
                renderer.addAnnotation(t, Layer.BACKGROUND);
            }
        }
        for (Map.Entry<String, List<Geometry>> e : byCommunity.entrySet()) {
            if (e.getKey().isEmpty() || byCommunity.size() < 2) {
                continue;
            }
            Geometry outline = shapes.communities().get(e.getKey());
            Geometry union = outline != null ? outline
                    : org.locationtech.jts.operation.union.UnaryUnionOp.union(e.getValue());
            org.locationtech.jts.geom.Point c = union.getInteriorPoint();
            XYTextAnnotation t = new XYTextAnnotation(e.getKey(), (c.getX() - env.getMinX()) / 1000,
                    (c.getY() - env.getMinY()) / 1000 + 0.06);
            t.setFont(communityFont);
            t.setPaint(new Color(0x08306B));
            t.setBackgroundPaint(new Color(255, 255, 255, 190));
            renderer.addAnnotation(t, Layer.FOREGROUND);
        }
        renderer.setSeriesPaint(0, Color.BLACK);
        renderer.setSeriesShape(0, diamond(5));
        renderer.setSeriesOutlinePaint(0, Color.WHITE);

        // The legend: the classes of the KPI (fixed thresholds), then the sites and "no data".
        LegendItemCollection items = new LegendItemCollection();
        for (int i = 0; i < classes.size(); i++) {
            items.add(new LegendItem(classes.labels().get(i), null, null, null,
                    new Rectangle2D.Double(-6, -6, 12, 12), classes.colourOf(i)));
        }
        if (sites.getItemCount() > 0) {
            items.add(new LegendItem((String) sites.getKey(), null, null, null, diamond(5), Color.BLACK));
        }
        if (others.getItemCount() > 0) {
            items.add(new LegendItem((String) others.getKey(), null, null, null, diamond(3.5), OTHER_SITE));
            renderer.setSeriesPaint(dataset.getSeriesCount() - 1, OTHER_SITE);
            renderer.setSeriesShape(dataset.getSeriesCount() - 1, diamond(3.5));
        }
        if (missing) {
            items.add(new LegendItem(ChartText.MAP_NO_DATA.in(lang), null, null, null,
                    new Rectangle2D.Double(-6, -6, 12, 12), NO_DATA));
        }
        MapLayers.addLegend(items, lang, city, roads, communities);
        plot.setFixedLegendItems(items);
        TextTitle scaleTitle = new TextTitle(ChartText.MAP_SCALE.in(lang, ChartText.kpiWithUnit(kpi, lang)));
        scaleTitle.setFont(new Font(ChartStyle.family(), Font.PLAIN, 13));
        scaleTitle.setPosition(RectangleEdge.BOTTOM);
        scaleTitle.setPaint(new Color(0x333333));
        chart.addSubtitle(scaleTitle);
        renderer.setSeriesPaint(0, Color.BLACK);
        return chart;
    }

    /** Grid id → mean of {@code kpi} over the replications at the reference point, display unit. */
    public Map<String, Double> gridValues(String layout, Kpi kpi) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (RunDetail d : data.details(layout, data.referencePoint())) {
            d.gridKpis().forEach((grid, m) -> {
                Double v = m.get(kpi);
                if (v != null) {
                    double[] s = sums.computeIfAbsent(grid, g -> new double[2]);
                    s[0] += v;
                    s[1]++;
                }
            });
        }
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((g, s) -> out.put(g, kpi.unit().display(s[0] / s[1])));
        return out;
    }

    /** The colour scale range of {@code kpi} maps: the smallest to largest grid value of any layout. */
    double[] mapRange(Kpi kpi) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (String layout : data.layouts()) {
            for (double v : gridValues(layout, kpi).values()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        if (hi - lo < 1e-9) {
            return new double[] {lo - 0.5, hi + 0.5};
        }
        return new double[] {lo, hi};
    }

    /** Metres a pixel of a {@link #WIDTH}-pixel map spans, about: twice the tolerance of its simplified lines. */
    private static double metresPerPixel(Envelope env) {
        return Math.max(env.getWidth(), env.getHeight()) / (WIDTH - 190);
    }

    private Envelope mapEnvelope() {
        Envelope env = new Envelope();
        data.map().ifPresent(m -> {
            m.city().buildings().forEach(b -> env.expandToInclude(b.x(), b.y()));
            m.city().sites().forEach(s -> env.expandToInclude(s.x(), s.y()));
        });
        env.expandBy(GridOutlines.MARGIN_METRES);
        return env;
    }

    private static Shape diamond(double r) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -r);
        p.lineTo(r, 0);
        p.lineTo(0, r);
        p.lineTo(-r, 0);
        p.closePath();
        return p;
    }

    private JFreeChart chart(String title, Plot plot) {
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(BlockBorder.NONE);
        }
        plot.setNoDataMessage(lang == Lang.ZH ? "无数据" : "no data");
        if (plot instanceof CategoryPlot cp) {
            cp.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
            cp.getDomainAxis().setMaximumCategoryLabelLines(2);
        }
        return chart;
    }

    private TextTitle subtitle(String text) {
        TextTitle t = new TextTitle(text);
        t.setFont(new Font(ChartStyle.family(), Font.PLAIN, 12));
        t.setPaint(new Color(0x555555));
        return t;
    }

    private void colourSeries(XYSeriesCollection dataset, XYLineAndShapeRenderer renderer) {
        renderer.setDrawSeriesLineAsPath(true);
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, palette.color((String) dataset.getSeriesKey(s)));
            renderer.setSeriesStroke(s, new BasicStroke(2f));
        }
    }

    private void colourRows(CategoryDataset dataset, BarRenderer renderer) {
        for (int r = 0; r < dataset.getRowCount(); r++) {
            renderer.setSeriesPaint(r, palette.color((String) dataset.getRowKey(r)));
        }
    }
}
