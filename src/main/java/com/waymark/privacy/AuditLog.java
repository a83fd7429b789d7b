package com.waymark.privacy;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every read of participants' data by coaching staff, so that each person can see who has seen
 * summaries that included them, and programme admins can review their programme. Whoever shows a coach an
 * aggregate records it here in the same breath.
 */
@Service
public class AuditLog {

    /** Enough to answer honestly without turning a chat reply into a ledger. */
    public static final int SHOWN = 50;

    private final AuditRepository events;
    private final NameDirectory names;
    private final Clock clock;

    public AuditLog(AuditRepository events, NameDirectory names, Clock clock) {
        this.events = events;
        this.names = names;
        this.clock = clock;
    }

    /** A coach read an aggregate of these people's data in this programme. */
    @Transactional
    public void record(long readerId, ReadKind kind, Long programmeId, Collection<Long> includedParticipantIds) {
        events.save(new AuditEvent(readerId, kind, programmeId, Set.copyOf(includedParticipantIds), clock.instant()));
    }

    /** The reads whose aggregate included this person, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> readsIncluding(long participantId) {
        return events.findIncluding(participantId, PageRequest.of(0, SHOWN)).stream().map(e -> e.toEntry(names))
                .toList();
    }

    /** The programme's most recent reads, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> recentReads(long programmeId, int limit) {
        return events.findRecent(programmeId, PageRequest.of(0, Math.max(1, limit))).stream()
                .map(e -> e.toEntry(names)).toList();
    }
}
