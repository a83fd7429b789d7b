package com.waymark.checkin;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface CheckInRepository extends JpaRepository<CheckIn, Long> {

    List<CheckIn> findByParticipantIdOrderBySubmittedAtAsc(long participantId);

    /** The prompts someone has answered, oldest first: just the ids, not their whole history with its reflections. */
    @Query("select c.promptId from CheckIn c where c.participantId = :participantId and c.promptId is not null "
            + "order by c.participantId, c.submittedAt")
    List<String> findPromptIds(long participantId);

    /**
     * Someone's latest ratings, newest first: wellbeing and energy only, so the trend neither loads nor decrypts
     * reflections. Ordered by person as well, as the index is: then H2 reads only these rows from the index; ordered
     * by time alone it reads the person's whole history and sorts it (PostgreSQL copes either way). Runs on every
     * check-in, hence JPQL: Hibernate keeps the plan of a query string, but translates a query derived from a method
     * name (Criteria) afresh on every call.
     */
    @Query("select c.wellbeing, c.energy from CheckIn c where c.participantId = :participantId "
            + "order by c.participantId desc, c.submittedAt desc")
    List<Object[]> findRecentRatings(long participantId, Limit limit);

    /** {@code count(*)}, not {@code count(c)}: no column of the rows is needed, so the index can answer it. */
    @Query("select count(*) from CheckIn c where c.participantId = :participantId")
    long countByParticipantId(long participantId);

    @Modifying
    @Query("delete from CheckIn c where c.participantId = :participantId")
    int deleteByParticipant(long participantId);

    /** Participant id, wellbeing, energy and time of each rating: no text is read, nothing is decrypted. */
    @Query("select c.participantId, c.wellbeing, c.energy, c.submittedAt from CheckIn c "
            + "where c.programmeId = :programmeId and c.submittedAt >= :from and c.submittedAt < :to")
    List<Object[]> findRatings(long programmeId, Instant from, Instant to);

    @Query("select c from CheckIn c where c.programmeId = :programmeId and c.submittedAt >= :from "
            + "and c.submittedAt < :to and c.reflection is not null order by c.submittedAt, c.id")
    List<CheckIn> findWithReflection(long programmeId, Instant from, Instant to);
}
