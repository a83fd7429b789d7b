package com.waymark.teams.evaluation;

import java.util.List;

import com.microsoft.bot.schema.Activity;
import com.waymark.evaluation.EvaluationInvite;
import com.waymark.evaluation.EvaluationService;
import com.waymark.teams.MessageWording;
import com.waymark.teams.Reply;
import org.springframework.stereotype.Component;

/**
 * The evaluation card, made when it is sent: from the programme's elements then, sealed for its recipient. Nothing
 * is sent to someone who has left the programme or has already answered.
 */
@Component
class EvaluationWording implements MessageWording<EvaluationInvite> {

    private final EvaluationService evaluations;
    private final ProgrammeSeal seal;

    EvaluationWording(EvaluationService evaluations, ProgrammeSeal seal) {
        this.evaluations = evaluations;
        this.seal = seal;
    }

    @Override
    public Class<EvaluationInvite> payloadType() {
        return EvaluationInvite.class;
    }

    @Override
    public List<Activity> render(long recipientId, EvaluationInvite payload) {
        return evaluations.invitation(recipientId, payload.programmeId())
                .filter(invitation -> !invitation.answered() && invitation.roundId() == payload.roundId())
                .flatMap(invitation -> seal.forRecipient(recipientId, payload.programmeId()).map(sealed ->
                        List.of(Reply.card(EvaluationCards.evaluation(invitation, sealed.token(), sealed.threshold())))))
                .orElse(List.of());
    }
}
