package org.gridplan.scenarios.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.gridplan.optimizer.plan.DutyRules;
import org.gridplan.optimizer.plan.Plan;
import org.gridplan.optimizer.plan.PlanRequest;
import org.gridplan.optimizer.plan.PlanWorker;
import org.gridplan.optimizer.plan.Planner;
import org.gridplan.optimizer.plan.SitingRules;
import org.gridplan.optimizer.plan.SolveBudget;
import org.gridplan.results.stats.Justification;
import org.gridplan.scenarios.spec.RunSettings;
import org.gridplan.scenarios.spec.Scenario.Optimise;
import org.gridplan.scenarios.spec.StaffingSpec;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.engine.TravelModel;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;

/**
 * The staffing planner that optimises, through the optimizer's plan façade ({@link Planner}): it
 * starts from the field standard ({@link FieldStandardStaffing}) and, as the scenario asks,
 * <ul>
 *   <li>{@code workers}: reassigns the full-time and professional workers to grids with the
 *       worker → grid solver (every grid keeps a full-time worker; extra workers go where the
 *       field-regime model of the sweep point's runs — the wait for the next shift, the duty
 *       roster, routine work, patrol, the Erlang C wait and travel — expects the response to gain
 *       most); each worker is based at
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
 * <p>The analytic model uses the sweep point's demand catalog, with its scale, and its travel (a
 * road mode, or zero travel): each grid's load is the load its runs will see, which the hard rule
 * that no grid's load may reach its workers depends on.
 *
 * <p>The workers have no home (a scenario does not say where they live), so only how many serve
 * each grid matters and the staffing solve gets a smaller budget than {@code gridplan optimize}'s:
 * 150 evaluations per worker.
 *
 * <p>Thread-safe and deterministic: one plan per city, layout, staffing, demand (when workers are
 * placed), travel and request, computed once (other threads asking for it wait) with seeded
 * solvers that a move-evaluation budget ends, so the plan does not depend on the thread count or
 * the machine's speed. The solves' time cap (10 minutes) is only a guard.
 */
public final class OptimisingStaffingPlanner implements StaffingPlanner {

    /** The seed of every solve. */
    public static final long SEED = 1;

    private static final Duration TIME_CAP = Duration.ofMinutes(10);

    /** Staffing-solve evaluations per worker: the workers have no home, so fewer are needed. */
    private static final long STAFFING_EVALUATIONS_PER_WORKER = 150;

    /**
     * What a plan depends on: when workers are placed, every setting of the runs (the field-regime
     * model the worker solve minimises sees demand, shifts, the duty roster, routine work, patrol
     * and limits); when only branches are sited, not the demand or the duty roster (siting weighs
     * households, not incidents, and changes no worker's grid), so a sweep of them reuses one plan.
     */
    private record Key(City city, GridLayout layout, StaffingSpec spec, Optimise optimise,
            Optional<RunSettings> field, TravelModel travel) {

        static Key of(City city, GridLayout layout, RunSettings settings, Optimise optimise) {
            return new Key(city, layout, settings.staffing().withDuty(DutyRoster.NONE), optimise,
                    optimise.workers() ? Optional.of(settings) : Optional.empty(), settings.travel());
        }
    }

    private final FieldStandardStaffing field = new FieldStandardStaffing();
    private final Planner planner = new Planner();
    private final ConcurrentMap<Key, Planned> plans = new ConcurrentHashMap<>();

    /** A plan and what the batch keeps of it, computed once. */
    private static final class Planned {
        private volatile Plan plan;
        private volatile Staffing staffing;
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
    public Staffing plan(City city, GridLayout layout, RunSettings settings, Optimise optimise) {
        if (!optimise.branches() && !optimise.workers()) {
            return field.plan(city, layout, settings, Optimise.NONE);
        }
        Planned planned = plans.computeIfAbsent(Key.of(city, layout, settings, optimise), k -> new Planned());
        synchronized (planned) {
            if (planned.failure != null) {
                throw planned.failure;
            }
            if (planned.staffing == null) {
                try {
                    planOnce(planned, city, layout, settings, optimise);
                } catch (RuntimeException e) {
                    planned.failure = e;
                    throw e;
                }
            }
            return planned.staffing.withDuty(settings.staffing().duty());
        }
    }

