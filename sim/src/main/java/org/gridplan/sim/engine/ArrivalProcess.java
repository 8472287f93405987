package org.gridplan.sim.engine;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.RealDistribution;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.demand.DiscoveryMode;
import org.gridplan.sim.demand.EscalationLevel;
import org.gridplan.sim.demand.IncidentCategory;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Where the incidents of a run come from: one superposed non-homogeneous Poisson stream over the
 * district, thinned (Lewis–Shedler) against the largest hour-of-week intensity, plus a second
 * stream for the surges' extra rate inside their windows. It holds the demand tables (per hour of
 * week, the cumulative intensity per household and minute over the categories), the surge
 * segments (a piecewise-constant multiplier), and per run the two streams' generators and
 * distributions; its events test candidates, draw each accepted incident's building, category
 * and attributes into the {@link IncidentTable}, and hand the incident to the simulation, which
 * runs its life from there. Every draw comes from the streams' own generators, in the same order
 * whatever else happens in the run (common random numbers).
 */
final class ArrivalProcess {

    private final GridSimulation sim;
    private final SimulationConfig config;
    private final List<IncidentCategory> categories;
    private final boolean[] catUrgent;
    private final boolean linkage;
    private final double horizon;
    private final int[] buildingGrid;
    private final long[] cumHouseholds;
    private final long totalHouseholds;

    // Demand tables.
    private final double[][] catCum;
    private final double[] catTotal;
    private final double maxTotal;
    // Surge windows: piecewise-constant multiplier over [segStart[k], segStart[k+1]).
    private final double[] segStart;
    private final double[] segMultiplier;

    // Run state, rebuilt by start().
    private DemandDraws baseDraws;
    private IncidentTable inc;

    /**
     * The arrivals of {@code config}'s demand and surges over {@code district}, for {@code sim}.
     *
     * @param catUrgent per category, whether it is urgent (linkage delays are drawn for those)
     */
    ArrivalProcess(GridSimulation sim, DistrictIndex district, SimulationConfig config, boolean[] catUrgent) {
        this.sim = sim;
        this.config = config;
        this.catUrgent = catUrgent;
        this.linkage = config.field().linkage().enabled();
        this.horizon = config.horizonMinutes();
        this.buildingGrid = district.buildingGrid;
        this.cumHouseholds = district.cumHouseholds;
        this.totalHouseholds = district.totalHouseholds;

        // Demand tables: per hour of week, cumulative intensity per household per minute.
        DemandCatalog demand = config.demand();
        categories = demand.categories();
        int nc = categories.size();
        catCum = new double[168][nc];
        catTotal = new double[168];
        double max = 0;
        double[][] factors = new double[nc][];
        for (int c = 0; c < nc; c++) {
            factors[c] = categories.get(c).profile().hourOfWeekFactors();
        }
        for (int h = 0; h < 168; h++) {
            double cum = 0;
            for (int c = 0; c < nc; c++) {
                cum += categories.get(c).ratePerHouseholdYear() * demand.scale() / DemandCatalog.YEAR_MINUTES
                        * factors[c][h];
                catCum[h][c] = cum;
            }
            catTotal[h] = cum;
            max = Math.max(max, cum);
        }
        maxTotal = max;

        TreeSet<Double> cuts = new TreeSet<>();
        cuts.add(0.0);
        for (SurgeEvent s : config.surges()) {
            cuts.add(s.startMinute());
            cuts.add(s.endMinute());
        }
        segStart = cuts.stream().mapToDouble(Double::doubleValue).toArray();
        segMultiplier = new double[segStart.length];
        for (int k = 0; k < segStart.length; k++) {
            double m = 1;
            for (SurgeEvent s : config.surges()) {
                if (segStart[k] >= s.startMinute() && segStart[k] < s.endMinute()) {
                    m *= s.rateMultiplier();
                }
            }
            segMultiplier[k] = m;
        }
    }

