package org.gridplan.optimizer.response;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.gridplan.sim.agent.Schedule;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.demand.DiscoveryMode;
import org.gridplan.sim.demand.IncidentCategory;
import org.gridplan.sim.demand.TimeLimit;
import org.gridplan.sim.engine.FieldModel;
import org.gridplan.sim.engine.PatrolConfig;
import org.gridplan.sim.engine.Queueing;
import org.gridplan.sim.engine.SimulationConfig;

/**
 * The analytic response model of the field regime: for a grid and its workers, the expected
 * number of cases known a year, their total response minutes and how many meet their response
 * limit, by category, without simulating incidents.
 *
 * <p>What it adds up, per case known at minute {@code t} of the week (the arrival profile of its
 * category; cases of categories a resident reports late are spread evenly over the week):
 * <ul>
 *   <li><b>Found on patrol</b>: a case of a category patrol can find is found before a resident
 *       reports it with probability {@code 1 - E[exp(-ρ L)]}, where {@code L} is the category's
 *       latent period and {@code ρ} the rate at which a worker comes by the case's building
 *       (street-patrol legs, one building a leg, and household-visit jobs of the round); a found
 *       case is reached at once.</li>
 *   <li><b>Triage</b>: every report waits the command center's mean triage delay.</li>
 *   <li><b>Shift and duty coverage</b>: a routine case dispatched outside its grid's shift waits for
 *       the next shift, then for the cases reported before it since the last shift (a Poisson
 *       number, each taking a worker travel plus handling); an urgent one goes to a worker on shift,
 *       else the part-time backup on duty, else the out-of-hours duty roster (travel from the duty
 *       location), else the linked professional after the linkage delay.</li>
 *   <li><b>Routine workload as reduced availability</b>: a routine case dispatched during the shift
 *       waits until one of the grid's routine workers finishes the job in hand ({@link RoutineDays}),
 *       unless the grid has a worker without routine work (a professional); a job that runs past
 *       the shift's end sends the case to the next shift.</li>
 *   <li><b>Staggered shifts</b>: when the workers without routine work keep other days or hours
 *       than the routine workers (a crew's {@code otherShift}), a routine case goes to whichever is
 *       on shift; the cover is the union of the two shifts.</li>
 *   <li><b>Queueing</b> among incidents: the Erlang C wait of the grid's workers for the in-shift
 *       arrival rate (the bare M/M/c model when the workers are always on shift without routine
 *       work).</li>
 *   <li><b>Travel</b> from the workers' base (or the duty location) to the grid's households.</li>
 * </ul>
 * A case meets its response limit when the minutes from known to arrival, counted on the limit's
 * clock (working hours or calendar), are within it. Backup dispatch of routine cases between grids
 * ({@code dispatch.routineBackup: true}) and queue limits or patience are not modelled; the
 * simulator's agreement is measured in BENCHMARKS.md.
 */
public final class FieldResponseModel {

    private static final int WEEK = 7 * 1440;
    private static final int STEP = 5;

    /**
     * One grid as the model sees it.
     *
     * @param id the grid's id
     * @param buildingHouseholds households of each of its buildings
     * @param roadMetres road metres of the grid (street patrol)
     * @param travelMinutes mean travel of the grid's workers from their base to its households
     * @param dutyTravelMinutes mean travel from the out-of-hours duty location to its households
     *     (NaN when it has no duty roster)
     * @param dutyHours when its duty roster is on duty, or null for none
     * @param backupHours when a backup worker (part-time) of its community is on duty, or null
     */
    public record Grid(String id, long[] buildingHouseholds, double roadMetres, double travelMinutes,
            double dutyTravelMinutes, Schedule dutyHours, Schedule backupHours) {

        /** Validates and copies. */
        public Grid {
            Objects.requireNonNull(id, "id");
            buildingHouseholds = buildingHouseholds.clone();
            if (!(roadMetres >= 0) || !(travelMinutes >= 0)) {
                throw new IllegalArgumentException("grid " + id + ": road metres and travel must be 0 or more");
            }
        }

        /** Households of the grid. */
        public long households() {
            return Arrays.stream(buildingHouseholds).sum();
        }
    }

