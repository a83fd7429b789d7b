package com.waymark.pairing;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.waymark.schedule.OutboxMessage;
import com.waymark.schedule.OutboxService;
import org.springframework.stereotype.Component;

/**
 * Puts peer-coaching messages in the outbox, in the caller's transaction. Payloads carry ids only: the edge
 * reads names, roles and organisations when it sends, so a person's erasure leaves no copy of them in
 * anyone else's queued messages, and a nudge whose group has changed meanwhile is not sent at all.
 */
@Component
class PairingMessages {

    private final OutboxService outbox;
    private final ObjectMapper json;
    private final Clock clock;

    PairingMessages(OutboxService outbox, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** Who their partner is, the suggested structure and the buttons; {@code rematch} after a partner stepped out. */
    void nudge(PairingRound round, PairingMember member, boolean rematch) {
        String key = "pairing:r" + round.getId() + ":p" + member.getParticipantId()
                + (rematch ? ":g" + member.getGroupId() : "");
        String payload = json.createObjectNode().put("memberId", member.getId()).put("groupId", member.getGroupId())
                .put("rematch", rematch).toString();
        outbox.enqueue(key, member.getParticipantId(), OutboxMessage.Kind.PAIRING_NUDGE, null, payload,
                clock.instant());
    }

    void followUp(PairingFollowUp followUp) {
        String payload = json.createObjectNode().put("followUpId", followUp.getId()).toString();
        outbox.enqueue("pairing-followup:f" + followUp.getId() + ":s" + followUp.getSnoozes(),
                followUp.getParticipantId(), OutboxMessage.Kind.PAIRING_FOLLOW_UP, null, payload, clock.instant());
    }

    /** A plain sentence; never a name or anything a person wrote. */
    void text(long participantId, String key, String text) {
        outbox.enqueue(key, participantId, OutboxMessage.Kind.TEXT, null,
                json.createObjectNode().put("text", text).toString(), clock.instant());
    }
}
