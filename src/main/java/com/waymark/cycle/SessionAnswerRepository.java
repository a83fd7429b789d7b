package com.waymark.cycle;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SessionAnswerRepository extends JpaRepository<SessionAnswer, Long> {

    boolean existsBySessionIdAndParticipantId(long sessionId, long participantId);

    List<SessionAnswer> findByParticipantIdOrderByAnsweredAtAsc(long participantId);

    List<SessionAnswer> findBySessionId(long sessionId);

    @Modifying
    @Query("delete from SessionAnswer a where a.participantId = :participantId")
    int deleteByParticipant(long participantId);

    @Modifying
    @Query("delete from SessionAnswer a where a.programmeId = :programmeId")
    int deleteByProgramme(long programmeId);
}
