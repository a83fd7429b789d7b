package com.waymark.teams.support;

import java.util.List;

import com.microsoft.bot.schema.Activity;
import com.waymark.care.CoachCallService;
import com.waymark.care.SupportResources;
import com.waymark.outbox.OutboxPayload;
import com.waymark.privacy.NameDirectory;
import com.waymark.teams.MessageWording;
import com.waymark.teams.PlainText;
import com.waymark.teams.Reply;
import com.waymark.teams.TrustCards;
import org.springframework.stereotype.Component;

/** A participant asked for a coach to call: the card to their coaches, with the support the participant was shown. */
@Component
class CoachCallWording implements MessageWording<OutboxPayload.CoachCall> {

    private final CoachCallService coachCalls;
    private final NameDirectory names;
    private final SupportResources support;

    CoachCallWording(CoachCallService coachCalls, NameDirectory names, SupportResources support) {
        this.coachCalls = coachCalls;
        this.names = names;
        this.support = support;
    }

    @Override
    public Class<OutboxPayload.CoachCall> payloadType() {
        return OutboxPayload.CoachCall.class;
    }

    /** Named when sent, from ids: a person who erased their data meanwhile is not named, nor asked for. */
    @Override
    public List<Activity> render(long recipientId, OutboxPayload.CoachCall payload) {
        return coachCalls.find(payload.requestId())
                .map(request -> List.of(Reply.card(TrustCards.coachCall(
                        PlainText.of(names.personName(request.participantId()).orElse("one of your participants")),
                        PlainText.of(names.programmeName(payload.programmeId()).orElse("your programme")),
                        support.resources()))))
                .orElse(List.of());
    }
}
