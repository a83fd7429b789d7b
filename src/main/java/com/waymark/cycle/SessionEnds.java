package com.waymark.cycle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.waymark.outbox.OutboxService;
import com.waymark.programme.Programmes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A session's end, claimed once: by Teams' meeting-end event when the bot is in the meeting, else by the timer at the
 * recorded end. The claim is one conditional UPDATE ({@code ended_at is null}), so of two callers on any instances,
 * at any moment, one wins; only the winner queues the after-session cards, in the same transaction.
 */
@Service
public class SessionEnds {

    private static final Logger log = LoggerFactory.getLogger(SessionEnds.class);

    private final CycleSessionRepository sessions;
    private final Programmes programmes;
    private final OutboxService outbox;
    private final Clock clock;

    public SessionEnds(CycleSessionRepository sessions, Programmes programmes,
                       OutboxService outbox, Clock clock) {
        this.sessions = sessions;
        this.programmes = programmes;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What a claimed end did: the session, and how many cards it queued. */
    public record Ended(long sessionId, int cardsQueued) {
    }

    /**
     * Teams says a meeting ended: the session held in it that has begun and not yet ended (a recurring meeting keeps
     * one thread, so the latest begun) ends now. Empty when no recorded session is in that meeting, or it has ended.
     */
    @Transactional
    public Optional<Ended> meetingEnded(String threadId, String joinUrl, String meetingId) {
        Set<String> keys = MeetingKey.candidates(threadId, joinUrl, meetingId);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        List<CycleSession> open = sessions.openInMeeting(keys, clock.instant());
        if (open.isEmpty()) {
            return Optional.empty();
        }
        return claim(open.get(0), CycleSession.EndedBy.MEETING_END);
    }

    /** The recorded end came: ends the session unless it has ended already. */
    @Transactional
    public Optional<Ended> timerFired(long sessionId) {
        return sessions.findById(sessionId).filter(s -> s.getEndedAt() == null)
                .flatMap(s -> claim(s, CycleSession.EndedBy.TIMER));
    }

    private Optional<Ended> claim(CycleSession session, CycleSession.EndedBy by) {
        Instant now = clock.instant();
        if (sessions.claimEnd(session.getSessionId(), now, by.name()) != 1) {
            return Optional.empty();
        }
        long programmeId = session.getProgrammeId();
        Set<Long> staff = programmes.staffIds(programmeId);
        int queued = 0;
        for (Long member : programmes.activeMemberGroups(programmeId).keySet()) {
            if (staff.contains(member)) {
                continue;
            }
            if (outbox.enqueue("after:s" + session.getSessionId() + ":p" + member, member,
                    new AfterSession(session.getSessionId(), programmeId), now)) {
                queued++;
            }
        }
        log.info("Session {} ended ({}); {} after-session cards queued", session.getSessionId(), by, queued);
        return Optional.of(new Ended(session.getSessionId(), queued));
    }
}
