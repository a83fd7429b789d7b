package com.waymark.teams;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.waymark.privacy.ConsentService;
import com.waymark.programme.Participant;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.programme.ProgrammeService;
import com.waymark.schedule.CheckInSchedule;
import com.waymark.schedule.CoachingSession;
import com.waymark.schedule.PersonalScheduleService;
import com.waymark.schedule.Rhythm;
import com.waymark.schedule.ScheduleProblem;
import com.waymark.schedule.ScheduleService;
import com.waymark.schedule.SlotCalculator;
import com.waymark.schedule.UnavailableDay;
import org.springframework.stereotype.Component;

/** Check-in timing in a 1:1 chat: each person's own clock, and the coach's rhythm and session dates. */
@Component
class ScheduleConversation {

    /**
     * What happens to a check-in due on a day someone is away: as {@code SlotCalculator.place} does it (moved at most
     * {@link SlotCalculator#MAX_SHIFT_DAYS} days), and every other message as {@code PersonalClock.nextReachable} holds it.
     */
    static final String MOVES = "A check-in due then moves to your next day that's free, if that comes within "
            + SlotCalculator.MAX_SHIFT_DAYS + " days; "
            + "if not, it's recorded as \"away\" (not missed) and not sent. Reminders and other messages from me wait "
            + "for a day you're here.";

    /** How long before a session its digest goes to the coaching team. */
    static final int DIGEST_HOURS = 24;

    private final PersonalScheduleService personal;
    private final ScheduleService schedules;
    private final ProgrammeService programmes;
    private final java.time.Clock clock;
    private final ConsentService consent;
    private final NoticeCards notices;

    ScheduleConversation(PersonalScheduleService personal, ScheduleService schedules, ProgrammeService programmes,
                         java.time.Clock clock, ConsentService consent, NoticeCards notices) {
        this.notices = notices;
        this.consent = consent;
        this.personal = personal;
        this.schedules = schedules;
        this.programmes = programmes;
        this.clock = clock;
    }

    static boolean handles(Command command) {
        return command instanceof Command.Snooze || command instanceof Command.Skip || command instanceof Command.Pause
                || command instanceof Command.Resume || command instanceof Command.QuietHours
                || command instanceof Command.NotOnDay || command instanceof Command.NotBefore
                || command instanceof Command.SetTimeZone || command instanceof Command.Away
                || command instanceof Command.MySchedule || command instanceof Command.ShowSchedule
                || command instanceof Command.SaveSchedule || command instanceof Command.NextSession;
    }

    /**
     * A person's own settings are recorded, like check-ins, only once they have agreed to the notice. This also
     * keeps erasure whole: a message racing "delete my data" that arrives just after it is a new hello, with nothing
     * recorded but who is speaking.
     */
    static boolean recordsOwnSettings(Command command) {
        return command instanceof Command.Snooze || command instanceof Command.Skip || command instanceof Command.Pause
                || command instanceof Command.Resume || command instanceof Command.QuietHours
                || command instanceof Command.NotOnDay || command instanceof Command.NotBefore
                || command instanceof Command.SetTimeZone || command instanceof Command.Away;
    }

    List<Activity> handle(Participant person, Command command) {
        if (recordsOwnSettings(command) && !consent.hasConsented(person.getId())) {
            return notices.consentFirst(person.getId());
        }
        try {
            return dispatch(person, command);
        } catch (ScheduleProblem | ProgrammeProblem problem) {
            return text(PlainText.of(problem.getMessage()));
        }
    }

