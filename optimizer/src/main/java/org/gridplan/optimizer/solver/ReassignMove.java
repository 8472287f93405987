package org.gridplan.optimizer.solver;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.gridplan.optimizer.domain.BranchSite;
import org.gridplan.optimizer.domain.DemandAssignment;
import org.gridplan.optimizer.domain.SitingSolution;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/**
 * A composite move that gives several demand points a new site at once; the median swap builds
 * one (close a branch, open another, reassign the clients). Every change goes through the score
 * director.
 */
final class ReassignMove extends AbstractMove<SitingSolution> {

    private final String kind;
    private final DemandAssignment[] entities;
    private final BranchSite[] toSites;

    ReassignMove(String kind, DemandAssignment[] entities, BranchSite[] toSites) {
        this.kind = kind;
        this.entities = entities;
        this.toSites = toSites;
    }

    int size() {
        return entities.length;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<SitingSolution> scoreDirector) {
        for (int k = 0; k < entities.length; k++) {
            if (entities[k].getSite() != toSites[k]) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected ReassignMove createUndoMove(ScoreDirector<SitingSolution> scoreDirector) {
        BranchSite[] from = new BranchSite[entities.length];
        for (int k = 0; k < entities.length; k++) {
            from[k] = entities[k].getSite();
        }
        return new ReassignMove(kind + "-undo", entities, from);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<SitingSolution> scoreDirector) {
        for (int k = 0; k < entities.length; k++) {
            DemandAssignment a = entities[k];
            if (a.getSite() != toSites[k]) {
                scoreDirector.beforeVariableChanged(a, "site");
                a.setSite(toSites[k]);
                scoreDirector.afterVariableChanged(a, "site");
            }
        }
    }

    @Override
    public ReassignMove rebase(ScoreDirector<SitingSolution> destinationScoreDirector) {
        DemandAssignment[] e = new DemandAssignment[entities.length];
        BranchSite[] s = new BranchSite[toSites.length];
        for (int k = 0; k < entities.length; k++) {
            e[k] = destinationScoreDirector.lookUpWorkingObject(entities[k]);
            s[k] = destinationScoreDirector.lookUpWorkingObject(toSites[k]);
        }
        return new ReassignMove(kind, e, s);
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "ReassignMove(" + kind + ")";
    }

    @Override
    public Collection<? extends Object> getPlanningEntities() {
        return List.of(entities);
    }

    @Override
    public Collection<? extends Object> getPlanningValues() {
        return new LinkedHashSet<>(Arrays.asList(toSites));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind).append(" {");
        for (int k = 0; k < entities.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(entities[k].getId()).append(" -> ").append(toSites[k]);
        }
        return sb.append('}').toString();
    }
}
