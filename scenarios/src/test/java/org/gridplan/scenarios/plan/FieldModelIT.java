package org.gridplan.scenarios.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridplan.optimizer.mapping.FieldDistrict;
import org.gridplan.optimizer.response.FieldResponseModel.Outcome;
import org.gridplan.scenarios.layout.LayoutGenerator;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.engine.DispatchPolicy;
import org.gridplan.sim.engine.FieldModel;
import org.gridplan.sim.engine.GridSimulation;
import org.gridplan.sim.engine.LimitKpis;
import org.gridplan.sim.engine.PatrolConfig;
import org.gridplan.sim.engine.RunResult;
import org.gridplan.sim.engine.SimulationConfig;
import org.gridplan.sim.engine.TravelModel;
import org.gridplan.sim.generate.CityGenerator;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.TravelMode;
import org.gridplan.sim.road.TravelTimes;
import org.junit.jupiter.api.Test;

/**
 * The field-regime response model ({@link FieldDistrict}) against the simulator with every field
 * default on (weekday day shift, triage, routine work, household visits, the community duty roster,
 * linkage): the quickstart city (40,000 households, seed 1) and the two cities of
 * {@link AnalyticModelIT} (20,000 households, seeds 3 and 7), each in layouts of ~480, ~400 and
 * ~300 households a grid, staffed by one full-time worker per grid and two part-time workers per
 * community, and — for the quickstart city — also with a professional (no routine work) in every
 * fifth grid, or on a staggered shift (09:00–16:30 Monday to Saturday) in every second grid. The
 * predicted mean response must be within 10% of the simulated mean over {@link #REPLICATIONS}
 * one-year runs, and the predicted on-time response shares (all cases, and urgent cases) within 3
 * percentage points of the simulated ones.
 */
class FieldModelIT {

    private static final int REPLICATIONS = 4;
    private static final SimulationConfig FIELD = SimulationConfig.builder()
            .travel(TravelModel.road(TravelMode.EBIKE)).build();

