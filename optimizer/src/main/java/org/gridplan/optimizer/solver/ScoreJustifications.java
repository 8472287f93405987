package org.gridplan.optimizer.solver;

import java.util.List;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.stream.ConstraintJustification;

/**
 * The constraint justifications behind a solution's score, by record type (those of
 * {@link SitingJustifications} and {@link StaffingConstraintProvider}), so that callers explain a
 * plan without the solver's API.
 */
public final class ScoreJustifications {

    private final ScoreExplanation<?, ?> explanation;

    ScoreJustifications(ScoreExplanation<?, ?> explanation) {
        this.explanation = explanation;
    }

    /** Every justification of this type, one per constraint match; empty when none. */
    public <J extends ConstraintJustification> List<J> of(Class<J> type) {
        return explanation.getJustificationList(type);
    }
}
