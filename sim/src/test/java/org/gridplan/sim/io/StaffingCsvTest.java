package org.gridplan.sim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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

    /** A city of four buildings in two grids with Chinese names, as a street office names them. */
    private static City chineseCity() {
        List<Building> b = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            b.add(new Building("楼" + i, i * 100, 0, 50, 1, "东湖街道", "东湖社区"));
        }
        return new City("东湖", b, new RoadNetwork(new double[] {0}, new double[] {0}, List.of()), List.of());
    }

    private static GridLayout chineseLayout(City city) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            m.put("楼" + i, i < 2 ? "东湖社区第一网格" : "东湖社区第二网格");
        }
        return GridLayout.fromAssignment("东湖", city, m);
    }

    private static final String CHINESE_CSV = "id,type,grid,base,shift\r\n王芳,full-time,东湖社区第一网格,楼1,\r\n"
            + "李强,part-time,东湖社区第二网格,,\"09:00-12:00 sat,sun\"\r\n";

    private void assertChineseWorkers(Staffing s) {
        assertThat(s.workers()).extracting(WorkerSpec::id).containsExactly("王芳", "李强");
        assertThat(s.workers()).extracting(WorkerSpec::grid).containsExactly("东湖社区第一网格", "东湖社区第二网格");
        assertThat(s.workers().get(0).baseBuilding()).isEqualTo("楼1");
        assertThat(s.workers().get(1).type()).isEqualTo(WorkerType.PART_TIME);
        assertThat(s.workers().get(1).shift().weeklyMinutes()).isEqualTo(2 * 180);
    }

    @Test
    void utf8_with_a_byte_order_mark_and_crlf_line_ends_reads_as_excel_saves_csv_utf8() throws IOException {
        City city = chineseCity();
        byte[] text = CHINESE_CSV.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        Path file = Files.write(dir.resolve("bom.csv"), bytes);
        assertChineseWorkers(StaffingCsv.read(file, city, chineseLayout(city)));
    }

    @Test
    void gbk_as_excel_saves_csv_on_chinese_windows_reads_the_chinese_names() throws IOException {
        City city = chineseCity();
        byte[] bytes = CHINESE_CSV.getBytes(Charset.forName("GBK"));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("王芳");
        Path file = Files.write(dir.resolve("gbk.csv"), bytes);
        assertChineseWorkers(StaffingCsv.read(file, city, chineseLayout(city)));
    }

    @Test
    void an_error_in_a_gbk_file_names_the_line_and_the_chinese_value() throws IOException {
        City city = chineseCity();
        Path file = Files.write(dir.resolve("gbk-bad.csv"), ("id,type,grid\r\n王芳,full-time,东湖社区第一网格\r\n"
                + "李强,full-time,西湖社区网格\r\n").getBytes(Charset.forName("GBK")));
        assertThatThrownBy(() -> StaffingCsv.read(file, city, chineseLayout(city))).isInstanceOf(InputException.class)
                .hasMessageContaining("gbk-bad.csv: line 3, column 'grid': worker 李强 is assigned to grid 西湖社区网格");
    }

    @Test
    void bytes_of_no_encoding_it_reads_are_refused_naming_the_file_and_saying_to_save_as_csv_utf8()
            throws IOException {
        City city = city();
        byte[] bytes = "id,type,grid\nW1,full-time,G1\nW2,full-time,G2\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = java.util.Arrays.copyOf(bytes, bytes.length + 2);
        bad[bytes.length] = (byte) 0xFF;
        bad[bytes.length + 1] = (byte) 0xFF;
        Path file = Files.write(dir.resolve("broken.csv"), bad);
        assertThatThrownBy(() -> StaffingCsv.read(file, city, layout(city))).isInstanceOf(InputException.class)
                .hasMessageStartingWith("broken.csv: ").hasMessageContaining("byte 0xFF on line 4")
                .hasMessageContaining("save it as \"CSV UTF-8\"");
    }

    @Test
    void utf16_is_refused_rather_than_read_as_nonsense() throws IOException {
        City city = city();
        Path file = Files.write(dir.resolve("utf16.csv"), "id,type,grid\nW1,full-time,G1\n"
                .getBytes(StandardCharsets.UTF_16LE));
        assertThatThrownBy(() -> StaffingCsv.read(file, city, layout(city))).isInstanceOf(InputException.class)
                .hasMessageStartingWith("utf16.csv: line 1: the text holds the control character U+0000")
                .hasMessageContaining("save it as \"CSV UTF-8\"");
    }

    @Test
    void a_byte_order_mark_before_invalid_utf8_is_refused_not_read_as_gbk() throws IOException {
        byte[] gbk = "id,type,grid\n王芳,full-time,G1\n".getBytes(Charset.forName("GBK"));
        byte[] bytes = new byte[gbk.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(gbk, 0, bytes, 3, gbk.length);
        Path file = Files.write(dir.resolve("mixed.csv"), bytes);
        assertThatThrownBy(() -> UserText.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("mixed.csv: cannot read the text: it starts as UTF-8 but is not valid UTF-8")
                .hasMessageContaining("line 2");
    }
}
