package org.gridplan.results;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridplan.results.stats.CasePart;
import org.gridplan.results.stats.ComparisonData;
import org.gridplan.results.stats.Justification;
import org.gridplan.results.stats.Kpi;
import org.gridplan.results.stats.MapData;
import org.gridplan.results.stats.RunBreakdown;
import org.gridplan.results.stats.RunDetail;
import org.gridplan.results.stats.RunKpis;
import org.gridplan.results.stats.ScenarioSummary;
import org.gridplan.results.stats.Staff;
import org.gridplan.results.stats.SweepAxis;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.Site;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadClass;
import org.gridplan.sim.road.RoadNetwork;

/**
 * A synthetic batch for report tests and the sample report: a small district of
 * {@code COLS × ROWS} buildings 60 m apart in four communities, three layouts (a coarse
 * {@code current} and finer {@code grid-400} and {@code grid-300}), and made-up KPIs with a
 * layout effect, a staffing effect and replication noise shared by all layouts (common random
 * numbers). Deterministic by seed.
 */
public final class SyntheticBatch {

    public static final int COLS = 24;
    public static final int ROWS = 16;
    public static final double SPACING = 60;
    /** Layout name → grid block size in buildings (columns, rows). */
    public static final Map<String, int[]> LAYOUTS = new LinkedHashMap<>();

    static {
        LAYOUTS.put("current", new int[] {12, 8});
        LAYOUTS.put("grid-400", new int[] {6, 4});
        LAYOUTS.put("grid-300", new int[] {4, 4});
    }

    /** p90 response effect of each layout, minutes. */
    private static final Map<String, Double> EFFECT = Map.of("current", 0.0, "grid-400", -3.1, "grid-300", -2.9);
    /** Officials' indicators of each layout at one full-time worker per grid. */
    private static final Map<String, Map<Kpi, Double>> OFFICIAL = Map.of(
            "current", Map.of(Kpi.ON_TIME_RESPONSE, 0.812, Kpi.URGENT_ON_TIME_RESPONSE, 0.934,
                    Kpi.ON_TIME_CLOSURE, 0.912, Kpi.OVERDUE_OPEN, 14.0, Kpi.VISIT_COVERAGE, 0.71,
                    Kpi.ROUTINE_HOURS_WEEK, 24.3, Kpi.OVERTIME_HOURS_WEEK, 3.1, Kpi.WORKLOAD, 0.62,
                            Kpi.FULL_TIME_WORKERS, 84.0),
            "grid-400", Map.of(Kpi.ON_TIME_RESPONSE, 0.853, Kpi.URGENT_ON_TIME_RESPONSE, 0.936,
                    Kpi.ON_TIME_CLOSURE, 0.934, Kpi.OVERDUE_OPEN, 11.0, Kpi.VISIT_COVERAGE, 0.86,
                    Kpi.ROUTINE_HOURS_WEEK, 26.0, Kpi.OVERTIME_HOURS_WEEK, 2.5, Kpi.WORKLOAD, 0.66,
                            Kpi.FULL_TIME_WORKERS, 102.0),
            "grid-300", Map.of(Kpi.ON_TIME_RESPONSE, 0.861, Kpi.URGENT_ON_TIME_RESPONSE, 0.951,
                    Kpi.ON_TIME_CLOSURE, 0.958, Kpi.OVERDUE_OPEN, 9.0, Kpi.VISIT_COVERAGE, 0.91,
                    Kpi.ROUTINE_HOURS_WEEK, 27.2, Kpi.OVERTIME_HOURS_WEEK, 3.0, Kpi.WORKLOAD, 0.69,
                            Kpi.FULL_TIME_WORKERS, 122.0));

    private SyntheticBatch() {
    }