    /**
     * Starts the streams of a fresh run from its seed, into {@code table}: schedules each stream's
     * first candidate (the base stream's, then the surge stream's).
     */
    void start(long seed, IncidentTable table) {
        inc = table;
        baseDraws = new DemandDraws(seed, 0x64656d31);
        DemandDraws surgeDraws = new DemandDraws(seed, 0x73757267);
        for (DemandDraws draws : List.of(baseDraws, surgeDraws)) {
            double first = nextCandidate(0, draws);
            if (first < horizon) {
                sim.at(first, new Source(draws));
            }
        }
    }

    /**
     * The next candidate time after {@code t} of a thinned stream; infinite if none. The base
     * stream runs at the profile's peak rate throughout; the surge stream runs at the peak rate
     * times (multiplier - 1) inside surge windows and not at all elsewhere, so adding or resizing a
     * surge never changes the base stream's incidents.
     */
    private double nextCandidate(double t, DemandDraws draws) {
        double base = maxTotal * totalHouseholds;
        if (draws == baseDraws) {
            return base > 0 ? t - Math.log(1.0 - draws.rng.nextDouble()) / base : Double.POSITIVE_INFINITY;
        }
        int k = segmentOf(t);
        while (true) {
            double end = k + 1 < segStart.length ? segStart[k + 1] : Double.POSITIVE_INFINITY;
            double bound = base * (segMultiplier[k] - 1);
            if (bound > 0) {
                double next = t - Math.log(1.0 - draws.rng.nextDouble()) / bound;
                if (next < end) {
                    return next;
                }
            }
            if (end == Double.POSITIVE_INFINITY) {
                return Double.POSITIVE_INFINITY;
            }
            t = end;
            k++;
        }
    }

    private int segmentOf(double t) {
        int k = Arrays.binarySearch(segStart, t);
        return k >= 0 ? k : -k - 2;
    }

    private static int hourOfWeek(double t) {
        return (int) (Math.floorMod((long) Math.floor(t / 60), 168L));
    }

    /**
     * Tests the stream's candidates from time {@code t} on (a candidate time not yet tested) until
     * one is accepted, and schedules that arrival; rejected candidates are not schedule events.
     * Each candidate draws its acceptance, then building and category, then (at its arrival) its
     * attributes, then the next candidate time: the same draws in the same order whatever else
     * happens in the run.
     */
    private void scan(double t, DemandDraws draws) {
        while (t < horizon) {
            int h = hourOfWeek(t);
            double u = draws.rng.nextDouble() * maxTotal;
            if (u < catTotal[h]) {
                double[] cum = catCum[h];
                int c = 0;
                while (c < cum.length - 1 && u >= cum[c]) {
                    c++;
                }
                int b = Cumulative.upperBound(cumHouseholds, draws.rng.nextLong(totalHouseholds));
                if (t > sim.schedule.getTime()) {
                    sim.at(t, new Arrival(draws, b, c));
                    return;
                }
                occur(t, b, c, draws);
            }
            t = nextCandidate(t, draws);
        }
    }

    /**
     * Incident of category {@code c} occurs in {@code building} now: its attributes are drawn into
     * a new row of the table and the simulation takes it (a resident's report, or a latent case
     * with its latent period).
     */
    private void occur(double now, int building, int c, DemandDraws draws) {
        IncidentCategory cat = categories.get(c);
        int i = inc.add();
        inc.building[i] = building;
        inc.grid[i] = buildingGrid[building];
        inc.category[i] = c;
        inc.occurred[i] = now;
        inc.service[i] = draws.service[c].sample();
        inc.onSpot[i] = draws.rng.nextDouble() < cat.onSpotProbability();
        if (!inc.onSpot[i]) {
            int l = cat.escalation().ordinal();
            inc.handoff[i] = draws.handoff[l].sample();
            inc.handling[i] = draws.handling[l].sample();
            inc.reply[i] = draws.reply.sample();
        }
        // Field draws, each from its own generator of the demand side (common random numbers).
        inc.triage[i] = draws.triage.sample();
        if (draws.patience != null) {
            inc.patience[i] = draws.patience.sample();
        }
        if (catUrgent[c] && linkage) {
            inc.linkDelay[i] = draws.link.sample();
        }
        if (cat.discovery() == DiscoveryMode.RESIDENT_REPORT) {
            sim.occurred(i, now);
        } else {
            sim.occurredLatent(i, now, draws.latent[c].sample());
        }
    }

