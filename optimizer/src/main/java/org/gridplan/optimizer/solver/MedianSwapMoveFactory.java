package org.gridplan.optimizer.solver;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.gridplan.optimizer.domain.BranchSite;
import org.gridplan.optimizer.domain.DemandAssignment;
import org.gridplan.optimizer.domain.SitingSolution;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * The Teitz–Bart median swap (Teitz &amp; Bart 1968): close an open branch, open a closed site,
 * and reassign clients — those of the closed branch to their nearest open site, and any client
 * nearer to the new site than to its own to the new site. With capacities the reassignment is
 * greedy and capacity-aware (the closed branch's clients largest first to the nearest site with
 * room; then others to the new site by decreasing saving while it has room). While fewer than p
 * branches are open it also proposes opening a site without closing one.
 *
 * <p>The site to open is, half the time, drawn among the sites nearest to a random client of the
 * branch being closed (relocating the median within its neighbourhood), otherwise uniformly. The
 * move only proposes assignments; its score comes from the constraint streams through the score
 * director.
 */
public class MedianSwapMoveFactory implements MoveIteratorFactory<SitingSolution, ReassignMove> {

    /** How many of a client's nearest sites the neighbourhood draw considers. */
    static final int NEIGHBOURHOOD = 12;

    private NearestSites nearest;

    @Override
    public void phaseStarted(ScoreDirector<SitingSolution> scoreDirector) {
        nearest = NearestSites.of(scoreDirector.getWorkingSolution().getAssignments());
    }

    @Override
    public void phaseEnded(ScoreDirector<SitingSolution> scoreDirector) {
        nearest = null;
    }

    @Override
    public long getSize(ScoreDirector<SitingSolution> scoreDirector) {
        long open = scoreDirector.getWorkingSolution().getSites().stream().filter(BranchSite::isOpen).count();
        long closed = scoreDirector.getWorkingSolution().getSites().size() - open;
        return Math.max(1, open * closed + closed);
    }

    @Override
    public Iterator<ReassignMove> createOriginalMoveIterator(ScoreDirector<SitingSolution> scoreDirector) {
        Step step = new Step(scoreDirector.getWorkingSolution(), nearest());
        List<ReassignMove> moves = new ArrayList<>();
        for (BranchSite c : step.closed) {
            if (step.open.size() < step.maxBranches) {
                moves.add(step.build(null, c));
            }
            for (BranchSite o : step.open) {
                moves.add(step.build(o, c));
            }
        }
        return moves.iterator();
    }

    @Override
    public Iterator<ReassignMove> createRandomMoveIterator(ScoreDirector<SitingSolution> scoreDirector,
            Random random) {
        Step step = new Step(scoreDirector.getWorkingSolution(), nearest());
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !step.closed.isEmpty() && !(step.open.isEmpty() && step.maxBranches == 0);
            }