    /** The district. */
    public static City city() {
        double[] xs = new double[(COLS + 1) * (ROWS + 1)];
        double[] ys = new double[xs.length];
        List<Road> roads = new ArrayList<>();
        for (int r = 0; r <= ROWS; r++) {
            for (int c = 0; c <= COLS; c++) {
                int i = r * (COLS + 1) + c;
                xs[i] = c * SPACING;
                ys[i] = r * SPACING;
                if (c < COLS) {
                    roads.add(new Road(i, i + 1, SPACING, RoadClass.LOCAL));
                }
                if (r < ROWS) {
                    roads.add(new Road(i, i + COLS + 1, SPACING, RoadClass.LOCAL));
                }
            }
        }
        SplittableRandom rnd = new SplittableRandom(7);
        List<Building> buildings = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                String community = "C" + (c < COLS / 2 ? 1 : 2) + (r < ROWS / 2 ? "S" : "N");
                buildings.add(new Building(id(c, r), c * SPACING + 30 + rnd.nextDouble(-12, 12),
                        r * SPACING + 30 + rnd.nextDouble(-12, 12), 20 + rnd.nextInt(60), 2, "S1", community));
            }
        }
        List<Site> sites = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            sites.add(new Site("site-" + k, (2 + 4 * k) * SPACING, (k % 2 == 0 ? 4 : 12) * SPACING));
        }
        return new City("Synthetic district", buildings, new RoadNetwork(xs, ys, roads), sites);
    }

    static String id(int c, int r) {
        return "B" + c + "-" + r;
    }

    /** The layout {@code name} of {@link #LAYOUTS}: rectangular blocks of buildings. */
    public static GridLayout layout(City city, String name) {
        int[] block = LAYOUTS.get(name);
        Map<String, String> grid = new LinkedHashMap<>();
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                grid.put(id(c, r), String.format("G%02d-%02d", c / block[0], r / block[1]));
            }
        }
        return GridLayout.fromAssignment(name, city, grid);
    }

    /**
     * The batch: every layout at staffing levels {@code 1, 1.5, 2} (full-time workers per grid)
     * with {@code replications} replications, details (samples, backlog, grids) at level 1; without
     * the officials' indicators, as a batch stored before they existed.
     */
    public static ComparisonData data(int replications, long seed) {
        return data(replications, seed, false);
    }

    /**
     * As {@link #data(int, long)} with the officials' indicators too (on-time response and
     * closure, overdue cases, visit coverage, working hours), each with a layout effect and the
     * same common replication noise.
     */
    public static ComparisonData withOfficials(int replications, long seed) {
        return data(replications, seed, true);
    }

    private static ComparisonData data(int replications, long seed, boolean officials) {
        City city = city();
        Map<String, Integer> grids = new LinkedHashMap<>();
        List<GridLayout> layouts = new ArrayList<>();
        for (String name : LAYOUTS.keySet()) {
            GridLayout l = layout(city, name);
            layouts.add(l);
            grids.put(name, l.gridCount());
        }
        Map<Double, Map<String, String>> points = new LinkedHashMap<>();
        for (String level : new String[] {"1", "1.5", "2"}) {
            points.put(Double.parseDouble(level), Map.of("staffing.fullTimePerGrid", level, "demand.scale", "1.0"));
        }
        ScenarioSummary summary = new ScenarioSummary("Grid redraw 2025", city.name(), city.households(), grids,
                replications, seed, "staffing.fullTimePerGrid (at demand.scale = 1.0)",
                new SweepAxis("staffing.fullTimePerGrid", List.of(), Map.of("demand.scale", "1.0"), points));
        ComparisonData.Builder b = ComparisonData.builder(summary).baseline("current").referencePoint(1.0);
        double[] levels = {1.0, 1.5, 2.0};
        for (int rep = 0; rep < replications; rep++) {
            SplittableRandom common = new SplittableRandom(seed * 1_000 + rep);
            double noise = common.nextGaussian() * 1.0;
            for (GridLayout layout : layouts) {
                String name = layout.name();
                for (double level : levels) {
                    double p90 = 24 + EFFECT.get(name) + noise - 6 * (level - 1)
                            + new SplittableRandom(seed * 7_919 + rep * 31 + name.hashCode()).nextGaussian() * 0.3;
                    Map<Kpi, Double> kpis = kpis(p90, level);
                    if (officials) {
                        SplittableRandom own = new SplittableRandom(seed * 104_729 + rep * 17 + name.hashCode()
                                + (long) (level * 10));
                        // In KPI order: Map.of iterates in an order that changes from run to run.
                        for (Kpi k : Kpi.officials()) {
                            kpis.put(k, official(k, OFFICIAL.get(name).get(k), level, noise, own.nextGaussian()));
                        }
                    }
                    b.add(new RunKpis(name, level, rep, kpis));
                    if (level == 1.0) {
                        b.add(detail(city, layout, rep, p90, seed));
                        if (officials) {
                            b.add(breakdown(name, rep, kpis, noise));
                        }
                    }
                }
            }
        }
        // grid-400's plan opens two of the six candidate sites; the other layouts show every candidate.
        return b.map(MapData.of(city, layouts, Map.of("grid-400", List.of("site-1", "site-4"))))
                .justifications(List.of(
                        new Justification("Every grid has one full-time worker (Jidong county standard).",
                                "每个网格配备一名专职网格员（吉东县标准）。"),
                        new Justification("Branch site-2 is within 15 minutes of 96% of households.",
                                "支部 site-2 在 96% 住户的 15 分钟范围内。")))
                .build();
    }

    /**
     * The cases of one run at one worker per grid by category and by working hours: routine cases
     * reported out of hours wait for the next shift (a mean of about 1,900 minutes against 15 in
     * working hours), and the plan's headcount by kind.
     */
    private static RunBreakdown breakdown(String layout, int rep, Map<Kpi, Double> kpis, double noise) {
        double ontime = kpis.get(Kpi.ON_TIME_RESPONSE);
        double closure = kpis.get(Kpi.ON_TIME_CLOSURE);
        double in = 15 + EFFECT.get(layout) + noise * 0.5;
        double out = 1_900 + 10 * noise;
        List<CasePart> parts = List.of(
                new CasePart(CasePart.Kind.CATEGORY, "disputes", false, 1_200, 1_190, 300 + noise, 12, 900,
                        ontime - 0.05,
                        closure),
                new CasePart(CasePart.Kind.CATEGORY, "repairs", false, 900, 890, 420 + noise, 15, 1_500, ontime,
                        closure - 0.04),
                new CasePart(CasePart.Kind.CATEGORY, "emergencies", true, 200, 200, 7 + noise * 0.1, 6, 12, 0.996,
                        0.75),
                new CasePart(CasePart.Kind.HOURS, CasePart.WORKING_HOURS, false, 1_400, 1_390, in, 9, 40, ontime,
                        closure),
                new CasePart(CasePart.Kind.HOURS, CasePart.OUT_OF_HOURS, false, 900, 890, out, 1_500, 3_000,
                        ontime + 0.01, closure));
        Map<Staff, Integer> staff = new EnumMap<>(Staff.class);
        staff.put(Staff.FULL_TIME, (int) Math.round(kpis.get(Kpi.FULL_TIME_WORKERS)));
        staff.put(Staff.PART_TIME, 12);
        return new RunBreakdown(layout, 1.0, rep, parts, staff);
    }

    private static Map<Kpi, Double> kpis(double p90, double level) {
        Map<Kpi, Double> m = new EnumMap<>(Kpi.class);
        m.put(Kpi.MEAN_RESPONSE, p90 * 0.45);
        m.put(Kpi.P50_RESPONSE, p90 * 0.35);
        m.put(Kpi.P90_RESPONSE, p90);
        m.put(Kpi.P95_RESPONSE, p90 * 1.3);
        m.put(Kpi.MEAN_CLOSURE, 1_800 + p90 * 20);
        m.put(Kpi.UTILISATION, 0.55 / level);
        m.put(Kpi.ON_SPOT_SHARE, 0.62);
        m.put(Kpi.WITHIN_5_SHARE, Math.max(0, 0.5 - p90 / 100));
        m.put(Kpi.WITHIN_15_SHARE, Math.min(1, 1.2 - p90 / 60));
        return m;
    }

    /**
     * An officials' indicator: the layout's value {@code v}, better with more staff, moved by the
     * replication's common noise and a little noise of its own.
     */
    private static double official(Kpi k, double v, double level, double common, double own) {
        return switch (k.unit()) {
            case PERCENT -> Math.max(0, Math.min(1, v + 0.03 * (level - 1) - 0.006 * common + 0.003 * own));
            case COUNT -> Math.max(0, Math.round(v * (1.5 - level / 2) + 1.2 * common + 0.4 * own));
            case PEOPLE -> v * level;
            default -> v + 0.4 * common + 0.15 * own - (k == Kpi.OVERTIME_HOURS_WEEK ? level - 1 : 0);
        };
    }

    private static RunDetail detail(City city, GridLayout layout, int rep, double p90, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 31 + rep + 1_000L * layout.gridCount());
        int n = 2_000;
        double[] response = new double[n];
        double scale = p90 / 2.4;
        for (int i = 0; i < n; i++) {
            response[i] = scale * Math.exp(0.7 * rnd.nextGaussian());
        }
        int workers = layout.gridCount() + 8;
        double[] util = new double[workers];
        for (int i = 0; i < workers; i++) {
            util[i] = Math.max(0.02, 0.5 + 0.25 * rnd.nextGaussian() + (layout.gridCount() < 8 ? 0.3 : 0));
        }
        int samples = 24 * 60;
        double[] hours = new double[samples];
        double[] open = new double[samples];
        for (int k = 0; k < samples; k++) {
            hours[k] = k;
            double surge = k >= 24 * 30 && k < 24 * 33 ? 60 : 0;
            double recovery = k >= 24 * 33 ? 60 * Math.exp(-(k - 24 * 33) / (layout.gridCount() < 8 ? 96.0 : 48.0))
                    : 0;
            open[k] = 40 + 8 * Math.sin(2 * Math.PI * k / 24) + surge + recovery + 3 * rnd.nextGaussian();
        }
        Map<String, Map<Kpi, Double>> gridKpis = new LinkedHashMap<>();
        layout.buildingsByGrid(city).forEach((grid, members) -> {
            double x = 0;
            for (int i : members) {
                x += city.buildings().get(i).x();
            }
            x /= members.size();
            Map<Kpi, Double> m = new EnumMap<>(Kpi.class);
            m.put(Kpi.P90_RESPONSE, p90 * (0.7 + 0.6 * x / (COLS * SPACING)) + rnd.nextGaussian());
            m.put(Kpi.MEAN_RESPONSE, m.get(Kpi.P90_RESPONSE) * 0.45);
            m.put(Kpi.FULL_TIME_WORKERS, 1.0);
            gridKpis.put(grid, m);
        });
        return new RunDetail(layout.name(), 1.0, rep, response, util, hours, open, gridKpis);
    }
}
