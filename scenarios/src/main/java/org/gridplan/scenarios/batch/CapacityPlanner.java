package org.gridplan.scenarios.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.apache.commons.math3.distribution.TDistribution;
import org.gridplan.optimizer.plan.CapacityCurve;
import org.gridplan.optimizer.plan.RosterChoice;
import org.gridplan.results.stats.CapacityStudy;
import org.gridplan.results.stats.CapacityStudy.Headcount;
import org.gridplan.results.stats.Interval;
import org.gridplan.sim.agent.BranchPool;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.engine.GridSimulation;
import org.gridplan.sim.engine.LimitKpis;
import org.gridplan.sim.engine.RunResult;
import org.gridplan.sim.engine.SimulationConfig;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.TravelTimes;

/**
 * Capacity planning for one layout: the cheapest out-of-hours duty roster and the fewest
 * professionals (workers without routine work, placed one at a time where the field-regime model
 * expects the most extra cases on time) on top of a base plan of full-time and part-time workers
 * that meet a target — the share of cases reached within their response limit, and of urgent cases,
 * each at least a target with the given confidence.
 *
 * <p>Model-guided, confirmed by simulation: the field-regime model ({@link CapacityCurve}, {@link RosterChoice})
 * ranks the rosters and draws the staffing-versus-KPI curve; the first curve point it expects to
 * meet the target is simulated ({@code replications} one-year runs under common random numbers) and
 * accepted when the one-sided lower confidence bound of each simulated share reaches its target; if
 * it does not, the next point is simulated, and so on; once one is accepted, points below it are
 * simulated until one fails, so the plan reported is the fewest the simulation confirms. Every
 * search is bounded by the number of professionals allowed.
 */
public final class CapacityPlanner {

    /**
     * What the plan must meet.
     *
     * @param onTime least share of judged cases reached within their response limit, in (0, 1)
     * @param urgentOnTime least share of urgent cases reached within it, in (0, 1)
     * @param confidence confidence of the one-sided lower bounds, in (0.5, 1)
     */
    public record Target(double onTime, double urgentOnTime, double confidence) {

        /** Validates. */
        public Target {
            if (!(onTime > 0 && onTime < 1) || !(urgentOnTime > 0 && urgentOnTime < 1)) {
                throw new IllegalArgumentException("targets must be shares between 0 and 1 (exclusive), got "
                        + onTime + " and " + urgentOnTime);
            }
            if (!(confidence > 0.5 && confidence < 1)) {
                throw new IllegalArgumentException("confidence must be between 0.5 and 1 (exclusive), got "
                        + confidence);
            }
        }
    }

    /**
     * One point of the staffing-versus-KPI curve, as the model expects it.
     *
     * @param roster the duty roster's label
     * @param professionals professionals added
     * @param grids the grids they serve, in the order they were added
     * @param onTime expected share on time
     * @param urgentOnTime expected share of urgent cases on time
     * @param meanResponse expected mean response, minutes
     */
    public record Point(String roster, int professionals, List<String> grids, double onTime, double urgentOnTime,
            double meanResponse) {

        /** Copies. */
        public Point {
            grids = List.copyOf(grids);
        }
    }

    /**
     * A curve point simulated.
     *
     * @param point the point
     * @param staff the point's plan by kind of worker, with its workers on duty at once out of hours
     * @param runs the replications
     * @param onTime mean simulated share on time
     * @param onTimeCi its two-sided confidence interval at the target's confidence (Student t)
     * @param onTimeLow its one-sided lower confidence bound
     * @param urgentOnTime mean simulated share of urgent cases on time
     * @param urgentLow its lower bound
     * @param meanResponse mean simulated mean response, minutes
     * @param meets whether both lower bounds reach their targets
     */
    public record Check(Point point, Headcount staff, int runs, double onTime, Interval onTimeCi, double onTimeLow,
            double urgentOnTime, double urgentLow, double meanResponse, boolean meets) {

        /** Requires the plan and the interval. */
        public Check {
            Objects.requireNonNull(point, "point");
            Objects.requireNonNull(staff, "staff");
            Objects.requireNonNull(onTimeCi, "onTimeCi");
        }
    }

