package com.waymark.programme;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface StaffRepository extends JpaRepository<StaffMember, Long> {

    Optional<StaffMember> findByProgrammeIdAndParticipantId(long programmeId, long participantId);

    List<StaffMember> findByProgrammeId(long programmeId);

    /** Every check-in. JPQL: Hibernate keeps the plan of a query string, but translates a derived one on every call. */
    @Query("select s from StaffMember s where s.participantId = :participantId")
    List<StaffMember> findByParticipantId(long participantId);

    boolean existsByParticipantId(long participantId);

    @Modifying
    @Query("delete from StaffMember s where s.participantId = :participantId")
    int deleteByParticipant(long participantId);
}