    /**
     * The grid's own workers, first call for its cases.
     *
     * @param routineWorkers full-time workers, who do the routine work of the grid
     * @param otherWorkers workers without routine work (professionals)
     * @param shift the routine workers' shift
     * @param otherShift the other workers' shift: the same as {@code shift}, or staggered from it
     *     (other days or hours), when a routine case goes to whichever of them is on shift
     */
    public record Crew(int routineWorkers, int otherWorkers, Schedule shift, Schedule otherShift) {

        /** Validates. */
        public Crew {
            if (routineWorkers < 0 || otherWorkers < 0) {
                throw new IllegalArgumentException("worker counts must be 0 or more");
            }
            Objects.requireNonNull(shift, "shift");
            Objects.requireNonNull(otherShift, "otherShift");
        }

        /** A crew all on one shift. */
        public Crew(int routineWorkers, int otherWorkers, Schedule shift) {
            this(routineWorkers, otherWorkers, shift, shift);
        }

        /** All the workers. */
        public int workers() {
            return routineWorkers + otherWorkers;
        }

        /** Whether both kinds of worker are in the crew, on different shifts. */
        public boolean staggered() {
            return routineWorkers > 0 && otherWorkers > 0 && !shift.equals(otherShift);
        }

        /** This crew with its other workers on {@code s}. */
        public Crew withOtherShift(Schedule s) {
            return new Crew(routineWorkers, otherWorkers, shift, s);
        }
    }

    /**
     * What the model expects of one grid in a year, by category (catalog order); additive over
     * grids.
     *
     * @param known cases known a year
     * @param responseMinutes total minutes from known to first arrival, a year
     * @param judged cases with a response limit, a year
     * @param onTime of which reached within it
     */
    public record Outcome(double[] known, double[] responseMinutes, double[] judged, double[] onTime) {

        /** An empty outcome for {@code n} categories. */
        public static Outcome empty(int n) {
            return new Outcome(new double[n], new double[n], new double[n], new double[n]);
        }

        /** This plus {@code o}. */
        public Outcome plus(Outcome o) {
            double[][] a = {known.clone(), responseMinutes.clone(), judged.clone(), onTime.clone()};
            for (int c = 0; c < known.length; c++) {
                a[0][c] += o.known[c];
                a[1][c] += o.responseMinutes[c];
                a[2][c] += o.judged[c];
                a[3][c] += o.onTime[c];
            }
            return new Outcome(a[0], a[1], a[2], a[3]);
        }

        /** Mean response over all cases, minutes. */
        public double meanResponse() {
            return sum(responseMinutes) / sum(known);
        }

        /** Share of judged cases reached within their response limit. */
        public double onTimeShare() {
            return sum(onTime) / sum(judged);
        }

        /** Cases a year reached within their response limit, over all categories. */
        public double onTimeCases() {
            return sum(onTime);
        }

        /** Cases a year with a response limit, over all categories. */
        public double judgedCases() {
            return sum(judged);
        }

        /** Total response minutes a year over all categories. */
        public double totalResponseMinutes() {
            return sum(responseMinutes);
        }

        /** The share of judged cases of the categories {@code which} picks that are on time. */
        public double onTimeShare(boolean[] which) {
            double j = 0;
            double o = 0;
            for (int c = 0; c < known.length; c++) {
                if (which[c]) {
                    j += judged[c];
                    o += onTime[c];
                }
            }
            return o / j;
        }

        private static double sum(double[] v) {
            return Arrays.stream(v).sum();
        }
    }

