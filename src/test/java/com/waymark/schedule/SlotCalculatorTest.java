package com.waymark.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The person's own clock decides when their check-in arrives: time zones, quiet hours, DST, leave. */
class SlotCalculatorTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final CheckInRhythm WEEKLY_MONDAY_9 = new CheckInRhythm(1, Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), 48, 24,
            LocalDate.of(2026, 1, 5));

    @Test
    void weeklySlotsAtNineLocalAcrossBothDaylightSavingChanges() {
        Instant from = Instant.parse("2026-03-01T00:00:00Z");
        Instant to = Instant.parse("2026-11-30T00:00:00Z");
        List<Slot> slots = SlotCalculator.slots(WEEKLY_MONDAY_9, PersonalClock.plain(LONDON), from, to);
        assertThat(slots).hasSize(39);
        assertThat(slots).allSatisfy(s -> {
            ZonedDateTime local = s.sendAt().atZone(LONDON);
            assertThat(local.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
            assertThat(s.closesAt()).isEqualTo(s.sendAt().plusSeconds(48 * 3600));
            assertThat(s.remindAt()).isEqualTo(s.sendAt().plusSeconds(24 * 3600));
        });
        // 9:00 London is 09:00Z in winter and 08:00Z in summer.
        assertThat(slots.get(0).sendAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(slots.get(4).sendAt()).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
        assertThat(slots.get(slots.size() - 1).sendAt()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
    }

    @Test
    void eachPersonGetsItOnTheirOwnClock() {
        Instant from = Instant.parse("2026-06-01T00:00:00Z");
        Instant to = Instant.parse("2026-06-08T00:00:00Z");
        Slot london = SlotCalculator.slots(WEEKLY_MONDAY_9, PersonalClock.plain(LONDON), from, to).get(0);
        Slot sydney = SlotCalculator.slots(WEEKLY_MONDAY_9, PersonalClock.plain(ZoneId.of("Australia/Sydney")),
                from, to).get(0);
        assertThat(london.sendAt()).isEqualTo(Instant.parse("2026-06-01T08:00:00Z"));
        // Monday 09:00 in Sydney (UTC+10 in June) is Sunday 23:00 UTC: the first one in the window is 8 June.
        assertThat(sydney.sendAt()).isEqualTo(Instant.parse("2026-06-07T23:00:00Z"));
    }

    @Test
    void aRhythmTimeInsideTheSpringGapMovesForwardNotAway() {
        CheckInRhythm sunday0130 = new CheckInRhythm(1, Set.of(DayOfWeek.SUNDAY), LocalTime.of(1, 30), 24, 0,
                LocalDate.of(2026, 1, 4));
        List<Slot> slots = SlotCalculator.slots(sunday0130, PersonalClock.plain(LONDON),
                Instant.parse("2026-03-28T00:00:00Z"), Instant.parse("2026-03-30T00:00:00Z"));
        assertThat(slots).hasSize(1);
        assertThat(slots.get(0).sendAt().atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
        assertThat(slots.get(0).remindAt()).isNull();
    }

    @Test
    void quietHoursAcrossMidnightPushTheSlotToTheirEnd() {
        CheckInRhythm late = new CheckInRhythm(1, Set.of(DayOfWeek.TUESDAY), LocalTime.of(22, 30), 48, 12, LocalDate.of(2026, 1, 5));
        PersonalClock person = new PersonalClock(LONDON, LocalTime.of(21, 0), LocalTime.of(7, 30), null, Set.of(),
                Set.of(), null);
        Slot slot = SlotCalculator.slots(late, person, Instant.parse("2026-11-02T00:00:00Z"),
                Instant.parse("2026-11-09T00:00:00Z")).get(0);
        assertThat(slot.sendAt().atZone(LONDON)).isEqualTo(ZonedDateTime.of(2026, 11, 4, 7, 30, 0, 0, LONDON));
        // Reminder 12 h later is 19:30, outside quiet hours.
        assertThat(slot.remindAt().atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(19, 30));
    }

    @Test
    void aReminderThatWouldFallInQuietHoursWaitsForMorningOrIsDropped() {
        CheckInRhythm evening = new CheckInRhythm(1, Set.of(DayOfWeek.MONDAY), LocalTime.of(18, 0), 16, 4, LocalDate.of(2026, 1, 5));
        PersonalClock person = new PersonalClock(LONDON, LocalTime.of(21, 0), LocalTime.of(8, 0), null, Set.of(),
                Set.of(), null);
        Slot slot = SlotCalculator.slots(evening, person, Instant.parse("2026-11-02T00:00:00Z"),
                Instant.parse("2026-11-03T00:00:00Z")).get(0);
        // 22:00 is quiet, so the reminder waits for 08:00, still before the 10:00 close.
        assertThat(slot.remindAt().atZone(LONDON)).isEqualTo(ZonedDateTime.of(2026, 11, 3, 8, 0, 0, 0, LONDON));
        CheckInRhythm shortWindow = new CheckInRhythm(1, Set.of(DayOfWeek.MONDAY), LocalTime.of(18, 0), 12, 4,
                LocalDate.of(2026, 1, 5));
        assertThat(SlotCalculator.slots(shortWindow, person, Instant.parse("2026-11-02T00:00:00Z"),
                Instant.parse("2026-11-03T00:00:00Z")).get(0).remindAt()).isNull();
    }

    @Test
    void notMondaysAndAfterFiveShiftTheirOwnSlot() {
        PersonalClock rota = new PersonalClock(LONDON, null, null, LocalTime.of(17, 0), Set.of(DayOfWeek.MONDAY),
                Set.of(), null);
        Slot slot = SlotCalculator.slots(WEEKLY_MONDAY_9, rota, Instant.parse("2026-11-02T00:00:00Z"),
                Instant.parse("2026-11-09T00:00:00Z")).get(0);
        assertThat(slot.sendAt().atZone(LONDON)).isEqualTo(ZonedDateTime.of(2026, 11, 3, 17, 0, 0, 0, LONDON));
        assertThat(slot.nominalDay()).isEqualTo(LocalDate.of(2026, 11, 2));
    }

    @Test
    void leaveAndOnCallDaysAreSkippedAndAPauseDropsTheSlot() {
        PersonalClock onLeave = new PersonalClock(LONDON, null, null, null, Set.of(),
                Set.of(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3)), null);
        Slot slot = SlotCalculator.slots(WEEKLY_MONDAY_9, onLeave, Instant.parse("2026-11-02T00:00:00Z"),
                Instant.parse("2026-11-09T00:00:00Z")).get(0);
        assertThat(slot.sendAt().atZone(LONDON).toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 4));

        PersonalClock paused = new PersonalClock(LONDON, null, null, null, Set.of(), Set.of(),
                Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(SlotCalculator.slots(WEEKLY_MONDAY_9, paused, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-30T00:00:00Z"))).extracting(Slot::nominalDay)
                .containsExactly(LocalDate.of(2026, 11, 23));
    }

    @Test
    void aPersonAwayAllWeekHasThatWeeksSlotRecordedAsAwayNotSentAndNotDoubled() {
        PersonalClock away = new PersonalClock(LONDON, null, null, null, Set.of(), Set.of(
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4),
                LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 7),
                LocalDate.of(2026, 11, 8)), null);
        List<Slot> slots = SlotCalculator.slots(WEEKLY_MONDAY_9, away, Instant.parse("2026-11-02T00:00:00Z"),
                Instant.parse("2026-11-03T00:00:00Z"));
        assertThat(slots).singleElement().satisfies(slot -> {
            assertThat(slot.away()).isTrue();
            assertThat(slot.remindAt()).isNull();
            assertThat(slot.nominalDay()).isEqualTo(LocalDate.of(2026, 11, 2));
        });
    }

    @Test
    void fortnightlyRhythmsKeepToTheirWeeksAndSeveralWeekdaysWork() {
        CheckInRhythm fortnightly = new CheckInRhythm(2, Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), LocalTime.of(12, 0), 24, 0,
                LocalDate.of(2026, 11, 3));
        List<Slot> slots = SlotCalculator.slots(fortnightly, PersonalClock.plain(LONDON),
                Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(slots).extracting(Slot::nominalDay).containsExactly(LocalDate.of(2026, 11, 3),
                LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 17), LocalDate.of(2026, 11, 19));
    }
}
