package com.waymark.teams;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.waymark.programme.Participant;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.programme.ProgrammeService;
import com.waymark.schedule.CoachingSession;
import com.waymark.schedule.ScheduleProblem;
import com.waymark.schedule.ScheduleService;
import org.springframework.stereotype.Component;

/**
 * A coach's next session ("next session 2026-12-15 14:00"), in a 1:1 chat: what is left of the scheduling
 * conversation (a person's own clock is {@code teams.myclock}, the coach's rhythm {@code teams.rhythm}); the session
 * cycle's slice takes it over.
 */
@Component
class ScheduleConversation {

    /** How long before a session its digest goes to the coaching team. */
    static final int DIGEST_HOURS = 24;

    private final ScheduleService schedules;
    private final ProgrammeService programmes;
    private final java.time.Clock clock;

    ScheduleConversation(ScheduleService schedules, ProgrammeService programmes, java.time.Clock clock) {
        this.schedules = schedules;
        this.programmes = programmes;
        this.clock = clock;
    }

    static boolean handles(Command command) {
        return command instanceof Command.NextSession;
    }

    List<Activity> handle(Participant person, Command command) {
        try {
            return dispatch(person, command);
        } catch (ScheduleProblem | ProgrammeProblem problem) {
            return text(PlainText.of(problem.getMessage()));
        }
    }

    private List<Activity> dispatch(Participant person, Command command) {
        long id = person.getId();
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

    private static List<Activity> text(String text) {
        return List.of(MessageFactory.text(text));
    }
}
