package org.gridplan.sim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.RoadNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaffingCsvTest {

    @TempDir
    Path dir;

    private static City city() {
        List<Building> b = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            b.add(new Building("B" + i, i * 100, 0, 50, 1, "S1", "C1"));
        }
        return new City("row", b, new RoadNetwork(new double[] {0}, new double[] {0}, List.of()), List.of());
    }

    private static GridLayout layout(City city) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            m.put("B" + i, i < 2 ? "G1" : "G2");
        }
        return GridLayout.fromAssignment("l", city, m);
    }

    @Test
    void duty_rows_read_out_of_hours_by_default_and_write_back_the_same() throws IOException {
        City city = city();
        Path file = dir.resolve("duty.csv");
        Files.writeString(file, "id,type,grid,base,shift\nW1,full-time,G1,B0,\nD1,duty,G2,B3,\n"
                + "D2,duty,G1,B1,\"20:00-08:00 daily\"\n");
        Staffing s = StaffingCsv.read(file, city, layout(city));
        assertThat(s.workers().get(0).duty()).isEqualTo(WorkerSpec.Duty.NONE);
        assertThat(s.workers().get(1).duty()).isEqualTo(WorkerSpec.Duty.OUT_OF_HOURS);
        assertThat(s.workers().get(2).duty()).isEqualTo(WorkerSpec.Duty.SHIFT);
        assertThat(s.workers().get(2).shift().weeklyMinutes()).isEqualTo(7 * 720);
        Path again = dir.resolve("again.csv");
        StaffingCsv.write(s, again);
        assertThat(Files.readString(again)).contains("D1,duty,G2,B3,out-of-hours");
        assertThat(StaffingCsv.read(again, city, layout(city)).workers()).isEqualTo(s.workers());
    }

    @Test
    void a_custom_shift_with_a_comma_is_written_quoted_and_reads_back_the_same() {
        City city = city();
        Staffing s = Staffing.of(List.of(
                new WorkerSpec("W1", WorkerType.FULL_TIME, "G1", "B0", ShiftPattern.WEEKDAY_DAY),
                new WorkerSpec("W2", WorkerType.FULL_TIME, "G2", "B2", ShiftPattern.parse("09:00-12:00 sat,sun")),
                new WorkerSpec("W3", WorkerType.PART_TIME, "G2", "B3", ShiftPattern.parse("17:30-22:00 mon-fri")),
                new WorkerSpec("W4", WorkerType.FULL_TIME, "G1", "B1", ShiftPattern.parse("20:00-08:00 fri,sat"))));
        Path file = dir.resolve("staff.csv");
        StaffingCsv.write(s, file);
        Staffing back = StaffingCsv.read(file, city, layout(city));
        assertThat(back.workers()).isEqualTo(s.workers());
        assertThat(back.workers().get(1).shift().weeklyMinutes()).isEqualTo(2 * 180);
    }

    @Test
    void a_shift_it_cannot_read_names_the_line_and_column() throws IOException {
        City city = city();
        Path file = Files.writeString(dir.resolve("bad.csv"), "id,type,grid,shift\nW1,full-time,G1,weekday-day\n"
                + "W2,full-time,G2,06:00-06:00 daily\n");
        assertThatThrownBy(() -> StaffingCsv.read(file, city, layout(city))).isInstanceOf(InputException.class)
                .hasMessageContaining("bad.csv").hasMessageContaining("line 3, column 'shift': shift '06:00-06:00 "
                        + "daily' starts and ends at the same time");
    }
}
