package org.gridplan.optimizer.domain;

import java.util.ArrayList;
import java.util.List;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.InverseRelationShadowVariable;

/**
 * A candidate branch site; a branch is open there when at least one demand assignment points at it.
 *
 * <p>A planning entity with only a shadow variable (the assignments that use it), so moves can
 * tell open from closed sites in constant time; constraints do not read the shadow variable.
 */
@PlanningEntity
public class BranchSite {

    /** Capacity of a site without a capacity limit. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    @PlanningId
    private String id;
    private int index;
    private long capacity;

    @InverseRelationShadowVariable(sourceVariableName = "site")
    private List<DemandAssignment> assignments = new ArrayList<>();

    /** For OptaPlanner's cloning. */
    public BranchSite() {
    }

    /**
     * A site.
     *
     * @param id the candidate site's id
     * @param index its column in the distance matrix
     * @param capacity households it can serve, {@link #UNLIMITED} when unlimited
     */
    public BranchSite(String id, int index, long capacity) {
        this.id = id;
        this.index = index;
        this.capacity = capacity;
    }

    /** The candidate site's id. */
    public String getId() {
        return id;
    }

    /** Its column in the distance matrix. */
    public int getIndex() {
        return index;
    }

    /** Households it can serve; {@link #UNLIMITED} when unlimited. */
    public long getCapacity() {
        return capacity;
    }

    /** The assignments pointing at this site (shadow variable, maintained by OptaPlanner). */
    public List<DemandAssignment> getAssignments() {
        return assignments;
    }

    /** For OptaPlanner. */
    public void setAssignments(List<DemandAssignment> assignments) {
        this.assignments = assignments;
    }

    /** Whether a branch is open here, i.e. some demand point is assigned to it. */
    public boolean isOpen() {
        return !assignments.isEmpty();
    }

    @Override
    public String toString() {
        return id;
    }
}
