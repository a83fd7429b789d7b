package com.waymark.schedule;

import java.util.Collection;

import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface UnavailableDayRepository extends JpaRepository<UnavailableDay, Long> {

    List<UnavailableDay> findByParticipantIdAndDayGreaterThanEqual(long participantId, LocalDate from);

    /** Several people's days from a date on, for planning a whole programme in one read. */
    @Query("select u from UnavailableDay u where u.participantId in :participantIds and u.day >= :from")
    List<UnavailableDay> findForPeopleFrom(Collection<Long> participantIds, LocalDate from);

    boolean existsByParticipantIdAndDay(long participantId, LocalDate day);

    /** {@code reason} is an {@link AwayReason} name: LEAVE or ON_CALL. */
    boolean existsByParticipantIdAndDayAndReason(long participantId, LocalDate day, String reason);
}
