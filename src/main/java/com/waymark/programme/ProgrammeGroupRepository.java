package com.waymark.programme;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProgrammeGroupRepository extends JpaRepository<ProgrammeGroup, Long> {

    List<ProgrammeGroup> findByProgrammeIdOrderByName(long programmeId);

    Optional<ProgrammeGroup> findByProgrammeIdAndNameKey(long programmeId, String nameKey);
}
