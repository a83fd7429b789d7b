package com.waymark.checkin;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ActionItemRepository extends JpaRepository<ActionItem, Long> {

    List<ActionItem> findByParticipantIdOrderByNumberAsc(long participantId);

    Optional<ActionItem> findByParticipantIdAndNumber(long participantId, int number);

    @Query("select coalesce(max(a.number), 0) from ActionItem a where a.participantId = :participantId")
    int maxNumber(long participantId);
}
