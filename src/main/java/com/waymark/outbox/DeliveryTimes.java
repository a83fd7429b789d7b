package com.waymark.outbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The one rule every message to a participant keeps when it is sent, not only when it was planned: it arrives on their
 * own clock (outside quiet hours, not on a day away, not before their "after"; the module that keeps those answers,
 * through {@link RecipientTimes}). Checked at the moment of sending, so a message that waited through downtime, a
 * snooze, or a setting changed since it was queued still keeps it. Messages to coaches (the pre-session digest, a
 * request to call someone) are not held: their payloads are not {@link OutboxPayload#onRecipientsClock() on the
 * recipient's clock}.
 */
@Component
public class DeliveryTimes {

    private final RecipientTimes recipients;

    DeliveryTimes(RecipientTimes recipients) {
        this.recipients = recipients;
    }

    /** For each message of the batch that must wait, by outbox id, the moment it may go. One read per batch. */
    Map<Long, Instant> heldUntil(List<OutboundMessage> batch, Instant now) {
        List<Long> people = batch.stream().filter(DeliveryTimes::onTheirClock)
                .map(OutboundMessage::participantId).distinct().toList();
        Map<Long, Instant> held = new HashMap<>();
        if (people.isEmpty()) {
            return held;
        }
        Map<Long, Instant> reachable = recipients.nextReachable(people, now);
        for (OutboundMessage message : batch) {
            Instant from = onTheirClock(message) ? reachable.getOrDefault(message.participantId(), now) : now;
            if (from.isAfter(now)) {
                held.put(message.outboxId(), from);
            }
        }
        return held;
    }

    private static boolean onTheirClock(OutboundMessage message) {
        return message.participantId() != null && message.payload() != null && message.payload().onRecipientsClock();
    }
}
