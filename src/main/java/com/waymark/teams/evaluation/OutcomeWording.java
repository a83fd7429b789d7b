package com.waymark.teams.evaluation;

import java.util.List;

import com.microsoft.bot.schema.Activity;
import com.waymark.evaluation.OutcomeInvite;
import com.waymark.evaluation.OutcomeMeasureService;
import com.waymark.teams.MessageWording;
import com.waymark.teams.Reply;
import org.springframework.stereotype.Component;

/** The outcome measure's card, made when sent; nothing when the measure was turned off or they already answered. */
@Component
class OutcomeWording implements MessageWording<OutcomeInvite> {

    private final OutcomeMeasureService outcomes;
    private final ProgrammeSeal seal;

    OutcomeWording(OutcomeMeasureService outcomes, ProgrammeSeal seal) {
        this.outcomes = outcomes;
        this.seal = seal;
    }

    @Override
    public Class<OutcomeInvite> payloadType() {
        return OutcomeInvite.class;
    }

    @Override
    public List<Activity> render(long recipientId, OutcomeInvite payload) {
        return outcomes.invitation(recipientId, payload.programmeId(), payload.phase())
                .filter(invitation -> !invitation.answered())
                .flatMap(invitation -> seal.forRecipient(recipientId, payload.programmeId()).map(sealed ->
                        List.of(Reply.card(EvaluationCards.outcome(invitation.programmeName(), payload.phase(),
                                sealed.token(), sealed.threshold())))))
                .orElse(List.of());
    }
}
