package org.gridplan.sim.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.RoadNetwork;
import org.junit.jupiter.api.Test;

class StaffingTest {

    private static City city() {
        List<Building> b = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            b.add(new Building("B" + i, i * 100, 0, i == 1 ? 300 : 50, 1, "S1", i < 4 ? "C1" : "C2"));
        }
        return new City("row", b, new RoadNetwork(new double[] {0}, new double[] {0}, List.of()), List.of());
    }

    @Test
    void one_full_time_worker_per_grid_based_near_the_household_centroid_plus_part_time_per_community() {
        City city = city();
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            m.put("B" + i, i < 2 ? "G1" : i < 4 ? "G2" : "G3");
        }
        GridLayout layout = GridLayout.fromAssignment("l", city, m);

        Staffing s = Staffing.oneFullTimePerGrid(city, layout, 3);

        assertThat(s.workers().stream().filter(w -> w.type() == WorkerType.FULL_TIME)).hasSize(3);
        assertThat(s.workers().stream().filter(w -> w.type() == WorkerType.PART_TIME)).hasSize(6);
        // G1's centroid is pulled to B1 (300 of 350 households).
        assertThat(s.workers().get(0).baseBuilding()).isEqualTo("B1");
        assertThat(s.workers().stream().filter(w -> w.id().startsWith("PT-C1")).map(WorkerSpec::grid))
                .containsExactly("G1", "G2", "G1");
        assertThat(s.workers().get(0).shift()).isEqualTo(ShiftPattern.WEEKDAY_DAY);
    }

    @Test
    void rejects_duplicate_worker_ids() {
        WorkerSpec w = new WorkerSpec("W", WorkerType.FULL_TIME, "G1", "B0", ShiftPattern.ALWAYS);
        assertThatThrownBy(() -> Staffing.of(List.of(w, w))).hasMessageContaining("duplicate worker id W");
    }
}