    /**
     * Makes the plan of one key. Every later run reuses its staffing, so the field standard it
     * starts from is built here, once, not at every run.
     */
    private void planOnce(Planned planned, City city, GridLayout layout, RunSettings settings, Optimise optimise) {
        Staffing standard = field.plan(city, layout, settings.staffing());
        Plan plan = planner.plan(request(city, layout, standard, settings, optimise));
        planned.plan = plan;
        planned.justifications = plan.justifications().stream()
                .map(j -> new Justification(j.english(), j.chinese())).toList();
        planned.openBranches = plan.branchesSited() ? plan.openBranches() : List.of();
        planned.staffing = plan.toStaffing(standard);
    }

    @Override
    public List<Justification> justifications(City city, GridLayout layout, RunSettings settings, Optimise optimise) {
        Planned p = plans.get(Key.of(city, layout, settings, optimise));
        return p == null ? List.of() : p.justifications;
    }

    @Override
    public List<String> openBranches(City city, GridLayout layout, RunSettings settings, Optimise optimise) {
        Planned p = plans.get(Key.of(city, layout, settings, optimise));
        return p == null ? List.of() : p.openBranches;
    }

    /**
     * The optimiser's plan {@link #plan} made for these arguments, with its analytic KPIs; empty when
     * nothing was optimised or it was not planned yet.
     */
    public Optional<Plan> optimised(City city, GridLayout layout, RunSettings settings, Optimise optimise) {
        Planned p = plans.get(Key.of(city, layout, settings, optimise));
        return p == null ? Optional.empty() : Optional.ofNullable(p.plan);
    }

    /**
     * The façade request of a scenario's plan: the field standard's full-time and professional
     * workers (without a home), the sweep point's demand catalog and travel, the staffing's shifts,
     * pools and roster, and siting as {@code optimise} asks.
     */
    private static PlanRequest request(City city, GridLayout layout, Staffing standard, RunSettings settings,
            Optimise optimise) {
        boolean branches = optimise.branches();
        if (branches && city.sites().isEmpty()) {
            throw new IllegalArgumentException("optimise.branches: city " + city.name() + " has no candidate"
                    + " sites: at least 1 is needed to open a branch (short by 1 site)");
        }
        List<PlanWorker> workers = new ArrayList<>();
        for (WorkerSpec w : standard.workers()) {
            if (w.type() == WorkerType.FULL_TIME || w.type() == WorkerType.PROFESSIONAL) {
                workers.add(PlanWorker.of(w.id(), w.type()));
            }
        }
        StaffingSpec spec = settings.staffing();
        // Rules apply only to a siting solve; without one the baseline (nearest site) is not bound by them.
        SitingRules siting = branches ? new SitingRules(OptionalInt.empty(), optimise.branchCapacity(),
                optimise.communitySharesBranch(), true)
                : new SitingRules(OptionalInt.empty(), OptionalLong.empty(), false, false);
        return PlanRequest.builder(city, layout)
                .workers(workers)
                .placeWorkers(optimise.workers())
                .demand(settings.demand().catalog())
                .travel(settings.travel())
                .duty(new DutyRules(spec.fullTimeShift(), spec.partTimeShift(), spec.branchPoolPerCommunity(),
                        spec.poolShift(), spec.duty()).staggering(optimise.workers() ? spec.stagger() : List.of()))
                .siting(siting)
                .weights(optimise.weights())
                .seed(SEED)
                .budget(SolveBudget.ofTime(TIME_CAP).withStaffingEvaluationsPerWorker(STAFFING_EVALUATIONS_PER_WORKER))
                // Only a worker solve uses the field model; a siting plan is shared across duty rosters.
                .field(optimise.workers() ? Optional.of(new PlanRequest.FieldRegime(settings.config(SEED, false),
                        Optional.of(standard))) : Optional.empty())
                .build();
    }
}
