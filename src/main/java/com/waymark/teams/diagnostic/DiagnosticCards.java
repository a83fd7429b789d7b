package com.waymark.teams.diagnostic;

import java.util.Map;

import com.waymark.diagnostic.Asking;
import com.waymark.diagnostic.DiagnosticQuestions;
import com.waymark.diagnostic.DiagnosticService;
import com.waymark.diagnostic.DiagnosticService.Progress;
import com.waymark.teams.AdaptiveCard;
import com.waymark.teams.PlainText;

/** The diagnostic's cards: one question at a time, and what a person is told after answering. */
final class DiagnosticCards {

    static final String ANSWER = "diagnosticAnswer";
    static final String SKIP = "diagnosticSkip";
    static final String LATER = "diagnosticLater";
    static final String NEXT = "diagnosticNext";

    private DiagnosticCards() {
    }

    /**
     * One question; the first one says what the diagnostic is, and a late joiner is told why it still comes.
     * {@code sealed}: the diagnostic's id sealed for this person ({@link com.waymark.teams.CardIds}), never the
     * database's own number.
     */
    static AdaptiveCard question(Asking asking, String sealed) {
        AdaptiveCard card = AdaptiveCard.create().heading(asking.position() == 0
                ? "Before your first session" : "Before your first session: question " + asking.number() + " of "
                + asking.of());
        if (asking.position() == 0) {
            card.text("Your coaches would like to hear from you before " + PlainText.of(asking.programmeName())
                    + " begins, as they would in a short 1:1 conversation: " + DiagnosticQuestions.count()
                    + " questions, one at a time, at your own pace. Skip any you'd rather not answer.");
            if (asking.afterFirstSession()) {
                card.subtle("The first session has already taken place. Your answers still help your coaches get to "
                        + "know you, and they'll see these came after it.");
            }
        }
        card.text("**" + asking.question().text() + "**").subtle(asking.question().hint());
        Map<String, String> ids = Map.of("diagnostic", sealed,
                "question", asking.question().id());
        return card.textInput("answer", "Your answer", "A few words or a few lines", DiagnosticService.MAX_ANSWER_CHARS)
                .toggle("quoteOk", "OK to quote me, without my name, to my coach")
                .subtle(privacy(asking.threshold()))
                .submit("Send", ANSWER, ids)
                .submitAlone("Skip this one", SKIP, ids)
                .submitAlone("Later", LATER, ids);
    }

    /** After an answer or a skip: thanks, and when the next question comes, or a kind ending after the last. */
    static AdaptiveCard progress(Progress progress, boolean skipped) {
        AdaptiveCard card = AdaptiveCard.create();
        if (progress.finished()) {
            return card.text((progress.answered() == 0 ? "That was the last question. Thank you for looking at them"
                    : "Thank you: that was the last question, and your answers will help your coaches shape the "
                    + "sessions") + ". " + privacy(progress.threshold()) + " You'll find your answers in \"my data\"; "
                    + "\"delete my data\" erases them.");
        }
        Asking next = progress.next();
        card.text((skipped ? "Skipped: I won't ask that one again." : "Thank you, that's noted.")
                + " Question " + next.number() + " of " + next.of()
                + " comes tomorrow; say \"next question\" or press the button if you'd like it now.");
        return card.submitAlone("Next question now", NEXT, Map.of());
    }

    /** What every question card and the last thank-you say about who sees the answers. */
    static String privacy(int threshold) {
        return "Only you see your answers. Your coaches see how many people answered and the themes shared by at "
                + "least " + threshold + " people, never your name, and your words only if you tick \"OK to quote me\".";
    }
}
