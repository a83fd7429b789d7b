package com.waymark.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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
