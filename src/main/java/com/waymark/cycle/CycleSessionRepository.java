package com.waymark.cycle;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CycleSessionRepository extends JpaRepository<CycleSession, Long> {

    /** The one claim: only the first caller, on any instance, sees 1. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update CycleSession s set s.endedAt = :at, s.endedBy = :by where s.sessionId = :id and s.endedAt is null")
    int claimEnd(long id, Instant at, String by);

    /** Sessions held in this meeting (a recurring meeting keeps one thread) not yet ended, begun by {@code by}. */
    @Query("select s from CycleSession s where s.meetingKey in :keys and s.endedAt is null and s.startsAt <= :by "
            + "order by s.startsAt desc")
    List<CycleSession> openInMeeting(Collection<String> keys, Instant by);

    List<CycleSession> findByProgrammeIdAndEndedAtIsNotNullOrderByStartsAtAsc(long programmeId);

    boolean existsByProgrammeIdAndEndedAtIsNotNull(long programmeId);

    List<CycleSession> findByProgrammeIdOrderByStartsAtAsc(long programmeId);
}
