package com.waymark.insight;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A half-open span of time, [from, to), that a report covers. Coaches' reports use whole days of the programme's
 * time zone ({@link #days}), so the same period reads the same whatever minute it is read: windows that start at
 * the current minute would differ from one read to the next by a check-in or two, and give those away.
 */
public record InsightPeriod(Instant from, Instant to, ZoneId zone) {

    public InsightPeriod {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("A period must end after it starts");
        }
    }

    public InsightPeriod(Instant from, Instant to) {
        this(from, to, ZoneOffset.UTC);
    }

    /** The whole days from {@code first} up to (not including) {@code end}, midnight to midnight in the zone. */
    public static InsightPeriod days(LocalDate first, LocalDate end, ZoneId zone) {
        return new InsightPeriod(first.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant(), zone);
    }

    /**
     * The period of the same length just before this one: what "trend" compares against. A period of whole days
     * gives the same number of whole days before it (so a change to summer time does not shift it by an hour).
     */
    public InsightPeriod previous() {
        ZonedDateTime start = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        if (start.toLocalTime().equals(LocalTime.MIDNIGHT) && end.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            long length = ChronoUnit.DAYS.between(start.toLocalDate(), end.toLocalDate());
            return days(start.toLocalDate().minusDays(length), start.toLocalDate(), zone);
        }
        return new InsightPeriod(from.minus(Duration.between(from, to)), from, zone);
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
