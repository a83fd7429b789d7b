package com.waymark.schedule;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The one rule every message to a participant keeps when it is sent, not only when it was planned: it arrives on their
 * own clock ({@link PersonalClock#nextReachable}: outside quiet hours, not on a day away, not before their "after").
 * Checked at the moment of sending, so a message that waited through downtime, a snooze, or a setting changed since
 * it was queued still keeps it. Messages to coaches (the pre-session digest, a request to call someone) are not held.
 */
@Component
class DeliveryTimes {

    /** The kinds that go to a participant about their own coaching. */
    static final Set<OutboxMessage.Kind> TO_PARTICIPANTS = EnumSet.of(OutboxMessage.Kind.CHECKIN_PROMPT,
            OutboxMessage.Kind.CHECKIN_REMINDER, OutboxMessage.Kind.PAIRING_NUDGE,
            OutboxMessage.Kind.PAIRING_FOLLOW_UP, OutboxMessage.Kind.TEXT);

    private final PersonalClocks clocks;

    DeliveryTimes(PersonalClocks clocks) {
        this.clocks = clocks;
    }

    /** For each message of the batch that must wait, by outbox id, the moment it may go. One read per batch. */
    Map<Long, Instant> heldUntil(List<OutboundMessage> batch, Instant now) {
        List<Long> people = batch.stream().filter(m -> m.participantId() != null && TO_PARTICIPANTS.contains(m.kind()))
                .map(OutboundMessage::participantId).distinct().toList();
        Map<Long, Instant> held = new HashMap<>();
        if (people.isEmpty()) {
            return held;
        }
        Map<Long, PersonalClock> byPerson = clocks.ofIds(people);
        for (OutboundMessage message : batch) {
            PersonalClock clock = message.participantId() == null || !TO_PARTICIPANTS.contains(message.kind()) ? null
                    : byPerson.get(message.participantId());
            Instant reachable = clock == null ? now : clock.nextReachable(now);
            if (reachable.isAfter(now)) {
                held.put(message.outboxId(), reachable);
            }
        }
        return held;
    }
}
