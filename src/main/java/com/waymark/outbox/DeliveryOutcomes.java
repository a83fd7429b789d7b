package com.waymark.outbox;

import com.waymark.programme.ParticipantService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a send's outcome and its consequences in one transaction: a sent message is announced
 * ({@link OutboxMessageSent}) to whoever must move on; an unreachable person is marked so and their queue cancelled.
 */
@Component
public class DeliveryOutcomes {

    private final OutboxService outbox;
    private final ParticipantService participants;
    private final ApplicationEventPublisher events;

    DeliveryOutcomes(OutboxService outbox, ParticipantService participants, ApplicationEventPublisher events) {
        this.outbox = outbox;
        this.participants = participants;
        this.events = events;
    }

    @Transactional
    public void record(OutboundMessage message, String owner, DeliveryResult result) {
        if (!outbox.complete(message, owner, result)) {
            return;
        }
        if (result instanceof DeliveryResult.Sent && message.payload() != null) {
            events.publishEvent(new OutboxMessageSent(message.participantId(), message.payload()));
        }
        if (result instanceof DeliveryResult.Unreachable && message.participantId() != null) {
            participants.markUnreachable(message.participantId());
            outbox.cancelPending(message.participantId());
        }
    }
}
