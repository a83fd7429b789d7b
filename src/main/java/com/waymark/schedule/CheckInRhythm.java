package com.waymark.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import com.waymark.programme.Rhythm;

/**
 * A check-in rhythm as the coach set it: when check-ins recur (a programme {@link Rhythm}: every one or two weeks,
 * on these weekdays, at this local time, counted from the anchor date), open for so many hours, with a reminder so
 * many hours after sending (0 = no reminder).
 */
public record CheckInRhythm(Rhythm rhythm, int openHours, int remindAfterHours) {

    public static final int MAX_EVERY_WEEKS = 2;

    public CheckInRhythm(int everyWeeks, Set<DayOfWeek> weekdays, LocalTime localTime, int openHours,
                         int remindAfterHours, LocalDate anchor) {
        this(new Rhythm(everyWeeks, weekdays, localTime, anchor), openHours, remindAfterHours);
    }
}
