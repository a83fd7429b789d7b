package com.waymark.schedule;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;

import com.waymark.checkin.CheckInRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Closes the occurrence a check-in answers, in the same transaction, and cancels its pending reminder. */
@Component
class OccurrenceAnswers {

    private static final EnumSet<Occurrence.Status> OPEN = EnumSet.of(Occurrence.Status.QUEUED,
            Occurrence.Status.SENT, Occurrence.Status.REMINDED);

    private final OccurrenceRepository occurrences;
    private final OutboxService outbox;
    private final Clock clock;

    OccurrenceAnswers(OccurrenceRepository occurrences, OutboxService outbox, Clock clock) {
        this.occurrences = occurrences;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    void onCheckIn(CheckInRecorded event) {
        Optional<Occurrence> answered = Optional.ofNullable(event.occurrenceId()).flatMap(occurrences::findById)
                .filter(o -> o.getParticipantId() == event.participantId() && OPEN.contains(o.getStatus()));
        if (answered.isEmpty()) {
            answered = occurrences.findOpenFor(event.participantId(), event.at()).stream().findFirst();
        }
        answered.ifPresent(o -> {
            o.answered(event.checkInId(), clock.instant());
            outbox.cancelPendingFor(o.getId());
        });
    }
}
