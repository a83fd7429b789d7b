package com.waymark.teams.cycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.bot.schema.Activity;
import com.waymark.cycle.AfterSessions;
import com.waymark.cycle.CycleProblem;
import com.waymark.cycle.Progress;
import com.waymark.cycle.Pulse;
import com.waymark.cycle.SessionCycle;
import com.waymark.cycle.SessionPulses;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.programme.ProgrammeService;
import com.waymark.schedule.SessionInfo;
import com.waymark.schedule.ScheduleProblem;
import com.waymark.schedule.ScheduleService;
import com.waymark.teams.BadInput;
import com.waymark.teams.CalendarInput;
import com.waymark.teams.CardSubmit;
import com.waymark.teams.DateText;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.HelpLine;
import com.waymark.teams.Phrase;
import com.waymark.teams.PlainText;
import com.waymark.teams.Reply;
import com.waymark.teams.Turn;
import org.springframework.stereotype.Component;

/**
 * The coaching cycle at the edge: a coach records a session with its length and Teams meeting ("next session …",
 * taken over from the older parser, which this slice is asked before); after it each participant answers the
 * after-session card; between sessions they say how their commitments went; a coach reads the pulse session by session.
 */
@Component
class CycleSlice implements FeatureSlice<CycleCommand> {

    private static final String DATE = "(\\d{4}-\\d{1,2}-\\d{1,2})";
    private static final String TIME = "(\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)?|\\d{1,2}[:.]\\d{2})";
    private static final String LENGTH = "(\\d{1,2}(?:[.,]\\d{1,2})?\\s*(?:h|hrs?|hours?)(?:\\s*\\d{1,2}\\s*(?:m|mins?|"
            + "minutes?)?)?|\\d{1,3}\\s*(?:m|mins?|minutes?))";
    private static final Pattern SESSION = Pattern.compile("^(?:next\\s+session|session)\\s+(?:on\\s+)?" + DATE
            + "(?:\\s+(?:at\\s+)?" + TIME + ")?(?:\\s+for\\s+" + LENGTH + ")?(?:\\s+(?:in\\s+)?meeting\\s+(\\S+))?$",
            Pattern.CASE_INSENSITIVE);
    /** Anything that starts like a session command is ours, so a mistake gets an example, not "I didn't follow". */
    private static final Pattern SESSION_LIKE = Pattern.compile("^(?:next\\s+session\\s+\\S.*|session\\s+(?:on\\s+)?"
            + "\\d.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOURS = Pattern.compile("(\\d{1,2}(?:[.,]\\d{1,2})?)\\s*(?:h|hrs?|hours?)"
            + "(?:\\s*(\\d{1,2})\\s*(?:m|mins?|minutes?)?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern MINUTES = Pattern.compile("(\\d{1,3})\\s*(?:m|mins?|minutes?)",
            Pattern.CASE_INSENSITIVE);

    private final SessionCycle cycle;
    private final AfterSessions after;
    private final SessionPulses pulses;
    private final ScheduleService schedules;
    private final ProgrammeService programmes;
    private final Clock clock;

    CycleSlice(SessionCycle cycle, AfterSessions after, SessionPulses pulses, ScheduleService schedules,
               ProgrammeService programmes, Clock clock) {
        this.cycle = cycle;
        this.after = after;
        this.pulses = pulses;
        this.schedules = schedules;
        this.programmes = programmes;
        this.clock = clock;
    }

    @Override
    public Optional<CycleCommand> parse(Phrase phrase) {
        Matcher m = phrase.match(SESSION);
        if (m != null) {
            return Optional.of(new CycleCommand.RecordSession(m.group(1), m.group(2), m.group(3), m.group(4)));
        }
        if (phrase.match(SESSION_LIKE) != null) {
            return Optional.of(new CycleCommand.RecordSession(null, null, null, null));
        }
        if (phrase.is("my commitments", "commitments")) {
            return Optional.of(new CycleCommand.MyCommitments());
        }
        if (phrase.is("session pulse", "pulse", "sessions")) {
            return Optional.of(new CycleCommand.ShowPulse());
        }
        return Optional.empty();
    }

