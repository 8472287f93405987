package org.gridplan.optimizer.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gridplan.optimizer.response.FieldResponseModel.Crew;
import org.gridplan.optimizer.response.FieldResponseModel.Grid;
import org.gridplan.optimizer.response.FieldResponseModel.Outcome;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.demand.DiscoveryMode;
import org.gridplan.sim.demand.EscalationLevel;
import org.gridplan.sim.demand.IncidentCategory;
import org.gridplan.sim.demand.TimeDistribution;
import org.gridplan.sim.demand.TimeLimit;
import org.gridplan.sim.demand.TimeProfile;
import org.gridplan.sim.engine.FieldModel;
import org.gridplan.sim.engine.PatrolConfig;
import org.gridplan.sim.engine.Queueing;
import org.gridplan.sim.engine.RoutineConfig;
import org.gridplan.sim.engine.SimulationConfig;
import org.junit.jupiter.api.Test;

class FieldResponseModelTest {

    private static final long[] BUILDINGS = {40, 40, 40, 40, 40, 40, 40, 40, 40, 40};

    private static Grid grid(double travel) {
        return new Grid("G", BUILDINGS, 3000, travel, Double.NaN, null, null);
    }

    private static IncidentCategory flat(String name, TimeLimit limit) {
        return new IncidentCategory(name, 0.2, TimeProfile.flat(), DiscoveryMode.RESIDENT_REPORT,
                TimeDistribution.deterministic(0), TimeDistribution.exponential(30), 1.0, EscalationLevel.COMMUNITY)
                .withLimits(limit, TimeLimit.NONE);
    }

    @Test
    void always_on_shift_without_field_delays_is_travel_plus_the_erlang_c_wait() {
        SimulationConfig config = SimulationConfig.builder().demand(DemandCatalog.of(flat("a", TimeLimit.NONE)))
                .field(FieldModel.off()).patrol(PatrolConfig.off()).build();
        Outcome o = new FieldResponseModel(config, 1).grid(grid(2), new Crew(1, 0, ShiftPattern.ALWAYS));
        double lambda = 400 * 0.2 / DemandCatalog.YEAR_MINUTES;
        double wait = Queueing.mmcMeanWaitOrInfinity(lambda, 1 / 32.0, 1);
        assertThat(o.meanResponse()).isCloseTo(2 + wait, within(1e-9));
        assertThat(o.known()[0]).isCloseTo(80, within(1e-9));
    }

    @Test
    void a_case_reported_out_of_hours_waits_for_the_next_shift() {
        // A flat profile and the weekday day shift: 123 of the 168 hours are outside it; a report at a
        // uniform time outside waits on average half of each off-shift gap, weighted by the gap.
        SimulationConfig config = SimulationConfig.builder().demand(DemandCatalog.of(flat("a", TimeLimit.NONE)))
                .field(FieldModel.off()).patrol(PatrolConfig.off()).build();
        Outcome o = new FieldResponseModel(config, 1).grid(grid(0), new Crew(1, 0, ShiftPattern.WEEKDAY_DAY));
        double night = 15 * 60;
        double weekend = 63 * 60;
        double expected = (4 * night * night / 2 + weekend * weekend / 2) / (7 * 1440.0);
        // The backlog at shift start adds a little: a few minutes a case at 80 cases a year.
        assertThat(o.meanResponse()).isBetween(expected, expected + 5);
    }

    @Test
    void a_professional_on_the_same_hours_under_another_name_is_the_same_crew() {
        SimulationConfig config = SimulationConfig.builder()
                .demand(DemandCatalog.of(flat("a", TimeLimit.workingHours(1)))).build();
        FieldResponseModel model = new FieldResponseModel(config, 1);
        Outcome same = model.grid(grid(2), new Crew(1, 1, ShiftPattern.WEEKDAY_DAY));
        Crew renamed = new Crew(1, 1, ShiftPattern.WEEKDAY_DAY, ShiftPattern.parse("08:30-17:30 mon-fri"));
        assertThat(renamed.staggered()).isTrue();
        Outcome other = model.grid(grid(2), renamed);
        assertThat(other.meanResponse()).isCloseTo(same.meanResponse(), within(1e-9));
        assertThat(other.onTimeShare()).isCloseTo(same.onTimeShare(), within(1e-12));
    }

    @Test
    void a_professional_always_on_shift_answers_every_routine_case_at_once() {
        SimulationConfig config = SimulationConfig.builder().demand(DemandCatalog.of(flat("a", TimeLimit.NONE)))
                .field(FieldModel.off()).patrol(PatrolConfig.off()).build();
        Outcome o = new FieldResponseModel(config, 1).grid(grid(2),
                new Crew(1, 1, ShiftPattern.WEEKDAY_DAY, ShiftPattern.ALWAYS));
        double lambda = 400 * 0.2 / DemandCatalog.YEAR_MINUTES;
        double wait = Queueing.mmcMeanWaitOrInfinity(lambda, 1 / 32.0, 2);
        assertThat(o.meanResponse()).isCloseTo(2 + wait, within(1e-9));
    }

