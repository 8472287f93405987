package org.gridplan.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerRole;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadClass;
import org.gridplan.sim.road.RoadNetwork;
import org.gridplan.sim.road.TravelTimes;
import org.junit.jupiter.api.Test;

/** The duty roster's central building: the unit's 1-median by road, not the building nearest its centre. */
class DutyBaseTest {

    /**
     * Five buildings 100 m apart along one road, with 30, 1, 1, 1 and 20 households: the
     * household-weighted centre is at 162 m, nearest the middle building (the community office),
     * while the road 1-median is the first building (8,600 household-metres against 10,200 at the
     * middle and 12,600 at the end).
     */
    private static City line() {
        int[] households = {30, 1, 1, 1, 20};
        double[] xs = new double[5];
        double[] ys = new double[5];
        List<Road> roads = new ArrayList<>();
        List<Building> buildings = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            xs[i] = 100 * i;
            if (i > 0) {
                roads.add(new Road(i - 1, i, 100, RoadClass.LOCAL));
            }
            buildings.add(new Building("B" + i, xs[i], 0, households[i], 2, "S1", "C1"));
        }
        return new City("line", buildings, new RoadNetwork(xs, ys, roads), List.of());
    }

    @Test
    void the_central_building_is_the_road_1_median_of_the_units_households() {
        City city = line();
        TravelTimes travel = new TravelTimes(city);
        assertThat(DutyBase.central(city, new int[] {0, 1, 2, 3, 4}, travel)).isZero();
        // Any order of the members gives the same building.
        assertThat(DutyBase.central(city, new int[] {4, 2, 0, 3, 1}, travel)).isZero();
        // Among the heavier end's buildings alone, the heavier end.
        assertThat(DutyBase.central(city, new int[] {3, 4}, travel)).isEqualTo(4);
        assertThatThrownBy(() -> DutyBase.central(city, new int[0], travel))
                .hasMessageContaining("without buildings");
    }

    @Test
    void a_duty_team_at_the_central_building_waits_there_and_at_the_office_without_travel() {
        City city = line();
        GridLayout layout = EngineFixtures.layout(city, i -> i < 3 ? "C1-G1" : "C1-G2");
        DutyRoster central = new DutyRoster(DutyRoster.Scope.COMMUNITY, 1, DutyRoster.Source.DUTY_TEAM,
                DutyRoster.Location.CENTRAL, Optional.empty());
        Staffing staffing = Staffing.oneFullTimePerGrid(city, layout, 0).withDuty(central);
        DistrictIndex district = new DistrictIndex(city, layout, true);
        int office = district.officeOf(district.allGrids());
        assertThat(office).isEqualTo(2);
        assertThat(dutyBase(new Roster(staffing, List.of(), district, new TravelTimes(city)))).isZero();
        assertThat(dutyBase(new Roster(staffing, List.of(), district, null))).isEqualTo(office);
        assertThat(dutyBase(new Roster(staffing.withDuty(new DutyRoster(DutyRoster.Scope.COMMUNITY, 1,
                DutyRoster.Source.DUTY_TEAM, DutyRoster.Location.COMMUNITY_OFFICE, Optional.empty())), List.of(),
                district, new TravelTimes(city)))).isEqualTo(office);
    }

    private static int dutyBase(Roster roster) {
        for (int w = 0; w < roster.size(); w++) {
            if (roster.def(w).role() == WorkerRole.DUTY) {
                return roster.def(w).base();
            }
        }
        throw new AssertionError("no duty worker");
    }
}
