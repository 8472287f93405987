package org.gridplan.sim.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ShiftPatternTest {

    @Test
    void weekday_day_shift_runs_0830_to_1730_monday_to_friday() {
        ShiftPattern s = ShiftPattern.WEEKDAY_DAY;
        assertThat(s.onDuty(8 * 60 + 29)).isFalse();
        assertThat(s.onDuty(8 * 60 + 30)).isTrue();
        assertThat(s.onDuty(17 * 60 + 30)).isFalse();
        assertThat(s.nextChange(0)).isEqualTo(510);
        assertThat(s.nextChange(510)).isEqualTo(1050);
        // Friday 17:30 → Monday 08:30.
        double fridayEnd = 4 * 1440 + 1050;
        assertThat(s.nextChange(fridayEnd)).isEqualTo(7 * 1440 + 510);
        assertThat(s.onDuty(5 * 1440 + 600)).isFalse();
        assertThat(s.weeklyMinutes()).isEqualTo(5 * 540);
    }

    @Test
    void always_never_changes() {
        assertThat(ShiftPattern.ALWAYS.isAlways()).isTrue();
        assertThat(ShiftPattern.ALWAYS.onDuty(123456.7)).isTrue();
        assertThat(ShiftPattern.ALWAYS.nextChange(5)).isInfinite();
    }

    @Test
    void rejects_a_shift_ending_when_it_starts() {
        assertThatThrownBy(() -> new ShiftPattern("none", 300, 300, EnumSet.of(DayOfWeek.MONDAY)))
                .hasMessageContaining("endMinute");
    }

    @Test
    void a_night_shift_runs_past_midnight_from_the_days_it_starts_on() {
        // 20:00-06:00 starting Monday to Friday: Monday 20:00 to Tuesday 06:00, ..., Friday 20:00 to Saturday 06:00.
        ShiftPattern night = new ShiftPattern("night", 1200, 360, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertThat(night.overnight()).isTrue();
        assertThat(night.onDuty(300)).as("Monday 05:00: Sunday started no shift").isFalse();
        assertThat(night.onDuty(1199)).isFalse();
        assertThat(night.onDuty(1200)).isTrue();
        assertThat(night.onDuty(1440 + 359)).as("Tuesday 05:59").isTrue();
        assertThat(night.onDuty(1440 + 360)).isFalse();
        assertThat(night.onDuty(5 * 1440 + 300)).as("Saturday 05:00, from Friday").isTrue();
        assertThat(night.onDuty(5 * 1440 + 1300)).as("Saturday 21:40").isFalse();
        assertThat(night.onDuty(6 * 1440 + 100)).as("Sunday 01:40").isFalse();
        assertThat(night.nextChange(0)).isEqualTo(1200);
        assertThat(night.nextChange(1200)).isEqualTo(1440 + 360);
        assertThat(night.nextChange(1440 + 100)).isEqualTo(1440 + 360);
        assertThat(night.nextChange(1440 + 360)).isEqualTo(1440 + 1200);
        // Saturday 06:00 → the next Monday 20:00.
        assertThat(night.nextChange(5 * 1440 + 360)).isEqualTo(7 * 1440 + 1200);
        assertThat(night.weeklyMinutes()).isEqualTo(5 * 600);
        // Walking the changes from the start gives exactly the duty minutes of four weeks.
        double t = 0;
        double on = 0;
        while (t < 28 * 1440) {
            double next = Math.min(night.nextChange(t), 28 * 1440);
            if (night.onDuty(t)) {
                on += next - t;
            }
            t = next;
        }
        assertThat(on).isEqualTo(4.0 * night.weeklyMinutes());
    }

    @Test
    void parses_named_shifts_and_windows_on_days() {
        assertThat(ShiftPattern.parse("Weekday-Day")).isSameAs(ShiftPattern.WEEKDAY_DAY);
        assertThat(ShiftPattern.parse("always")).isSameAs(ShiftPattern.ALWAYS);
        ShiftPattern evening = ShiftPattern.parse("08:00-20:00  Mon-Sun");
        assertThat(evening).isEqualTo(new ShiftPattern("08:00-20:00 mon-sun", 480, 1200,
                EnumSet.allOf(DayOfWeek.class)));
        assertThat(ShiftPattern.parse(evening.name())).isEqualTo(evening);
        // Day 5 is a Saturday; a weekend window on a list, a wrapping range, and daily.
        ShiftPattern weekend = ShiftPattern.parse("09:00-12:00 sat,sun");
        assertThat(weekend.days()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(weekend.onDuty(5 * 1440 + 600)).isTrue();
        assertThat(weekend.onDuty(4 * 1440 + 600)).isFalse();
        assertThat(ShiftPattern.parse("09:00-12:00 sat-mon").days()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY,
                DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
        assertThat(ShiftPattern.parse("00:00-24:00 daily").isAlways()).isTrue();
        assertThat(ShiftPattern.parse("17:30-22:00 mon-fri,sun").weeklyMinutes()).isEqualTo(6 * 270);
        assertThat(ShiftPattern.parse("20:00-08:00 daily")).satisfies(n -> {
            assertThat(n.overnight()).isTrue();
            assertThat(n.weeklyMinutes()).isEqualTo(7 * 720);
        });
        assertThat(ShiftPattern.parse("22:00-00:00 daily").endMinute()).isEqualTo(1440);
    }

    @Test
    void a_shift_it_cannot_read_is_refused_saying_what_is_wrong() {
        assertThatThrownBy(() -> ShiftPattern.parse("nights")).hasMessageContaining("'nights' is not a shift")
                .hasMessageContaining("08:00-20:00 mon-sun");
        assertThatThrownBy(() -> ShiftPattern.parse("06:00-06:00 daily"))
                .hasMessageContaining("starts and ends at the same time");
        assertThatThrownBy(() -> ShiftPattern.parse("00:00-00:00 daily"))
                .hasMessageContaining("starts and ends at the same time");
        assertThatThrownBy(() -> ShiftPattern.parse("09:00-12:00 mon,")).hasMessageContaining("'' is not a day");
        assertThatThrownBy(() -> ShiftPattern.parse("08:00-25:00 daily")).hasMessageContaining("25:00 is not a time");
        assertThatThrownBy(() -> ShiftPattern.parse("08:00-18:00 mon-frx")).hasMessageContaining("'frx' is not a day");
    }
}
