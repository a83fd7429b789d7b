package com.waymark.checkin;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ActionItemRepository extends JpaRepository<ActionItem, Long> {

    List<ActionItem> findByParticipantIdOrderByNumberAsc(long participantId);

    Optional<ActionItem> findByParticipantIdAndNumber(long participantId, int number);

    @Query("select coalesce(max(a.number), 0) from ActionItem a where a.participantId = :participantId")
    int maxNumber(long participantId);

    /** Owner, status, times and blocker kind of each action: no text is read, nothing is decrypted. */
    @Query("select a.participantId, a.status, a.createdAt, a.completedAt, a.blockerKind from ActionItem a "
            + "where a.participantId in :participantIds")
    List<Object[]> findStates(Collection<Long> participantIds);
}
