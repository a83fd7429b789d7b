package com.waymark.checkin;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CheckInRepository extends JpaRepository<CheckIn, Long> {

    List<CheckIn> findByParticipantIdOrderBySubmittedAtAsc(long participantId);

    /** The prompts someone has answered, oldest first: just the ids, not their whole history with its reflections. */
    @Query("select c.promptId from CheckIn c where c.participantId = :participantId and c.promptId is not null "
            + "order by c.participantId, c.submittedAt")
    List<String> findPromptIds(long participantId);

    @Modifying
    @Query("delete from CheckIn c where c.participantId = :participantId")
    int deleteByParticipant(long participantId);

    /** Their embeddings go with them (foreign key, on delete cascade). */
    @Modifying
    @Query("delete from CheckIn c where c.programmeId = :programmeId")
    int deleteByProgramme(long programmeId);

    /** Participant id, wellbeing, energy, time and id of each rating: no text is read, nothing is decrypted. */
    @Query("select c.participantId, c.wellbeing, c.energy, c.submittedAt, c.id from CheckIn c "
            + "where c.programmeId = :programmeId and c.submittedAt >= :from and c.submittedAt < :to")
    List<Object[]> findRatings(long programmeId, Instant from, Instant to);

    @Query("select c from CheckIn c where c.programmeId = :programmeId and c.submittedAt >= :from "
            + "and c.submittedAt < :to and c.reflection is not null order by c.submittedAt, c.id")
    List<CheckIn> findWithReflection(long programmeId, Instant from, Instant to);
}
