package com.waymark.schedule;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CoachingSessionRepository extends JpaRepository<CoachingSession, Long> {

    Optional<CoachingSession> findFirstByProgrammeIdAndStartsAtAfterOrderByStartsAt(long programmeId, Instant after);

    Optional<CoachingSession> findFirstByProgrammeIdAndStartsAtBeforeOrderByStartsAtDesc(long programmeId,
                                                                                      Instant before);
}
