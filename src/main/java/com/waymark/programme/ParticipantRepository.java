package com.waymark.programme;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ParticipantRepository extends JpaRepository<Participant, Long> {

    /** Every turn. JPQL: Hibernate keeps the plan of a query string, but translates a derived one on every call. */
    @Query("select p from Participant p where p.tenantId = :tenantId and p.identityKey = :identityKey")
    Optional<Participant> findByTenantIdAndIdentityKey(String tenantId, String identityKey);

    /** Id and stored 1:1 conversation reference of those of these people who have one: just the two columns. */
    @Query("select p.id, p.conversationReference from Participant p where p.id in :ids "
            + "and p.conversationReference is not null")
    List<Object[]> findConversationReferences(Collection<Long> ids);

    @Modifying
    @Query("delete from Participant p where p.id = :participantId")
    int deleteWithId(long participantId);
}
