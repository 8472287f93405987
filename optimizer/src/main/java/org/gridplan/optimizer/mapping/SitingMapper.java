package org.gridplan.optimizer.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridplan.optimizer.domain.BranchSite;
import org.gridplan.optimizer.domain.DemandAssignment;
import org.gridplan.optimizer.domain.SitingConstraintConfiguration;
import org.gridplan.optimizer.domain.SitingParameters;
import org.gridplan.optimizer.domain.SitingSolution;
import org.gridplan.optimizer.model.DemandPoint;
import org.gridplan.optimizer.model.SitingPlan;
import org.gridplan.optimizer.model.SitingProblem;
import org.gridplan.optimizer.model.SitingWeights;

/**
 * Maps a {@link SitingProblem} to a {@link SitingSolution} and a solved solution back to a
 * {@link SitingPlan}, recomputing the plan's objective from the exact (unrounded) distances.
 */
public final class SitingMapper {

    private SitingMapper() {
    }

    /** An unassigned planning solution for the problem: one entity per demand point and per site. */
    public static SitingSolution toSolution(SitingProblem problem) {
        long capacity = problem.branchCapacity().orElse(BranchSite.UNLIMITED);
        List<BranchSite> sites = new ArrayList<>(problem.siteCount());
        for (int j = 0; j < problem.siteCount(); j++) {
            sites.add(new BranchSite(problem.sites().get(j).id(), j, capacity));
        }
        double[][] distances = problem.distances();
        List<DemandAssignment> assignments = new ArrayList<>(problem.demandCount());
        for (int i = 0; i < problem.demandCount(); i++) {
            DemandPoint point = problem.demandPoints().get(i);
            assignments.add(new DemandAssignment(point.id(), i, point.households(), problem.travelWeight(i),
                    point.community().orElse(null), distances[i]));
        }
        long evenLoad = Math.round((double) problem.totalHouseholds() / problem.maxBranches());
        SitingParameters parameters = new SitingParameters(problem.maxBranches(), problem.communitySharesBranch(),
                problem.circles().inner(), problem.circles().outer(), evenLoad);
        return new SitingSolution(problem.name(), sites, assignments, parameters, configuration(problem.weights()));
    }

    /**
     * The planning solution of {@code problem} with every demand point at the site
     * {@code siteOfDemand} names (e.g. a baseline to score or to explain), each site's list of the
     * points it serves kept consistent.
     *
     * @throws IllegalArgumentException if a demand point has no site or an unknown one
     */
    public static SitingSolution toSolution(SitingProblem problem, Map<String, String> siteOfDemand) {
        SitingSolution solution = toSolution(problem);
        Map<String, BranchSite> byId = new HashMap<>();
        solution.getSites().forEach(b -> byId.put(b.getId(), b));
        Map<String, List<DemandAssignment>> served = new HashMap<>();
        for (DemandAssignment a : solution.getAssignments()) {
            BranchSite site = byId.get(siteOfDemand.get(a.getId()));
            if (site == null) {
                throw new IllegalArgumentException("demand point " + a.getId() + " has no known site: "
                        + siteOfDemand.get(a.getId()));
            }
            a.setSite(site);
            served.computeIfAbsent(site.getId(), k -> new ArrayList<>()).add(a);
        }
        solution.getSites().forEach(b -> b.setAssignments(served.getOrDefault(b.getId(), new ArrayList<>())));
        return solution;
    }

    /** The constraint configuration holding the given weights. */
    public static SitingConstraintConfiguration configuration(SitingWeights w) {
        return new SitingConstraintConfiguration(
                new long[] {w.maxBranchesHard(), w.capacityHard(), w.communityHard()},
                new long[] {w.travelSoft(), w.outsideInnerCircleSoft(), w.outsideOuterCircleSoft(), w.balanceSoft()});
    }

    /**
     * The plan a solved solution describes.
     *
     * @throws IllegalArgumentException if some demand point is unassigned
     */
    public static SitingPlan toPlan(SitingProblem problem, SitingSolution solution) {
        return toPlan(problem, solution, String.valueOf(solution.getScore()));
    }