    @Test
    void predicted_field_kpis_are_within_10_percent_and_3_points_of_the_simulated_ones() {
        List<String> failures = new ArrayList<>();
        System.out.println("city, layout, staffing: mean response predicted | simulated (min); on time predicted"
                + " | simulated; urgent on time predicted | simulated");
        for (long citySeed : new long[] {1, 3, 7}) {
            City generated = new CityGenerator(CityGenerator.Spec.of(citySeed == 1 ? 40_000 : 20_000, citySeed))
                    .generate();
            for (int target : new int[] {480, 400, 300}) {
                LayoutGenerator.Result r = new LayoutGenerator(LayoutGenerator.Spec.of(target)).generate(generated);
                City city = r.city();
                GridLayout layout = r.layout();
                TravelTimes travel = new TravelTimes(city);
                Staffing standard = Staffing.oneFullTimePerGrid(city, layout, 2).withDuty(DutyRoster.defaults());
                List<Staffing> plans = new ArrayList<>(List.of(standard));
                if (citySeed == 1) {
                    plans.add(withProfessionals(city, layout, standard));
                    // Staggered shifts: a professional in every second grid, on six shorter days.
                    plans.add(withProfessionals(city, layout, standard, 2, ShiftPattern.parse("09:00-16:30 mon-sat")));
                    plans.add(standard.withDuty(DutyRoster.NONE));
                    plans.add(standard.withDuty(new DutyRoster(DutyRoster.Scope.COMMUNITY, 1,
                            DutyRoster.Source.DUTY_TEAM, DutyRoster.Location.CENTRAL, java.util.Optional.empty())));
                }
                for (Staffing staffing : plans) {
                    check(city, layout, travel, staffing, FIELD, citySeed, failures);
                }
                if (citySeed == 1 && target == 400) {
                    // The degenerate case: always on shift, no field delays or routine work, no patrol,
                    // each grid served by its own workers: the M/M/c model plus travel.
                    Staffing always = Staffing.of(standard.workers().stream()
                            .filter(w -> w.type() == WorkerType.FULL_TIME)
                            .map(w -> w.withShift(ShiftPattern.ALWAYS)).toList());
                    check(city, layout, travel, always, FIELD.toBuilder().field(FieldModel.off())
                            .patrol(PatrolConfig.off()).dispatch(DispatchPolicy.queueOnly()).build(), citySeed,
                                    failures);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static void check(City city, GridLayout layout, TravelTimes travel, Staffing staffing,
            SimulationConfig config, long citySeed, List<String> failures) {
        FieldDistrict district = FieldDistrict.of(city, layout, staffing, travel, config, 1);
        Outcome predicted = district.predict();
        double pMean = predicted.meanResponse();
        double pOnTime = predicted.onTimeShare();
        double pUrgent = predicted.onTimeShare(district.model().urgent());
        double sMean = 0;
        double sOnTime = 0;
        double sUrgent = 0;
        for (int k = 0; k < REPLICATIONS; k++) {
            RunResult run = new GridSimulation(city, layout, staffing, config.withSeed(11 + k), travel).runToEnd();
            LimitKpis limits = run.district().limits();
            sMean += run.district().response().mean() / REPLICATIONS;
            sOnTime += limits.onTimeResponseShare() / REPLICATIONS;
            sUrgent += limits.urgentOnTimeResponseShare() / REPLICATIONS;
        }
        long pros = staffing.workers().stream().filter(w -> w.type() == WorkerType.PROFESSIONAL).count();
        boolean bare = !config.field().routine().admin().enabled();
        String label = String.format(Locale.ROOT, "%d, %s, %s", citySeed, layout.name(), bare
                ? "always on shift; no triage, routine work, patrol or fallbacks"
                : (pros == 0 ? "standard" : "+" + pros + " professionals" + (staffing.workers().stream()
                        .anyMatch(w -> w.type() == WorkerType.PROFESSIONAL
                                && !w.shift().equals(ShiftPattern.WEEKDAY_DAY)) ? " on 09:00-16:30 mon-sat" : ""))
                        + (!staffing.duty().active() ? ", no duty" : staffing.duty().location()
                                == DutyRoster.Location.CENTRAL ? ", duty team at the central building" : ""));
        System.out.printf(Locale.ROOT, "%s: %.1f | %.1f (%+.1f%%); %.2f%% | %.2f%%; %.2f%% | %.2f%%%n", label, pMean,
                sMean, 100 * (pMean / sMean - 1), 100 * pOnTime, 100 * sOnTime, 100 * pUrgent, 100 * sUrgent);
        if (Math.abs(pMean / sMean - 1) > 0.10) {
            failures.add(label + ": mean response " + pMean + " predicted, " + sMean + " simulated");
        }
        if (Math.abs(pOnTime - sOnTime) > 0.03) {
            failures.add(label + ": on-time response " + pOnTime + " predicted, " + sOnTime + " simulated");
        }
        if (Math.abs(pUrgent - sUrgent) > 0.03) {
            failures.add(label + ": urgent on-time response " + pUrgent + " predicted, " + sUrgent + " simulated");
        }
    }

    /** The standard plan and a professional at the base of every fifth grid (in grid order). */
    static Staffing withProfessionals(City city, GridLayout layout, Staffing standard) {
        return withProfessionals(city, layout, standard, 5, ShiftPattern.WEEKDAY_DAY);
    }

    /** The standard plan and a professional on {@code shift} at the base of every {@code every}-th grid. */
    static Staffing withProfessionals(City city, GridLayout layout, Staffing standard, int every,
            ShiftPattern shift) {
        List<WorkerSpec> workers = new ArrayList<>(standard.workers());
        Map<String, String> bases = Staffing.baseBuildings(city, layout);
        int k = 0;
        for (Map.Entry<String, String> e : bases.entrySet()) {
            if (k++ % every == 0) {
                workers.add(new WorkerSpec("PRO-" + e.getKey(), WorkerType.PROFESSIONAL, e.getKey(), e.getValue(),
                        shift));
            }
        }
        return new Staffing(workers, standard.pools(), standard.duty());
    }
}
