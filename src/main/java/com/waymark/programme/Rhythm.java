package com.waymark.programme;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Anything in a programme that recurs: every {@code everyWeeks} weeks, on these weekdays, at this local time.
 * Check-in rhythms and peer-coaching rounds are both one of these, so the week arithmetic, the checks and the words
 * on the cards are written once. {@code anchor} is the date it counts from: its week is a "yes" week of a
 * fortnightly rhythm, and occurrence 0 is the first on or after it. It may be null while a rhythm is only chosen
 * (a coach's settings before they are saved), when only {@link #problems} and {@link #describe} are asked.
 */
public record Rhythm(int everyWeeks, Set<DayOfWeek> weekdays, LocalTime localTime, LocalDate anchor) {

    /** What can be wrong with a chosen rhythm; each caller words it for its own feature and limits. */
    public enum Problem { EVERY_WEEKS_OUT_OF_RANGE, NO_WEEKDAY, NO_TIME }

    public Rhythm {
        weekdays = weekdays == null || weekdays.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(DayOfWeek.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(weekdays));
    }

    /** One weekday, weekly or every few weeks (a peer-coaching round). */
    public static Rhythm on(int everyWeeks, DayOfWeek weekday, LocalTime localTime, LocalDate anchor) {
        return new Rhythm(everyWeeks, weekday == null ? Set.of() : EnumSet.of(weekday), localTime, anchor);
    }

    /** Empty when the rhythm can be placed on a calendar: 1 to {@code maxEveryWeeks} weeks, a weekday, a time. */
    public Set<Problem> problems(int maxEveryWeeks) {
        Set<Problem> problems = EnumSet.noneOf(Problem.class);
        if (everyWeeks < 1 || everyWeeks > maxEveryWeeks) {
            problems.add(Problem.EVERY_WEEKS_OUT_OF_RANGE);
        }
        if (weekdays.isEmpty()) {
            problems.add(Problem.NO_WEEKDAY);
        }
        if (localTime == null) {
            problems.add(Problem.NO_TIME);
        }
        return problems;
    }

    /** Whether it falls on this date: one of its weekdays, in one of its weeks (weeks start on Monday). */
    public boolean fallsOn(LocalDate day) {
        if (!weekdays.contains(day.getDayOfWeek())) {
            return false;
        }
        if (everyWeeks <= 1) {
            return true;
        }
        return Math.floorMod(ChronoUnit.WEEKS.between(monday(anchorOrFail()), monday(day)), everyWeeks) == 0;
    }

    /** When it falls on this date in this zone (a time in a daylight-saving gap moves on, as the zone says). */
    public Instant at(LocalDate day, ZoneId zone) {
        return ZonedDateTime.of(day, localTime, zone).toInstant();
    }

    /** The first time it comes strictly after {@code after}, on or after the anchor if there is one. */
    public Instant nextAfter(Instant after, ZoneId zone) {
        LocalDate day = after.atZone(zone).toLocalDate().minusDays(1);
        if (anchor != null && day.isBefore(anchor)) {
            day = anchor;
        }
        // A whole cycle plus the day either side of a zone's date line covers every weekday of a "yes" week.
        for (int i = 0; i <= 7 * Math.max(1, everyWeeks) + 2; i++, day = day.plusDays(1)) {
            if (fallsOn(day) && at(day, zone).isAfter(after)) {
                return at(day, zone);
            }
        }
        throw new IllegalStateException("a rhythm without weekdays never comes");
    }

    /**
     * The date of occurrence {@code index} (0-based), counting from the first on or after the anchor: round
     * {@code k} of a weekly-on-Monday plan anchored on its first Monday is that Monday plus {@code k} weeks.
     */
    public LocalDate occurrence(int index) {
        LocalDate first = anchorOrFail();
        LocalDate week = monday(first);
        List<DayOfWeek> days = weekdays.stream().sorted().toList();
        int before = (int) days.stream().filter(d -> week.plusDays(d.ordinal()).isBefore(first)).count();
        int k = index + before;
        return week.plusWeeks((long) (k / days.size()) * everyWeeks).plusDays(days.get(k % days.size()).ordinal());
    }

    /** Its words on a card: "every Monday and Thursday at 09:00", "every 2 weeks on Monday at 09:00". */
    public String describe() {
        String days = weekdays.stream().sorted().map(d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                .collect(Collectors.joining(" and "));
        return (everyWeeks <= 1 ? "every " : "every " + everyWeeks + " weeks on ") + days + " at " + localTime;
    }

    private LocalDate anchorOrFail() {
        return Objects.requireNonNull(anchor, "a rhythm is placed on the calendar by its anchor date");
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
