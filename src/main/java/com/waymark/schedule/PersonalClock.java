package com.waymark.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * One participant's own clock and constraints: their time zone, quiet hours (may cross midnight),
 * the earliest local time they want prompts, weekdays they never want them, days on leave or on call,
 * and a pause.
 */
public record PersonalClock(ZoneId zone, LocalTime quietFrom, LocalTime quietTo, LocalTime notBefore,
                            Set<DayOfWeek> excludedWeekdays, Set<LocalDate> unavailableDays, Instant pausedUntil) {

    public static PersonalClock plain(ZoneId zone) {
        return new PersonalClock(zone, null, null, null, Set.of(), Set.of(), null);
    }

    /**
     * {@code at}, or when it falls in this person's quiet hours (on their own clock), the moment those end: when a
     * message that is not a scheduled check-in (a peer-coaching nudge, say) may reach them.
     */
    public Instant outsideQuietHours(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        if (!isQuiet(local.toLocalTime())) {
            return at;
        }
        ZonedDateTime end = local.toLocalDate().atTime(quietTo).atZone(zone);
        return (end.isAfter(local) ? end : local.toLocalDate().plusDays(1).atTime(quietTo).atZone(zone)).toInstant();
    }

    boolean isQuiet(LocalTime time) {
        if (quietFrom == null || quietTo == null || quietFrom.equals(quietTo)) {
            return false;
        }
        return quietFrom.isBefore(quietTo)
                ? !time.isBefore(quietFrom) && time.isBefore(quietTo)
                : !time.isBefore(quietFrom) || time.isBefore(quietTo);
    }

    boolean isAvailableOn(LocalDate day) {
        return !excludedWeekdays.contains(day.getDayOfWeek()) && !unavailableDays.contains(day);
    }
}
