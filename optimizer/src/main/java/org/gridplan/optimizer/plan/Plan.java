package org.gridplan.optimizer.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.gridplan.optimizer.model.GridDemand;
import org.gridplan.optimizer.model.SitingPlan;
import org.gridplan.optimizer.model.StaffingPlan;
import org.gridplan.sim.agent.BranchPool;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.Site;

/**
 * An optimised district plan with its baseline, as plain data: the branches opened and the branch
 * of every grid (siting), the grid of every worker (staffing), the analytic KPIs of both, one
 * sentence each explaining the plan in English and Chinese, and how the solves went. It turns
 * itself into the simulator's {@link Staffing} ({@link #toStaffing()}).
 *
 * @param request                the request it answers
 * @param grids                  the grids that take part (those with buildings), in id order, with
 *                               their analytic load
 * @param maxBranches            p, the most branches the siting could open
 * @param sitingBaseline         the nearest-site baseline, scored under the same constraint model
 * @param sitingPlan             the optimised siting (the baseline when branches are not sited)
 * @param staffingBaseline       one full-time worker per grid, scored likewise
 * @param staffingPlan           the optimised worker → grid plan (the baseline when workers are not
 *                               placed)
 * @param baselineKpis           the analytic KPIs of the baselines
 * @param optimisedKpis          the analytic KPIs of the plan
 * @param sitingJustifications   sentences on the siting; none when branches were not sited
 * @param staffingJustifications sentences on the worker plan; none when workers were not placed
 * @param notes                  what the user should know about the solves (e.g. a time limit that
 *                               may have ended one)
 * @param timings                how long the solves took
 * @param baselineForecast       the field-regime model's forecast of the baseline's runs, when the
 *                               request plans in the field regime
 * @param optimisedForecast      likewise of the plan's runs (with its chosen roster)
 * @param rosterDecision         the out-of-hours roster the plan chose, when the duty rules ask it
 *                               to choose one
 * @param shiftDecision          the professionals' staggered shifts the plan chose, when the duty
 *                               rules give candidate shifts
 */
