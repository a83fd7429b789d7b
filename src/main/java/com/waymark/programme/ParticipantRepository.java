package com.waymark.programme;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ParticipantRepository extends JpaRepository<Participant, Long> {

    Optional<Participant> findByTenantIdAndIdentityKey(String tenantId, String identityKey);

    @Modifying
    @Query("delete from Participant p where p.id = :participantId")
    int deleteWithId(long participantId);
}
