package com.waymark.pairing;

import java.time.Clock;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.waymark.schedule.OutboxMessage;
import com.waymark.schedule.OutboxService;
import com.waymark.schedule.PersonalScheduleService;
import org.springframework.stereotype.Component;

/**
 * Puts peer-coaching messages in the outbox, in the caller's transaction. Payloads carry ids only: the edge
 * reads names, roles and organisations when it sends, so a person's erasure leaves no copy of them in
 * anyone else's queued messages, and a nudge whose group has changed meanwhile is not sent at all.
 * <p>
 * A round runs at one time for the whole programme (pairs are formed together), but each message waits for the end
 * of its recipient's own quiet hours, on their own clock, as check-ins do.
 */
@Component
class PairingMessages {

    private final OutboxService outbox;
    private final PersonalScheduleService personal;
    private final ObjectMapper json;
    private final Clock clock;

    PairingMessages(OutboxService outbox, PersonalScheduleService personal, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.personal = personal;
        this.json = json;
        this.clock = clock;
    }

    private Instant due(long participantId) {
        return personal.outsideQuietHours(participantId, clock.instant());
    }

    /** Who their partner is, the suggested structure and the buttons; {@code rematch} after a partner stepped out. */
    void nudge(PairingRound round, PairingMember member, boolean rematch) {
        String key = "pairing:r" + round.getId() + ":p" + member.getParticipantId()
                + (rematch ? ":g" + member.getGroupId() : "");
        String payload = json.createObjectNode().put("memberId", member.getId()).put("groupId", member.getGroupId())
                .put("rematch", rematch).toString();
        outbox.enqueue(key, member.getParticipantId(), OutboxMessage.Kind.PAIRING_NUDGE, null, payload,
                due(member.getParticipantId()));
    }

    void followUp(PairingFollowUp followUp) {
        String payload = json.createObjectNode().put("followUpId", followUp.getId()).toString();
        outbox.enqueue("pairing-followup:f" + followUp.getId() + ":s" + followUp.getSnoozes(),
                followUp.getParticipantId(), OutboxMessage.Kind.PAIRING_FOLLOW_UP, null, payload,
                due(followUp.getParticipantId()));
    }

    /** A plain sentence; never a name or anything a person wrote. */
    void text(long participantId, String key, String text) {
        outbox.enqueue(key, participantId, OutboxMessage.Kind.TEXT, null,
                json.createObjectNode().put("text", text).toString(), due(participantId));
    }
}
