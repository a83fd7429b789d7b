package com.waymark.schedule;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coaching sessions written as history, for seeding a sample programme (the {@code demo} profile): a session that
 * took place, recorded when it was. No digest is scheduled for it (it would be long past), unlike
 * {@link ScheduleService#recordSession}, which takes only sessions still to come.
 */
@Component
public class PastCoachingSessions {

    /** What "next session" records a session with: its digest a day before. */
    static final int DIGEST_HOURS = 24;

    private final CoachingSessionRepository sessions;

    PastCoachingSessions(CoachingSessionRepository sessions) {
        this.sessions = sessions;
    }

    /** A session of {@code programmeId} that started at {@code startsAt}, recorded by its coach at {@code recordedAt}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public SessionInfo record(long programmeId, long coachId, Instant startsAt, Instant recordedAt) {
        if (!startsAt.isAfter(recordedAt)) {
            throw new IllegalArgumentException("A session is recorded before it starts");
        }
        return sessions.save(new CoachingSession(programmeId, startsAt, DIGEST_HOURS, coachId,
                recordedAt)).info();
    }

}