    private final SimulationConfig config;
    private final List<IncidentCategory> categories;
    private final double scale;
    private final long seed;
    private final double triage;
    private final double[] workingPrefix;
    private final double[][] density;
    private final double meanHandling;
    /** The shift windows of each schedule seen (a plan has a handful), kept across grids and crews. */
    private final Map<Schedule, Shifts> shiftsOf = new ConcurrentHashMap<>();

    /**
     * A model of the runs of {@code config}.
     *
     * @param seed seed of the routine-day samples
     */
    public FieldResponseModel(SimulationConfig config, long seed) {
        this.config = config;
        DemandCatalog demand = config.demand();
        this.categories = demand.categories();
        this.scale = demand.scale();
        this.seed = seed;
        FieldModel field = config.field();
        this.triage = field.triage().delay().mean();
        // Working minutes from the start of the week, over three weeks (limits that run past a weekend).
        workingPrefix = new double[3 * WEEK + 1];
        for (int m = 0; m < 3 * WEEK; m++) {
            workingPrefix[m + 1] = workingPrefix[m] + (field.workingHours().onDuty(m + 0.5) ? 1 : 0);
        }
        density = new double[categories.size()][];
        double rate = 0;
        double busy = 0;
        for (int c = 0; c < categories.size(); c++) {
            IncidentCategory cat = categories.get(c);
            density[c] = new double[WEEK / STEP];
            double[] f = cat.profile().hourOfWeekFactors();
            boolean flat = cat.discovery() != DiscoveryMode.RESIDENT_REPORT;
            for (int k = 0; k < density[c].length; k++) {
                // Late reports are spread over the week by their latent period (days): flat.
                density[c][k] = (flat ? 1.0 : f[k * STEP / 60]) / density[c].length;
            }
            rate += cat.ratePerHouseholdYear();
            busy += cat.ratePerHouseholdYear() * cat.service().mean();
        }
        meanHandling = rate > 0 ? busy / rate : 0;
    }

    /** The categories, in the order of the outcome arrays. */
    public List<IncidentCategory> categories() {
        return categories;
    }

    /** Which categories are urgent. */
    public boolean[] urgent() {
        boolean[] u = new boolean[categories.size()];
        for (int c = 0; c < u.length; c++) {
            u[c] = categories.get(c).urgent();
        }
        return u;
    }

