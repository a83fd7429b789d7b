package com.waymark.checkin;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CheckInRepository extends JpaRepository<CheckIn, Long> {

    List<CheckIn> findTop12ByParticipantIdOrderBySubmittedAtDesc(long participantId);

    List<CheckIn> findByParticipantIdOrderBySubmittedAtAsc(long participantId);

    long countByParticipantId(long participantId);
}
