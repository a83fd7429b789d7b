package com.waymark.teams;

import java.util.List;

import com.microsoft.bot.schema.Activity;
import com.waymark.insight.TeamInsights;
import com.waymark.outbox.OutboxPayload;
import org.springframework.stereotype.Component;

/**
 * Wordings of the two payloads no feature slice owns yet: the pre-session digest (its slice is the session cycle's
 * to come) and the sentences of rows queued before payloads were typed.
 */
final class OlderWordings {

    private OlderWordings() {
    }

    /** The pre-session digest, composed when sent, not when queued: it covers everything up to its arrival. */
    @Component
    static class SessionDigest implements MessageWording<OutboxPayload.SessionDigest> {

        private final TeamInsights insights;

        SessionDigest(TeamInsights insights) {
            this.insights = insights;
        }

        @Override
        public Class<OutboxPayload.SessionDigest> payloadType() {
            return OutboxPayload.SessionDigest.class;
        }

        @Override
        public List<Activity> render(long recipientId, OutboxPayload.SessionDigest payload) {
            return insights.digest(recipientId, payload.programmeId(), payload.startsAt(), payload.sessionId())
                    .map(digest -> List.of(Reply.card(InsightCards.digest(digest)))).orElse(List.of());
        }
    }

    /** Rows queued before payloads were typed: plain sentences that may name a programme, plain text whole. */
    @Component
    static class LegacyText implements MessageWording<OutboxPayload.LegacyText> {

        @Override
        public Class<OutboxPayload.LegacyText> payloadType() {
            return OutboxPayload.LegacyText.class;
        }

        @Override
        public List<Activity> render(long recipientId, OutboxPayload.LegacyText payload) {
            return List.of(Reply.text(PlainText.of(payload.text() == null ? "" : payload.text())));
        }
    }
}
