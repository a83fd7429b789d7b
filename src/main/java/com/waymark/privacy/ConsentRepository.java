package com.waymark.privacy;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ConsentRepository extends JpaRepository<ConsentRecord, Long> {

    /** Every turn. JPQL: Hibernate keeps the plan of a query string, but translates a derived one on every call. */
    @Query("select count(c) > 0 from ConsentRecord c where c.participantId = :participantId "
            + "and c.noticeVersion = :noticeVersion and c.withdrawnAt is null")
    boolean existsByParticipantIdAndNoticeVersionAndWithdrawnAtIsNull(long participantId, int noticeVersion);

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
