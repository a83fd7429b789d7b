package com.waymark.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;

import com.waymark.programme.MembershipEnded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import com.waymark.outbox.OutboxService;

/**
 * Someone who leaves a programme (or is removed from the team that enrolled them) gets none of its check-ins any
 * more: those planned ahead, one queued or open, and its reminder are cancelled in the same transaction as the
 * leaving, with their outbox rows. What they answered stays theirs.
 */
@Component
class CheckInsOnLeaving {

    private static final EnumSet<Occurrence.Status> STILL_TO_COME = EnumSet.of(Occurrence.Status.PLANNED,
            Occurrence.Status.QUEUED, Occurrence.Status.SENT, Occurrence.Status.REMINDED);

    private final OccurrenceRepository occurrences;
    private final OutboxService outbox;
    private final Clock clock;

    CheckInsOnLeaving(OccurrenceRepository occurrences, OutboxService outbox, Clock clock) {
        this.occurrences = occurrences;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    void onMembershipEnded(MembershipEnded ended) {
        Instant now = clock.instant();
        for (Occurrence occurrence : occurrences.findByParticipantIdAndProgrammeIdAndStatusIn(ended.participantId(),
                ended.programmeId(), STILL_TO_COME)) {
            occurrence.moveTo(Occurrence.Status.CANCELLED, now);
            outbox.cancelPendingFor(occurrence.getId());
        }
    }
}
