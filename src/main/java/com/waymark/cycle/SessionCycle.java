package com.waymark.cycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.waymark.programme.ProgrammeSettings;
import com.waymark.schedule.SessionInfo;
import com.waymark.schedule.ScheduleService;
import com.waymark.schedule.SessionTriggers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording a session with its end and meeting: schedule stores the session and its pre-session digest trigger; this
 * module its end, its meeting and the trigger at its end, all in the one transaction (Quartz's JDBC store joins it).
 */
@Service
@EnableConfigurationProperties(CycleSettings.class)
public class SessionCycle {

    /** Shorter is not a session; longer than a working day is not one either. */
    static final Duration SHORTEST = Duration.ofMinutes(ProgrammeSettings.SHORTEST_SESSION_MINUTES);
    static final Duration LONGEST = Duration.ofMinutes(ProgrammeSettings.LONGEST_SESSION_MINUTES);
    static final int DIGEST_HOURS = 24;

    private final ScheduleService schedules;
    private final CycleSessionRepository sessions;
    private final SessionTriggers triggers;
    private final CycleSettings settings;
    private final Clock clock;

    public SessionCycle(ScheduleService schedules, CycleSessionRepository sessions, SessionTriggers triggers,
                        CycleSettings settings, Clock clock) {
        this.schedules = schedules;
        this.sessions = sessions;
        this.triggers = triggers;
        this.settings = settings;
        this.clock = clock;
    }

    /** A recorded session: schedule's, and when it ends. */
    public record Recorded(SessionInfo session, Instant endsAt, boolean inAMeeting) {
    }

    /** The length a session has when neither the coach nor the programme gives one: the installation's. */
    public Duration defaultLength() {
        return Duration.ofMinutes(settings.sessionMinutes());
    }

    /** The length a session of a programme with these settings has when the coach gives none. */
    public Duration defaultLength(ProgrammeSettings programme) {
        return programme.sessionMinutes() == null ? defaultLength() : Duration.ofMinutes(programme.sessionMinutes());
    }

    /**
     * Records the next session of a programme the coach coaches. {@code length} null: the default; {@code meeting}
     * null: none (the end then comes from the clock alone). Everything is checked before anything is written.
     */
    @Transactional
    public Recorded record(long coachId, long programmeId, Instant startsAt, Duration length, String meeting) {
        Duration lasts = length == null ? defaultLength() : length;
        if (lasts.compareTo(SHORTEST) < 0 || lasts.compareTo(LONGEST) > 0) {
            throw new CycleProblem("A session can last from 15 minutes to 10 hours, for example: for 2h, or for 90m.");
        }
        String key = null;
        if (meeting != null) {
            key = MeetingKey.of(meeting);
            if (key == null) {
                throw new CycleProblem("That doesn't look like a Teams meeting. Paste the meeting's join link (it "
                        + "starts https://teams.microsoft.com/) or leave the meeting out.");
            }
        }
        SessionInfo session = schedules.recordSession(coachId, programmeId, startsAt, DIGEST_HOURS);
        Instant endsAt = startsAt.plus(lasts);
        CycleSession cycle = sessions.save(new CycleSession(session.id(), session.programmeId(), startsAt,
                endsAt, key));
        triggers.plan(SessionEndJob.key(cycle.getSessionId()), SessionEndJob.class, cycle.getSessionId(), endsAt);
        return new Recorded(session, endsAt, key != null);
    }

    Instant now() {
        return clock.instant();
    }
}
