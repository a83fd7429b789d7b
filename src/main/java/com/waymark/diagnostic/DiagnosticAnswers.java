package com.waymark.diagnostic;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme's diagnostic answers, for the coach's confidential digest and summary (insight releases them through
 * the confidentiality policy; nothing here decides what a coach may see). Skipped questions are not answers.
 */
@Service
public class DiagnosticAnswers {

    /** One answer: whose (to count people, never to show), to which question, and whether it may be quoted. */
    public record Answered(long answerId, long participantId, String questionId, String text, boolean quoteOk,
                           Instant at) {
    }

    /** Who was offered the diagnostic and every answer given; {@code afterFirstSession}: those offered late. */
    public record ProgrammeAnswers(Set<Long> offered, Set<Long> afterFirstSession, List<Answered> answers) {
    }

    private final DiagnosticRepository diagnostics;
    private final DiagnosticAnswerRepository answers;

    DiagnosticAnswers(DiagnosticRepository diagnostics, DiagnosticAnswerRepository answers) {
        this.diagnostics = diagnostics;
        this.answers = answers;
    }

    @Transactional(readOnly = true)
    public ProgrammeAnswers of(long programmeId) {
        Map<Long, Diagnostic> byId = diagnostics.findByProgrammeId(programmeId).stream()
                .collect(Collectors.toMap(Diagnostic::getId, Function.identity()));
        List<Answered> given = answers.findByDiagnosticIdInOrderByAnsweredAtAsc(byId.keySet()).stream()
                .filter(a -> a.getAnswer() != null)
                .map(a -> new Answered(a.getId(), byId.get(a.getDiagnosticId()).getParticipantId(), a.getQuestionId(),
                        a.getAnswer(), a.isQuoteOk(), a.getAnsweredAt()))
                .toList();
        return new ProgrammeAnswers(byId.values().stream().map(Diagnostic::getParticipantId).collect(Collectors.toSet()),
                byId.values().stream().filter(Diagnostic::isAfterFirstSession).map(Diagnostic::getParticipantId)
                        .collect(Collectors.toSet()), given);
    }
}
