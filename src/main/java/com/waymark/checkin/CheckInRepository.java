package com.waymark.checkin;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface CheckInRepository extends JpaRepository<CheckIn, Long> {

    List<CheckIn> findTop12ByParticipantIdOrderBySubmittedAtDesc(long participantId);

    List<CheckIn> findByParticipantIdOrderBySubmittedAtAsc(long participantId);

    long countByParticipantId(long participantId);

    @Modifying
    @Query("delete from CheckIn c where c.participantId = :participantId")
    int deleteByParticipant(long participantId);
}