    /**
     * The outcome for one layout.
     *
     * @param layout the layout's name
     * @param grids the layout's number of grids
     * @param roster the chosen duty roster
     * @param rosters each candidate roster with the urgent share on time the model expects of it, keyed
     *     by label, in the order tried
     * @param maxProfessionals the bound of the search
     * @param curve the staffing-versus-KPI curve under the chosen roster, from 0 professionals
     * @param checks the simulated points, in the order simulated
     * @param chosen the fewest professionals the simulation confirms, if any point within the bound
     *     meets the target
     */
    public record Result(String layout, int grids, DutyRoster roster, Map<String, Double> rosters,
            int maxProfessionals, List<Point> curve, List<Check> checks, Optional<Check> chosen) {

        /** Copies. */
        public Result {
            Objects.requireNonNull(roster, "roster");
            rosters = Collections.unmodifiableMap(new LinkedHashMap<>(rosters));
            curve = List.copyOf(curve);
            checks = List.copyOf(checks);
        }

        /**
         * The layout's part of a {@link CapacityStudy} for the report.
         *
         * @param tried the candidate rosters as given to {@link #plan}, to name those in {@link #rosters}
         */
        public CapacityStudy.Layout study(List<DutyRoster> tried) {
            List<CapacityStudy.RosterOption> options = new ArrayList<>();
            for (DutyRoster r : tried) {
                Double urgent = rosters.get(r.label());
                if (urgent != null) {
                    options.add(new CapacityStudy.RosterOption(r, urgent));
                }
            }
            List<CapacityStudy.ModelPoint> model = curve.stream().map(p -> new CapacityStudy.ModelPoint(
                    p.professionals(), p.onTime(), p.urgentOnTime(), p.meanResponse())).toList();
            List<CapacityStudy.SimulatedPoint> simulated = checks.stream().map(c -> new CapacityStudy.SimulatedPoint(
                    c.point().professionals(), c.staff(), c.runs(), c.onTime(), c.onTimeCi(), c.onTimeLow(),
                    c.urgentOnTime(), c.urgentLow(), c.meanResponse(), c.meets())).toList();
            return new CapacityStudy.Layout(layout, grids, roster, options, maxProfessionals, model, simulated,
                    chosen.map(c -> OptionalInt.of(c.point().professionals())).orElse(OptionalInt.empty()));
        }
    }

    private final City city;
    private final GridLayout layout;
    private final Staffing base;
    private final TravelTimes travel;
    private final SimulationConfig config;
    private final long seed;

    /**
     * A planner for {@code layout}.
     *
     * @param base the plan to add to: its full-time and part-time workers and pools (its duty roster is
     *     replaced by each candidate)
     * @param config the run settings (demand, field model, horizon)
     * @param seed the master seed of the replications (run seeds as in batches)
     */
    public CapacityPlanner(City city, GridLayout layout, Staffing base, TravelTimes travel, SimulationConfig config,
            long seed) {
        this.city = Objects.requireNonNull(city, "city");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.base = Objects.requireNonNull(base, "base");
        this.travel = Objects.requireNonNull(travel, "travel");
        this.config = Objects.requireNonNull(config, "config");
        this.seed = seed;
    }

    /**
     * Plans.
     *
     * @param rosters candidate duty rosters, at least one; {@link RosterChoice} takes the one with the fewest
     *     on duty at night that the model expects to meet the urgent target
     * @param maxProfessionals most professionals to add, 0 or more
     * @param replications one-year runs per simulated point, at least 2
     * @param progress told of each step, one line each
     */
    public Result plan(Target target, List<DutyRoster> rosters, int maxProfessionals, int replications,
            Consumer<String> progress) {
        if (rosters.isEmpty()) {
            throw new IllegalArgumentException("at least one duty roster is needed");
        }
        if (maxProfessionals < 0 || replications < 2) {
            throw new IllegalArgumentException("maxProfessionals must be 0 or more and replications at least 2");
        }
        // The roster: the cheapest the model expects to meet the urgent target (else the best).
        RosterChoice.Decision decision = RosterChoice.choose(city, layout, base, travel, config, seed, rosters,
                target.urgentOnTime());
        Map<String, Double> expected = new LinkedHashMap<>();
        for (RosterChoice.Option o : decision.options()) {
            expected.put(o.roster().label(), o.forecast().urgentOnTimeShare());
            progress.accept(String.format(Locale.ROOT, "duty %s (%d on duty at night): %.1f%% of urgent cases on time"
                    + " expected", o.roster().label(), o.onDutyAtNight(), 100 * o.forecast().urgentOnTimeShare()));
        }
        DutyRoster roster = decision.chosen().roster();
        List<Point> curve = curve(base.withDuty(roster), roster.label(), maxProfessionals);
        int start = curve.size() - 1;
        for (int k = 0; k < curve.size(); k++) {
            if (curve.get(k).onTime() >= target.onTime() && curve.get(k).urgentOnTime() >= target.urgentOnTime()) {
                start = k;
                break;
            }
        }
        List<Check> checks = new ArrayList<>();
        Staffing withRoster = base.withDuty(roster);
        Check accepted = null;
        for (int k = start; k < curve.size(); k++) {
            Check c = simulate(withRoster, curve.get(k), target, replications);
            checks.add(c);
            progress.accept(describe(c));
            if (c.meets()) {
                accepted = c;
                break;
            }
        }
        if (accepted != null) {
            for (int k = accepted.point().professionals() - 1; k >= 0; k--) {
                int professionals = k;
                Optional<Check> done = checks.stream().filter(x -> x.point().professionals() == professionals)
                        .findFirst();
                Check c = done.orElseGet(() -> simulate(withRoster, curve.get(professionals), target, replications));
                if (done.isEmpty()) {
                    checks.add(c);
                    progress.accept(describe(c));
                }
                if (!c.meets()) {
                    break;
                }
                accepted = c;
            }
        }
        return new Result(layout.name(), layout.grids().size(), roster, expected, maxProfessionals, curve, checks,
                Optional.ofNullable(accepted));
    }

