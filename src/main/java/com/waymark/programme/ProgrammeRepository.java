package com.waymark.programme;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProgrammeRepository extends JpaRepository<Programme, Long> {

    Optional<Programme> findByJoinCode(String joinCode);

    boolean existsByJoinCode(String joinCode);

    boolean existsByName(String name);

    /** Programmes that have an end, the only ones retention can apply to. */
    List<Programme> findByEndsOnNotNull();
}
