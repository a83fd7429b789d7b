package com.waymark.programme;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MembershipRepository extends JpaRepository<Membership, Long> {

    Optional<Membership> findByProgrammeIdAndParticipantId(long programmeId, long participantId);

    /** Every check-in. JPQL: Hibernate keeps the plan of a query string, but translates a derived one on every call. */
    @Query("select m from Membership m where m.participantId = :participantId")
    List<Membership> findByParticipantId(long participantId);

    List<Membership> findByProgrammeId(long programmeId);

    long countByProgrammeIdAndStatus(long programmeId, MembershipInfo.Status status);

    @Modifying
    @Query("delete from Membership m where m.participantId = :participantId")
    int deleteByParticipant(long participantId);

    @Modifying
    @Query("delete from Membership m where m.programmeId = :programmeId")
    int deleteByProgramme(long programmeId);

    /** Other people's memberships keep their place; only the pointer to this person as line manager goes. */
    @Modifying
    @Query("update Membership m set m.lineManagerId = null where m.lineManagerId = :participantId")
    int forgetLineManager(long participantId);
}
