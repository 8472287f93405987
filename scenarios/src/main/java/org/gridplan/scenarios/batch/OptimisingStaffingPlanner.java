package org.gridplan.scenarios.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import org.gridplan.optimizer.mapping.DistrictProblems;
import org.gridplan.optimizer.mapping.DistrictProblems.DistrictWorker;
import org.gridplan.results.stats.Justification;
import org.gridplan.scenarios.plan.DistrictPlan;
import org.gridplan.scenarios.plan.DistrictPlanner;
import org.gridplan.scenarios.spec.Scenario.Optimise;
import org.gridplan.scenarios.spec.StaffingSpec;
import org.gridplan.sim.agent.BranchPool;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.Site;
import org.gridplan.sim.road.TravelMode;
import org.gridplan.sim.road.TravelTimes;

/**
 * The staffing planner that optimises: it starts from the field standard
 * ({@link FieldStandardStaffing}) and, as the scenario asks,
 * <ul>
 *   <li>{@code workers}: reassigns the full-time and professional workers to grids with the
 *       worker → grid solver (every grid keeps a full-time worker; extra workers go where the
 *       analytic expected response — travel + Erlang C wait — gains most); each worker is based at
 *       its grid's base building, as in the field standard. Part-time workers stay the field
 *       standard's: the simulator uses them as their community's backup, not as a grid's own.</li>
 *   <li>{@code branches}: opens at most one branch per community at the city's candidate sites and
 *       assigns every grid to one (branch siting); with {@code branchPoolPerCommunity} &gt; 0 the
 *       branch pools sit at the open branches (at the building nearest the site) and back up the
 *       grids assigned to them, instead of one pool per community at its first grid.</li>
 * </ul>
 *
 * <p>The plan carries the request's out-of-hours duty roster ({@link StaffingSpec#duty()}), as the
 * field standard's does.
 *
 * <p>The analytic model uses the default incident catalog and e-bike travel (a sweep's demand
 * scale changes every grid's load in proportion, not which grid is busiest).
 *
 * <p>The workers have no home (a scenario does not say where they live), so only how many serve
 * each grid matters and the staffing solve gets a smaller budget than {@code gridplan optimize}'s:
 * 150 evaluations per worker.
 *
 * <p>Thread-safe and deterministic: one plan per city, layout, staffing and request, computed
 * once (other threads asking for it wait) with seeded solvers that a move-evaluation budget ends,
 * so the plan does not depend on the thread count or the machine's speed. The solves' time cap
 * (10 minutes) is only a guard.
 */
public final class OptimisingStaffingPlanner implements StaffingPlanner {

    /** The seed of every solve. */
    public static final long SEED = 1;

    private static final Duration TIME_CAP = Duration.ofMinutes(10);

    /**
     * What a plan depends on. The duty roster is not part of it (it changes no worker's grid), so a
     * sweep of {@code staffing.duty} reuses one plan and only the roster on it differs.
     */
    private record Key(City city, GridLayout layout, StaffingSpec spec, Optimise optimise) {
        Key {
            spec = spec.withDuty(DutyRoster.NONE);
        }
    }

    private final FieldStandardStaffing field = new FieldStandardStaffing();
    private final ConcurrentMap<Key, Planned> plans = new ConcurrentHashMap<>();
    private final ConcurrentMap<City, TravelTimes> travel = new ConcurrentHashMap<>();

    /** A plan and its justifications, computed once. */
    private static final class Planned {
        private final AtomicReference<Staffing> staffing = new AtomicReference<>();
        private volatile List<Justification> justifications = List.of();
        private volatile List<String> openBranches = List.of();
        /** Why planning failed (e.g. a capacity the demand cannot fit), so later runs fail at once. */
        private RuntimeException failure;
    }

    @Override
    public Optimise capabilities() {
        return new Optimise(true, true);
    }

    @Override
    public Staffing plan(City city, GridLayout layout, StaffingSpec spec, Optimise optimise) {
        if (!optimise.branches() && !optimise.workers()) {
            return field.plan(city, layout, spec, Optimise.NONE);
        }
        Planned planned = plans.computeIfAbsent(new Key(city, layout, spec, optimise), k -> new Planned());
        synchronized (planned) {
            if (planned.failure != null) {
                throw planned.failure;
            }
            if (planned.staffing.get() == null) {
                try {
                    planOnce(planned, city, layout, spec, optimise);
                } catch (RuntimeException e) {
                    planned.failure = e;
                    throw e;
                }
            }
            return planned.staffing.get().withDuty(spec.duty());
        }
    }