    /** The curve: professionals added one at a time where the model expects the most extra cases on time. */
    private List<Point> curve(Staffing plan, String roster, int maxProfessionals) {
        return CapacityCurve.of(city, layout, plan, travel, config, seed, maxProfessionals).stream()
                .map(s -> new Point(roster, s.professionals(), s.grids(), s.forecast().onTimeShare(),
                        s.forecast().urgentOnTimeShare(), s.forecast().meanResponseMinutes())).toList();
    }

    /** The plan of a curve point: the base plan and a professional at the base of each grid added. */
    Staffing staffing(Staffing plan, Point point) {
        Map<String, String> bases = Staffing.baseBuildings(city, layout);
        List<WorkerSpec> workers = new ArrayList<>(plan.workers());
        int k = 0;
        for (String g : point.grids()) {
            k++;
            workers.add(new WorkerSpec(String.format(Locale.ROOT, "CAP-PRO-%03d", k), WorkerType.PROFESSIONAL, g,
                    bases.get(g), ShiftPattern.WEEKDAY_DAY));
        }
        return new Staffing(workers, plan.pools(), plan.duty());
    }

    private Check simulate(Staffing plan, Point point, Target target, int replications) {
        Staffing staffing = staffing(plan, point);
        double[] onTime = new double[replications];
        double[] urgent = new double[replications];
        double mean = 0;
        int onDuty = 0;
        for (int r = 0; r < replications; r++) {
            GridSimulation simulation = new GridSimulation(city, layout, staffing,
                    config.withSeed(Seeds.runSeed(seed, r)), travel);
            onDuty = simulation.dutyPosts();
            RunResult run = simulation.runToEnd();
            LimitKpis limits = run.district().limits();
            onTime[r] = limits.onTimeResponseShare();
            urgent[r] = Double.isNaN(limits.urgentOnTimeResponseShare()) ? 1 : limits.urgentOnTimeResponseShare();
            mean += run.district().response().mean() / replications;
        }
        TDistribution dist = new TDistribution(null, replications - 1);
        double t = dist.inverseCumulativeProbability(target.confidence());
        double t2 = dist.inverseCumulativeProbability((1 + target.confidence()) / 2);
        double[] a = meanAndError(onTime);
        double[] u = meanAndError(urgent);
        return new Check(point, headcount(staffing, onDuty), replications, a[0],
                new Interval(a[0] - t2 * a[1], a[0] + t2 * a[1]), a[0] - t * a[1], u[0], u[0] - t * u[1], mean,
                a[0] - t * a[1] >= target.onTime() && u[0] - t * u[1] >= target.urgentOnTime());
    }

    /** A plan's workers by kind, with {@code onDuty} workers on duty at once out of hours. */
    static Headcount headcount(Staffing staffing, int onDuty) {
        int[] byType = new int[WorkerType.values().length];
        for (WorkerSpec w : staffing.workers()) {
            byType[w.type().ordinal()]++;
        }
        int pool = staffing.pools().stream().mapToInt(BranchPool::workers).sum();
        return new Headcount(byType[WorkerType.FULL_TIME.ordinal()], byType[WorkerType.PART_TIME.ordinal()],
                byType[WorkerType.PROFESSIONAL.ordinal()], pool, onDuty);
    }

    /** [mean, standard error s / √n]. */
    private static double[] meanAndError(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x / v.length;
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        double sd = Math.sqrt(ss / (v.length - 1));
        return new double[] {m, sd / Math.sqrt(v.length)};
    }

    private static String describe(Check c) {
        return String.format(Locale.ROOT, "simulated %d professionals, duty %s (%d runs): on time %.2f%% (lower bound"
                        + " %.2f%%, expected %.2f%%), urgent %.2f%% (lower bound %.2f%%, expected %.2f%%): %s",
                c.point().professionals(), c.point().roster(), c.runs(), 100 * c.onTime(), 100 * c.onTimeLow(),
                100 * c.point().onTime(), 100 * c.urgentOnTime(), 100 * c.urgentLow(), 100 * c.point().urgentOnTime(),
                c.meets() ? "meets the target" : "short of the target");
    }
}
