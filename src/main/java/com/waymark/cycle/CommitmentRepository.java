package com.waymark.cycle;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CommitmentRepository extends JpaRepository<Commitment, Long> {

    List<Commitment> findByParticipantIdOrderByCreatedAtAscIdAsc(long participantId);

    List<Commitment> findByProgrammeId(long programmeId);

    @Modifying
    @Query("delete from Commitment c where c.participantId = :participantId")
    int deleteByParticipant(long participantId);

    @Modifying
    @Query("delete from Commitment c where c.programmeId = :programmeId")
    int deleteByProgramme(long programmeId);
}
