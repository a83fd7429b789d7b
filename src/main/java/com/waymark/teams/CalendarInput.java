package com.waymark.teams;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and times as people write them, read strictly against the calendar and the clock: 30 February, month 13,
 * 29 February of a common year, 24:00 and 14:60 are refused with a reply that names what is wrong and an example that
 * works, never resolved to a neighbouring day or time. What we echo back is only ever digits we matched.
 */
public final class CalendarInput {

    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm)?",
            Pattern.CASE_INSENSITIVE);

    private CalendarInput() {
    }

    /** A year-month-day date (one- or two-digit month and day are fine); {@code example} is a whole command that works. */
    public static LocalDate date(String raw, String example) {
        Matcher m = raw == null ? null : DATE.matcher(raw.strip());
        if (m == null || !m.matches()) {
            throw refused("I couldn't read that as a date.", "Please write dates as year-month-day", example);
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12) {
            throw refused("There's no month " + month + " in " + m.group() + ": months run from 01 to 12.",
                    "Please give a real date as year-month-day", example);
        }
        YearMonth yearMonth = YearMonth.of(year, month);
        if (day < 1 || day > yearMonth.lengthOfMonth()) {
            String monthName = Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year;
            String why = month == 2 && day == 29 ? year + " isn't a leap year, so February " + year + " has 28 days."
                    : day < 1 ? "There's no day 0 in a month."
                    : monthName + " has " + yearMonth.lengthOfMonth() + " days, so there's no " + m.group() + ".";
            throw refused(why, "Please give a real date as year-month-day", example);
        }
        return LocalDate.of(year, month, day);
    }

    /** A time of day: 14:00, 14.00, 9, 2pm or 2:30 pm; {@code example} is a whole command that works. */
    public static LocalTime time(String raw, String example) {
        Matcher m = raw == null ? null : TIME.matcher(raw.strip());
        if (m == null || !m.matches()) {
            throw refused("I couldn't read that as a time.", "Give times like 14:00 or 2pm", example);
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        String written = m.group().replaceAll("\\s+", " ");
        if (minute > 59) {
            throw refused("An hour has minutes 00 to 59, so there's no " + written + ".", "Give times like 14:00 or 2pm",
                    example);
        }
        if (m.group(3) != null) {
            if (hour < 1 || hour > 12) {
                throw refused("With am or pm the hour runs from 1 to 12, so there's no " + written + ".",
                        "Give times like 14:00 or 2pm", example);
            }
            hour = hour % 12 + (m.group(3).equalsIgnoreCase("pm") ? 12 : 0);
        }
        if (hour > 23) {
            throw refused("The day's times run from 00:00 to 23:59, so there's no " + written
                    + (hour == 24 ? " (midnight is 00:00)." : "."), "Give times like 14:00 or 2pm", example);
        }
        return LocalTime.of(hour, minute);
    }

    /** The first and last day of a period, both included. */
    public record Days(LocalDate first, LocalDate last) {
    }

    /** The first and last day of a period, each read strictly, the last not before the first. */
    public static Days range(String from, String to, String example) {
        LocalDate first = date(from, example);
        LocalDate last = date(to, example);
        if (last.isBefore(first)) {
            throw refused("The last day, " + last + ", comes before the first, " + first + ".",
                    "Put the first day first", example);
        }
        return new Days(first, last);
    }

    private static BadInput refused(String what, String how, String example) {
        return new BadInput(what + " Nothing was changed. " + how + ", for example: " + example);
    }
}
