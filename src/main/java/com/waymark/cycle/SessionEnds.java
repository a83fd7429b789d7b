package com.waymark.cycle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.waymark.outbox.OutboxService;
import com.waymark.programme.Programmes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A session's end, claimed once: by Teams' meeting-end event when the bot is in the meeting, else by the timer at the
 * recorded end. The claim is one conditional UPDATE ({@code ended_at is null}), so of two callers on any instances,
 * at any moment, one wins; only the winner queues the after-session cards, in the same transaction.
 * <p>
 * Each signal is counted once committed, {@value #SIGNALS} by {@code by} (meeting_end, timer) and {@code outcome}
 * (ended, nothing): all ends by the timer in a programme that meets in Teams says the app lacks the meeting's consent,
 * and across instances the counts show each end claimed once.
 */
@Service
public class SessionEnds {

    private static final Logger log = LoggerFactory.getLogger(SessionEnds.class);
    static final String SIGNALS = "waymark.session.end.signals";

    private final CycleSessionRepository sessions;
    private final Programmes programmes;
    private final OutboxService outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    public SessionEnds(CycleSessionRepository sessions, Programmes programmes,
                       OutboxService outbox, Clock clock, MeterRegistry meters) {
        this.sessions = sessions;
        this.programmes = programmes;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
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
        List<CycleSession> open = keys.isEmpty() ? List.of() : sessions.openInMeeting(keys, clock.instant());
        return counted(CycleSession.EndedBy.MEETING_END,
                open.isEmpty() ? Optional.empty() : claim(open.get(0), CycleSession.EndedBy.MEETING_END));
    }

    /** The recorded end came: ends the session unless it has ended already. */
    @Transactional
    public Optional<Ended> timerFired(long sessionId) {
        return counted(CycleSession.EndedBy.TIMER, sessions.findById(sessionId).filter(s -> s.getEndedAt() == null)
                .flatMap(s -> claim(s, CycleSession.EndedBy.TIMER)));
    }

    /** Counts the signal when its transaction commits: a claim rolled back ended nothing. */
    private Optional<Ended> counted(CycleSession.EndedBy by, Optional<Ended> ended) {
        Counter counter = Counter.builder(SIGNALS).description("Meeting-end events and end timers, by what they did")
                .tag("by", by.name().toLowerCase(Locale.ROOT))
                .tag("outcome", ended.isPresent() ? "ended" : "nothing").register(meters);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
        return ended;
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
