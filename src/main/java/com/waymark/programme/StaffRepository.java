package com.waymark.programme;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StaffRepository extends JpaRepository<StaffMember, Long> {

    Optional<StaffMember> findByProgrammeIdAndParticipantId(long programmeId, long participantId);

    List<StaffMember> findByProgrammeId(long programmeId);

    List<StaffMember> findByParticipantId(long participantId);

    boolean existsByParticipantId(long participantId);
}
