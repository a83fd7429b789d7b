package com.waymark.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import com.waymark.outbox.OutboxMessageSent;
import com.waymark.outbox.OutboxPayload;
import com.waymark.outbox.RecipientTimes;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The schedule's side of the outbox: it says when a participant may be messaged on their own clock
 * ({@link PersonalClock#nextReachable}), and moves a check-in along once its prompt reached them (in the transaction
 * that records the send).
 */
@Component
class OutboxOnTheirClock implements RecipientTimes {

    private final PersonalClocks clocks;
    private final OccurrenceRepository occurrences;
    private final Clock clock;

    OutboxOnTheirClock(PersonalClocks clocks, OccurrenceRepository occurrences, Clock clock) {
        this.clocks = clocks;
        this.occurrences = occurrences;
        this.clock = clock;
    }

    @Override
    public Map<Long, Instant> nextReachable(Collection<Long> participantIds, Instant now) {
        Map<Long, Instant> reachable = new HashMap<>();
        clocks.ofIds(participantIds).forEach((id, personal) -> reachable.put(id, personal.nextReachable(now)));
        return reachable;
    }

    @EventListener
    void sent(OutboxMessageSent sent) {
        if (sent.payload() instanceof OutboxPayload.CheckIn checkIn && !checkIn.reminder()) {
            occurrences.findById(checkIn.occurrenceId()).ifPresent(o -> {
                if (o.getStatus() == Occurrence.Status.QUEUED) {
                    o.moveTo(Occurrence.Status.SENT, clock.instant());
                }
            });
        }
    }
}
