package com.waymark.care;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CoachCallRequestRepository extends JpaRepository<CoachCallRequest, Long> {

    List<CoachCallRequest> findByParticipantIdOrderByRequestedAtAsc(long participantId);

    List<CoachCallRequest> findByStatusOrderByRequestedAtAsc(CoachCallRequest.Status status);

    boolean existsByParticipantIdAndStatus(long participantId, CoachCallRequest.Status status);

    @Modifying
    @Query("delete from CoachCallRequest r where r.participantId = :participantId")
    int deleteByParticipant(long participantId);

    @Modifying
    @Query("delete from CoachCallRequest r where r.programmeId = :programmeId")
    int deleteByProgramme(long programmeId);
}
