package com.waymark.programme;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a coach sets for a programme; {@link #problems()} says, in plain words, what is not acceptable.
 *
 * @param sessionMinutes how long the programme's coaching sessions last when a session is recorded without a length;
 *                       null for the installation's default ({@code waymark.cycle.session-minutes}, which the cycle
 *                       module reads: this module cannot)
 */
public record ProgrammeSettings(String name, String organisations, String timeZone, LocalDate startsOn,
                                LocalDate endsOn, int confidentialityThreshold, int retentionDays,
                                Integer sessionMinutes) {

    /** Shorter is not a session; longer than a working day is not one either. */
    public static final int SHORTEST_SESSION_MINUTES = 15;
    public static final int LONGEST_SESSION_MINUTES = 600;

    public static ProgrammeSettings defaults(String name, String timeZone) {
        return new ProgrammeSettings(name, null, timeZone, null, null, Programme.DEFAULT_THRESHOLD,
                Programme.DEFAULT_RETENTION_DAYS, null);
    }

    /**
     * The first day, in the programme's time zone, on which its answers are no longer kept: the programme runs to the
     * end of {@code endsOn}, and its answers are kept {@code retentionDays} whole days after that. A programme without
     * an end date has not ended, so nothing of it is erased by retention (people can still erase their own data).
     */
    public Optional<LocalDate> answersErasedOn() {
        return endsOn == null ? Optional.empty() : Optional.of(endsOn.plusDays(1L + retentionDays));
    }

    /** The moment the retention sweep may erase the programme's answers: the start of {@link #answersErasedOn()}. */
    public Optional<Instant> answersKeptUntil() {
        return answersErasedOn().map(day -> day.atStartOfDay(ZoneId.of(timeZone)).toInstant());
    }

    /**
     * When check-ins and peer-coaching rounds may start: 00:00 on {@code startsOn} in the programme's time zone (none
     * set: they may start at once).
     */
    public Optional<Instant> runsFrom() {
        return Optional.ofNullable(startsOn).map(day -> day.atStartOfDay(ZoneId.of(timeZone)).toInstant());
    }

    /** When they stop: the end of {@code endsOn} (its 23:59), in the programme's time zone (none set: they go on). */
    public Optional<Instant> runsUntil() {
        return Optional.ofNullable(endsOn).map(day -> day.plusDays(1).atStartOfDay(ZoneId.of(timeZone)).toInstant());
    }

    /** Whether the programme runs at this moment: from {@link #runsFrom()} up to, not including, {@link #runsUntil()}. */
    public boolean runsAt(Instant at) {
        return runsFrom().map(from -> !at.isBefore(from)).orElse(true)
                && runsUntil().map(at::isBefore).orElse(true);
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("The programme needs a name.");
        } else if (name.length() > 120) {
            problems.add("Please keep the programme name under 120 characters.");
        }
        if (organisations != null && organisations.length() > 1000) {
            problems.add("The list of organisations is too long (1000 characters at most).");
        }
        if (!isZone(timeZone)) {
            problems.add("\"" + timeZone + "\" is not a time zone I know. Use a name like Europe/London.");
        }
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            problems.add("The end date is before the start date.");
        }
        if (confidentialityThreshold < Programme.MIN_THRESHOLD) {
            problems.add("The confidentiality threshold can't be below " + Programme.MIN_THRESHOLD
                    + ": smaller groups could identify people.");
        } else if (confidentialityThreshold > 50) {
            problems.add("A confidentiality threshold above 50 would hide everything; please choose 3 to 50.");
        }
        if (retentionDays < 0 || retentionDays > 3650) {
            problems.add("Keep answers for between 0 and 3650 days after the programme ends.");
        }
        if (sessionMinutes != null && (sessionMinutes < SHORTEST_SESSION_MINUTES
                || sessionMinutes > LONGEST_SESSION_MINUTES)) {
            problems.add("A session can last from " + SHORTEST_SESSION_MINUTES + " to " + LONGEST_SESSION_MINUTES
                    + " minutes (10 hours); for example 90 or 120.");
        }
        return problems;
    }

    private static boolean isZone(String zone) {
        if (zone == null || zone.isBlank()) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