    /**
     * Makes the plan of one key. Every later run reuses its staffing, so the field standard it
     * starts from is built here, once, not at every run.
     */
    private void planOnce(Planned planned, City city, GridLayout layout, StaffingSpec spec, Optimise optimise) {
        Staffing standard = field.plan(city, layout, spec, Optimise.NONE);
        DistrictPlan plan = optimise(city, layout, standard, optimise);
        List<Justification> why = new ArrayList<>();
        if (optimise.branches()) {
            why.addAll(plan.sitingJustifications());
            planned.openBranches = List.copyOf(plan.sitingPlan().openSites());
        }
        if (optimise.workers()) {
            why.addAll(plan.staffingJustifications());
        }
        planned.justifications = List.copyOf(why);
        planned.staffing.set(apply(plan, standard, spec, optimise));
    }

    @Override
    public List<Justification> justifications(City city, GridLayout layout, StaffingSpec spec, Optimise optimise) {
        Planned p = plans.get(new Key(city, layout, spec, optimise));
        return p == null ? List.of() : p.justifications;
    }

    @Override
    public List<String> openBranches(City city, GridLayout layout, StaffingSpec spec, Optimise optimise) {
        Planned p = plans.get(new Key(city, layout, spec, optimise));
        return p == null ? List.of() : p.openBranches;
    }

    private DistrictPlan optimise(City city, GridLayout layout, Staffing standard, Optimise optimise) {
        boolean branches = optimise.branches();
        TravelTimes times = travel.computeIfAbsent(city, TravelTimes::new);
        DistrictProblems problems = DistrictProblems.of(city, layout, times, TravelMode.EBIKE, DemandCatalog.defaults());
        List<DistrictWorker> workers = new ArrayList<>();
        for (WorkerSpec w : standard.workers()) {
            if (w.type() == WorkerType.FULL_TIME) {
                workers.add(new DistrictWorker(w.id(), org.gridplan.optimizer.model.WorkerType.FULL_TIME,
                        OptionalInt.empty()));
            } else if (w.type() == WorkerType.PROFESSIONAL) {
                workers.add(new DistrictWorker(w.id(), org.gridplan.optimizer.model.WorkerType.PROFESSIONAL,
                        OptionalInt.empty()));
            }
        }
        List<Site> sites = city.sites();
        if (sites.isEmpty()) {
            if (branches) {
                throw new IllegalArgumentException("optimise.branches: city " + city.name() + " has no candidate"
                        + " sites: at least 1 is needed to open a branch (short by 1 site)");
            }
            // Workers only: the planner still builds a siting baseline, which is then not used; one
            // stand-in site at the first building keeps it well defined.
            Building first = city.buildings().get(0);
            sites = List.of(new Site("none", first.x(), first.y()));
        }
        int communities = (int) layout.communityOfGrid().values().stream().distinct().count();
        int p = Math.max(1, Math.min(communities, sites.size()));
        // Rules apply only to a siting solve; without one the baseline (nearest site) is not bound by them.
        return DistrictPlanner.plan(problems, sites, p, branches ? optimise.branchCapacity() : OptionalLong.empty(),
                branches && optimise.communitySharesBranch(), workers,
                DistrictPlanner.Settings.scaled(problems.grids().size(), p, workers.size(), TIME_CAP, SEED)
                        .withStaffingEvaluations(Math.max(20_000L, 150L * workers.size()))
                        .withWeights(optimise.weights()),
                branches, line -> { });
    }

    private static Staffing apply(DistrictPlan plan, Staffing standard, StaffingSpec spec, Optimise optimise) {
        List<WorkerSpec> workers = new ArrayList<>();
        Map<String, String> gridOfWorker = plan.staffingPlan().gridOfWorker();
        City city = plan.problems().city();
        for (WorkerSpec w : standard.workers()) {
            String grid = gridOfWorker.get(w.id());
            if (optimise.workers() && grid != null) {
                int g = plan.problems().gridIndex(grid).orElseThrow();
                workers.add(new WorkerSpec(w.id(), w.type(), grid,
                        city.buildings().get(plan.problems().baseBuilding(g)).id(), w.shift()));
            } else {
                workers.add(w);
            }
        }
        List<BranchPool> pools = standard.pools();
        if (optimise.branches() && spec.branchPoolPerCommunity() > 0) {
            pools = new ArrayList<>();
            Map<String, List<String>> gridsOfSite = new java.util.TreeMap<>();
            new java.util.TreeMap<>(plan.sitingPlan().siteOfDemand()).forEach((grid, site) ->
                    gridsOfSite.computeIfAbsent(site, s -> new ArrayList<>()).add(grid));
            for (Map.Entry<String, List<String>> e : gridsOfSite.entrySet()) {
                Site site = city.sites().get(city.siteIndexOf(e.getKey()).orElseThrow());
                pools.add(new BranchPool("BP-" + e.getKey(), nearestBuilding(city, site), e.getValue(),
                        spec.branchPoolPerCommunity(), spec.poolShift()));
            }
        }
        return new Staffing(workers, pools);
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
