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
    void rejects_a_shift_ending_before_it_starts() {
        assertThatThrownBy(() -> new ShiftPattern("night", 1200, 300, EnumSet.of(DayOfWeek.MONDAY)))
                .hasMessageContaining("endMinute");
    }
}
