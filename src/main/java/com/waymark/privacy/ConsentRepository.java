package com.waymark.privacy;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ConsentRepository extends JpaRepository<ConsentRecord, Long> {

    @Query("select count(distinct c.participantId) from ConsentRecord c where c.participantId in :ids "
            + "and c.noticeVersion = :version and c.withdrawnAt is null")
    long countConsented(Collection<Long> ids, int version);

    @Query("select distinct c.participantId from ConsentRecord c where c.participantId in :ids "
            + "and c.noticeVersion = :version and c.withdrawnAt is null")
    List<Long> findConsented(Collection<Long> ids, int version);

    List<ConsentRecord> findByParticipantIdOrderByGivenAtAsc(long participantId);

    @Modifying
    @Query("delete from ConsentRecord c where c.participantId = :participantId")
    int deleteByParticipant(long participantId);
}
