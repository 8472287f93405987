package org.gridplan.scenarios.batch;

import java.util.List;
import java.util.Optional;
import org.gridplan.results.stats.Justification;
import org.gridplan.results.stats.ResponseHistogram;
import org.gridplan.results.store.RunRecord;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.scenarios.spec.SweepPoint;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.engine.GridSimulation;
import org.gridplan.sim.engine.RunResult;
import org.gridplan.sim.engine.SimulationConfig;
import org.gridplan.sim.model.GridLayout;

/**
 * One run of a batch, the same wherever it runs (the local runner's threads, a Spark task): its
 * layout's staffing planned, then simulated with its run seed.
 */
public final class RunSimulation {

    private RunSimulation() {
    }

    /**
     * Simulates run {@code spec} of {@code scenario}; a run that throws comes back as failed with
     * its message.
     *
     * @param incidents whether the result keeps its incident log (the scenario's {@code outputs.incidents})
     */
    public static FinishedRun simulate(StaffingPlanner planner, Scenario scenario, ScenarioInputs inputs, RunSpec spec,
            boolean incidents) {
        long t0 = System.nanoTime();
        GridLayout layout = inputs.layouts().get(spec.layout());
        SweepPoint point = scenario.points().get(spec.point());
        String name = scenario.layouts().get(spec.layout()).name();
        try {
            Staffing staffing = inputs.plan(planner, spec.layout(), point.settings(), scenario.optimise());
            List<Justification> justifications = planner.justifications(inputs.city(), layout, point.settings(),
                    scenario.optimise());
            // The log is always collected for the response-time histogram, and kept only if asked for.
            SimulationConfig config = point.settings().config(spec.seed(), true);
            RunResult result = new GridSimulation(inputs.city(), layout, staffing, config, inputs.travel()).runToEnd();
            ResponseHistogram response = ResponseHistogram.of(result.incidents(), result.warmUpDays() * 24 * 60);
            if (!incidents) {
                result = withoutLog(result);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new FinishedRun(spec, new RunRecord(spec.runId(), name, spec.point(), point.valuesJson(),
                    spec.replication(),
                    spec.seed(), RunRecord.OK, "", seconds), Optional.of(result), response, justifications,
                    planner.openBranches(inputs.city(), layout, point.settings(), scenario.optimise()));
        } catch (RuntimeException e) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            return new FinishedRun(spec, new RunRecord(spec.runId(), name, spec.point(), point.valuesJson(),
                    spec.replication(),
                    spec.seed(), RunRecord.FAILED, message, seconds));
        }
    }

    private static RunResult withoutLog(RunResult r) {
        return new RunResult(r.city(), r.layout(), r.seed(), r.horizonDays(), r.warmUpDays(), r.generated(), r.events(),
                r.district(), r.grids(), r.workers(), r.visitTargetShare(), r.backlog(), r.responseBatchMeans(),
                List.of(), r.visitCoverage(), r.breakdown());
    }
}
