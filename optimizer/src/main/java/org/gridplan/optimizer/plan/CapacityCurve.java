package org.gridplan.optimizer.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.gridplan.optimizer.mapping.FieldDistrict;
import org.gridplan.optimizer.response.FieldResponseModel;
import org.gridplan.optimizer.response.FieldResponseModel.Crew;
import org.gridplan.optimizer.response.FieldResponseModel.Grid;
import org.gridplan.optimizer.response.FieldResponseModel.Outcome;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.engine.SimulationConfig;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.TravelTimes;

/**
 * The staffing-versus-KPI curve of the field-regime model: professionals (workers without routine
 * work) added to a plan one at a time, each to the grid where the model expects the most extra
 * cases on time (response minutes saved break ties), and the district's forecast after each.
 *
 * <p>Greedy on the model's marginal gains: grid outcomes are additive, so each step re-rates only
 * the grid that changed. It is the model-guided half of capacity planning; the simulation confirms
 * the points it proposes.
 */
public final class CapacityCurve {

    /**
     * One point of the curve.
     *
     * @param professionals professionals added
     * @param grids         the grids they serve, in the order they were added (a grid twice when it
     *                      has two)
     * @param forecast      the model's forecast of the district's runs with them
     */
    public record Step(int professionals, List<String> grids, Plan.Forecast forecast) {

        /** Copies. */
        public Step {
            grids = List.copyOf(grids);
            Objects.requireNonNull(forecast, "forecast");
        }
    }

    private CapacityCurve() {
    }

    /**
     * The curve from 0 to {@code maxProfessionals} professionals added to {@code plan}.
     *
     * @param plan             the plan to add to, with its duty roster
     * @param settings         the runs' settings (field model, patrol, demand)
     * @param seed             seed of the model's routine-day samples
     * @param maxProfessionals the most to add, 0 or more
     * @return {@code maxProfessionals + 1} steps, from none added
     */
    public static List<Step> of(City city, GridLayout layout, Staffing plan, TravelTimes travel,
            SimulationConfig settings, long seed, int maxProfessionals) {
        if (maxProfessionals < 0) {
            throw new IllegalArgumentException("capacity curve: maxProfessionals " + maxProfessionals
                    + " must be 0 or more");
        }
        FieldDistrict d = FieldDistrict.of(city, layout, plan, travel, settings, seed);
        FieldResponseModel model = d.model();
        int n = d.grids().size();
        Outcome[][] byCount = new Outcome[n][];
        int[] added = new int[n];
        Outcome total = Outcome.empty(model.categories().size());
        for (int g = 0; g < n; g++) {
            byCount[g] = new Outcome[] {model.grid(d.grids().get(g), d.crews().get(g)), null};
            total = total.plus(byCount[g][0]);
        }
        boolean[] urgent = model.urgent();
        List<Step> curve = new ArrayList<>();
        List<String> grids = new ArrayList<>();
        curve.add(step(0, grids, total, urgent));
        for (int k = 1; k <= maxProfessionals && n > 0; k++) {
            int bestGrid = -1;
            double bestGain = Double.NEGATIVE_INFINITY;
            for (int g = 0; g < n; g++) {
                Outcome next = next(model, d.grids().get(g), d.crews().get(g), byCount, added, g);
                Outcome now = byCount[g][added[g]];
                // Cases on time gained; response minutes saved break ties (in cases' worth).
                double gain = sum(next.onTime()) - sum(now.onTime())
                        + 1e-6 * (now.totalResponseMinutes() - next.totalResponseMinutes());
                if (gain > bestGain) {
                    bestGain = gain;
                    bestGrid = g;
                }
            }
            Outcome next = next(model, d.grids().get(bestGrid), d.crews().get(bestGrid), byCount, added, bestGrid);
            total = total.plus(negate(byCount[bestGrid][added[bestGrid]])).plus(next);
            added[bestGrid]++;
            grids.add(d.grids().get(bestGrid).id());
            curve.add(step(k, grids, total, urgent));
        }
        return curve;
    }

    private static Step step(int k, List<String> grids, Outcome total, boolean[] urgent) {
        return new Step(k, grids, new Plan.Forecast(sum(total.known()), total.meanResponse(), total.onTimeShare(),
                total.onTimeShare(urgent)));
    }

    private static Outcome next(FieldResponseModel model, Grid grid, Crew crew, Outcome[][] byCount, int[] added,
            int g) {
        int o = added[g] + 1;
        if (byCount[g].length <= o) {
            byCount[g] = Arrays.copyOf(byCount[g], o + 1);
        }
        if (byCount[g][o] == null) {
            byCount[g][o] = model.grid(grid, new Crew(crew.routineWorkers(), crew.otherWorkers() + o, crew.shift(),
                    crew.otherShift()));
        }
        return byCount[g][o];
    }

    private static Outcome negate(Outcome o) {
        double[][] a = {o.known().clone(), o.responseMinutes().clone(), o.judged().clone(), o.onTime().clone()};
        for (double[] v : a) {
            for (int i = 0; i < v.length; i++) {
                v[i] = -v[i];
            }
        }
        return new Outcome(a[0], a[1], a[2], a[3]);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
