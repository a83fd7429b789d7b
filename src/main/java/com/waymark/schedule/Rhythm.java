package com.waymark.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

/**
 * A check-in rhythm as the coach set it: every one or two weeks, on these weekdays, at this local time,
 * open for so many hours, with a reminder so many hours after sending (0 = no reminder).
 * {@code anchor} fixes which weeks count for a fortnightly rhythm.
 */
public record Rhythm(int everyWeeks, Set<DayOfWeek> weekdays, LocalTime localTime, int openHours,
                     int remindAfterHours, LocalDate anchor) {
}
