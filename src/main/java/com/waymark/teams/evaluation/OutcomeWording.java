package com.waymark.teams.evaluation;

import java.time.Clock;
import java.util.List;

import com.microsoft.bot.schema.Activity;
import com.waymark.evaluation.OutcomeInvite;
import com.waymark.evaluation.OutcomeMeasureService;
import com.waymark.programme.ProgrammeService;
import com.waymark.teams.CardIds;
import com.waymark.teams.MessageWording;
import com.waymark.teams.Reply;
import org.springframework.stereotype.Component;

/** The outcome measure's card, made when sent; nothing when the measure was turned off or they already answered. */
@Component
class OutcomeWording implements MessageWording<OutcomeInvite> {

    private final OutcomeMeasureService outcomes;
    private final ProgrammeService programmes;
    private final CardIds ids;
    private final Clock clock;

    OutcomeWording(OutcomeMeasureService outcomes, ProgrammeService programmes, CardIds ids, Clock clock) {
        this.outcomes = outcomes;
        this.programmes = programmes;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Class<OutcomeInvite> payloadType() {
        return OutcomeInvite.class;
    }

    @Override
    public List<Activity> render(long recipientId, OutcomeInvite payload) {
        return outcomes.invitation(recipientId, payload.programmeId(), payload.phase())
                .filter(invitation -> !invitation.answered())
                .flatMap(invitation -> programmes.find(payload.programmeId()).map(programme ->
                        List.of(Reply.card(EvaluationCards.outcome(invitation.programmeName(), payload.phase(),
                                ids.seal(CardIds.Kind.PROGRAMME, recipientId, payload.programmeId()),
                                programme.thresholdAt(clock.instant()))))))
                .orElse(List.of());
    }
}
