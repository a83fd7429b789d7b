package com.waymark.cycle;

import java.time.Clock;

import com.waymark.outbox.OutboxMessageSent;
import com.waymark.outbox.OutboxPayload;
import com.waymark.outbox.OutboxService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Between sessions, the scheduled check-in asks about the last session's commitments: once a check-in prompt has
 * reached someone with commitments still open, a card asking how they went follows it (queued in the transaction that
 * records the prompt as sent, so it goes once, straight after it). A reminder does not ask again.
 */
@Component
class FollowUpWithCheckIns {

    private final CommitmentRepository commitments;
    private final OutboxService outbox;
    private final Clock clock;

    FollowUpWithCheckIns(CommitmentRepository commitments, OutboxService outbox, Clock clock) {
        this.commitments = commitments;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    void sent(OutboxMessageSent sent) {
        if (!(sent.payload() instanceof OutboxPayload.CheckIn checkIn) || checkIn.reminder()
                || sent.recipient() == null) {
            return;
        }
        boolean open = commitments.findByParticipantIdOrderByCreatedAtAscIdAsc(sent.recipient()).stream()
                .anyMatch(c -> c.getProgress() != Progress.DONE);
        if (open) {
            outbox.enqueue("follow:o" + checkIn.occurrenceId() + ":p" + sent.recipient(), sent.recipient(),
                    new CommitmentFollowUp(checkIn.occurrenceId()), clock.instant());
        }
    }
}
