package org.gridplan.scenarios.batch;

import java.util.List;
import java.util.Optional;
import org.gridplan.results.stats.Justification;
import org.gridplan.results.stats.ResponseHistogram;
import org.gridplan.results.store.RunRecord;
import org.gridplan.sim.engine.RunResult;

/**
 * A finished run, ready to be stored: its record, its result (empty when it failed), its response
 * times (the incident log they come from is dropped unless the scenario stores it) and its plan's
 * justifications and open branches.
 */
public record FinishedRun(RunSpec spec, RunRecord record, Optional<RunResult> result, ResponseHistogram response,
        List<Justification> justifications, List<String> openBranches) {

    /** A run that failed: its record only. */
    public FinishedRun(RunSpec spec, RunRecord record) {
        this(spec, record, Optional.empty(), ResponseHistogram.EMPTY, List.of(), List.of());
    }
}
