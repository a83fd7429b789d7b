package com.waymark.schedule;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface UnavailableDayRepository extends JpaRepository<UnavailableDay, Long> {

    List<UnavailableDay> findByParticipantIdAndDayGreaterThanEqual(long participantId, LocalDate from);

    boolean existsByParticipantIdAndDay(long participantId, LocalDate day);

    /** {@code reason} is an {@link UnavailableDay.Reason} name: LEAVE or ON_CALL. */
    boolean existsByParticipantIdAndDayAndReason(long participantId, LocalDate day, String reason);
}