            @Override
            public ReassignMove next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (step.open.isEmpty() || (step.open.size() < step.maxBranches && random.nextInt(4) == 0)) {
                    return step.build(null, step.closed.get(random.nextInt(step.closed.size())));
                }
                if (!step.capacitated && random.nextInt(4) != 0) {
                    // fast interchange (Whitaker 1983): a random site to open, the best branch to close for it
                    BranchSite c = step.closed.get(random.nextInt(step.closed.size()));
                    return step.build(step.bestToClose(c), c);
                }
                BranchSite o = step.open.get(random.nextInt(step.open.size()));
                return step.build(o, step.pickClosed(o, random));
            }
        };
    }

    private NearestSites nearest() {
        if (nearest == null) {
            throw new IllegalStateException("phaseStarted was not called");
        }
        return nearest;
    }

    /** The open/closed state at the start of a step, from which moves are built. */
    private static final class Step {
        final List<DemandAssignment> assignments;
        final List<BranchSite> sites;
        final List<BranchSite> open = new ArrayList<>();
        final List<BranchSite> closed = new ArrayList<>();
        final boolean[] isOpen;
        final long[] load;
        final boolean capacitated;
        final int maxBranches;
        final NearestSites nearest;

        Step(SitingSolution solution, NearestSites nearest) {
            this.assignments = solution.getAssignments();
            this.sites = solution.getSites();
            this.nearest = nearest;
            this.maxBranches = solution.getParameters().maxBranches();
            isOpen = new boolean[sites.size()];
            load = new long[sites.size()];
            boolean cap = false;
            for (BranchSite s : sites) {
                cap |= s.getCapacity() != BranchSite.UNLIMITED;
                if (s.isOpen()) {
                    open.add(s);
                    isOpen[s.getIndex()] = true;
                    for (DemandAssignment a : s.getAssignments()) {
                        load[s.getIndex()] += a.getHouseholds();
                    }
                } else {
                    closed.add(s);
                }
            }
            capacitated = cap;
        }

        /**
         * The open branch whose closing costs least when {@code c} opens, by Whitaker's fast
         * interchange on weighted travel cost: clients nearer to c move there, the closed branch's
         * other clients to their second-nearest open site. A guide for choosing the move only; the
         * move's score comes from the constraint streams.
         */
        BranchSite bestToClose(BranchSite c) {
            if (second == null) {
                computeSecondNearest();
            }
            int ci = c.getIndex();
            long[] loss = new long[sites.size()];
            for (DemandAssignment a : assignments) {
                int i = a.getIndex();
                long d1 = a.costTo(a.getSite());
                long dc = a.costTo(ci);
                if (dc >= d1) {
                    long w = Math.max(1, a.getTravelWeight());
                    loss[a.getSite().getIndex()] += w * (Math.min(second[i], dc) - d1);
                }
            }
            BranchSite best = open.get(0);
            for (BranchSite o : open) {
                if (loss[o.getIndex()] < loss[best.getIndex()]) {
                    best = o;
                }
            }
            return best;
        }

        private long[] second;

        private void computeSecondNearest() {
            second = new long[assignments.size()];
            for (DemandAssignment a : assignments) {
                long d = Long.MAX_VALUE / 4;
                for (int j : nearest.of(a.getIndex())) {
                    if (isOpen[j] && j != a.getSite().getIndex()) {
                        d = a.costTo(j);
                        break;
                    }
                }
                second[a.getIndex()] = d;
            }
        }

        BranchSite pickClosed(BranchSite o, Random random) {
            if (random.nextBoolean()) {
                List<DemandAssignment> clients = o.getAssignments();
                DemandAssignment a = clients.get(random.nextInt(clients.size()));
                int[] order = nearest.of(a.getIndex());
                int limit = Math.min(order.length, NEIGHBOURHOOD + open.size());
                int start = random.nextInt(limit);
                for (int k = 0; k < limit; k++) {
                    int j = order[(start + k) % limit];
                    if (!isOpen[j]) {
                        return sites.get(j);
                    }
                }
            }
            return closed.get(random.nextInt(closed.size()));
        }

        /** Close {@code o} (none when null) and open {@code c}, with the reassignment described above. */
        ReassignMove build(BranchSite o, BranchSite c) {
            return capacitated ? buildCapacitated(o, c) : buildNearest(o, c);
        }

        private boolean openAfter(int j, BranchSite o, BranchSite c) {
            return j == c.getIndex() || (isOpen[j] && (o == null || j != o.getIndex()));
        }

        private ReassignMove buildNearest(BranchSite o, BranchSite c) {
            List<DemandAssignment> movers = new ArrayList<>();
            List<BranchSite> targets = new ArrayList<>();
            for (DemandAssignment a : assignments) {
                BranchSite cur = a.getSite();
                BranchSite target = cur;
                if (cur == o) {
                    for (int j : nearest.of(a.getIndex())) {
                        if (openAfter(j, o, c)) {
                            target = sites.get(j);
                            break;
                        }
                    }
                } else if (a.costTo(c) < a.costTo(cur)) {
                    target = c;
                }
                if (target != cur) {
                    movers.add(a);
                    targets.add(target);
                }
            }
            return move(o, movers, targets);
        }

        private ReassignMove buildCapacitated(BranchSite o, BranchSite c) {
            long[] after = load.clone();
            List<DemandAssignment> movers = new ArrayList<>();
            List<BranchSite> targets = new ArrayList<>();
            if (o != null) {
                after[o.getIndex()] = 0;
                List<DemandAssignment> orphans = new ArrayList<>(o.getAssignments());
                orphans.sort((x, y) -> Long.compare(y.getHouseholds(), x.getHouseholds()));
                for (DemandAssignment a : orphans) {
                    int chosen = -1;
                    int fallback = -1;
                    for (int j : nearest.of(a.getIndex())) {
                        if (openAfter(j, o, c)) {
                            if (fallback < 0) {
                                fallback = j;
                            }
                            if (after[j] + a.getHouseholds() <= sites.get(j).getCapacity()) {
                                chosen = j;
                                break;
                            }
                        }
                    }
                    int j = chosen >= 0 ? chosen : fallback;
                    after[j] += a.getHouseholds();
                    movers.add(a);
                    targets.add(sites.get(j));
                }
            }
            List<DemandAssignment> gainers = new ArrayList<>();
            for (DemandAssignment a : assignments) {
                if (a.getSite() != o && a.costTo(c) < a.costTo(a.getSite())) {
                    gainers.add(a);
                }
            }
            gainers.sort((x, y) -> Long.compare(x.costTo(c) - x.costTo(x.getSite()),
                    y.costTo(c) - y.costTo(y.getSite())));
            int ci = c.getIndex();
            for (DemandAssignment a : gainers) {
                if (after[ci] + a.getHouseholds() <= c.getCapacity()) {
                    after[ci] += a.getHouseholds();
                    after[a.getSite().getIndex()] -= a.getHouseholds();
                    movers.add(a);
                    targets.add(c);
                }
            }
            return move(o, movers, targets);
        }

        private static ReassignMove move(BranchSite o, List<DemandAssignment> movers, List<BranchSite> targets) {
            return new ReassignMove(o == null ? "open" : "swap", movers.toArray(new DemandAssignment[0]),
                    targets.toArray(new BranchSite[0]));
        }
    }
}
