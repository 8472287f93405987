package org.gridplan.scenarios.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.gridplan.scenarios.layout.LayoutGenerator;
import org.gridplan.scenarios.spec.RunSettings;
import org.gridplan.scenarios.spec.Scenario.Optimise;
import org.gridplan.scenarios.spec.StaffingSpec;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.generate.CityGenerator;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FieldStandardStaffingTest {

    static City city;
    static GridLayout layout;

    @BeforeAll
    static void district() {
        city = new CityGenerator(CityGenerator.Spec.of(20_000, 3)).generate();
        layout = new LayoutGenerator(LayoutGenerator.Spec.of(400)).generate(city).layout();
    }

    @Test
    void defaults_equal_one_full_time_worker_per_grid_with_the_default_duty_roster() {
        Staffing plan = new FieldStandardStaffing().plan(city, layout, StaffingSpec.defaults());
        assertThat(plan).isEqualTo(Staffing.oneFullTimePerGrid(city, layout, 2).withDuty(DutyRoster.defaults()));
        // As the batch asks for it: a sweep point's settings, nothing to optimise.
        assertThat(new FieldStandardStaffing().plan(city, layout, RunSettings.defaults(StaffingSpec.defaults()),
                Optimise.NONE)).isEqualTo(plan);
    }

    @Test
    void the_plan_carries_the_requested_duty_roster() {
        DutyRoster team = new DutyRoster(DutyRoster.Scope.COMMUNITY, 2, DutyRoster.Source.DUTY_TEAM,
                DutyRoster.Location.HOME, Optional.of(ShiftPattern.parse("20:00-08:00 daily")));
        Staffing plan = new FieldStandardStaffing().plan(city, layout, StaffingSpec.defaults().withDuty(team));
        assertThat(plan.duty()).isEqualTo(team);
        assertThat(new FieldStandardStaffing().plan(city, layout, StaffingSpec.defaults().withDuty(DutyRoster.NONE))
                .duty().active()).isFalse();
    }

    @Test
    void builds_extra_full_time_workers_professionals_and_one_pool_per_community() {
        StaffingSpec spec = new StaffingSpec(2, 1, 0.5, 3, 0, ShiftPattern.ALWAYS, ShiftPattern.PART_TIME,
                ShiftPattern.WEEKDAY_DAY);
        Staffing plan = new FieldStandardStaffing().plan(city, layout, spec);
        int grids = layout.gridCount();
        int communities = (int) layout.communityOfGrid().values().stream().distinct().count();
        assertThat(plan.workers().stream().filter(w -> w.type() == WorkerType.FULL_TIME)).hasSize(2 * grids)
                .allMatch(w -> w.shift().equals(ShiftPattern.ALWAYS));
        assertThat(plan.workers().stream().filter(w -> w.type() == WorkerType.PROFESSIONAL))
                .hasSize((int) Math.round(0.5 * grids))
                .extracting(WorkerSpec::grid).doesNotHaveDuplicates();
        assertThat(plan.workers().stream().filter(w -> w.type() == WorkerType.PART_TIME)).hasSize(communities);
        assertThat(plan.pools()).hasSize(communities).allMatch(p -> p.workers() == 3);
    }
}
