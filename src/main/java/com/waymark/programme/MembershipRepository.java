package com.waymark.programme;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MembershipRepository extends JpaRepository<Membership, Long> {

    Optional<Membership> findByProgrammeIdAndParticipantId(long programmeId, long participantId);

    List<Membership> findByParticipantId(long participantId);

    List<Membership> findByProgrammeId(long programmeId);

    long countByProgrammeIdAndStatus(long programmeId, Membership.Status status);
}
