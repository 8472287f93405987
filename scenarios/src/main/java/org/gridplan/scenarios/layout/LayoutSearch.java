package org.gridplan.scenarios.layout;

import java.util.Objects;
import java.util.function.Consumer;
import org.gridplan.optimizer.plan.LayoutForecast;
import org.gridplan.optimizer.plan.LayoutForecast.GridValue;
import org.gridplan.optimizer.plan.Plan;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.LayoutRules;

/**
 * A search for a layout the field-regime model expects to do better: ReCom proposals (two adjacent
 * grids merged and cut again along a spanning tree, every grid kept within the rules) accepted when
 * the model expects at least as many cases reached within their response limit a year, and fewer
 * response minutes when as many (so the search wanders freely where the model sees no difference,
 * and never goes downhill). Each proposal is rated on the two grids it changes; the layout found is
 * rated again as a whole at the end.
 */
public final class LayoutSearch {

    /**
     * The search's outcome.
     *
     * @param layout   the best layout found (the start when nothing better was)
     * @param start    the model's forecast of the start
     * @param best     the model's forecast of the layout found
     * @param steps    proposals rated
     * @param accepted proposals taken
     * @param improved proposals that improved the objective
     * @param seconds  wall time
     */
    public record Result(GridLayout layout, Plan.Forecast start, Plan.Forecast best, int steps, int accepted,
            int improved, double seconds) {
    }

    private LayoutSearch() {
    }

    /**
     * Searches from {@code start}.
     *
     * @param name     the name of the layout found
     * @param steps    proposals to rate, at least 1
     * @param progress told of each tenth of the search
     */
    public static Result run(City city, GridLayout start, LayoutRules rules, long seed, LayoutForecast forecast,
            int steps, String name, Consumer<String> progress) {
        Objects.requireNonNull(forecast, "forecast");
        if (steps < 1) {
            throw new IllegalArgumentException("steps " + steps + " must be at least 1");
        }
        long t0 = System.nanoTime();
        ReComChain chain = new ReComChain(city, start, rules, seed, ReComChain.Options.defaults());
        int slots = chain.gridSlots();
        double[] roads = forecast.roadMetres(chain.buildingGrids(), slots);
        GridValue[] value = new GridValue[slots];
        GridValue total = GridValue.ZERO;
        for (int g = 0; g < slots; g++) {
            value[g] = forecast.grid(chain.gridId(g), chain.members(g), chain.community(g), roads[g]);
            total = total.plus(value[g]);
        }
        int accepted = 0;
        int improved = 0;
        int every = Math.max(1, steps / 10);
        for (int s = 1; s <= steps; s++) {
            ReComChain.Proposal p = chain.propose();
            int[] assignment = chain.buildingGrids();
            for (int b : p.one()) {
                assignment[b] = p.a();
            }
            for (int b : p.two()) {
                assignment[b] = p.b();
            }
            double[] proposedRoads = forecast.roadMetres(assignment, slots);
            GridValue a = forecast.grid(chain.gridId(p.a()), p.one(), chain.community(p.a()), proposedRoads[p.a()]);
            GridValue b = forecast.grid(chain.gridId(p.b()), p.two(), chain.community(p.b()), proposedRoads[p.b()]);
            GridValue next = total.minus(value[p.a()]).minus(value[p.b()]).plus(a).plus(b);
            int cmp = compare(next, total);
            if (cmp >= 0) {
                chain.accept(p);
                value[p.a()] = a;
                value[p.b()] = b;
                total = next;
                accepted++;
                improved += cmp > 0 ? 1 : 0;
            }
            if (s % every == 0) {
                progress.accept(String.format(java.util.Locale.ROOT, "layout search: %,d of %,d proposals, %,d taken"
                        + " (%,d better); %.2f%% on time expected", s, steps, accepted, improved,
                        100 * total.forecast().onTimeShare()));
            }
        }
        GridLayout found = chain.layout(name);
        return new Result(found, forecast.of(start), forecast.of(found), steps, accepted, improved,
                (System.nanoTime() - t0) / 1e9);
    }

    /** More cases on time is better; as many (to a thousandth of a case), fewer response minutes. */
    private static int compare(GridValue x, GridValue y) {
        double d = x.onTime() - y.onTime();
        if (Math.abs(d) > 1e-3) {
            return d > 0 ? 1 : -1;
        }
        double r = y.responseMinutes() - x.responseMinutes();
        return Math.abs(r) <= 1e-6 ? 0 : r > 0 ? 1 : -1;
    }
}