    /** The expected outcome of {@code grid} staffed by {@code crew}. */
    public Outcome grid(Grid grid, Crew crew) {
        int n = categories.size();
        Outcome out = Outcome.empty(n);
        long households = grid.households();
        if (households == 0) {
            return out;
        }
        if (crew.routineWorkers() == 0 && !crew.otherShift().equals(crew.shift())) {
            crew = new Crew(0, crew.otherWorkers(), crew.otherShift());
        }
        boolean staggered = crew.staggered();
        // The routine workers' shift; the other workers'; and when anyone of the crew is on shift.
        Shifts shifts = shiftsOf.computeIfAbsent(crew.shift(), Shifts::of);
        Shifts others = staggered ? shiftsOf.computeIfAbsent(crew.otherShift(), Shifts::of) : shifts;
        Shifts any = staggered ? shiftsOf.computeIfAbsent(new Union(crew.shift(), crew.otherShift()), Shifts::of)
                : shifts;
        // While the others are off shift the routine workers are alone: their day is that of a crew without others.
        RoutineDays days = routineDays(grid, staggered ? new Crew(crew.routineWorkers(), 0, crew.shift()) : crew,
                shifts);
        double travel = grid.travelMinutes();
        double busy = meanHandling + travel;
        // Routine reports a minute in the grid, by step of the week, for the backlog at shift start.
        double[] routineRate = new double[WEEK / STEP];
        double[] allRate = new double[WEEK / STEP];
        double[] yearly = new double[n];
        double[] found = new double[n];
        for (int c = 0; c < n; c++) {
            IncidentCategory cat = categories.get(c);
            yearly[c] = households * cat.ratePerHouseholdYear() * scale;
            found[c] = cat.discovery() == DiscoveryMode.RESIDENT_REPORT ? 0 : foundOnPatrol(grid, crew, shifts, cat);
            for (int k = 0; k < routineRate.length; k++) {
                double perMinute = yearly[c] * (1 - found[c]) * density[c][k] * (WEEK / STEP)
                        / DemandCatalog.YEAR_MINUTES;
                allRate[k] += perMinute;
                if (!cat.urgent()) {
                    routineRate[k] += perMinute;
                }
            }
        }
        // The Erlang C wait among incidents, at the mean arrival rate of the shift's hours.
        double inShiftCases = 0;
        double inShiftMinutes = 0;
        for (int k = 0; k < allRate.length; k++) {
            if (any.on(k * STEP + STEP / 2.0)) {
                inShiftMinutes += STEP;
                inShiftCases += allRate[k] * STEP;
            }
        }
        double lambdaShift = inShiftMinutes > 0 ? inShiftCases / inShiftMinutes : 0;
        double queueWait = crew.workers() == 0 || busy <= 0 ? 0
                : Math.min(Queueing.mmcMeanWaitOrInfinity(Math.min(lambdaShift, 0.999 * crew.workers() / busy),
                        1 / busy, crew.workers()), 24 * 60);
        double[] ahead = backlog(routineRate, any);
        // Each step of the week once: the routine response and its on-time share for each distinct
        // response limit of the routine categories.
        List<TimeLimit> limits = new ArrayList<>();
        int[] limitOf = new int[n];
        for (int c = 0; c < n; c++) {
            TimeLimit l = categories.get(c).responseLimit();
            if (!categories.get(c).urgent() && !limits.contains(l)) {
                limits.add(l);
            }
            limitOf[c] = limits.indexOf(l);
        }
        int steps = WEEK / STEP;
        double[] routineResponse = new double[steps];
        double[][] routineOnTime = new double[limits.size()][steps];
        double[] onTime = new double[limits.size()];
        for (int k = 0; k < steps; k++) {
            routineResponse[k] = staggered
                    ? staggeredRoutine(k * STEP + STEP / 2.0, crew, shifts, others, any, days, ahead, busy, travel,
                            queueWait, limits, onTime)
                    : routine(k * STEP + STEP / 2.0, crew, shifts, days, ahead, busy, travel, queueWait, limits,
                            onTime);
            for (int l = 0; l < limits.size(); l++) {
                routineOnTime[l][k] = onTime[l];
            }
        }
        for (int c = 0; c < n; c++) {
            IncidentCategory cat = categories.get(c);
            double reported = yearly[c] * (1 - found[c]);
            double judged = cat.responseLimit().isNone() ? 0 : 1;
            out.known[c] = yearly[c];
            out.judged[c] = yearly[c] * judged;
            out.onTime[c] = yearly[c] * found[c] * judged;
            double sumResp = 0;
            double sumOnTime = 0;
            for (int k = 0; k < steps; k++) {
                if (cat.urgent()) {
                    double[] r = urgent(k * STEP + STEP / 2.0, grid, crew, any, queueWait, cat.responseLimit());
                    sumResp += density[c][k] * r[0];
                    sumOnTime += density[c][k] * r[1];
                } else {
                    sumResp += density[c][k] * routineResponse[k];
                    sumOnTime += density[c][k] * routineOnTime[limitOf[c]][k];
                }
            }
            out.responseMinutes[c] = reported * sumResp;
            out.onTime[c] += reported * sumOnTime * judged;
        }
        return out;
    }