    @Test
    void a_professional_on_saturdays_shortens_the_weekend_gap() {
        // The weekday day shift and a professional 09:00-16:30 Monday to Saturday: the crew's cover has
        // gaps of 15 h (four nights), 15.5 h (Friday night) and 40 h (Saturday 16:30 to Monday 08:30).
        SimulationConfig config = SimulationConfig.builder().demand(DemandCatalog.of(flat("a", TimeLimit.NONE)))
                .field(FieldModel.off()).patrol(PatrolConfig.off()).build();
        Outcome o = new FieldResponseModel(config, 1).grid(grid(0),
                new Crew(1, 1, ShiftPattern.WEEKDAY_DAY, ShiftPattern.parse("09:00-16:30 mon-sat")));
        double expected = (4 * 900.0 * 900 / 2 + 930.0 * 930 / 2 + 2400.0 * 2400 / 2) / (7 * 1440.0);
        assertThat(o.meanResponse()).isBetween(expected, expected + 5);
    }

    @Test
    void a_professional_whose_shift_starts_first_takes_the_case_a_busy_routine_worker_would_finish_later() {
        // The full-time worker spends 08:30-13:30 on admin every weekday (25 h a week in one block) and
        // nothing else; a professional works 12:30-21:30. A case known at 10:00 waits for the
        // professional at 12:30, not for the admin to end at 13:30: 120 min on average over
        // 08:30-12:30, nothing while the professional is on, the gaps to 08:30 otherwise.
        RoutineConfig adminOnly = RoutineConfig.off().withAdmin(new RoutineConfig.Admin(true, 25, 300));
        SimulationConfig config = SimulationConfig.builder().demand(DemandCatalog.of(flat("a", TimeLimit.NONE)))
                .field(FieldModel.off().withRoutine(adminOnly).withRoutineBackup(false)).patrol(PatrolConfig.off())
                .build();
        Outcome o = new FieldResponseModel(config, 1).grid(grid(0),
                new Crew(1, 1, ShiftPattern.WEEKDAY_DAY, ShiftPattern.parse("12:30-21:30 mon-fri")));
        double expected = (5 * 240.0 * 120 + 4 * 660.0 * 660 / 2 + 3540.0 * 3540 / 2) / (7 * 1440.0);
        // Waiting for the admin to end instead would add 5 x 240 x 60 / 10,080 = 7.1 min.
        assertThat(o.meanResponse()).isBetween(expected, expected + 3);
    }

    @Test
    void a_professional_cuts_the_wait_for_a_busy_routine_worker_and_a_second_worker_helps_too() {
        SimulationConfig config = SimulationConfig.builder()
                .demand(DemandCatalog.of(flat("a", TimeLimit.workingHours(1)))).build();
        FieldResponseModel model = new FieldResponseModel(config, 1);
        Outcome one = model.grid(grid(2), new Crew(1, 0, ShiftPattern.WEEKDAY_DAY));
        Outcome pro = model.grid(grid(2), new Crew(1, 1, ShiftPattern.WEEKDAY_DAY));
        Outcome two = model.grid(grid(2), new Crew(2, 0, ShiftPattern.WEEKDAY_DAY));
        assertThat(pro.meanResponse()).isLessThan(one.meanResponse());
        assertThat(two.meanResponse()).isLessThan(one.meanResponse());
        assertThat(pro.onTimeShare()).isGreaterThan(one.onTimeShare());
        assertThat(two.onTimeShare()).isGreaterThan(one.onTimeShare());
    }

    @Test
    void a_category_patrol_finds_is_found_with_the_exponential_race_probability_and_reached_at_once() {
        IncidentCategory reported = flat("f", TimeLimit.workingHours(2));
        IncidentCategory found = reported.withPatrolDiscovery(TimeDistribution.exponential(7 * 1440.0));
        Crew crew = new Crew(1, 0, ShiftPattern.WEEKDAY_DAY);
        Outcome asReported = new FieldResponseModel(SimulationConfig.builder().demand(DemandCatalog.of(reported))
                .build(), 1).grid(grid(2), crew);
        Outcome withPatrol = new FieldResponseModel(SimulationConfig.builder().demand(DemandCatalog.of(found))
                .build(), 1).grid(grid(2), crew);
        // 3 km of road at 25 m/min in 30-minute legs: 4 legs a working day, each ending at one of the
        // 10 buildings; visit jobs: 400 households in 90 days, 6.2 a working day, so batches of up
        // to 7; passes a calendar minute, and the race against a 7-day latent period.
        double legs = 3000.0 / 25 / 30 / 10;
        double visits = Math.ceil(40 / 7.0) / (90 * 5 / 7.0);
        double rho = (legs + visits) * 5 / 7.0 / 1440;
        double p = rho * 7 * 1440 / (1 + rho * 7 * 1440);
        // A found case is reached at once; the others (reported late, spread over the week) wait as
        // reported ones, behind a shift-start backlog smaller by the found ones (under 1%).
        assertThat(withPatrol.responseMinutes()[0]).isCloseTo((1 - p) * asReported.responseMinutes()[0],
                within(0.01 * asReported.responseMinutes()[0]));
        assertThat(withPatrol.responseMinutes()[0]).isLessThan((1 - p) * asReported.responseMinutes()[0]);
        assertThat(withPatrol.onTimeShare()).isGreaterThan(asReported.onTimeShare());
    }
}
