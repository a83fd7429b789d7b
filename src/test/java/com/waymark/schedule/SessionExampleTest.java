package com.waymark.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The "next session" example in help, the programme card and refusals is never a day gone by, nor a weekend. */
class SessionExampleTest {

    @Test
    void theExampleIsTheFirstWeekdayAtLeastAWeekAhead() {
        assertThat(ScheduleService.exampleDay(LocalDate.of(2026, 12, 6))).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(ScheduleService.exampleDay(LocalDate.of(2026, 12, 7))).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(ScheduleService.exampleDay(LocalDate.of(2026, 12, 10))).isEqualTo(LocalDate.of(2026, 12, 17));
        for (LocalDate today = LocalDate.of(2026, 12, 1); today.isBefore(LocalDate.of(2027, 2, 1));
             today = today.plusDays(1)) {
            LocalDate day = ScheduleService.exampleDay(today);
            assertThat(day).isAfterOrEqualTo(today.plusDays(7)).isBeforeOrEqualTo(today.plusDays(9));
            assertThat(day.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        }
    }
}
