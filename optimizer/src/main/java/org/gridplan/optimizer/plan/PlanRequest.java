package org.gridplan.optimizer.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.engine.SimulationConfig;
import org.gridplan.sim.engine.TravelModel;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.Site;
import org.gridplan.sim.road.TravelMode;

/**
 * Everything a district plan depends on: the grids (a layout of a city), the candidate branch
 * sites, the workers to place, the demand catalog and travel model that give every grid its load
 * and trips on the analytic model, the duty rules of the resulting staffing, the siting rules, the
 * soft-constraint weights, the solvers' seed and their budget. The same request gives the same
 * {@link Plan} on every machine (unless the time cap ends a solve, which the plan's notes say).
 *
 * <p>Immutable; build one with {@link #builder(City, GridLayout)}. The constructor checks what
 * can be checked without solving and says which field is wrong; what only the problem can tell
 * (p larger than the sites, a capacity the households do not fit, fewer full-time workers than
 * grids with demand) {@link Planner#plan} refuses with an
 * {@link org.gridplan.optimizer.model.InfeasibleProblemException} naming the shortfall.
 *
 * @param city    the city, with its buildings and roads
 * @param layout  the grids of the city to plan
 * @param sites   the candidate branch sites (by default the city's)
 * @param workers the workers to place, unique ids, at least one
 * @param placeWorkers whether to solve the worker assignment; without it the plan keeps the
 *                baseline assignment, {@link Plan#toStaffing(org.gridplan.sim.agent.Staffing)}
 *                moves no worker, and only the siting is explained
 * @param demand  the incident catalog with its scale: each grid's load is its households × the
 *                catalog's rates, so a scaled catalog plans for the scaled load
 * @param travel  how workers travel: a road mode's speed, or zero travel
 * @param duty    shifts, branch pools and duty roster of {@link Plan#toStaffing()}
 * @param siting  the hard rules of branch siting, and whether branches are sited
 * @param weights the soft-constraint weights of both solves
 * @param seed    the solvers' random seed
 * @param budget  the solves' evaluation budgets and time cap
 * @param field   when present, the worker solve minimises the field-regime response model's
 *                expected response (shifts, duty roster, routine work, patrol, time limits) of the
 *                runs the plan will be judged by, rather than the queueing model's, and the plan
 *                carries the model's forecast of baseline and plan; empty for the queueing model
 */
