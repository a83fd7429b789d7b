package com.waymark.schedule;

import java.time.Clock;

import com.waymark.programme.ParticipantService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records a send's outcome and its consequences in one transaction. */
@Component
class DeliveryOutcomes {

    private final OutboxService outbox;
    private final OccurrenceRepository occurrences;
    private final ParticipantService participants;
    private final Clock clock;

    DeliveryOutcomes(OutboxService outbox, OccurrenceRepository occurrences, ParticipantService participants,
                     Clock clock) {
        this.outbox = outbox;
        this.occurrences = occurrences;
        this.participants = participants;
        this.clock = clock;
    }

    @Transactional
    public void record(OutboundMessage message, String owner, DeliveryResult result) {
        if (!outbox.complete(message, owner, result)) {
            return;
        }
        if (result instanceof DeliveryResult.Sent && message.kind() != null) {
            Long occurrenceId = occurrenceOf(message);
            if (occurrenceId != null) {
                occurrences.findById(occurrenceId).ifPresent(o -> {
                    if (message.kind() == OutboxMessage.Kind.CHECKIN_PROMPT && o.getStatus() == Occurrence.Status.QUEUED) {
                        o.moveTo(Occurrence.Status.SENT, clock.instant());
                    }
                });
            }
        }
        if (result instanceof DeliveryResult.Unreachable && message.participantId() != null) {
            participants.markUnreachable(message.participantId());
            outbox.cancelPending(message.participantId());
        }
    }

    private Long occurrenceOf(OutboundMessage message) {
        return message.kind() == OutboxMessage.Kind.CHECKIN_PROMPT || message.kind() == OutboxMessage.Kind.CHECKIN_REMINDER
                ? OccurrencePayload.occurrenceId(message.payload()) : null;
    }
}
