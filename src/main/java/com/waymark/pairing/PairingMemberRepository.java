package com.waymark.pairing;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PairingMemberRepository extends JpaRepository<PairingMember, Long> {

    List<PairingMember> findByGroupIdOrderById(long groupId);

    List<PairingMember> findByRoundIdOrderById(long roundId);

    List<PairingMember> findByRoundIdInOrderById(Collection<Long> roundIds);

    List<PairingMember> findByParticipantIdOrderById(long participantId);

    @Modifying
    @Query("delete from PairingMember m where m.participantId = :participantId")
    int deleteByParticipant(long participantId);
}