public record Plan(PlanRequest request, List<Grid> grids, int maxBranches, SitingPlan sitingBaseline,
        SitingPlan sitingPlan, StaffingPlan staffingBaseline, StaffingPlan staffingPlan, Kpis baselineKpis,
        Kpis optimisedKpis, List<PlanJustification> sitingJustifications,
        List<PlanJustification> staffingJustifications, List<String> notes, Timings timings,
        Optional<Forecast> baselineForecast, Optional<Forecast> optimisedForecast,
        Optional<RosterChoice.Decision> rosterDecision, Optional<ShiftChoice.Decision> shiftDecision) {

    /** Validates and copies the lists. */
    public Plan {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(sitingBaseline, "sitingBaseline");
        Objects.requireNonNull(sitingPlan, "sitingPlan");
        Objects.requireNonNull(staffingBaseline, "staffingBaseline");
        Objects.requireNonNull(staffingPlan, "staffingPlan");
        Objects.requireNonNull(baselineKpis, "baselineKpis");
        Objects.requireNonNull(optimisedKpis, "optimisedKpis");
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(baselineForecast, "baselineForecast");
        Objects.requireNonNull(optimisedForecast, "optimisedForecast");
        Objects.requireNonNull(rosterDecision, "rosterDecision");
        Objects.requireNonNull(shiftDecision, "shiftDecision");
        grids = List.copyOf(grids);
        sitingJustifications = List.copyOf(sitingJustifications);
        staffingJustifications = List.copyOf(staffingJustifications);
        notes = List.copyOf(notes);
    }

    /**
     * A grid of the plan and its load on the analytic model.
     *
     * @param id                 grid id
     * @param community          its community
     * @param households         its households
     * @param baseBuilding       id of its base building (nearest its household-weighted centre),
     *                           where a worker without a home is based
     * @param incidentsPerYear   expected incidents a year: households × the demand catalog's rates
     * @param meanServiceMinutes a worker's busy time per incident: handling plus the mean trip from
     *                           the base
     */
    public record Grid(String id, String community, long households, String baseBuilding, double incidentsPerYear,
            double meanServiceMinutes) {

        /** The work the grid's incidents bring, in erlangs (busy workers on average, round the clock). */
        public double offeredLoad() {
            return incidentsPerYear / GridDemand.MINUTES_PER_YEAR * meanServiceMinutes;
        }
    }

    /**
     * The analytic KPIs of a siting and a staffing plan.
     *
     * @param expectedResponseMinutes the district's incident-weighted expected response (travel +
     *                                Erlang C wait while on shift)
     * @param within5Share            share of households within 5 minutes of their branch
     * @param within15Share           share within 15 minutes
     * @param branchLoadSpread        the largest deviation of a branch's households from the even
     *                                load, as a share of it
     * @param maxUtilisation          the largest utilisation of a grid's workers
     * @param utilisationSpread       coefficient of variation of the grids' utilisation
     */
    public record Kpis(double expectedResponseMinutes, double within5Share, double within15Share,
            double branchLoadSpread, double maxUtilisation, double utilisationSpread) {
    }

    /**
     * What the field-regime response model expects of a staffing's runs, per year of the district.
     *
     * @param casesPerYear        cases known a year (reported or found on patrol)
     * @param meanResponseMinutes mean response, minutes from a case becoming known to a worker
     *                            reaching it
     * @param onTimeShare         share of judged cases reached within their category's response
     *                            limit, on the limit's own clock
     * @param urgentOnTimeShare   likewise for the urgent categories
     */
    public record Forecast(double casesPerYear, double meanResponseMinutes, double onTimeShare,
            double urgentOnTimeShare) {
    }

    /**
     * How long the solves took, seconds.
     *
     * @param setupSeconds            building the two problems
     * @param sitingFeasibleSeconds   from the start (building included) until the siting solver held
     *                                a plan meeting every hard constraint; -1 if it never did
     * @param staffingFeasibleSeconds likewise for the worker plan (its start, the baseline, counts
     *                                when feasible)
     * @param sitingSeconds           the siting solve
     * @param staffingSeconds         the staffing solve
     */
    public record Timings(double setupSeconds, double sitingFeasibleSeconds, double staffingFeasibleSeconds,
            double sitingSeconds, double staffingSeconds) {
    }

    /** Every justification: the siting ones, then the staffing ones. */
    public List<PlanJustification> justifications() {
        List<PlanJustification> all = new ArrayList<>(sitingJustifications);
        all.addAll(staffingJustifications);
        shiftDecision.ifPresent(d -> all.add(d.justification()));
        rosterDecision.ifPresent(d -> all.add(d.justification()));
        return all;
    }

    /** The plan's out-of-hours duty roster: the one it chose, or else the duty rules'. */
    public DutyRoster roster() {
        return rosterDecision.map(d -> d.chosen().roster()).orElse(request.duty().roster());
    }

    /** Whether the siting was solved (else the siting plan is the nearest-site baseline). */
    public boolean branchesSited() {
        return request.siting().siteBranches();
    }

    /** Ids of the sites where a branch opens, in site order. */
    public List<String> openBranches() {
        return sitingPlan.openSites();
    }

    /** Every hard rule the plan still breaks (siting, then staffing); empty when feasible. */
    public List<String> violations() {
        List<String> v = new ArrayList<>(sitingPlan.hardViolations());
        v.addAll(staffingPlan.hardViolations());
        return v;
    }

    /** Every hard rule the baselines break. */
    public List<String> baselineViolations() {
        List<String> v = new ArrayList<>(sitingBaseline.hardViolations());
        v.addAll(staffingBaseline.hardViolations());
        return v;
    }

    /** The grid of {@code id}, if it takes part. */
    public Optional<Grid> grid(String id) {
        return Optional.ofNullable(gridsById().get(id));
    }

    private Map<String, Grid> gridsById() {
        return gridsById(grids);
    }

    private static Map<String, Grid> gridsById(List<Grid> grids) {
        Map<String, Grid> out = new LinkedHashMap<>();
        grids.forEach(g -> out.put(g.id(), g));
        return out;
    }

    /**
     * The optimised plan as the simulator's staffing plan: every worker in its planned grid, in
     * request order, based at its home or else its grid's base building, on its own shift or else
     * the duty rules' shift of its type, or the staggered shift the plan chose; branch pools at the
     * open branches when branches were sited and the duty rules ask for pools; the plan's roster
     * ({@link #roster()}).
     */
    public Staffing toStaffing() {
        return withShifts(staffing(staffingPlan.gridOfWorker())).withDuty(roster());
    }

    /** {@code s} with the plan's staggered shifts, if it chose any. */
    private Staffing withShifts(Staffing s) {
        return shiftDecision.map(d -> d.apply(s)).orElse(s);
    }

    /** The baseline (nearest-site siting, one full-time worker per grid) as {@link #toStaffing()} makes it. */
    public Staffing baselineStaffing() {
        return staffing(staffingBaseline.gridOfWorker());
    }

    /**
     * {@code onto} with the plan applied: every worker of {@code onto} that the plan placed (the same
     * id; none when the request does not place workers) moves to its planned grid, based at its home
     * or else the grid's base building, keeping its type, duty and shift (or taking the staggered
     * shift the plan chose); the other workers stay as they are, in their order. The pools are the
     * plan's branch pools when branches were sited and the duty rules ask for pools, else
     * {@code onto}'s; the roster is the plan's ({@link #roster()}).
     */
    public Staffing toStaffing(Staffing onto) {
        return withShifts(compose(request, grids, sitingPlan, request.placeWorkers() ? staffingPlan.gridOfWorker()
                : Map.of(), onto)).withDuty(roster());
    }

    /**
     * {@code onto} with the workers of {@code gridOfWorker} moved there, as {@link #toStaffing(Staffing)}
     * describes, under {@code siting}'s pools.
     */
    static Staffing compose(PlanRequest request, List<Grid> grids, SitingPlan siting, Map<String, String> gridOfWorker,
            Staffing onto) {
        Map<String, PlanWorker> requested = requestedWorkers(request);
        Map<String, Grid> byId = gridsById(grids);
        List<WorkerSpec> workers = new ArrayList<>();
        for (WorkerSpec w : onto.workers()) {
            String grid = gridOfWorker.get(w.id());
            PlanWorker planned = requested.get(w.id());
            if (grid != null && planned != null) {
                workers.add(new WorkerSpec(w.id(), w.type(), grid, base(planned, grid, byId), w.shift(), w.duty()));
            } else {
                workers.add(w);
            }
        }
        return new Staffing(workers, pools(request, siting).orElse(onto.pools()), request.duty().roster());
    }

    private Staffing staffing(Map<String, String> gridOfWorker) {
        return compose(request, grids, sitingPlan, gridOfWorker);
    }

    /**
     * The staffing of the request's workers alone, each in its grid of {@code gridOfWorker}, as
     * {@link #toStaffing()} describes, under {@code siting}'s pools.
     */
    static Staffing compose(PlanRequest request, List<Grid> grids, SitingPlan siting,
            Map<String, String> gridOfWorker) {
        DutyRules duty = request.duty();
        Map<String, Grid> byId = gridsById(grids);
        List<WorkerSpec> specs = new ArrayList<>();
        for (PlanWorker w : request.workers()) {
            String grid = gridOfWorker.get(w.id());
            specs.add(new WorkerSpec(w.id(), w.type(), grid, base(w, grid, byId), w.shift().orElse(
                    w.type() == WorkerType.PART_TIME ? duty.partTimeShift() : duty.fullTimeShift())));
        }
        return new Staffing(specs, pools(request, siting).orElse(List.of()), duty.roster());
    }

    private static Map<String, PlanWorker> requestedWorkers(PlanRequest request) {
        Map<String, PlanWorker> out = new LinkedHashMap<>();
        request.workers().forEach(w -> out.put(w.id(), w));
        return out;
    }

    private static String base(PlanWorker w, String grid, Map<String, Grid> byId) {
        if (w.home().isPresent()) {
            return w.home().get();
        }
        Grid g = byId.get(grid);
        if (g == null) {
            throw new IllegalStateException("worker " + w.id() + " is planned in grid " + grid + ", which takes no"
                    + " part");
        }
        return g.baseBuilding();
    }

    /**
     * One branch pool {@code BP-<site>} per open branch, at the building nearest the site, backing
     * up the grids assigned to it; only when branches were sited and the duty rules ask for pools.
     */
    private static Optional<List<BranchPool>> pools(PlanRequest request, SitingPlan sitingPlan) {
        DutyRules duty = request.duty();
        if (!request.siting().siteBranches() || duty.branchPoolWorkers() == 0) {
            return Optional.empty();
        }
        Map<String, Site> siteById = new LinkedHashMap<>();
        request.sites().forEach(s -> siteById.put(s.id(), s));
        Map<String, List<String>> gridsOfSite = new TreeMap<>();
        new TreeMap<>(sitingPlan.siteOfDemand()).forEach((grid, site) ->
                gridsOfSite.computeIfAbsent(site, s -> new ArrayList<>()).add(grid));
        List<BranchPool> pools = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : gridsOfSite.entrySet()) {
            pools.add(new BranchPool("BP-" + e.getKey(), nearestBuilding(request.city(), siteById.get(e.getKey())),
                    e.getValue(), duty.branchPoolWorkers(), duty.poolShift()));
        }
        return Optional.of(pools);
    }

    private static String nearestBuilding(City city, Site site) {
        Building best = null;
        double bestD = Double.POSITIVE_INFINITY;
        for (Building b : city.buildings()) {
            double d = Math.hypot(b.x() - site.x(), b.y() - site.y());
            if (d < bestD) {
                bestD = d;
                best = b;
            }
        }
        return Objects.requireNonNull(best, "city has no buildings").id();
    }
}
