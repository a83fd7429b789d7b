package com.waymark.programme;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ParticipantRepository extends JpaRepository<Participant, Long> {

    Optional<Participant> findByTenantIdAndIdentityKey(String tenantId, String identityKey);
}
