package com.waymark.teams.evaluation;

import java.time.Clock;
import java.util.List;

import com.microsoft.bot.schema.Activity;
import com.waymark.evaluation.EvaluationInvite;
import com.waymark.evaluation.EvaluationService;
import com.waymark.programme.ProgrammeService;
import com.waymark.teams.CardIds;
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
    private final ProgrammeService programmes;
    private final CardIds ids;
    private final Clock clock;

    EvaluationWording(EvaluationService evaluations, ProgrammeService programmes, CardIds ids, Clock clock) {
        this.evaluations = evaluations;
        this.programmes = programmes;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Class<EvaluationInvite> payloadType() {
        return EvaluationInvite.class;
    }

    @Override
    public List<Activity> render(long recipientId, EvaluationInvite payload) {
        return evaluations.invitation(recipientId, payload.programmeId())
                .filter(invitation -> !invitation.answered() && invitation.roundId() == payload.roundId())
                .flatMap(invitation -> programmes.find(payload.programmeId()).map(programme ->
                        List.of(Reply.card(EvaluationCards.evaluation(invitation,
                                ids.seal(CardIds.Kind.PROGRAMME, recipientId, payload.programmeId()),
                                programme.thresholdAt(clock.instant()))))))
                .orElse(List.of());
    }
}
