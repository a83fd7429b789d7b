package com.waymark.diagnostic;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.waymark.privacy.PersonalDataHolder;
import com.waymark.privacy.ProgrammeDataHolder;
import com.waymark.programme.ProgrammeInfo;
import com.waymark.programme.Programmes;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's diagnostics, with each question as they read it and what they answered (or that they skipped): in
 * "my data", erased with the rest, and gone with the programme once its retention has passed.
 */
@Component
class DiagnosticData implements PersonalDataHolder, ProgrammeDataHolder {

    record Answer(String question, String answer, boolean skipped, boolean okToQuote, Instant answeredAt) {
    }

    record Offered(String programme, Instant offeredAt, boolean afterFirstSession, Instant finishedAt,
                   List<Answer> answers) {
    }

    private final DiagnosticRepository diagnostics;
    private final DiagnosticAnswerRepository answers;
    private final Programmes programmes;

    DiagnosticData(DiagnosticRepository diagnostics, DiagnosticAnswerRepository answers, Programmes programmes) {
        this.diagnostics = diagnostics;
        this.answers = answers;
        this.programmes = programmes;
    }

    @Override
    public String name() {
        return "diagnostic";
    }

    @Override
    @Transactional(readOnly = true)
    public List<Offered> export(long participantId) {
        List<Diagnostic> mine = diagnostics.findByParticipantIdOrderByStartedAtAsc(participantId);
        Map<Long, List<DiagnosticAnswer>> byDiagnostic = answers.findByDiagnosticIdInOrderByAnsweredAtAsc(
                mine.stream().map(Diagnostic::getId).toList()).stream()
                .collect(Collectors.groupingBy(DiagnosticAnswer::getDiagnosticId));
        return mine.stream().map(d -> new Offered(
                programmes.find(d.getProgrammeId()).map(ProgrammeInfo::name).orElse(null), d.getStartedAt(),
                d.isAfterFirstSession(), d.getFinishedAt(),
                byDiagnostic.getOrDefault(d.getId(), List.of()).stream().map(a -> new Answer(
                        DiagnosticQuestions.find(a.getQuestionId()).map(DiagnosticQuestions.Question::text)
                                .orElse(a.getQuestionId()), a.getAnswer(), a.getAnswer() == null, a.isQuoteOk(),
                        a.getAnsweredAt())).toList()))
                .toList();
    }

    @Override
    @Transactional
    public int erase(long participantId) {
        return answers.deleteByParticipant(participantId) + diagnostics.deleteByParticipant(participantId);
    }

    @Override
    @Transactional
    public int eraseProgrammeData(long programmeId) {
        return answers.deleteByProgramme(programmeId) + diagnostics.deleteByProgramme(programmeId);
    }
}