public record PlanRequest(City city, GridLayout layout, List<Site> sites, List<PlanWorker> workers,
        boolean placeWorkers, DemandCatalog demand, TravelModel travel, DutyRules duty, SitingRules siting,
                PlanWeights weights, long seed,
        SolveBudget budget, Optional<FieldRegime> field) {

    /**
     * The runs a plan is judged by, for the field-regime model.
     *
     * @param settings the runs' settings (field model, patrol, demand, travel; the request's demand
     *                 and travel replace the settings' own, and the seed only seeds the model's
     *                 routine-day samples)
     * @param onto     the staffing the plan is applied to ({@link Plan#toStaffing(Staffing)}), whose
     *                 workers the request does not place (part-time backups, pools) the model sees;
     *                 empty for {@link Plan#toStaffing()}
     */
    public record FieldRegime(SimulationConfig settings, Optional<Staffing> onto) {

        /** Validates. */
        public FieldRegime {
            Objects.requireNonNull(settings, "plan request: field.settings");
            Objects.requireNonNull(onto, "plan request: field.onto");
        }

        /** The field regime of {@code settings}, the plan applied to its own workers only. */
        public static FieldRegime of(SimulationConfig settings) {
            return new FieldRegime(settings, Optional.empty());
        }
    }

    /** Validates and copies, naming the field at fault. */
    public PlanRequest {
        Objects.requireNonNull(city, "plan request: city");
        Objects.requireNonNull(layout, "plan request: layout");
        Objects.requireNonNull(sites, "plan request: sites");
        Objects.requireNonNull(workers, "plan request: workers");
        Objects.requireNonNull(demand, "plan request: demand");
        Objects.requireNonNull(travel, "plan request: travel");
        Objects.requireNonNull(duty, "plan request: duty");
        Objects.requireNonNull(siting, "plan request: siting");
        Objects.requireNonNull(weights, "plan request: weights");
        Objects.requireNonNull(budget, "plan request: budget");
        Objects.requireNonNull(field, "plan request: field");
        sites = List.copyOf(sites);
        workers = List.copyOf(workers);
        if (workers.isEmpty()) {
            throw new IllegalArgumentException("plan request: no workers to place");
        }
        Set<String> ids = new HashSet<>();
        for (PlanWorker w : workers) {
            if (!ids.add(w.id())) {
                throw new IllegalArgumentException("plan request: worker " + w.id() + " is listed twice");
            }
            if (w.home().isPresent() && city.indexOf(w.home().get()).isEmpty()) {
                throw new IllegalArgumentException("plan request: worker " + w.id() + " lives in building "
                        + w.home().get() + ", which city " + city.name() + " does not have");
            }
        }
        ids.clear();
        for (Site s : sites) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("plan request: candidate site " + s.id() + " is listed twice");
            }
        }
        if (duty.chooseRoster().isPresent() && field.isEmpty()) {
            throw new IllegalArgumentException("plan request: choosing the duty roster needs the field regime (the"
                    + " queueing model has no out-of-hours term)");
        }
        if (!duty.staggerShifts().isEmpty() && field.isEmpty()) {
            throw new IllegalArgumentException("plan request: staggering shifts needs the field regime (the queueing"
                    + " model has no shifts)");
        }
        if (layout.gridCount() == 0) {
            throw new IllegalArgumentException("plan request: layout " + layout.name() + " has no grids");
        }
    }

    /**
     * A builder for {@code layout} of {@code city} with the defaults: the city's candidate sites,
     * workers placed, the default demand catalog at scale 1, e-bike travel, {@link DutyRules#DEFAULT},
     * {@link SitingRules#DEFAULT}, {@link PlanWeights#DEFAULT}, seed 1,
     * {@link SolveBudget#DEFAULT} and the queueing model; the workers must be given.
     */
    public static Builder builder(City city, GridLayout layout) {
        return new Builder(city, layout);
    }

    /** A builder starting from this request. */
    public Builder toBuilder() {
        return new Builder(city, layout).sites(sites).workers(workers).placeWorkers(placeWorkers).demand(demand)
                .travel(travel).duty(duty)
                .siting(siting).weights(weights).seed(seed).budget(budget).field(field);
    }

    /** Builds a {@link PlanRequest}; each setter replaces one field. */
    public static final class Builder {
        private final City city;
        private final GridLayout layout;
        private List<Site> sites;
        private List<PlanWorker> workers = List.of();
        private boolean placeWorkers = true;
        private DemandCatalog demand = DemandCatalog.defaults();
        private TravelModel travel = TravelModel.road(TravelMode.EBIKE);
        private DutyRules duty = DutyRules.DEFAULT;
        private SitingRules siting = SitingRules.DEFAULT;
        private PlanWeights weights = PlanWeights.DEFAULT;
        private long seed = 1;
        private SolveBudget budget = SolveBudget.DEFAULT;
        private Optional<FieldRegime> field = Optional.empty();

        private Builder(City city, GridLayout layout) {
            this.city = Objects.requireNonNull(city, "plan request: city");
            this.layout = Objects.requireNonNull(layout, "plan request: layout");
            this.sites = city.sites();
        }

        /** The candidate branch sites. */
        public Builder sites(List<Site> value) {
            sites = value;
            return this;
        }

        /** The workers to place. */
        public Builder workers(List<PlanWorker> value) {
            workers = value;
            return this;
        }

        /** Whether to solve the worker assignment. */
        public Builder placeWorkers(boolean value) {
            placeWorkers = value;
            return this;
        }

        /** The demand catalog, with its scale. */
        public Builder demand(DemandCatalog value) {
            demand = value;
            return this;
        }

        /** The travel model. */
        public Builder travel(TravelModel value) {
            travel = value;
            return this;
        }

        /** Road travel at {@code mode}'s speed. */
        public Builder travel(TravelMode mode) {
            return travel(TravelModel.road(mode));
        }

        /** The duty rules of the staffing. */
        public Builder duty(DutyRules value) {
            duty = value;
            return this;
        }

        /** The siting rules. */
        public Builder siting(SitingRules value) {
            siting = value;
            return this;
        }

        /** The soft-constraint weights. */
        public Builder weights(PlanWeights value) {
            weights = value;
            return this;
        }

        /** The solvers' seed. */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** The solves' budget. */
        public Builder budget(SolveBudget value) {
            budget = value;
            return this;
        }

        /** The field regime the plan is judged by; empty for the queueing model. */
        public Builder field(Optional<FieldRegime> value) {
            field = value;
            return this;
        }

        /** Plans on the field-regime model of {@code value}. */
        public Builder field(FieldRegime value) {
            return field(Optional.of(value));
        }

        /** The request. */
        public PlanRequest build() {
            return new PlanRequest(city, layout, sites, workers, placeWorkers, demand, travel, duty, siting, weights,
                    seed, budget,
                    field);
        }
    }
}
