package com.waymark.diagnostic;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DiagnosticRepository extends JpaRepository<Diagnostic, Long> {

    Optional<Diagnostic> findByParticipantIdAndProgrammeId(long participantId, long programmeId);

    List<Diagnostic> findByParticipantIdOrderByStartedAtAsc(long participantId);

    List<Diagnostic> findByProgrammeId(long programmeId);

    /** Unfinished ones, oldest first: a typed answer goes to the question they were asked first. */
    @Query("select d from Diagnostic d where d.participantId = :participantId and d.finishedAt is null "
            + "order by d.startedAt asc, d.id asc")
    List<Diagnostic> open(long participantId);

    @Modifying
    @Query("delete from Diagnostic d where d.participantId = :participantId")
    int deleteByParticipant(long participantId);

    @Modifying
    @Query("delete from Diagnostic d where d.programmeId = :programmeId")
    int deleteByProgramme(long programmeId);
}
