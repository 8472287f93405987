package org.gridplan.scenarios.batch;

import java.util.List;
import org.gridplan.results.stats.Justification;
import org.gridplan.scenarios.spec.RunSettings;
import org.gridplan.scenarios.spec.Scenario.Optimise;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;

/**
 * Turns a scenario's staffing request into the staffing plan of one layout: the hook where an
 * optimizer (branch siting, worker → grid assignment) plugs into the batch runner.
 *
 * <p>The request is a sweep point's settings: its {@link RunSettings#staffing()} says which
 * workers to plan, and an optimising planner plans for the point's demand and travel, the load
 * and trips its runs will see.
 *
 * <p>The batch runner calls {@link #plan} once per layout and sweep point, from several threads at
 * once; an implementation must be thread-safe and deterministic (the same arguments give an equal
 * plan), since results must not depend on the number of threads. The default,
 * {@link FieldStandardStaffing}, optimises nothing.
 */
public interface StaffingPlanner {

    /**
     * What this planner can optimise; the scenario reader refuses {@code optimise} requests beyond
     * it, so a request is never silently ignored.
     */
    Optimise capabilities();

    /**
     * The staffing plan for {@code layout} of {@code city}.
     *
     * @param settings the sweep point's settings: the workers asked for, the demand and travel
     * @param optimise what the scenario asks to optimise, within {@link #capabilities()}
     */
    Staffing plan(City city, GridLayout layout, RunSettings settings, Optimise optimise);

    /**
     * The staffing plan for {@code layout} when its workers are given (a layout's staffing file,
     * {@code layouts[i].staffing}): exactly the workers of {@code given}, with the branch pools
     * {@link #plan(City, GridLayout, RunSettings, Optimise)} puts on its plan for these arguments
     * (one per community with {@code branchPoolPerCommunity} &gt; 0, or at the sited branches with
     * {@code optimise.branches}) and the request's duty roster. The request's worker counts and
     * shifts do not apply; {@link #justifications} and {@link #openBranches} answer for the same
     * arguments.
     *
     * @param given    the layout's workers (its pools and roster, if any, are not used)
     * @param optimise what to optimise; {@code workers} must be false, since it would replace the
     *                 given workers (the scenario reader refuses it)
     */
    default Staffing plan(City city, GridLayout layout, Staffing given, RunSettings settings, Optimise optimise) {
        if (optimise.workers()) {
            throw new IllegalArgumentException("optimise.workers: layout " + layout.name() + " has a staffing file, "
                    + "whose workers the worker assignment would replace");
        }
        return new Staffing(given.workers(), plan(city, layout, settings, optimise).pools())
                .withDuty(settings.staffing().duty());
    }

    /**
     * The justifications of the plan {@link #plan} made for these arguments (one sentence each, in
     * English and Chinese); empty when nothing was optimised or it was not planned yet.
     */
    default List<Justification> justifications(City city, GridLayout layout, RunSettings settings,
            Optimise optimise) {
        return List.of();
    }

    /**
     * Ids of the city's sites the plan {@link #plan} made for these arguments opens as branches;
     * empty when branches were not sited.
     */
    default List<String> openBranches(City city, GridLayout layout, RunSettings settings, Optimise optimise) {
        return List.of();
    }
}
