package com.waymark.schedule;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.waymark.programme.EnrolmentService;
import com.waymark.programme.ThresholdLowering;
import com.waymark.privacy.ConsentService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A coach lowered a programme's confidentiality threshold: every participant whose answers count in its figures
 * (active members who agreed to the notice) is told in their 1:1 chat before it applies, through the outbox, in the
 * coach's own transaction: the lowering is saved exactly when the messages are queued. Each waits for its
 * recipient's own time for messages ({@code PersonalScheduleService.reachableFrom}: quiet hours, days away). Ids only in the queue: the edge words it from the programme when it is sent.
 */
@Component
class ThresholdNotices {

    private final EnrolmentService enrolment;
    private final ConsentService consent;
    private final OutboxService outbox;
    private final PersonalScheduleService personal;
    private final ObjectMapper json;
    private final Clock clock;

    ThresholdNotices(EnrolmentService enrolment, ConsentService consent, OutboxService outbox,
                     PersonalScheduleService personal, ObjectMapper json, Clock clock) {
        this.enrolment = enrolment;
        this.consent = consent;
        this.outbox = outbox;
        this.personal = personal;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void lowered(ThresholdLowering lowering) {
        List<Long> members = List.copyOf(enrolment.activeMemberGroups(lowering.programmeId()).keySet());
        String payload = json.createObjectNode().put("programmeId", lowering.programmeId())
                .put("was", lowering.was()).put("to", lowering.to()).put("from", lowering.from().toString()).toString();
        for (long participantId : consent.consentedAmong(members)) {
            outbox.enqueue("threshold:" + lowering.programmeId() + ":" + lowering.to() + ":"
                            + lowering.from().getEpochSecond() + ":p" + participantId, participantId,
                    OutboxMessage.Kind.THRESHOLD_LOWERED, null, payload,
                    personal.reachableFrom(participantId, clock.instant()));
        }
    }
}