    /**
     * The KPIs of any assignment of every demand point to a site (a solved plan or a baseline).
     *
     * @param siteOfDemand demand point id → site id, for every demand point
     * @param label the plan's origin shown as its score, e.g. {@code "baseline"}
     * @throws IllegalArgumentException if a demand point has no site or an unknown one
     */
    public static SitingPlan evaluate(SitingProblem problem, Map<String, String> siteOfDemand, String label) {
        SitingSolution solution = toSolution(problem);
        Map<String, BranchSite> byId = new HashMap<>();
        for (BranchSite site : solution.getSites()) {
            byId.put(site.getId(), site);
        }
        for (DemandAssignment a : solution.getAssignments()) {
            BranchSite site = byId.get(siteOfDemand.get(a.getId()));
            if (site == null) {
                throw new IllegalArgumentException("demand point " + a.getId() + " has no known site: "
                        + siteOfDemand.get(a.getId()));
            }
            a.setSite(site);
        }
        return toPlan(problem, solution, label);
    }

    private static SitingPlan toPlan(SitingProblem problem, SitingSolution solution, String score) {
        Map<String, String> siteOfDemand = new HashMap<>();
        long[] load = new long[problem.siteCount()];
        boolean[] open = new boolean[problem.siteCount()];
        double travel = 0;
        long outsideInner = 0;
        long outsideOuter = 0;
        for (DemandAssignment a : solution.getAssignments()) {
            BranchSite site = a.getSite();
            if (site == null) {
                throw new IllegalArgumentException("demand point " + a.getId() + " has no branch");
            }
            int i = a.getIndex();
            int j = site.getIndex();
            double d = problem.distance(i, j);
            siteOfDemand.put(a.getId(), site.getId());
            open[j] = true;
            load[j] += a.getHouseholds();
            travel += problem.travelWeight(i) * d;
            if (d > problem.circles().inner()) {
                outsideInner += a.getHouseholds();
            }
            if (d > problem.circles().outer()) {
                outsideOuter += a.getHouseholds();
            }
        }
        List<String> openSites = new ArrayList<>();
        Map<String, Long> householdsPerSite = new LinkedHashMap<>();
        List<String> violations = new ArrayList<>();
        for (int j = 0; j < open.length; j++) {
            if (open[j]) {
                String id = problem.sites().get(j).id();
                openSites.add(id);
                householdsPerSite.put(id, load[j]);
                if (problem.branchCapacity().isPresent() && load[j] > problem.branchCapacity().getAsLong()) {
                    violations.add(String.format(Locale.ROOT, "capacity: branch %s serves %,d households, capacity %,d"
                            + " (over by %,d)", id, load[j], problem.branchCapacity().getAsLong(),
                            load[j] - problem.branchCapacity().getAsLong()));
                }
            }
        }
        if (openSites.size() > problem.maxBranches()) {
            violations.add(String.format(Locale.ROOT, "max branches: %d branches open, p = %d (over by %d)",
                    openSites.size(), problem.maxBranches(), openSites.size() - problem.maxBranches()));
        }
        if (problem.communitySharesBranch()) {
            Map<String, Map<String, Boolean>> sitesOfCommunity = new LinkedHashMap<>();
            for (int i = 0; i < problem.demandCount(); i++) {
                DemandPoint point = problem.demandPoints().get(i);
                point.community().ifPresent(c -> sitesOfCommunity.computeIfAbsent(c, k -> new LinkedHashMap<>())
                        .put(siteOfDemand.get(point.id()), Boolean.TRUE));
            }
            sitesOfCommunity.forEach((c, s) -> {
                if (s.size() > 1) {
                    violations.add("community shares a branch: community " + c + " is split over branches "
                            + String.join(", ", s.keySet()));
                }
            });
        }
        long total = problem.totalHouseholds();
        return new SitingPlan(problem.name(), openSites, siteOfDemand, travel,
                total == 0 ? 0 : (double) outsideInner / total, total == 0 ? 0 : (double) outsideOuter / total,
                householdsPerSite, violations.isEmpty(), score, violations);
    }
}
