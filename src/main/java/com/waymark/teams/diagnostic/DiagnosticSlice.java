package com.waymark.teams.diagnostic;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.bot.schema.Activity;
import com.waymark.diagnostic.Asking;
import com.waymark.diagnostic.DiagnosticProblem;
import com.waymark.diagnostic.DiagnosticService;
import com.waymark.teams.BadInput;
import com.waymark.teams.CardIds;
import com.waymark.teams.CardSubmit;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.HelpLine;
import com.waymark.teams.Phrase;
import com.waymark.teams.Reply;
import com.waymark.teams.Turn;
import org.springframework.stereotype.Component;

/**
 * The diagnostic before a programme's first session at the Teams edge: its question cards and their buttons, and
 * the typed forms ("my answer: ...", "skip this question", "ask me later", "next question"). "skip this one" is
 * the check-in's, so the typed skip says "question".
 */
@Component
class DiagnosticSlice implements FeatureSlice<DiagnosticCommand> {

    private static final Pattern TYPED_ANSWER = Pattern.compile("(?is)my answer\\s*[:\\-]?\\s*(.*)");

    static final String NOTHING_WAITING = "There's no question from me waiting for you just now. When you join a "
            + "programme, its coaches' questions before the first session come here.";

    private final DiagnosticService diagnostics;
    private final CardIds ids;

    DiagnosticSlice(DiagnosticService diagnostics, CardIds ids) {
        this.diagnostics = diagnostics;
        this.ids = ids;
    }

    @Override
    public Optional<DiagnosticCommand> parse(Phrase phrase) {
        if (phrase.is("next question", "diagnostic")) {
            return Optional.of(new DiagnosticCommand.Next());
        }
        if (phrase.is("skip this question", "skip question")) {
            return Optional.of(new DiagnosticCommand.Skip(null, null));
        }
        if (phrase.is("ask me later", "ask me tomorrow")) {
            return Optional.of(new DiagnosticCommand.Later(null, null));
        }
        Matcher answer = TYPED_ANSWER.matcher(phrase.text());
        if (answer.matches()) {
            return Optional.of(new DiagnosticCommand.Answer(null, null, answer.group(1), false));
        }
        return Optional.empty();
    }

    @Override
    public Optional<DiagnosticCommand> parseCard(CardSubmit submit) {
        return switch (submit.action()) {
            case DiagnosticCards.ANSWER -> Optional.of(new DiagnosticCommand.Answer(token(submit),
                    submit.text("question"), submit.text("answer"), "true".equals(submit.text("quoteOk"))));
            case DiagnosticCards.SKIP -> Optional.of(new DiagnosticCommand.Skip(token(submit), submit.text("question")));
            case DiagnosticCards.LATER -> Optional.of(new DiagnosticCommand.Later(token(submit),
                    submit.text("question")));
            case DiagnosticCards.NEXT -> Optional.of(new DiagnosticCommand.Next());
            default -> Optional.empty();
        };
    }

    @Override
    public List<Activity> handle(Turn turn, DiagnosticCommand command) {
        try {
            long id = turn.participantId();
            if (command instanceof DiagnosticCommand.Answer answer) {
                return List.of(Reply.card(DiagnosticCards.progress(diagnostics.answer(id, opened(id,
                        answer.diagnostic()), answer.questionId(), answer.text(), answer.quoteOk()), false)));
            }
            if (command instanceof DiagnosticCommand.Skip skip) {
                return List.of(Reply.card(DiagnosticCards.progress(
                        diagnostics.skip(id, opened(id, skip.diagnostic()), skip.questionId()), true)));
            }
            if (command instanceof DiagnosticCommand.Later later) {
                Asking asking = diagnostics.later(id, opened(id, later.diagnostic()), later.questionId());
                return List.of(Reply.text("No rush. I'll ask question " + asking.number() + " of " + asking.of()
                        + " again tomorrow, or say \"next question\" whenever you're ready."));
            }
            return diagnostics.now(id).map(asking -> List.of(Reply.card(DiagnosticCards.question(asking,
                            ids.seal(CardIds.Kind.DIAGNOSTIC, id, asking.diagnosticId())))))
                    .orElseGet(() -> List.of(Reply.text(NOTHING_WAITING)));
        } catch (DiagnosticProblem problem) {
            throw new BadInput(problem.getMessage());
        }
    }

    @Override
    public List<HelpLine> help() {
        return List.of(HelpLine.participant("**next question** – the question your coaches ask before your "
                        + "programme begins (answer with **my answer: …**, or **skip this question**, **ask me later**)"));
    }

    /** A card's sealed diagnostic id, as it came (null when typed: then the question they were asked first). */
    private static String token(CardSubmit submit) {
        String raw = submit.text("diagnostic");
        return raw == null ? "" : raw;
    }

    /**
     * The diagnostic a card names, for this person: a typed command names none (null); a token that isn't theirs, or
     * isn't one at all, reads as an id nobody has, so it gets the answer an unknown id gets.
     */
    private Long opened(long viewerId, String token) {
        if (token == null) {
            return null;
        }
        return ids.open(CardIds.Kind.DIAGNOSTIC, viewerId, token).orElse(-1L);
    }
}
