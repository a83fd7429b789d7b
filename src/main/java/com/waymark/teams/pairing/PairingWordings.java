package com.waymark.teams.pairing;

import java.util.List;

import com.microsoft.bot.schema.Activity;
import com.waymark.outbox.OutboxPayload;
import com.waymark.pairing.PeerCoachingParticipation;
import com.waymark.teams.MessageWording;
import com.waymark.teams.PairingCards;
import com.waymark.teams.Reply;
import org.springframework.stereotype.Component;

/**
 * How peer coaching's messages are worded when sent: read from ids then, so a person's erasure leaves no copy of them
 * in a partner's queued message, and a nudge whose group changed before it went out is not sent. (Peer coaching's
 * commands are still {@code teams.PairingConversation}; they join these here when it becomes a slice.)
 */
final class PairingWordings {

    private PairingWordings() {
    }

    /** Who a person's partner is this round. */
    @Component
    static class Nudge implements MessageWording<OutboxPayload.PairingNudge> {

        private final PeerCoachingParticipation pairing;

        Nudge(PeerCoachingParticipation pairing) {
            this.pairing = pairing;
        }

        @Override
        public Class<OutboxPayload.PairingNudge> payloadType() {
            return OutboxPayload.PairingNudge.class;
        }

        @Override
        public List<Activity> render(long recipientId, OutboxPayload.PairingNudge payload) {
            return pairing.nudge(payload.memberId(), payload.groupId(), payload.rematch())
                    .map(nudge -> List.of(Reply.card(PairingCards.nudge(nudge)))).orElse(List.of());
        }
    }

    /** "Did you meet?" */
    @Component
    static class FollowUp implements MessageWording<OutboxPayload.PairingFollowUp> {

        private final PeerCoachingParticipation pairing;

        FollowUp(PeerCoachingParticipation pairing) {
            this.pairing = pairing;
        }

        @Override
        public Class<OutboxPayload.PairingFollowUp> payloadType() {
            return OutboxPayload.PairingFollowUp.class;
        }

        @Override
        public List<Activity> render(long recipientId, OutboxPayload.PairingFollowUp payload) {
            return pairing.followUp(payload.followUpId())
                    .map(question -> List.of(Reply.card(PairingCards.followUp(question)))).orElse(List.of());
        }
    }

    /** A change in their round, as a fact worded here. */
    @Component
    static class Update implements MessageWording<OutboxPayload.PairingUpdate> {

        @Override
        public Class<OutboxPayload.PairingUpdate> payloadType() {
            return OutboxPayload.PairingUpdate.class;
        }

        @Override
        public List<Activity> render(long recipientId, OutboxPayload.PairingUpdate update) {
            return List.of(Reply.text(PairingCards.update(update)));
        }
    }
}