    private List<Activity> dispatch(Participant person, Command command) {
        long id = person.getId();
        ZoneId zone = personal.zone(person);
        if (command instanceof Command.Snooze snooze) {
            Duration delay = duration(snooze.duration());
            Instant asked = clock.instant().plus(delay);
            Instant until = personal.snooze(id, delay);
            return text("Snoozed. I'll bring this check-in back " + when(until, zone)
                    + (until.isAfter(asked) ? ", the first time after that outside your quiet hours and days away."
                    : "."));
        }
        if (command instanceof Command.Skip) {
            personal.skip(id);
            return text("Skipped – no reminder for this one. See you at the next check-in.");
        }
        if (command instanceof Command.Pause pause) {
            int weeks = pause.weeks() == null ? 1 : Integer.parseInt(pause.weeks());
            Instant until = personal.pause(id, weeks);
            return text("Paused for " + weeks + (weeks == 1 ? " week" : " weeks") + ", until "
                    + when(until, zone) + ". Say \"resume\" to start again sooner.");
        }
        if (command instanceof Command.Resume) {
            personal.resume(id);
            Instant next = personal.mine(person).nextCheckIn();
            return text("Welcome back – check-ins are on again from the next one"
                    + (next == null ? "." : ": " + when(next, zone) + "."));
        }
        if (command instanceof Command.QuietHours quiet) {
            if (quiet.from() == null) {
                personal.quietHours(id, null, null);
                return text("Quiet hours are off.");
            }
            LocalTime from = CalendarInput.time(quiet.from(), "quiet hours 21:00-07:30");
            LocalTime to = CalendarInput.time(quiet.to(), "quiet hours 21:00-07:30");
            personal.quietHours(id, from, to);
            return text("Got it: no check-ins, reminders or other messages from me between " + from + " and " + to
                    + " (" + DateText.zone(zone) + "); anything due then waits until " + to + ".");
        }
        if (command instanceof Command.NotOnDay day) {
            Set<DayOfWeek> excluded = personal.excludeWeekday(id, weekday(day.weekday()), day.excluded());
            return text(excluded.isEmpty() ? "Check-ins can come on any day again."
                    : "Check-ins won't come on " + excluded.stream().sorted()
                    .map(d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s").collect(Collectors.joining(", "))
                    + ". " + MOVES);
        }
        if (command instanceof Command.NotBefore notBefore) {
            LocalTime time = notBefore.time() == null ? null : CalendarInput.time(notBefore.time(), "after 17:00");
            personal.notBefore(id, time);
            return text(time == null ? "Check-ins can come at the rhythm's usual time again."
                    : "Check-ins, reminders and other messages from me will wait until " + time + " your time.");
        }
        if (command instanceof Command.SetTimeZone setZone) {
            ZoneId chosen;
            try {
                chosen = ZoneId.of(setZone.zone());
            } catch (DateTimeException e) {
                return text("I don't know the time zone \"" + setZone.zone() + "\". Use a name like Europe/London.");
            }
            personal.timeZone(id, chosen);
            return text("Your check-ins now follow " + DateText.zone(chosen)
                    + (DateText.zone(chosen).equals(chosen.getId()) ? "." : " (" + chosen.getId() + ")."));
        }
        if (command instanceof Command.Away away) {
            LocalDate today = LocalDate.now(clock.withZone(zone));
            String example = away.onCall() ? "on call " + today.plusDays(7)
                    : "leave " + today.plusDays(14) + " to " + today.plusDays(21);
            CalendarInput.Days days = CalendarInput.range(away.from(), away.to(), example);
            LocalDate from = days.first();
            LocalDate to = days.last();
            personal.away(id, from, to, away.onCall() ? UnavailableDay.Reason.ON_CALL : UnavailableDay.Reason.LEAVE);
            return text("Noted: no check-ins " + (from.equals(to) ? "on " + from : "from " + from + " to " + to)
                    + ". " + MOVES);
        }
        if (command instanceof Command.MySchedule) {
            return mySchedule(person, zone);
        }
        if (command instanceof Command.ShowSchedule) {
            Programme programme = programmes.currentCoached(id);
            List<CheckInSchedule> active = schedules.active(programme.getId());
            return List.of(ParticipantConversation.card(ScheduleCards.rhythm(programme, active,
                    programmes.groups(programme.getId()))));
        }
        if (command instanceof Command.SaveSchedule save) {
            return saveSchedule(id, save);
        }
        if (command instanceof Command.NextSession next) {
            Programme programme = programmes.currentCoached(id);
            ZoneId programmeZone = ZoneId.of(programme.getTimeZone());
            String example = schedules.sessionExample(programmeZone);
            LocalDate day = CalendarInput.date(next.date(), example);
            LocalTime at = next.time() == null ? LocalTime.of(9, 0) : CalendarInput.time(next.time(), example);
            Instant startsAt = ZonedDateTime.of(day, at, programmeZone).toInstant();
            var session = schedules.recordSession(id, programme.getId(), startsAt, DIGEST_HOURS);
            return text("Recorded the next session of \"" + PlainText.of(programme.getName()) + "\": "
                    + when(startsAt, programmeZone) + " (" + DateText.zone(programmeZone) + "). "
                    + digestWhen(session, programmeZone));
        }
        throw new IllegalArgumentException("Not a scheduling command");
    }

    /**
     * When the digest really goes, as {@code SessionDigestScheduler} schedules it: {@link #DIGEST_HOURS} before the
     * session, or at once when that moment has already come (a session recorded less than a day ahead).
     */
    private String digestWhen(CoachingSession session, ZoneId zone) {
        if (session.digestGoesAtOnce(clock.instant())) {
            return "It's less than " + session.getDigestHours() + " hours away, so the pre-session digest goes to the "
                    + "coaching team straight away.";
        }
        return "The pre-session digest will reach the coaching team " + session.getDigestHours() + " hours before, "
                + "on " + when(session.digestAt(), zone) + ".";
    }

    private String when(Instant at, ZoneId zone) {
        return DateText.when(at, zone, clock);
    }

    private List<Activity> saveSchedule(long coachId, Command.SaveSchedule save) {
        Programme programme = programmes.currentCoached(coachId);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (save.weekdays() != null) {
            Arrays.stream(save.weekdays().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(d -> days.add(weekday(d)));
        }
        Long groupId = ProgrammeCards.everyone(save.groupId()) ? null
                : ProgrammeConversation.parseId(save.groupId(), "group");
        Rhythm rhythm = new Rhythm(wholeNumber(save.everyWeeks(), 1), days, CalendarInput.time(save.time(), "09:00"),
                wholeNumber(save.openHours(), 48), wholeNumber(save.remindAfterHours(), 24),
                LocalDate.now(clock.withZone(ZoneId.of(programme.getTimeZone()))));
        CheckInSchedule saved = schedules.setRhythm(coachId, programme.getId(), groupId, rhythm);
        return text("Saved: check-ins for \"" + PlainText.of(programme.getName()) + "\" "
                + ScheduleCards.describe(saved.rhythm())
                + ". Each person gets them at that time in their own time zone, outside their quiet hours, between the "
                + "programme's start and end dates.");
    }

    private List<Activity> mySchedule(Participant person, ZoneId zone) {
        var mine = personal.mine(person);
        StringBuilder text = new StringBuilder("Your check-ins follow ").append(DateText.zone(zone))
                .append(" (to change it, say \"time zone\" and a name like Europe/Paris).");
        if (mine.pausedUntil() != null) {
            text.append(" Paused until ").append(when(mine.pausedUntil(), zone)).append('.');
        }
        if (mine.quietFrom() != null) {
            text.append(" Quiet hours ").append(mine.quietFrom()).append('–').append(mine.quietTo()).append('.');
        }
        if (mine.notBefore() != null) {
            text.append(" Not before ").append(mine.notBefore()).append('.');
        }
        if (!mine.excluded().isEmpty()) {
            text.append(" Not on ").append(mine.excluded().stream().sorted()
                    .map(d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH)).collect(Collectors.joining(", ")))
                    .append('.');
        }
        if (!mine.awayDays().isEmpty()) {
            text.append(" Away: ").append(mine.awayDays().stream().map(LocalDate::toString)
                    .collect(Collectors.joining(", "))).append('.');
        }
        text.append(mine.nextCheckIn() == null ? " No check-in is planned in the next few days."
                : " Next check-in: " + when(mine.nextCheckIn(), zone) + ".");
        return text(text.toString());
    }

    static DayOfWeek weekday(String raw) {
        String prefix = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (prefix.length() >= 3 && day.name().startsWith(prefix.substring(0, 3))) {
                return day;
            }
        }
        throw new ScheduleProblem("I didn't recognise the day \"" + raw + "\".");
    }

    static Duration duration(String raw) {
        if (raw == null || raw.isBlank()) {
            return Duration.ofHours(2);
        }
        Matcher m = Pattern.compile("(\\d{1,3})\\s*(h|m)", Pattern.CASE_INSENSITIVE).matcher(raw.strip());
        if (!m.find()) {
            throw new ScheduleProblem("Snooze for a number of hours or minutes, for example: snooze 2h");
        }
        long amount = Long.parseLong(m.group(1));
        return m.group(2).equalsIgnoreCase("h") ? Duration.ofHours(amount) : Duration.ofMinutes(amount);
    }

    private static int wholeNumber(String raw, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return (int) Math.round(Double.parseDouble(raw.strip()));
        } catch (NumberFormatException e) {
            throw new ScheduleProblem("Please use whole numbers for the weeks and hours.");
        }
    }

    private static List<Activity> text(String text) {
        return List.of(MessageFactory.text(text));
    }
}
