package org.gridplan.scenarios.batch;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Measures the wall time and peak heap of the phases of a benchmark run.
 *
 * <p>Before each phase the heap is collected and the pools' peak counters are reset; after it,
 * the peak is the sum of the heap pools' peak usage. Pools peak at different moments, so the sum
 * is an upper bound of the heap actually in use at once: a conservative figure for a memory
 * target.
 */
public final class PhaseMeter {

    /** One measured phase. */
    public record Phase(String name, double seconds, long peakHeapBytes) {
        /** The phase as a table row: name, seconds, MiB. */
        public String row() {
            return String.format(Locale.ROOT, "%-28s %8.2f s %8.0f MiB", name, seconds, peakHeapBytes / 1048576.0);
        }
    }

    private final List<Phase> phases = new ArrayList<>();

    /** Runs {@code work} as a phase named {@code name} and returns its result. */
    public <T> T measure(String name, Supplier<T> work) {
        System.gc();
        List<MemoryPoolMXBean> pools = heapPools();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        T result = work.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean p : pools) {
            peak += p.getPeakUsage().getUsed();
        }
        phases.add(new Phase(name, seconds, peak));
        return result;
    }

    /** The phases measured so far, in order. */
    public List<Phase> phases() {
        return List.copyOf(phases);
    }

    /** Sum of the phases' wall times, in seconds. */
    public double totalSeconds() {
        return phases.stream().mapToDouble(Phase::seconds).sum();
    }

    /** The largest peak heap of any phase, in bytes. */
    public long peakHeapBytes() {
        return phases.stream().mapToLong(Phase::peakHeapBytes).max().orElse(0);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        List<MemoryPoolMXBean> out = new ArrayList<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid()) {
                out.add(p);
            }
        }
        return out;
    }
}