    /**
     * The mean response of a routine case known at week minute {@code t}; its share on time for
     * each of {@code limits} goes to {@code onTime}.
     */
    private double routine(double t, Crew crew, Shifts shifts, RoutineDays days, double[] ahead, double busy,
            double travel, double queueWait, List<TimeLimit> limits, double[] onTime) {
        java.util.Arrays.fill(onTime, 0);
        if (crew.workers() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double d = t + triage;
        int window = shifts.windowAt(d);
        if (window < 0) {
            return offShift(t, shifts.nextStart(d), ahead, busy / crew.workers(), travel, limits, onTime);
        }
        double x = Math.floorMod((long) Math.floor(d - shifts.start(window)), (long) WEEK)
                + (d - Math.floor(d));
        double end = shifts.length(window);
        // The next shift's start, on the calendar of t.
        double next = d - x + shifts.startAfter(window) - shifts.start(window);
        double overnightWorking = working(t, next) + travel;
        double overnight = next - t + travel;
        if (crew.otherWorkers() > 0) {
            // A worker without routine work is free at once (while the shift lasts).
            boolean fits = x < end;
            double response = fits ? triage + queueWait + travel : overnight;
            double working = fits ? working(t, t + response) : overnightWorking;
            for (int l = 0; l < limits.size(); l++) {
                TimeLimit limit = limits.get(l);
                onTime[l] = (limit.clock() == TimeLimit.Clock.WORKING ? working : response) <= limit.minutes() ? 1 : 0;
            }
            return response;
        }
        // Over the sampled days: a case waits for the job in hand (rest) when it ends within the shift,
        // else for the next shift. Both depend on the rest alone, and monotonely, so the days are
        // counted on their rests sorted, by binary search, rather than one by one.
        return overDays(t, days, x, end - x, triage + queueWait + travel, overnight, overnightWorking, limits,
                onTime);
    }

    /**
     * An off-shift routine case known at week minute {@code t}: it waits for the shift starting at
     * {@code start}, then for the Poisson backlog of cases reported since the last shift
     * ({@code ahead}), each {@code each} minutes of the crew's time.
     */
    private double offShift(double t, double start, double[] ahead, double each, double travel,
            List<TimeLimit> limits, double[] onTime) {
        double mean = ahead[index(t)];
        double elapsed = working(t, start);
        for (int l = 0; l < limits.size(); l++) {
            onTime[l] = onTimeBacklog(mean, each, elapsed + travel, limits.get(l), start - t + travel);
        }
        return start - t + mean * each + travel;
    }

    /**
     * Over the sampled routine days at minute {@code x} of the shift: a case waits for the job in
     * hand (its rest) when the rest is below {@code cap}, responding in {@code fixed} plus the rest,
     * else responds in {@code late} calendar minutes ({@code lateWorking} on the working clock).
     * Both depend on the rest alone, and monotonely, so the days are counted on their rests sorted,
     * by binary search, rather than one by one. Returns the mean response; the share on time for
     * each of {@code limits} goes to {@code onTime}.
     */
    private double overDays(double t, RoutineDays days, double x, double cap, double fixed, double late,
            double lateWorking, List<TimeLimit> limits, double[] onTime) {
        double[] rests = days.sortedRests(x);
        int nDays = rests.length;
        int fit = below(rests, nDays, cap);
        double sum = fit * fixed + days.sumOfSmallest(x, fit) + (nDays - fit) * late;
        for (int l = 0; l < limits.size(); l++) {
            TimeLimit limit = limits.get(l);
            boolean workingClock = limit.clock() == TimeLimit.Clock.WORKING;
            // The days that fit and are on time are the shortest rests: the largest prefix whose last is on time.
            int lo = 0;
            int hi = fit;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                double response = fixed + rests[mid];
                double elapsed = workingClock ? working(t, t + response) : response;
                if (elapsed <= limit.minutes()) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            double lateOnTime = (workingClock ? lateWorking : late) <= limit.minutes() ? nDays - fit : 0;
            onTime[l] = (lo + lateOnTime) / nDays;
        }
        return sum / nDays;
    }

    /**
     * As {@link #routine} for a crew whose other workers are on a shift staggered from the routine
     * workers' ({@code shifts}): a case known while an other worker is on shift is taken at once; one
     * known while only the routine workers are on waits for the job in hand, unless an other worker's
     * shift starts first, or the next shift of either; one known while nobody is on waits for the
     * first of them to start, then for the cases reported since ({@code any}'s backlog).
     */
    private double staggeredRoutine(double t, Crew crew, Shifts shifts, Shifts others, Shifts any, RoutineDays days,
            double[] ahead, double busy, double travel, double queueWait, List<TimeLimit> limits, double[] onTime) {
        java.util.Arrays.fill(onTime, 0);
        double d = t + triage;
        double fixed = triage + queueWait + travel;
        if (others.windowAt(d) >= 0) {
            double working = working(t, t + fixed);
            for (int l = 0; l < limits.size(); l++) {
                TimeLimit limit = limits.get(l);
                onTime[l] = (limit.clock() == TimeLimit.Clock.WORKING ? working : fixed) <= limit.minutes() ? 1 : 0;
            }
            return fixed;
        }
        int window = shifts.windowAt(d);
        if (window < 0) {
            return offShift(t, any.nextStart(d), ahead, busy / crew.workers(), travel, limits, onTime);
        }
        double x = Math.floorMod((long) Math.floor(d - shifts.start(window)), (long) WEEK) + (d - Math.floor(d));
        double end = shifts.length(window);
        double toOthers = others.nextStart(d) - d;
        double nextRoutine = d - x + shifts.startAfter(window) - shifts.start(window);
        // A day whose job in hand outlasts the cap: an other worker's shift starts first, or the next shift.
        double cap = Math.min(end - x, toOthers);
        double lateStart = toOthers < end - x ? d + toOthers : Math.min(nextRoutine, d + toOthers);
        return overDays(t, days, x, cap, fixed, lateStart - t + travel, working(t, lateStart) + travel, limits,
                onTime);
    }

    /** How many of the first {@code n} values of ascending {@code v} are strictly below {@code bound}. */
    private static int below(double[] v, int n, double bound) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v[mid] < bound) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** [mean response, share on time] of an urgent case known at week minute {@code t}. */
    private double[] urgent(double t, Grid grid, Crew crew, Shifts shifts, double queueWait, TimeLimit limit) {
        double d = t + triage;
        FieldModel field = config.field();
        double response;
        if (crew.workers() > 0 && shifts.windowAt(d) >= 0) {
            response = triage + queueWait + grid.travelMinutes();
        } else if (grid.backupHours() != null && grid.backupHours().onDuty(d)) {
            response = triage + grid.travelMinutes();
        } else if (grid.dutyHours() != null && grid.dutyHours().onDuty(d)) {
            response = triage + grid.dutyTravelMinutes();
        } else if (field.linkage().enabled()) {
            response = triage + field.linkage().afterMinutes() + field.linkage().response().mean();
        } else if (crew.workers() > 0) {
            response = shifts.nextStart(d) - t + grid.travelMinutes();
        } else {
            return new double[] {Double.POSITIVE_INFINITY, 0};
        }
        double elapsed = limit.clock() == TimeLimit.Clock.WORKING ? working(t, t + response) : response;
        return new double[] {response, elapsed <= limit.minutes() ? 1 : 0};
    }

