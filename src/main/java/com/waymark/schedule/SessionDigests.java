package com.waymark.schedule;

import java.time.Clock;

import com.waymark.programme.Programmes;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import com.waymark.outbox.OutboxService;
import com.waymark.outbox.OutboxPayload;

/**
 * When a session approaches, puts one digest message per coach of the programme in the outbox.
 * The digest's content is rendered at the edge from the programme and session ids; the insight
 * feature fills it with themes, wellbeing and actions.
 */
@Component
public class SessionDigests {

    private final CoachingSessionRepository sessions;
    private final Programmes programmes;
    private final OutboxService outbox;
    private final Clock clock;

    public SessionDigests(CoachingSessionRepository sessions, Programmes programmes, OutboxService outbox, Clock clock) {
        this.sessions = sessions;
        this.programmes = programmes;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Returns how many coaches the digest was queued for (0 when the session has already begun). */
    @Transactional
    public int sessionApproaching(long sessionId) {
        CoachingSession session = sessions.findById(sessionId).orElse(null);
        if (session == null || !session.getStartsAt().isAfter(clock.instant())) {
            return 0;
        }
        int queued = 0;
        for (long coach : programmes.staffIds(session.getProgrammeId())) {
            var payload = new OutboxPayload.SessionDigest(session.getId(), session.getProgrammeId(),
                    session.getStartsAt());
            if (outbox.enqueue("digest:s" + sessionId + ":c" + coach, coach,
                    payload, clock.instant())) {
                queued++;
            }
        }
        return queued;
    }
}
