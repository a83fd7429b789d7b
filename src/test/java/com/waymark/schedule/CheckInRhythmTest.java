package com.waymark.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A coach's check-in rhythm is checked through the shared recurrence, worded for check-ins. */
class CheckInRhythmTest {

    private static final LocalDate ANCHOR = LocalDate.of(2027, 1, 4);

    @Test
    void eachProblemGetsTheCheckInSentence() {
        assertThatThrownBy(() -> ScheduleService.validate(new CheckInRhythm(1, Set.of(), LocalTime.of(9, 0), 48, 24,
                ANCHOR))).isInstanceOf(ScheduleProblem.class).hasMessage("Choose at least one weekday for check-ins.");
        assertThatThrownBy(() -> ScheduleService.validate(new CheckInRhythm(3, Set.of(DayOfWeek.MONDAY),
                LocalTime.of(9, 0), 48, 24, ANCHOR))).hasMessage("Check-ins can be weekly or fortnightly.");
        assertThatThrownBy(() -> ScheduleService.validate(new CheckInRhythm(1, Set.of(DayOfWeek.MONDAY), null, 48, 24,
                ANCHOR))).hasMessage("Give the time check-ins go out, like 09:00.");
        assertThatThrownBy(() -> ScheduleService.validate(new CheckInRhythm(1, Set.of(DayOfWeek.MONDAY),
                LocalTime.of(9, 0), 24, 24, ANCHOR)))
                .hasMessage("The reminder must come before the check-in closes (or be 0 for none).");
        assertThatCode(() -> ScheduleService.validate(new CheckInRhythm(2, Set.of(DayOfWeek.MONDAY),
                LocalTime.of(9, 0), 48, 24, ANCHOR))).doesNotThrowAnyException();
    }
}
