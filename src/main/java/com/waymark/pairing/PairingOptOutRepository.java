package com.waymark.pairing;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PairingOptOutRepository extends JpaRepository<PairingOptOut, Long> {

    boolean existsByProgrammeIdAndParticipantIdAndRoundIdIsNull(long programmeId, long participantId);

    boolean existsByParticipantIdAndRoundId(long participantId, long roundId);

    List<PairingOptOut> findByParticipantIdOrderById(long participantId);

    @Modifying
    @Query("delete from PairingOptOut o where o.participantId = :participantId and o.roundId is null")
    int deleteStanding(long participantId);

    @Modifying
    @Query("delete from PairingOptOut o where o.participantId = :participantId")
    int deleteByParticipant(long participantId);
}
