package com.waymark.schedule;

import java.time.Clock;
import java.util.List;

import com.waymark.programme.Programmes;
import com.waymark.programme.ThresholdLowering;
import com.waymark.privacy.ConsentService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import com.waymark.outbox.OutboxService;
import com.waymark.outbox.OutboxPayload;

/**
 * A coach lowered a programme's confidentiality threshold: every participant whose answers count in its figures
 * (active members who agreed to the notice) is told in their 1:1 chat before it applies, through the outbox, in the
 * coach's own transaction: the lowering is saved exactly when the messages are queued. Each waits for its
 * recipient's own time for messages ({@code PersonalScheduleService.reachableFrom}: quiet hours, days away). Ids only in the queue: the edge words it from the programme when it is sent.
 */
@Component
class ThresholdNotices {
    private final Programmes programmes;
    private final ConsentService consent;
    private final OutboxService outbox;
    private final PersonalScheduleService personal;
    private final Clock clock;

    ThresholdNotices(Programmes programmes, ConsentService consent, OutboxService outbox,
                     PersonalScheduleService personal, Clock clock) {
        this.programmes = programmes;
        this.consent = consent;
        this.outbox = outbox;
        this.personal = personal;
        this.clock = clock;
    }

    @EventListener
    void lowered(ThresholdLowering lowering) {
        List<Long> members = List.copyOf(programmes.activeMemberGroups(lowering.programmeId()).keySet());
        var payload = new OutboxPayload.ThresholdLowered(lowering.programmeId(), lowering.was(), lowering.to(),
                lowering.from());
        for (long participantId : consent.consentedAmong(members)) {
            outbox.enqueue("threshold:" + lowering.programmeId() + ":" + lowering.to() + ":"
                            + lowering.from().getEpochSecond() + ":p" + participantId, participantId,
                    payload,
                    personal.reachableFrom(participantId, clock.instant()));
        }
    }
}
