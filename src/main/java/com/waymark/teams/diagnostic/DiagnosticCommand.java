package com.waymark.teams.diagnostic;

import com.waymark.teams.Command;

/**
 * What a person does with the diagnostic before their programme: answer the question they are on (on its card, or
 * typed as "my answer: ..."), skip it, put it off until tomorrow, or ask for it now. {@code diagnosticId} and
 * {@code questionId} come from a card (null when typed: then the question they were asked first).
 */
sealed interface DiagnosticCommand extends Command {

    record Answer(Long diagnosticId, String questionId, String text, boolean quoteOk) implements DiagnosticCommand {
    }

    record Skip(Long diagnosticId, String questionId) implements DiagnosticCommand {
    }

    record Later(Long diagnosticId, String questionId) implements DiagnosticCommand {
    }

    record Next() implements DiagnosticCommand {
    }
}
