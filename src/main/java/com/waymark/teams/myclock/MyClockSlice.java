package com.waymark.teams.myclock;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.microsoft.bot.schema.Activity;
import com.waymark.programme.Participant;
import com.waymark.schedule.PersonalScheduleService;
import com.waymark.schedule.ScheduleProblem;
import com.waymark.schedule.SlotCalculator;
import com.waymark.schedule.AwayReason;
import com.waymark.teams.CalendarInput;
import com.waymark.teams.CardSubmit;
import com.waymark.teams.DateText;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.HelpLine;
import com.waymark.teams.Phrase;
import com.waymark.teams.PlainText;
import com.waymark.teams.Reply;
import com.waymark.teams.Turn;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A person's own clock, in the 1:1 chat: snooze, skip, pause and resume a check-in; quiet hours, days off, an earliest
 * time, their time zone, days on leave or on call; and "my schedule", all of it at a glance. Settings are recorded,
 * like check-ins, only once they have agreed to the notice: this also keeps erasure whole (a message racing "delete
 * my data" that arrives just after it is a new hello, with nothing recorded but who is speaking).
 */
@Component
@Order(40)
public class MyClockSlice implements FeatureSlice<MyClockCommand> {

    public static final String SNOOZE = "snooze";
    public static final String SKIP = "skip";

    /**
     * What happens to a check-in due on a day someone is away: as {@code SlotCalculator.place} does it (moved at most
     * {@link SlotCalculator#MAX_SHIFT_DAYS} days), and every other message as {@code PersonalClock.nextReachable} holds it.
     */
    static final String MOVES = "A check-in due then moves to your next day that's free, if that comes within "
            + SlotCalculator.MAX_SHIFT_DAYS + " days; "
            + "if not, it's recorded as \"away\" (not missed) and not sent. Reminders and other messages from me wait "
            + "for a day you're here.";

    private static final String TIME = "(\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)?|\\d{1,2}[:.]\\d{2})";
    /** Month and day of one or two digits: read strictly against the calendar later (CalendarInput), not here. */
    private static final String DATE = "(\\d{4}-\\d{1,2}-\\d{1,2})";
    private static final String DAY = "(mon|tue|wed|thu|fri|sat|sun)[a-z]*?s?";
    /** Read before the programmes' "leave" and its name, so that "leave 2026-12-01" means time off. */
    private static final Pattern AWAY = Pattern.compile("^(leave|annual leave|on leave|on call|on-call)\\s+(?:on\\s+)?"
            + DATE + "(?:\\s*(?:to|-|until|–)\\s*" + DATE + ")?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SNOOZE_FOR = Pattern.compile(
            "^snooze(?:\\s+(?:for\\s+)?(\\d{1,3}\\s*(?:h|hrs?|hours?|m|mins?|minutes?)))?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PAUSE = Pattern.compile("^pause(?:\\s+(?:for\\s+)?(\\d{1,2})\\s*(?:weeks?|wks?))?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUIET = Pattern.compile("^quiet\\s+hours?\\s+(?:from\\s+)?" + TIME
            + "\\s*(?:-|to|–|until)\\s*" + TIME + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_DAY = Pattern.compile("^(?:no|not)\\s+(?:on\\s+)?" + DAY + "$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OK_DAY = Pattern.compile("^(?:ok|okay|fine|allow)\\s+(?:on\\s+)?" + DAY + "$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AFTER = Pattern.compile("^(?:after|not before)\\s+" + TIME + "$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ZONE = Pattern.compile("^time\\s*zone\\s+(\\S+)$", Pattern.CASE_INSENSITIVE);

    private final PersonalScheduleService personal;
    private final Clock clock;

    MyClockSlice(PersonalScheduleService personal, Clock clock) {
        this.personal = personal;
        this.clock = clock;
    }

    @Override
    public Optional<MyClockCommand> parse(Phrase phrase) {
        if (phrase.is("skip", "skip this one", "skip it")) {
            return Optional.of(new MyClockCommand.Skip());
        }
        if (phrase.is("resume", "unpause")) {
            return Optional.of(new MyClockCommand.Resume());
        }
        if (phrase.is("quiet hours off", "no quiet hours")) {
            return Optional.of(new MyClockCommand.QuietHours(null, null));
        }
        if (phrase.is("after off", "any time", "anytime")) {
            return Optional.of(new MyClockCommand.NotBefore(null));
        }
        if (phrase.is("my schedule", "my check-ins", "my checkins")) {
            return Optional.of(new MyClockCommand.MySchedule());
        }
        String text = phrase.text();
        Matcher m = AWAY.matcher(text);
        if (m.matches()) {
            return Optional.of(new MyClockCommand.Away(m.group(2), m.group(3) == null ? m.group(2) : m.group(3),
                    m.group(1).toLowerCase(Locale.ROOT).startsWith("on c") || m.group(1).equalsIgnoreCase("on-call")));
        }
        if ((m = SNOOZE_FOR.matcher(text)).matches()) {
            return Optional.of(new MyClockCommand.Snooze(m.group(1)));
        }
        if ((m = PAUSE.matcher(text)).matches()) {
            return Optional.of(new MyClockCommand.Pause(m.group(1)));
        }
        if ((m = QUIET.matcher(text)).matches()) {
            return Optional.of(new MyClockCommand.QuietHours(m.group(1), m.group(2)));
        }
        if ((m = NOT_DAY.matcher(text)).matches()) {
            return Optional.of(new MyClockCommand.NotOnDay(m.group(1), true));
        }
        if ((m = OK_DAY.matcher(text)).matches()) {
            return Optional.of(new MyClockCommand.NotOnDay(m.group(1), false));
        }
        if ((m = AFTER.matcher(text)).matches()) {
            return Optional.of(new MyClockCommand.NotBefore(m.group(1)));
        }
        if ((m = ZONE.matcher(text)).matches()) {
            return Optional.of(new MyClockCommand.SetTimeZone(m.group(1)));
        }
        return Optional.empty();
    }

    @Override
    public Optional<MyClockCommand> parseCard(CardSubmit submit) {
        return switch (submit.action()) {
            case SNOOZE -> Optional.of(new MyClockCommand.Snooze(null));
            case SKIP -> Optional.of(new MyClockCommand.Skip());
            default -> Optional.empty();
        };
    }

    /** Everything but "my schedule" records a setting of their own. */
    @Override
    public boolean needsConsent(Turn turn, MyClockCommand command) {
        return !(command instanceof MyClockCommand.MySchedule);
    }

    @Override
    public List<HelpLine> help() {
        return List.of(HelpLine.participant("""
                **snooze**, **skip**, **pause 2 weeks**, **resume** – when a check-in doesn't suit; \
                **my schedule**, **quiet hours 21:00-07:30**, **not mondays**, **time zone Europe/London**"""));
    }

    @Override
    public List<Activity> handle(Turn turn, MyClockCommand command) {
        try {
            return List.of(Reply.text(answer(turn.participant(), command)));
        } catch (ScheduleProblem problem) {
            return List.of(Reply.text(PlainText.of(problem.getMessage())));
        }
    }

    private String answer(Participant person, MyClockCommand command) {
        long id = person.getId();
        ZoneId zone = personal.zone(person.info());
        if (command instanceof MyClockCommand.Snooze snooze) {
            Duration delay = duration(snooze.duration());
            Instant asked = clock.instant().plus(delay);
            Instant until = personal.snooze(id, delay);
            return "Snoozed. I'll bring this check-in back " + when(until, zone)
                    + (until.isAfter(asked) ? ", the first time after that outside your quiet hours and days away."
                    : ".");
        }
        if (command instanceof MyClockCommand.Skip) {
            personal.skip(id);
            return "Skipped – no reminder for this one. See you at the next check-in.";
        }
        if (command instanceof MyClockCommand.Pause pause) {
            int weeks = pause.weeks() == null ? 1 : Integer.parseInt(pause.weeks());
            Instant until = personal.pause(id, weeks);
            return "Paused for " + weeks + (weeks == 1 ? " week" : " weeks") + ", until "
                    + when(until, zone) + ". Say \"resume\" to start again sooner.";
        }
        if (command instanceof MyClockCommand.Resume) {
            personal.resume(id);
            Instant next = personal.mine(person.info()).nextCheckIn();
            return "Welcome back – check-ins are on again from the next one"
                    + (next == null ? "." : ": " + when(next, zone) + ".");
        }
        if (command instanceof MyClockCommand.QuietHours quiet) {
            if (quiet.from() == null) {
                personal.quietHours(id, null, null);
                return "Quiet hours are off.";
            }
            LocalTime from = CalendarInput.time(quiet.from(), "quiet hours 21:00-07:30");
            LocalTime to = CalendarInput.time(quiet.to(), "quiet hours 21:00-07:30");
            personal.quietHours(id, from, to);
            return "Got it: no check-ins, reminders or other messages from me between " + from + " and " + to
                    + " (" + DateText.zone(zone) + "); anything due then waits until " + to + ".";
        }
        if (command instanceof MyClockCommand.NotOnDay day) {
            Set<DayOfWeek> excluded = personal.excludeWeekday(id, weekday(day.weekday()), day.excluded());
            return excluded.isEmpty() ? "Check-ins can come on any day again."
                    : "Check-ins won't come on " + excluded.stream().sorted()
                    .map(d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s").collect(Collectors.joining(", "))
                    + ". " + MOVES;
        }
        if (command instanceof MyClockCommand.NotBefore notBefore) {
            LocalTime time = notBefore.time() == null ? null : CalendarInput.time(notBefore.time(), "after 17:00");
            personal.notBefore(id, time);
            return time == null ? "Check-ins can come at the rhythm's usual time again."
                    : "Check-ins, reminders and other messages from me will wait until " + time + " your time.";
        }
        if (command instanceof MyClockCommand.SetTimeZone setZone) {
            ZoneId chosen;
            try {
                chosen = ZoneId.of(setZone.zone());
            } catch (DateTimeException e) {
                return "I don't know the time zone \"" + setZone.zone() + "\". Use a name like Europe/London.";
            }
            personal.timeZone(id, chosen);
            return "Your check-ins now follow " + DateText.zone(chosen)
                    + (DateText.zone(chosen).equals(chosen.getId()) ? "." : " (" + chosen.getId() + ").");
        }
        if (command instanceof MyClockCommand.Away away) {
            LocalDate today = LocalDate.now(clock.withZone(zone));
            String example = away.onCall() ? "on call " + today.plusDays(7)
                    : "leave " + today.plusDays(14) + " to " + today.plusDays(21);
            CalendarInput.Days days = CalendarInput.range(away.from(), away.to(), example);
            LocalDate from = days.first();
            LocalDate to = days.last();
            personal.away(id, from, to, away.onCall() ? AwayReason.ON_CALL : AwayReason.LEAVE);
            return "Noted: no check-ins " + (from.equals(to) ? "on " + from : "from " + from + " to " + to)
                    + ". " + MOVES;
        }
        return mySchedule(person, zone);
    }

    private String when(Instant at, ZoneId zone) {
        return DateText.when(at, zone, clock);
    }

    private String mySchedule(Participant person, ZoneId zone) {
        var mine = personal.mine(person.info());
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
            text.append(" Away: ").append(DateText.dayRanges(mine.awayDays(), zone, clock)).append('.');
        }
        text.append(mine.nextCheckIn() == null ? " No check-in is planned in the next few days."
                : " Next check-in: " + when(mine.nextCheckIn(), zone) + ".");
        return text.toString();
    }

    /** A weekday from its first three letters or more ("mon", "Mondays"). */
    public static DayOfWeek weekday(String raw) {
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
}
