package com.waymark.teams.diagnostic;

import com.waymark.teams.Command;

/**
 * What a person does with the diagnostic before their programme: answer the question they are on (on its card, or
 * typed as "my answer: ..."), skip it, put it off until tomorrow, or ask for it now. {@code diagnostic} (the card's
 * sealed id, {@link com.waymark.teams.CardIds}) and {@code questionId} come from a card (null when typed: then the
 * question they were asked first).
 */
sealed interface DiagnosticCommand extends Command {

    record Answer(String diagnostic, String questionId, String text, boolean quoteOk) implements DiagnosticCommand {
    }

    record Skip(String diagnostic, String questionId) implements DiagnosticCommand {
    }

    record Later(String diagnostic, String questionId) implements DiagnosticCommand {
    }

    record Next() implements DiagnosticCommand {
    }
}