    /**
     * The share on time of an off-shift case with a Poisson({@code mean}) number of cases ahead,
     * each {@code each} minutes of the crew's time, {@code base} minutes on the limit's clock
     * without them ({@code calendar} minutes on the calendar).
     */
    private static double onTimeBacklog(double mean, double each, double base, TimeLimit limit, double calendar) {
        double b = limit.clock() == TimeLimit.Clock.WORKING ? base : calendar;
        if (b > limit.minutes()) {
            return 0;
        }
        if (mean <= 0 || each <= 0) {
            return 1;
        }
        int most = (int) Math.floor((limit.minutes() - b) / each);
        // P(N <= most) for N ~ Poisson(mean); the means here are a few cases at most.
        double term = Math.exp(-mean);
        double cdf = term;
        for (int k = 1; k <= most && term > 1e-15; k++) {
            term *= mean / k;
            cdf += term;
        }
        return Math.min(1, cdf);
    }

    /**
     * Expected routine cases reported, at each step of the week, since the grid's shift last ended
     * (those a case reported then finds ahead of it when the next shift starts).
     */
    private static double[] backlog(double[] rate, Shifts shifts) {
        int n = rate.length;
        double[] ahead = new double[n];
        // Two passes round the week so a backlog that started before Monday 00:00 is counted.
        double acc = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < n; k++) {
                if (shifts.on(k * STEP + STEP / 2.0)) {
                    acc = 0;
                } else {
                    ahead[k] = acc + rate[k] * STEP / 2;
                    acc += rate[k] * STEP;
                }
            }
        }
        return ahead;
    }

    private static int index(double t) {
        return Math.floorMod((int) Math.floor(t / STEP), WEEK / STEP);
    }

    /** Working minutes between week minute {@code from} and calendar minute {@code to} ≥ from. */
    private double working(double from, double to) {
        double f = ((from % WEEK) + WEEK) % WEEK;
        double span = Math.min(to - from, 2 * WEEK);
        return prefix(f + span) - prefix(f);
    }

    private double prefix(double m) {
        int i = (int) Math.floor(m);
        i = Math.max(0, Math.min(i, workingPrefix.length - 2));
        return workingPrefix[i] + (m - i) * (workingPrefix[i + 1] - workingPrefix[i]);
    }

    private RoutineDays routineDays(Grid grid, Crew crew, Shifts shifts) {
        int length = shifts.typicalLength();
        FieldModel field = config.field();
        boolean routine = field.routine().patrol().enabled() || field.routine().admin().enabled()
                || field.routine().tasks().enabled() || field.routine().info().enabled()
                || (config.patrol().enabled() && config.patrol().cycle());
        if (crew.routineWorkers() == 0 || crew.otherWorkers() > 0 || !routine || length == 0) {
            return RoutineDays.free(Math.max(1, length));
        }
        return RoutineDays.sample(field.routine(), config.patrol(), grid.buildingHouseholds(), grid.roadMetres(),
                crew.routineWorkers(), length, shifts.daysPerWeek(), 30, 60, seed ^ grid.id().hashCode());
    }

    /**
     * The probability that a case of {@code cat} at a household of the grid is found on patrol
     * before a resident reports it.
     */
    private double foundOnPatrol(Grid grid, Crew crew, Shifts shifts, IncidentCategory cat) {
        if (crew.routineWorkers() == 0) {
            return 0;
        }
        long[] hh = grid.buildingHouseholds();
        long households = grid.households();
        double workDays = shifts.daysPerWeek() / 7.0;
        FieldModel field = config.field();
        PatrolConfig visits = config.patrol();
        double legsPerDay = field.routine().patrol().enabled()
                ? grid.roadMetres() * field.routine().patrol().roundsPerDay()
                        / field.routine().patrol().metresPerMinute()
                        / field.routine().patrol().legMinutes() : 0;
        double dailyVisits = visits.enabled() && visits.cycle()
                ? households / (visits.cycleDays() * workDays) : 0;
        double batch = Math.max(1, Math.min(Math.min(8, visits.maxVisitsPerDay()), Math.ceil(dailyVisits)));
        double p = 0;
        for (long h : hh) {
            if (h == 0) {
                continue;
            }
            // Passes a calendar minute: a patrol leg ends at one building of the grid, drawn evenly;
            // a visit job takes up to a batch of the building's households.
            double perWorkDay = legsPerDay / hh.length
                    + (dailyVisits > 0 ? Math.ceil(h / batch) / (visits.cycleDays() * workDays) : 0);
            double rho = perWorkDay * workDays / 1440;
            p += h * (1 - laplace(cat, rho));
        }
        return p / households;
    }

    /** E[exp(-ρ L)] for the category's latent period L, by its quantiles. */
    private static double laplace(IncidentCategory cat, double rho) {
        var d = cat.latentPeriod();
        if (d instanceof org.gridplan.sim.demand.TimeDistribution.Exponential e) {
            return 1 / (1 + rho * e.mean());
        }
        var dist = d.distribution(new org.apache.commons.math3.random.MersenneTwister(1));
        int n = 200;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.exp(-rho * dist.inverseCumulativeProbability((i + 0.5) / n));
        }
        return s / n;
    }

    /**
     * On duty when either schedule is (a staggered crew's cover); a record, so that equal unions
     * share their windows in the cache.
     */
    private record Union(Schedule a, Schedule b) implements Schedule {
        @Override
        public boolean onDuty(double t) {
            return a.onDuty(t) || b.onDuty(t);
        }

        @Override
        public double nextChange(double t) {
            // The first minute either changes: the union may change there, and changes nowhere else.
            return Math.min(a.nextChange(t), b.nextChange(t));
        }
    }

    /** The grid's shift as windows of the week. */
    private static final class Shifts {
        private final double[] starts;
        private final double[] lengths;
        private final boolean[] on;

        private Shifts(double[] starts, double[] lengths, boolean[] on) {
            this.starts = starts;
            this.lengths = lengths;
            this.on = on;
        }

        static Shifts of(Schedule s) {
            List<double[]> w = new ArrayList<>();
            boolean[] on = new boolean[WEEK];
            for (int m = 0; m < WEEK; m++) {
                on[m] = s.onDuty(m + 0.5);
            }
            boolean always = true;
            for (boolean b : on) {
                always &= b;
            }
            if (always) {
                for (int d = 0; d < 7; d++) {
                    w.add(new double[] {d * 1440, 1440});
                }
            } else {
                // Windows start where duty starts; a window running over Sunday midnight wraps.
                for (int m = 0; m < WEEK; m++) {
                    if (on[m] && !on[Math.floorMod(m - 1, WEEK)]) {
                        int len = 0;
                        while (len < WEEK && on[(m + len) % WEEK]) {
                            len++;
                        }
                        w.add(new double[] {m, len});
                    }
                }
            }
            double[] st = new double[w.size()];
            double[] ln = new double[w.size()];
            for (int i = 0; i < st.length; i++) {
                st[i] = w.get(i)[0];
                ln[i] = w.get(i)[1];
            }
            return new Shifts(st, ln, on);
        }

        boolean on(double t) {
            return on[Math.floorMod((int) Math.floor(t), WEEK)];
        }

        /** The window containing calendar minute {@code t} (any week), or -1. */
        int windowAt(double t) {
            double m = ((t % WEEK) + WEEK) % WEEK;
            for (int i = 0; i < starts.length; i++) {
                double x = m - starts[i];
                if (x < 0) {
                    x += WEEK;
                }
                if (x < lengths[i]) {
                    return i;
                }
            }
            return -1;
        }

        /** Start of window {@code i} as a calendar minute of the week of ... the minute asked for. */
        double start(int i) {
            return starts[i];
        }

        double length(int i) {
            return lengths[i];
        }

        /** The start of the window after window {@code i}, in minutes of the week (past WEEK to wrap). */
        double startAfter(int i) {
            return i + 1 < starts.length ? starts[i + 1] : starts[0] + WEEK;
        }

        /** The first window start after calendar minute {@code t}, in the same frame as {@code t}. */
        double nextStart(double t) {
            double weekStart = Math.floor(t / WEEK) * WEEK;
            double m = t - weekStart;
            for (double s : starts) {
                if (s > m) {
                    return weekStart + s;
                }
            }
            return starts.length == 0 ? Double.POSITIVE_INFINITY : weekStart + WEEK + starts[0];
        }

        int typicalLength() {
            return starts.length == 0 ? 0 : (int) Math.round(Arrays.stream(lengths).max().orElse(0));
        }

        int daysPerWeek() {
            return Math.max(1, Math.min(7, starts.length));
        }
    }
}
