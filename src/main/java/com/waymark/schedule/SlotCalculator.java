package com.waymark.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Works out when a rhythm's check-ins reach one person, on their own clock. Pure: no database, no
 * wall clock, so a test can plan a whole year across daylight-saving changes in milliseconds.
 */
public final class SlotCalculator {

    /**
     * How far a person's days away may push a check-in: beyond this it is recorded as away rather than sent late
     * (a weekly check-in moved further would arrive on top of the next one).
     */
    public static final int MAX_SHIFT_DAYS = 6;

    private SlotCalculator() {
    }

    /** Every slot whose nominal time falls in [from, to). */
    public static List<Slot> slots(CheckInRhythm rhythm, PersonalClock person, Instant from, Instant to) {
        List<Slot> slots = new ArrayList<>();
        LocalDate day = from.atZone(person.zone()).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(person.zone()).toLocalDate().plusDays(1);
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (!rhythm.rhythm().fallsOn(day)) {
                continue;
            }
            Instant nominal = rhythm.rhythm().at(day, person.zone());
            if (nominal.isBefore(from) || !nominal.isBefore(to)) {
                continue;
            }
            place(rhythm, person, day).ifPresent(slots::add);
        }
        return slots;
    }

    /**
     * Moves the nominal slot to the first moment the person is available on a day they are not away, at the rhythm's
     * time; one that cannot move that far is an {@link Slot#away} slot; one in a pause is none.
     */
    static Optional<Slot> place(CheckInRhythm rhythm, PersonalClock person, LocalDate nominalDay) {
        Instant nominalAt = rhythm.rhythm().at(nominalDay, person.zone());
        LocalDateTime candidate = LocalDateTime.of(nominalDay, rhythm.rhythm().localTime());
        for (int step = 0; step < 8; step++) {
            if (!person.isAvailableOn(candidate.toLocalDate())) {
                candidate = LocalDateTime.of(candidate.toLocalDate().plusDays(1), rhythm.rhythm().localTime());
                continue;
            }
            if (person.notBefore() != null && candidate.toLocalTime().isBefore(person.notBefore())) {
                candidate = LocalDateTime.of(candidate.toLocalDate(), person.notBefore());
            }
            if (person.isQuiet(candidate.toLocalTime())) {
                LocalDate quietEndDay = person.quietFrom().isAfter(person.quietTo())
                        && !candidate.toLocalTime().isBefore(person.quietFrom())
                        ? candidate.toLocalDate().plusDays(1) : candidate.toLocalDate();
                candidate = LocalDateTime.of(quietEndDay, person.quietTo());
                continue;
            }
            break;
        }
        Instant sendAt = candidate.atZone(person.zone()).toInstant();
        if (person.pausedUntil() != null && sendAt.isBefore(person.pausedUntil())) {
            return Optional.empty();
        }
        if (ChronoUnit.DAYS.between(nominalDay, candidate.toLocalDate()) > MAX_SHIFT_DAYS
                || !person.isAvailableOn(candidate.toLocalDate())) {
            return Optional.of(Slot.away(nominalDay, nominalAt));
        }
        if (person.isQuiet(candidate.toLocalTime())) {
            return Optional.empty();
        }
        Instant closesAt = sendAt.plus(Duration.ofHours(rhythm.openHours()));
        return Optional.of(new Slot(nominalDay, nominalAt, sendAt, reminder(rhythm, person, sendAt, closesAt),
                closesAt));
    }

    /**
     * One reminder, when the person can be reached ({@link PersonalClock#nextReachable}: not in quiet hours, not on a
     * day away, not before their "after"), and only if that still comes before the check-in closes.
     */
    private static Instant reminder(CheckInRhythm rhythm, PersonalClock person, Instant sendAt, Instant closesAt) {
        if (rhythm.remindAfterHours() <= 0) {
            return null;
        }
        Instant remind = person.nextReachable(sendAt.plus(Duration.ofHours(rhythm.remindAfterHours())));
        return remind.isBefore(closesAt) ? remind : null;
    }

    static LocalTime parseTime(String value) {
        return value == null || value.isBlank() ? null : LocalTime.parse(value);
    }
}