    /** A thinned arrival stream's first candidate. */
    private final class Source implements Steppable {
        private static final long serialVersionUID = 1L;
        private final transient DemandDraws draws;

        Source(DemandDraws draws) {
            this.draws = draws;
        }

        @Override
        public void step(SimState state) {
            scan(sim.schedule.getTime(), draws);
        }
    }

    /** An accepted arrival whose building and category are already drawn. */
    private final class Arrival implements Steppable {
        private static final long serialVersionUID = 1L;
        private final transient DemandDraws draws;
        private final int building;
        private final int category;

        Arrival(DemandDraws draws, int building, int category) {
            this.draws = draws;
            this.building = building;
            this.category = category;
        }

        @Override
        public void step(SimState state) {
            double now = sim.schedule.getTime();
            occur(now, building, category, draws);
            scan(nextCandidate(now, draws), draws);
        }
    }

    /**
     * The generator and distributions that draw incidents: their time, building, category and every
     * attribute (service, latent period, on-the-spot outcome, escalation delays). Seeded from the
     * run seed alone, so the same seed gives the same incidents under every layout and staffing
     * plan (common random numbers); surge arrivals come from a second, independent set.
     */
    private final class DemandDraws {
        final MersenneTwisterFast rng;
        final RealDistribution[] service;
        final RealDistribution[] latent;
        final RealDistribution[] handoff;
        final RealDistribution[] handling;
        final RealDistribution reply;
        final RealDistribution triage;
        final RealDistribution patience;
        final RealDistribution link;

        DemandDraws(long seed, int tag) {
            rng = new MersenneTwisterFast(new int[] {(int) seed, (int) (seed >>> 32), tag});
            MersenneRandomGenerator g = new MersenneRandomGenerator(rng);
            int nc = categories.size();
            service = new RealDistribution[nc];
            latent = new RealDistribution[nc];
            for (int c = 0; c < nc; c++) {
                service[c] = categories.get(c).service().distribution(g);
                latent[c] = categories.get(c).latentPeriod().distribution(g);
            }
            EscalationLevel[] levels = EscalationLevel.values();
            handoff = new RealDistribution[levels.length];
            handling = new RealDistribution[levels.length];
            for (EscalationLevel l : levels) {
                handoff[l.ordinal()] = config.escalation().timing(l).handoff().distribution(g);
                handling[l.ordinal()] = config.escalation().timing(l).handling().distribution(g);
            }
            reply = config.escalation().reply().distribution(g);
            // The field's delays come from generators of their own (one per kind, keyed by the run seed
            // and the stream), so switching triage, linkage or patience on or off, or sweeping them,
            // leaves every incident's time, place and attributes as they were (common random numbers).
            FieldModel f = config.field();
            triage = f.triage().delay().distribution(own(seed, tag, 0x74726961));
            MersenneRandomGenerator pg = own(seed, tag, 0x70617469);
            patience = f.queue().patience().map(p -> p.distribution(pg)).orElse(null);
            link = f.linkage().response().distribution(own(seed, tag, 0x6c696e6b));
        }

        private MersenneRandomGenerator own(long seed, int tag, int kind) {
            return new MersenneRandomGenerator(new MersenneTwisterFast(new int[] {(int) seed, (int) (seed >>> 32), tag,
                kind}));
        }
    }
}
