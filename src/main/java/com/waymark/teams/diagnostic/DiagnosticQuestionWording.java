package com.waymark.teams.diagnostic;

import java.util.List;

import com.microsoft.bot.schema.Activity;
import com.waymark.diagnostic.DiagnosticQuestion;
import com.waymark.diagnostic.DiagnosticService;
import com.waymark.teams.CardIds;
import com.waymark.teams.MessageWording;
import com.waymark.teams.Reply;
import org.springframework.stereotype.Component;

/** A queued diagnostic question, worded when it is due: nothing when it was answered (or no longer applies) since. */
@Component
class DiagnosticQuestionWording implements MessageWording<DiagnosticQuestion> {

    private final DiagnosticService diagnostics;
    private final CardIds ids;

    DiagnosticQuestionWording(DiagnosticService diagnostics, CardIds ids) {
        this.diagnostics = diagnostics;
        this.ids = ids;
    }

    @Override
    public Class<DiagnosticQuestion> payloadType() {
        return DiagnosticQuestion.class;
    }

    @Override
    public List<Activity> render(long recipientId, DiagnosticQuestion payload) {
        return diagnostics.stillToAsk(recipientId, payload)
                .map(asking -> List.of(Reply.card(DiagnosticCards.question(asking,
                        ids.seal(CardIds.Kind.DIAGNOSTIC, recipientId, asking.diagnosticId())))))
                .orElse(List.of());
    }
}
