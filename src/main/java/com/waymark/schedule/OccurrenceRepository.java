package com.waymark.schedule;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OccurrenceRepository extends JpaRepository<Occurrence, Long> {

    boolean existsByKey(String key);

    /** The keys a rhythm already has from a time on: planning checks these in memory, not one query per slot. */
    @Query("select o.key from Occurrence o where o.scheduleId = :scheduleId and o.nominalAt >= :from")
    List<String> findKeysFrom(long scheduleId, Instant from);

    @Query("select o from Occurrence o where o.status = :status and o.sendAt <= :now order by o.sendAt, o.id")
    List<Occurrence> findDue(Occurrence.Status status, Instant now, Pageable page);

    @Query("select o from Occurrence o where o.status = com.waymark.schedule.Occurrence$Status.SENT "
            + "and o.remindAt <= :now and o.closesAt > :now order by o.remindAt, o.id")
    List<Occurrence> findReminderDue(Instant now, Pageable page);

    @Query("select o from Occurrence o where o.status in :open and o.closesAt <= :now order by o.closesAt, o.id")
    List<Occurrence> findClosed(Collection<Occurrence.Status> open, Instant now, Pageable page);

    /**
     * Someone's open occurrences (queued, sent or reminded, inside their window), newest first: every check-in asks.
     * The statuses are literals, not a collection parameter: Hibernate re-translates a query whose list parameter it
     * has to expand on every call, and keeps the plan of one without.
     */
    @Query("select o from Occurrence o where o.participantId = :participantId and o.status in ("
            + "com.waymark.schedule.Occurrence$Status.QUEUED, com.waymark.schedule.Occurrence$Status.SENT, "
            + "com.waymark.schedule.Occurrence$Status.REMINDED) "
            + "and o.sendAt <= :now and o.closesAt > :now order by o.sendAt desc")
    List<Occurrence> findOpenFor(long participantId, Instant now);

    @Query("select o from Occurrence o where o.participantId = :participantId and o.status = "
            + "com.waymark.schedule.Occurrence$Status.PLANNED and o.sendAt < :before")
    List<Occurrence> findPlannedBefore(long participantId, Instant before);

    List<Occurrence> findByParticipantIdAndStatus(long participantId, Occurrence.Status status);

    List<Occurrence> findByParticipantIdAndProgrammeIdAndStatusIn(long participantId, long programmeId,
                                                                  Collection<Occurrence.Status> statuses);

    List<Occurrence> findByParticipantIdOrderBySendAtDesc(long participantId, Pageable page);

    List<Occurrence> findByParticipantIdAndStatusAndSendAtGreaterThanOrderBySendAt(long participantId,
                                                                                  Occurrence.Status status,
                                                                                  Instant after, Pageable page);
}
