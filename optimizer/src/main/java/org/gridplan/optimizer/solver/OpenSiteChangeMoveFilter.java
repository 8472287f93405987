package org.gridplan.optimizer.solver;

import org.gridplan.optimizer.domain.BranchSite;
import org.gridplan.optimizer.domain.SitingSolution;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.common.decorator.SelectionFilter;
import org.optaplanner.core.impl.heuristic.selector.move.generic.ChangeMove;

/**
 * Keeps client → branch change moves that go to an already open branch: opening a branch is the
 * median swap's job, and a change move to a closed site would almost always exceed p.
 */
public class OpenSiteChangeMoveFilter implements SelectionFilter<SitingSolution, ChangeMove<SitingSolution>> {

    @Override
    public boolean accept(ScoreDirector<SitingSolution> scoreDirector, ChangeMove<SitingSolution> move) {
        Object to = move.getToPlanningValue();
        return to instanceof BranchSite site && site.isOpen();
    }
}
