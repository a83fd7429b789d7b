package com.waymark.pairing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PairingFollowUpRepository extends JpaRepository<PairingFollowUp, Long> {

    @Query("select f from PairingFollowUp f where f.status = com.waymark.pairing.PairingFollowUp$Status.PLANNED "
            + "and f.dueAt <= :now order by f.dueAt, f.id")
    List<PairingFollowUp> findDue(Instant now, Pageable page);

    List<PairingFollowUp> findByMemberIdOrderById(long memberId);

    List<PairingFollowUp> findByGroupIdInOrderById(Collection<Long> groupIds);

    List<PairingFollowUp> findByParticipantIdOrderById(long participantId);

    @Modifying
    @Query("delete from PairingFollowUp f where f.participantId = :participantId")
    int deleteByParticipant(long participantId);
}
