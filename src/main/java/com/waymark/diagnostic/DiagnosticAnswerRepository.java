package com.waymark.diagnostic;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DiagnosticAnswerRepository extends JpaRepository<DiagnosticAnswer, Long> {

    List<DiagnosticAnswer> findByDiagnosticIdInOrderByAnsweredAtAsc(Collection<Long> diagnosticIds);

    boolean existsByDiagnosticIdAndQuestionId(long diagnosticId, String questionId);

    @Modifying
    @Query("delete from DiagnosticAnswer a where a.diagnosticId in "
            + "(select d.id from Diagnostic d where d.participantId = :participantId)")
    int deleteByParticipant(long participantId);

    @Modifying
    @Query("delete from DiagnosticAnswer a where a.diagnosticId in "
            + "(select d.id from Diagnostic d where d.programmeId = :programmeId)")
    int deleteByProgramme(long programmeId);
}
