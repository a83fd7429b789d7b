package com.waymark.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * One participant's own clock and constraints: their time zone, quiet hours (may cross midnight),
 * the earliest local time they want prompts, weekdays they never want them, days on leave or on call,
 * and a pause.
 */
record PersonalClock(ZoneId zone, LocalTime quietFrom, LocalTime quietTo, LocalTime notBefore,
                            Set<DayOfWeek> excludedWeekdays, Set<LocalDate> unavailableDays, Instant pausedUntil) {

    public static PersonalClock plain(ZoneId zone) {
        return new PersonalClock(zone, null, null, null, Set.of(), Set.of(), null);
    }

    /**
     * {@code at}, or when it falls in this person's quiet hours (on their own clock), the moment those end.
     * Only quiet hours: every send goes through {@link #nextReachable}, which also keeps their days away and "after".
     */
    public Instant outsideQuietHours(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        if (!isQuiet(local.toLocalTime())) {
            return at;
        }
        ZonedDateTime end = local.toLocalDate().atTime(quietTo).atZone(zone);
        return (end.isAfter(local) ? end : local.toLocalDate().plusDays(1).atTime(quietTo).atZone(zone)).toInstant();
    }

    /**
     * The one rule for every message that reaches this person (a check-in, its reminder, a snoozed check-in coming
     * back, a peer-coaching nudge, follow-up or note): {@code at}, or the first moment after it that is on a day they
     * are not away (leave, on call, a weekday they said no to; moved to the next such day at the same time of day),
     * not before their "after" time and outside their quiet hours, all on their own clock. Someone always becomes reachable (leave is at most two months at a time
     * and at least one weekday stays open), so this always answers; the search gives up after a year and a day.
     */
    public Instant nextReachable(Instant at) {
        LocalDateTime candidate = LocalDateTime.ofInstant(at, zone);
        for (int step = 0; step < 3 * 367; step++) {
            LocalDate day = candidate.toLocalDate();
            if (!isAvailableOn(day)) {
                // The next day they are here, at the same time of day (not at midnight), as a check-in moves.
                candidate = day.plusDays(1).atTime(candidate.toLocalTime());
            } else if (notBefore != null && candidate.toLocalTime().isBefore(notBefore)) {
                candidate = day.atTime(notBefore);
            } else if (isQuiet(candidate.toLocalTime())) {
                Instant end = outsideQuietHours(candidate.atZone(zone).toInstant());
                candidate = LocalDateTime.ofInstant(end, zone);
            } else {
                Instant reachable = candidate.atZone(zone).toInstant();
                return reachable.isBefore(at) ? at : reachable;
            }
        }
        return candidate.atZone(zone).toInstant();
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