    @Override
    public Optional<CycleCommand> parseCard(CardSubmit submit) {
        if (CycleCards.ANSWER.equals(submit.action()) || CycleCards.NOTHING.equals(submit.action())) {
            List<String> tries = new ArrayList<>();
            for (int i = 1; i <= AfterSessions.MAX_COMMITMENTS; i++) {
                tries.add(submit.text("try" + i));
            }
            return Optional.of(new CycleCommand.Answer(submit.text("session"),
                    CycleCards.NOTHING.equals(submit.action()), tries, submit.text("said"), submit.text("mattered"),
                    submit.text("leave"), submit.text("word")));
        }
        if (CycleCards.PROGRESS.equals(submit.action())) {
            Map<String, String> answers = new LinkedHashMap<>();
            for (Iterator<String> names = submit.data().fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.matches("c\\d{1,18}") && submit.text(name) != null) {
                    answers.put(name, submit.text(name));
                }
            }
            return Optional.of(new CycleCommand.Progress(answers));
        }
        return Optional.empty();
    }

    @Override
    public List<Activity> handle(Turn turn, CycleCommand command) {
        try {
            if (command instanceof CycleCommand.RecordSession record) {
                return record(turn.participantId(), record);
            }
            if (command instanceof CycleCommand.Answer answer) {
                return answer(turn.participantId(), answer);
            }
            if (command instanceof CycleCommand.Progress progress) {
                return progress(turn.participantId(), progress);
            }
            if (command instanceof CycleCommand.MyCommitments) {
                return mine(turn.participantId());
            }
            return pulse(turn.participantId());
        } catch (CycleProblem | ScheduleProblem | ProgrammeProblem problem) {
            throw new BadInput(problem.getMessage());
        }
    }

    @Override
    public List<HelpLine> help() {
        return List.of(
                HelpLine.participant("**my commitments**: what you said you'd try after a session, and how it went"),
                HelpLine.coach("**next session** with its date and time, for example: " + HelpLine.SESSION_EXAMPLE
                        + ", then if you like **for** its length (the programme's session length unless you say, for "
                        + "example for 90m; " + hours() + " unless you change it in **edit programme**) and "
                        + "**meeting** with the Teams meeting's join link. "
                        + "When it ends, everyone gets a card: what they'll try, and a one-minute pulse"),
                HelpLine.coach("**session pulse**: the pulse and commitments, session by session, at team level"));
    }

    private String hours() {
        long minutes = cycle.defaultLength().toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + (minutes == 60 ? " hour" : " hours") : minutes + " minutes";
    }

    private List<Activity> record(long coachId, CycleCommand.RecordSession record) {
        Programme programme = programmes.currentCoached(coachId);
        ZoneId zone = ZoneId.of(programme.getTimeZone());
        String example = schedules.sessionExample(zone) + " for 2h";
        if (record.date() == null) {
            throw new BadInput("I couldn't read that session. Give its date, time and, if you like, its length and "
                    + "Teams meeting, for example: " + example);
        }
        LocalDate day = CalendarInput.date(record.date(), example);
        LocalTime at = record.time() == null ? LocalTime.of(9, 0) : CalendarInput.time(record.time(), example);
        Duration length = record.length() == null ? cycle.defaultLength(programme.settings())
                : length(record.length(), example);
        Instant startsAt = ZonedDateTime.of(day, at, zone).toInstant();
        SessionCycle.Recorded recorded = cycle.record(coachId, programme.getId(), startsAt, length, record.meeting());
        SessionInfo session = recorded.session();
        String digest = session.digestGoesAtOnce(clock.instant())
                ? "It's less than " + session.digestHours() + " hours away, so the pre-session digest goes to the "
                        + "coaching team straight away."
                : "The pre-session digest will reach the coaching team " + session.digestHours()
                        + " hours before, on " + DateText.when(session.digestAt(), zone, clock) + ".";
        String end = recorded.inAMeeting()
                ? "When Teams says the meeting has ended (if I'm in it), or at " + clock(recorded.endsAt(), zone)
                        + " if it doesn't, "
                : "At its end, " + clock(recorded.endsAt(), zone) + ", ";
        return List.of(Reply.text("Recorded the next session of \"" + PlainText.of(programme.getName()) + "\": "
                + DateText.when(startsAt, zone, clock) + " (" + DateText.zone(zone) + "), until "
                + clock(recorded.endsAt(), zone) + ". " + digest + " " + end + "each participant gets a short card in their "
                + "own chat, at a time that suits them: what they'll try before the next session, and a one-minute "
                + "pulse."));
    }

    private static String clock(Instant at, ZoneId zone) {
        return String.format(Locale.ROOT, "%1$tH:%1$tM", at.atZone(zone));
    }

    /** "2h", "90m", "1h30", "1.5 hours": a whole number of minutes. */
    static Duration length(String text, String example) {
        Matcher hours = HOURS.matcher(text.strip());
        if (hours.matches()) {
            double h = Double.parseDouble(hours.group(1).replace(',', '.'));
            int extra = hours.group(2) == null ? 0 : Integer.parseInt(hours.group(2));
            return Duration.ofMinutes(Math.round(h * 60) + extra);
        }
        Matcher minutes = MINUTES.matcher(text.strip());
        if (minutes.matches()) {
            return Duration.ofMinutes(Integer.parseInt(minutes.group(1)));
        }
        throw new BadInput("I couldn't read that length. Say it in hours or minutes, for example: " + example);
    }

    private List<Activity> answer(long participantId, CycleCommand.Answer answer) {
        long session;
        try {
            session = Long.parseLong(answer.session() == null ? "" : answer.session());
        } catch (NumberFormatException e) {
            throw new BadInput("That card is not for a session of yours, so nothing was saved.");
        }
        Pulse pulse = pulse(answer);
        AfterSessions.Answered saved = after.answer(participantId, session, answer.nothingThisTime(), answer.tries(),
                pulse);
        StringBuilder reply = new StringBuilder("Saved");
        List<Integer> numbers = saved.actionNumbers();
        if (numbers.isEmpty()) {
            reply.append(": nothing this time, and that's fine.");
        } else {
            reply.append(numbers.size() == 1 ? ": action " + numbers.get(0) + " is in your plan. "
                    : ": actions " + joined(numbers) + " are in your plan. ");
            reply.append("I'll ask how ").append(numbers.size() == 1 ? "it" : "they")
                    .append(" went with your next check-in, or say \"my commitments\" any time.");
        }
        if (saved.pulse()) {
            reply.append(" Thank you for the pulse: your coach sees it only combined with other people's.");
        }
        return List.of(Reply.text(reply.toString()));
    }

    private static Pulse pulse(CycleCommand.Answer answer) {
        List<String> scores = java.util.Arrays.asList(answer.said(), answer.mattered(), answer.leave());
        long given = scores.stream().filter(s -> s != null).count();
        if (given == 0) {
            if (answer.word() != null) {
                throw new BadInput("Your word goes with the pulse: choose 1 to 5 for each of the three questions "
                        + "too, or leave the word out. Nothing has been saved.");
            }
            return null;
        }
        if (given < 3) {
            throw new BadInput("The pulse needs all three answers, from 1 to 5, or none of them. Nothing has been "
                    + "saved.");
        }
        try {
            return new Pulse(Integer.parseInt(answer.said().strip()), Integer.parseInt(answer.mattered().strip()),
                    Integer.parseInt(answer.leave().strip()), answer.word());
        } catch (NumberFormatException e) {
            throw new BadInput("Each of the three answers is from 1 to 5. Nothing has been saved.");
        }
    }

    private List<Activity> mine(long participantId) {
        List<AfterSessions.OpenCommitment> open = after.open(participantId);
        if (open.isEmpty()) {
            return List.of(Reply.text("You have no open commitments from a session. After each session you'll get a "
                    + "card to note one to three things you'll try."));
        }
        return List.of(Reply.card(CycleCards.followUp(open)));
    }

    private List<Activity> progress(long participantId, CycleCommand.Progress progress) {
        Map<Long, Progress> how = new LinkedHashMap<>();
        for (Map.Entry<String, String> answer : progress.answers().entrySet()) {
            Progress p;
            try {
                p = Progress.valueOf(answer.getValue().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadInput("Choose done, partly, not yet or something's in the way for each. Nothing has "
                        + "been saved.");
            }
            how.put(Long.parseLong(answer.getKey().substring(1)), p);
        }
        if (how.isEmpty()) {
            throw new BadInput("Choose how at least one of them went, then press Save. Nothing has been saved.");
        }
        after.progress(participantId, how);
        String reply = "Saved, thank you.";
        if (how.containsValue(Progress.IN_THE_WAY)) {
            reply += " If you'd like to note what's in the way, say stuck with the action's number and a few words, "
                    + "for example: stuck 2 no time this month.";
        }
        return List.of(Reply.text(reply));
    }

    private List<Activity> pulse(long coachId) {
        Programme programme = programmes.currentCoached(coachId);
        SessionPulses.CycleReport report = pulses.read(coachId);
        return List.of(Reply.card(CycleCards.report(report, ZoneId.of(programme.getTimeZone()), clock)));
    }

    private static String joined(List<Integer> numbers) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < numbers.size(); i++) {
            text.append(i == 0 ? "" : i == numbers.size() - 1 ? " and " : ", ").append(numbers.get(i));
        }
        return text.toString();
    }
}
