package com.waymark.teams;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Dates and time zones as people read them. A date shows its year only when it is not in the current year (so
 * "Thursday 20 May" this year, "Monday 10 Jan 2028" further ahead, never a far date that reads as this year's),
 * and a zone by a name people know ("UK time", "Paris time") rather than an IANA id or "UTC".
 */
public final class DateText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMM 'at' HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN_YEAR = DateTimeFormatter.ofPattern("EEEE d MMM yyyy 'at' HH:mm",
            Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY_YEAR = DateTimeFormatter.ofPattern("EEE d MMM yyyy",
            Locale.ENGLISH);

    /** The zones of the United Kingdom and the Crown Dependencies, which keep UK time. */
    private static final Set<String> UK = Set.of("Europe/London", "GB", "GB-Eire", "Europe/Belfast", "Europe/Jersey",
            "Europe/Guernsey", "Europe/Isle_of_Man");

    private DateText() {
    }

    /** "Thursday 20 May at 14:00", with the year when that day is not in the current year (in {@code zone}). */
    public static String when(Instant at, ZoneId zone, Clock clock) {
        ZonedDateTime local = at.atZone(zone);
        return (thisYear(local.toLocalDate(), zone, clock) ? WHEN : WHEN_YEAR).format(local);
    }

    /** "20 May", or "20 May 2028" when not in the current year. */
    public static String day(LocalDate day, ZoneId zone, Clock clock) {
        return (thisYear(day, zone, clock) ? DAY : DAY_YEAR).format(day);
    }

    /** "Thu 20 May", or "Thu 20 May 2028" when not in the current year. */
    public static String weekday(LocalDate day, ZoneId zone, Clock clock) {
        return (thisYear(day, zone, clock) ? WEEKDAY : WEEKDAY_YEAR).format(day);
    }

    /**
     * Days as people say them: runs of consecutive days as ranges, "Mon 14 Dec to Fri 18 Dec, Sat 26 Dec"; the year
     * only when not the current one, and once per range when both ends share it ("Tue 5 Jan to Fri 8 Jan 2027").
     */
    public static String dayRanges(java.util.Collection<LocalDate> days, ZoneId zone, Clock clock) {
        List<LocalDate> sorted = days.stream().distinct().sorted().toList();
        List<String> ranges = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1).equals(sorted.get(j).plusDays(1))) {
                j++;
            }
            LocalDate from = sorted.get(i);
            LocalDate to = sorted.get(j);
            if (from.equals(to)) {
                ranges.add(weekday(from, zone, clock));
            } else {
                String start = from.getYear() == to.getYear() ? WEEKDAY.format(from) : weekday(from, zone, clock);
                ranges.add(start + " to " + weekday(to, zone, clock));
            }
            i = j + 1;
        }
        return String.join(", ", ranges);
    }

    private static boolean thisYear(LocalDate day, ZoneId zone, Clock clock) {
        return day.getYear() == LocalDate.now(clock.withZone(zone)).getYear();
    }

    /**
     * The zone as people say it: "UK time" for the UK's zone, "UTC" for UTC and GMT without summer time, otherwise
     * the zone's city ("Paris time", "Los Angeles time"), or its offset from UTC for a bare offset.
     */
    public static String zone(ZoneId zone) {
        if (UK.contains(zone.getId())) {
            return "UK time";
        }
        ZoneId normal = zone.normalized();
        if (normal.equals(ZoneOffset.UTC)) {
            return "UTC";
        }
        if (normal instanceof ZoneOffset offset) {
            return "UTC" + offset.getId();
        }
        String id = zone.getId();
        String city = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
        return city + " time";
    }
}
