package org.gridplan.scenarios.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.LayoutRules;

/**
 * An ensemble of valid layouts: a {@link ReComChain} run for a number of steps from a layout, its
 * statistics at every step, and a thinned sample of its layouts; and where a proposed layout lies
 * in it, statistic by statistic.
 */
public final class LayoutEnsemble {

    /**
     * The chain's record.
     *
     * @param start   the statistics of the layout the chain starts from (step 0)
     * @param steps   every step, in order
     * @param sample  the layouts kept, evenly spaced over the chain (the last step among them)
     * @param sampleSteps the step number of each layout kept
     * @param unique  distinct partitions visited, the start included
     * @param seconds wall time of the chain
     */
    public record Result(LayoutStatistics start, List<ReComChain.Step> steps, List<GridLayout> sample,
            List<Integer> sampleSteps, int unique, double seconds) {

        /** Copies. */
        public Result {
            steps = List.copyOf(steps);
            sample = List.copyOf(sample);
            sampleSteps = List.copyOf(sampleSteps);
        }

        /** One statistic over the chain's steps (the start left out). */
        public double[] values(ToDoubleFunction<LayoutStatistics> statistic) {
            return steps.stream().mapToDouble(s -> statistic.applyAsDouble(s.statistics())).toArray();
        }

        /** Steps a second. */
        public double stepsPerSecond() {
            return seconds > 0 ? steps.size() / seconds : Double.POSITIVE_INFINITY;
        }
    }

    private LayoutEnsemble() {
    }

    /**
     * Runs the chain.
     *
     * @param steps    steps to make, at least 1
     * @param keep     layouts to keep, 0 to {@code steps}
     * @param progress told of each step
     */
    public static Result run(City city, GridLayout from, LayoutRules rules, long seed, ReComChain.Options options,
            int steps, int keep, Consumer<ReComChain.Step> progress) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps " + steps + " must be at least 1");
        }
        if (keep < 0 || keep > steps) {
            throw new IllegalArgumentException("layouts to keep " + keep + " must be between 0 and the steps " + steps);
        }
        long t0 = System.nanoTime();
        ReComChain chain = new ReComChain(city, from, rules, seed, options);
        LayoutStatistics start = chain.statistics();
        List<ReComChain.Step> out = new ArrayList<>(steps);
        List<GridLayout> sample = new ArrayList<>();
        List<Integer> at = sampleSteps(steps, keep);
        int k = 0;
        for (int s = 1; s <= steps; s++) {
            ReComChain.Step step = chain.step();
            out.add(step);
            progress.accept(step);
            if (k < at.size() && at.get(k) == s) {
                sample.add(chain.layout(sampleName(from.name(), s)));
                k++;
            }
        }
        return new Result(start, out, sample, at, chain.uniqueLayouts(), (System.nanoTime() - t0) / 1e9);
    }

    /** The steps whose layouts are kept: layout j (1 to keep) at step ceil(j × steps / keep), the last step last. */
    public static List<Integer> sampleSteps(int steps, int keep) {
        List<Integer> at = new ArrayList<>(keep);
        for (int j = 1; j <= keep; j++) {
            at.add((int) (((long) j * steps + keep - 1) / keep));
        }
        return at;
    }

    /** The name of the layout kept at {@code step} of a chain from layout {@code from}. */
    public static String sampleName(String from, int step) {
        return String.format(Locale.ROOT, "%s-step-%d", from, step);
    }
}
