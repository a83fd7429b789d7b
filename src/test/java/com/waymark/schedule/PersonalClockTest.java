package com.waymark.schedule;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a message may reach someone, on their own clock: outside their quiet hours, and (the one rule every send keeps,
 * {@link PersonalClock#nextReachable}) not on a day away, not before their "after".
 */
class PersonalClockTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    @Test
    void quietHoursAcrossMidnightHoldAMessageUntilTheyEnd() {
        PersonalClock evenings = quiet(LONDON, "21:00", "07:30");
        assertThat(evenings.outsideQuietHours(Instant.parse("2026-11-25T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(evenings.outsideQuietHours(Instant.parse("2026-11-25T22:15:00Z"))).as("late evening: next morning")
                .isEqualTo(Instant.parse("2026-11-26T07:30:00Z"));
        assertThat(evenings.outsideQuietHours(Instant.parse("2026-11-26T05:00:00Z"))).as("early morning: same morning")
                .isEqualTo(Instant.parse("2026-11-26T07:30:00Z"));
        assertThat(evenings.outsideQuietHours(Instant.parse("2026-11-26T07:30:00Z"))).as("the end is not quiet")
                .isEqualTo(Instant.parse("2026-11-26T07:30:00Z"));
    }

    @Test
    void quietHoursWithinADayAndTheirOwnTimeZone() {
        PersonalClock lunch = quiet(AUCKLAND, "12:00", "13:00");
        // 23:30 UTC on 25 Nov is 12:30 on 26 Nov in Auckland (NZDT, UTC+13).
        assertThat(lunch.outsideQuietHours(Instant.parse("2026-11-25T23:30:00Z")))
                .isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(PersonalClock.plain(LONDON).outsideQuietHours(Instant.parse("2026-11-25T03:00:00Z")))
                .as("no quiet hours set").isEqualTo(Instant.parse("2026-11-25T03:00:00Z"));
    }

    @Test
    void theEndOfQuietHoursFollowsTheClockChange() {
        // The UK clocks go back at 02:00 BST on 25 October 2026: 07:30 that morning is 07:30 GMT.
        PersonalClock nights = quiet(LONDON, "22:00", "07:30");
        assertThat(nights.outsideQuietHours(Instant.parse("2026-10-24T22:00:00Z")))
                .isEqualTo(Instant.parse("2026-10-25T07:30:00Z"));
    }

    @Test
    void theOneRuleKeepsQuietHoursDaysAwayAndTheirAfterTimeTogether() {
        // Quiet 21:00-07:30, never before 10:00, no Tuesdays, on leave Thursday 26 November 2026.
        PersonalClock person = new PersonalClock(LONDON, LocalTime.parse("21:00"), LocalTime.parse("07:30"),
                LocalTime.parse("10:00"), Set.of(java.time.DayOfWeek.TUESDAY),
                Set.of(java.time.LocalDate.of(2026, 11, 26)), null);
        assertThat(person.nextReachable(Instant.parse("2026-11-23T12:00:00Z"))).as("Monday noon: at once")
                .isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(person.nextReachable(Instant.parse("2026-11-23T22:00:00Z"))).as("Monday night: not Tuesday, "
                + "so Wednesday, after 10:00").isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(person.nextReachable(Instant.parse("2026-11-25T15:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));
        assertThat(person.nextReachable(Instant.parse("2026-11-26T15:00:00Z"))).as("on leave: the next day, same time")
                .isEqualTo(Instant.parse("2026-11-27T15:00:00Z"));
        assertThat(person.nextReachable(Instant.parse("2026-11-27T08:00:00Z"))).as("before their after time")
                .isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
    }

    private static PersonalClock quiet(ZoneId zone, String from, String to) {
        return new PersonalClock(zone, LocalTime.parse(from), LocalTime.parse(to), null, Set.of(), Set.of(), null);
    }
}
