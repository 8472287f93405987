package org.gridplan.sim.engine;

import ec.util.MersenneTwisterFast;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.TravelTimes;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * A benchmark of the engine, not a test: one simulated year of a district with the default
 * configuration and one full-time worker per grid plus part-time staff, timed against a bare MASON
 * schedule loop of the same number of events (the target: ≤ 5 s and ≤ 2 GiB for a
 * 500,000-household district of about 1,240 grids, on one core).
 */
public final class EngineBenchmark {

    private EngineBenchmark() {
    }

    /**
     * Times one year of {@code city} under {@code layout} with
     * {@link Staffing#oneFullTimePerGrid(City, GridLayout, int)} and default settings, then a bare
     * MASON loop of as many events, and returns the figures as text: set-up time (travel-time
     * warm-up included), run wall time, incidents and events per second, bare-loop events per
     * second, their ratio, and peak heap.
     *
     * @param partTimePerCommunity part-time workers per community
     * @param seed                 run seed
     */
    public static String run(City city, GridLayout layout, int partTimePerCommunity, long seed) {
        resetPeaks();
        // The field regime: default demand, routine work and out-of-hours duty per community.
        Staffing staffing = Staffing.oneFullTimePerGrid(city, layout, partTimePerCommunity)
                .withDuty(org.gridplan.sim.agent.DutyRoster.defaults());
        SimulationConfig config = SimulationConfig.builder().horizonDays(365).warmUpDays(0).seed(seed).build();
        long t0 = System.nanoTime();
        GridSimulation sim = new GridSimulation(city, layout, staffing, config, new TravelTimes(city));
        long t1 = System.nanoTime();
        RunResult result = sim.runToEnd();
        long t2 = System.nanoTime();
        long peak = peakHeapBytes();

        long events = result.events();
        int agents = staffing.workers().size() + 1;
        long t3 = System.nanoTime();
        bareLoop(events, agents, seed);
        long t4 = System.nanoTime();

        double setup = (t1 - t0) / 1e9;
        double wall = (t2 - t1) / 1e9;
        double bare = (t4 - t3) / 1e9;
        double eps = events / wall;
        double bareEps = events / bare;
        return String.format(Locale.ROOT,
                "households %d, grids %d, workers %d, incidents %d, events %d%n"
                        + "set-up %.3f s, run %.3f s, %.0f incidents/s, %.0f events/s%n"
                        + "bare MASON loop %.3f s, %.0f events/s, ratio %.3f%n"
                        + "peak heap %.0f MiB; mean response %.1f min, p90 %.1f min",
                city.households(), layout.gridCount(), result.workers().size(), result.generated(), events, setup, wall,
                result.generated() / wall, eps, bare, bareEps, eps / bareEps, peak / 1048576.0,
                result.district().response().mean(), result.district().response().p90());
    }

    /** Schedules and runs {@code events} one-shot events over {@code agents} self-rescheduling agents. */
    static void bareLoop(long events, int agents, long seed) {
        SimState state = new SimState(seed);
        state.start();
        MersenneTwisterFast rng = new MersenneTwisterFast(seed);
        long[] remaining = {events};
        for (int a = 0; a < agents && a < events; a++) {
            state.schedule.scheduleOnce(rng.nextDouble() * 60, 0, new Steppable() {
                private static final long serialVersionUID = 1L;

                @Override
                public void step(SimState s) {
                    if (--remaining[0] > agents) {
                        s.schedule.scheduleOnce(s.schedule.getTime() - Math.log(1 - rng.nextDouble()) * 60, 0, this);
                    }
                }
            });
        }
        while (state.schedule.step(state)) {
            // run to exhaustion
        }
        state.finish();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
