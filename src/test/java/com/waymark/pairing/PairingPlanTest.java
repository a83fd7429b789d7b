package com.waymark.pairing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a plan's rounds fall due, in the programme's own time zone, and what a coach may choose. */
class PairingPlanTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void theFirstRoundIsTheNextChosenWeekdayWhoseTimeIsStillAhead() {
        Instant sundayNoon = Instant.parse("2026-11-01T12:00:00Z");
        assertThat(PairingPlan.firstDate(DayOfWeek.MONDAY, LocalTime.of(9, 0), LONDON, sundayNoon))
                .isEqualTo(LocalDate.of(2026, 11, 2));
        Instant mondayTen = Instant.parse("2026-11-02T10:00:00Z");
        assertThat(PairingPlan.firstDate(DayOfWeek.MONDAY, LocalTime.of(9, 0), LONDON, mondayTen))
                .as("09:00 today has passed").isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(PairingPlan.firstDate(DayOfWeek.MONDAY, LocalTime.of(11, 0), LONDON, mondayTen))
                .isEqualTo(LocalDate.of(2026, 11, 2));
    }

    @Test
    void roundsFollowTheRhythmAcrossTheClockChange() {
        PairingPlan plan = new PairingPlan(1, new PlanSettings(2, DayOfWeek.MONDAY, LocalTime.of(9, 0),
                PairingMode.PROGRESSION, 6, 3, null), 1, LONDON, Instant.parse("2027-03-14T12:00:00Z"));
        assertThat(plan.dueAt(0, LONDON)).isEqualTo(Instant.parse("2027-03-15T09:00:00Z"));
        assertThat(plan.dueAt(1, LONDON)).as("British Summer Time from 28 March").isEqualTo(
                Instant.parse("2027-03-29T08:00:00Z"));
        assertThat(plan.dueAt(5, LONDON)).isEqualTo(Instant.parse("2027-05-24T08:00:00Z"));
    }

    @Test
    void settingsExplainWhatIsWrong() {
        assertThat(new PlanSettings(2, DayOfWeek.MONDAY, LocalTime.NOON, PairingMode.CROSS_ROLE, 6, 3, null).problems())
                .isEmpty();
        assertThat(new PlanSettings(5, DayOfWeek.MONDAY, LocalTime.NOON, PairingMode.CROSS_ROLE, 6, 3, null).problems())
                .containsExactly("Rounds can come every 1, 2, 3 or 4 weeks.");
        assertThat(new PlanSettings(1, DayOfWeek.MONDAY, LocalTime.NOON, PairingMode.CROSS_ROLE, 6, 7, null).problems())
                .containsExactly("The follow-up should come before the next round: fewer than 7 days after the nudge.");
        assertThat(new PlanSettings(1, null, null, null, 0, 0, null).problems()).hasSize(5);
    }
}
