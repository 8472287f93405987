package org.gridplan.scenarios.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
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

/**
 * A layout's given workers (its staffing file) through the staffing planners: the workers stay
 * exactly as given, the request's pools and duty roster are added, its worker counts do not apply.
 */
class GivenStaffingTest {

    static City city;
    static GridLayout layout;
    static Staffing given;

    /** Two full-time workers per grid, one planner-made roster and pools for the rest of the request. */
    static final StaffingSpec SPEC = new StaffingSpec(2, 3, 0.5, 2, 0, ShiftPattern.ALWAYS, ShiftPattern.PART_TIME,
            ShiftPattern.WEEKDAY_DAY).withDuty(new DutyRoster(DutyRoster.Scope.COMMUNITY, 2,
                    DutyRoster.Source.DUTY_TEAM, DutyRoster.Location.HOME, Optional.empty()));
    static final RunSettings SETTINGS = RunSettings.defaults(SPEC);

    @BeforeAll
    static void district() {
        city = new CityGenerator(CityGenerator.Spec.of(20_000, 3)).generate();
        layout = new LayoutGenerator(LayoutGenerator.Spec.of(400)).generate(city).layout();
        List<WorkerSpec> workers = new ArrayList<>();
        for (var e : Staffing.baseBuildings(city, layout).entrySet()) {
            workers.add(new WorkerSpec("W-" + e.getKey(), WorkerType.FULL_TIME, e.getKey(), e.getValue(),
                    ShiftPattern.WEEKDAY_DAY));
        }
        given = Staffing.of(workers);
    }

    @Test
    void the_field_standard_keeps_the_given_workers_and_adds_its_pools_and_the_duty_roster() {
        FieldStandardStaffing field = new FieldStandardStaffing();
        Staffing plan = field.plan(city, layout, given, SETTINGS, Optimise.NONE);
        assertThat(plan.workers()).isEqualTo(given.workers());
        assertThat(plan.pools()).isNotEmpty().isEqualTo(field.plan(city, layout, SETTINGS, Optimise.NONE).pools());
        assertThat(plan.duty()).isEqualTo(SPEC.duty());
    }

    @Test
    void the_optimising_planner_keeps_the_given_workers_and_refuses_to_reassign_them() {
        OptimisingStaffingPlanner planner = new OptimisingStaffingPlanner();
        assertThat(planner.plan(city, layout, given, SETTINGS, Optimise.NONE))
                .isEqualTo(new FieldStandardStaffing().plan(city, layout, given, SETTINGS, Optimise.NONE));
        assertThatThrownBy(() -> planner.plan(city, layout, given, SETTINGS, new Optimise(false, true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("optimise.workers")
                .hasMessageContaining("staffing file");
    }

    @Test
    void with_branch_siting_the_given_workers_get_the_pools_at_the_sited_branches() {
        OptimisingStaffingPlanner planner = new OptimisingStaffingPlanner();
        Optimise branches = new Optimise(true, false);
        Staffing plan = planner.plan(city, layout, given, SETTINGS, branches);
        assertThat(plan.workers()).isEqualTo(given.workers());
        assertThat(plan.pools()).isNotEmpty().isEqualTo(planner.plan(city, layout, SETTINGS, branches).pools());
        List<String> open = planner.openBranches(city, layout, SETTINGS, branches);
        assertThat(plan.pools()).allMatch(p -> open.contains(p.id().substring("BP-".length())));
        assertThat(plan.duty()).isEqualTo(SPEC.duty());
    }
}
