package org.gridplan.optimizer.solver;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.countDistinct;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sumLong;

import org.gridplan.optimizer.domain.BranchSite;
import org.gridplan.optimizer.domain.DemandAssignment;
import org.gridplan.optimizer.domain.SitingConstraintConfiguration;
import org.gridplan.optimizer.domain.SitingParameters;
import org.gridplan.optimizer.solver.SitingJustifications.CommunitySplit;
import org.gridplan.optimizer.solver.SitingJustifications.Imbalance;
import org.gridplan.optimizer.solver.SitingJustifications.OutsideCircle;
import org.gridplan.optimizer.solver.SitingJustifications.OverCapacity;
import org.gridplan.optimizer.solver.SitingJustifications.TooManyBranches;
import org.gridplan.optimizer.solver.SitingJustifications.Travel;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;

/**
 * The branch-siting constraints (capacitated p-median with service circles and balance), hard
 * first. Weights come from {@link SitingConstraintConfiguration}; every penalty grows with the
 * size of the violation.
 */
public class SitingConstraintProvider implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            maxBranches(factory),
            capacity(factory),
            communitySharesBranch(factory),
            travel(factory),
            outsideInnerCircle(factory),
            outsideOuterCircle(factory),
            balance(factory)
        };
    }

    // At most p branches are open; penalised by the number of branches beyond p.
    Constraint maxBranches(ConstraintFactory factory) {
        return factory.forEach(DemandAssignment.class)
                .groupBy(countDistinct(DemandAssignment::getSite))
                .join(SitingParameters.class)
                .filter((open, params) -> open > params.maxBranches())
                .penalizeConfigurableLong((open, params) -> open - params.maxBranches())
                .justifyWith((open, params, score) -> new TooManyBranches(open, params.maxBranches()))
                .asConstraint(SitingConstraintConfiguration.MAX_BRANCHES);
    }

    // A branch serves no more households than its capacity; penalised by the excess households.
    Constraint capacity(ConstraintFactory factory) {
        return factory.forEach(DemandAssignment.class)
                .filter(a -> a.getSite().getCapacity() != BranchSite.UNLIMITED)
                .groupBy(DemandAssignment::getSite, sumLong(DemandAssignment::getHouseholds))
                .filter((site, load) -> load > site.getCapacity())
                .penalizeConfigurableLong((site, load) -> load - site.getCapacity())
                .justifyWith((site, load, score) -> new OverCapacity(site.getId(), load, site.getCapacity()))
                .asConstraint(SitingConstraintConfiguration.CAPACITY);
    }

    // When required, all grids of a community use one branch; penalised by the households not at the
    // community's main (largest) branch.
    Constraint communitySharesBranch(ConstraintFactory factory) {
        return factory.forEach(DemandAssignment.class)
                .filter(a -> a.getCommunity() != null)
                .ifExists(SitingParameters.class,
                        Joiners.filtering((a, params) -> params.communitySharesBranch()))
                .groupBy(DemandAssignment::getCommunity, DemandAssignment::getSite,
                        sumLong(DemandAssignment::getHouseholds))
                .groupBy((String community, BranchSite site, Long load) -> community,
                        ConstraintCollectors.<String, BranchSite, Long>sumLong((community, site, load) -> load),
                        ConstraintCollectors.<String, BranchSite, Long, Long>max((community, site, load) -> load))
                .filter((community, total, mainLoad) -> total > mainLoad)
                .penalizeConfigurableLong((community, total, mainLoad) -> total - mainLoad)
                .justifyWith((community, total, mainLoad, score) -> new CommunitySplit(community, total,
                        total - mainLoad))
                .asConstraint(SitingConstraintConfiguration.COMMUNITY_SHARES_BRANCH);
    }

    // Minimise travel weight x distance from each grid to its branch (the p-median objective), in
    // 1/100 of the distance unit.
    Constraint travel(ConstraintFactory factory) {
        return factory.forEach(DemandAssignment.class)
                .filter(a -> a.weightedCost() > 0)
                .penalizeConfigurableLong(DemandAssignment::weightedCost)
                .justifyWith((a, score) -> new Travel(a.getId(), a.getSite().getId(), a.getTravelWeight(),
                        a.distanceTo(a.getSite())))
                .asConstraint(SitingConstraintConfiguration.TRAVEL);
    }

    // Households should live within the inner (5-minute) service circle of their branch; penalised by
    // the households outside it.
    Constraint outsideInnerCircle(ConstraintFactory factory) {
        return factory.forEach(DemandAssignment.class)
                .filter(a -> a.getHouseholds() > 0)
                .join(SitingParameters.class)
                .filter((a, params) -> a.distanceTo(a.getSite()) > params.innerCircle())
                .penalizeConfigurableLong((a, params) -> a.getHouseholds())
                .justifyWith((a, params, score) -> new OutsideCircle(a.getId(), a.getSite().getId(),
                        a.distanceTo(a.getSite()), params.innerCircle(), a.getHouseholds()))
                .asConstraint(SitingConstraintConfiguration.OUTSIDE_INNER_CIRCLE);
    }

    // Households should live within the outer (15-minute) service circle of their branch; penalised by
    // the households outside it.
    Constraint outsideOuterCircle(ConstraintFactory factory) {
        return factory.forEach(DemandAssignment.class)
                .filter(a -> a.getHouseholds() > 0)
                .join(SitingParameters.class)
                .filter((a, params) -> a.distanceTo(a.getSite()) > params.outerCircle())
                .penalizeConfigurableLong((a, params) -> a.getHouseholds())
                .justifyWith((a, params, score) -> new OutsideCircle(a.getId(), a.getSite().getId(),
                        a.distanceTo(a.getSite()), params.outerCircle(), a.getHouseholds()))
                .asConstraint(SitingConstraintConfiguration.OUTSIDE_OUTER_CIRCLE);
    }

    // Open branches should carry similar loads; penalised by the households a branch's load differs
    // from the even load (total households / p).
    Constraint balance(ConstraintFactory factory) {
        return factory.forEach(DemandAssignment.class)
                .groupBy(DemandAssignment::getSite, sumLong(DemandAssignment::getHouseholds))
                .join(SitingParameters.class)
                .filter((site, load, params) -> load != params.evenLoad())
                .penalizeConfigurableLong((site, load, params) -> Math.abs(load - params.evenLoad()))
                .justifyWith((site, load, params, score) -> new Imbalance(site.getId(), load, params.evenLoad()))
                .asConstraint(SitingConstraintConfiguration.BALANCE);
    }
}
