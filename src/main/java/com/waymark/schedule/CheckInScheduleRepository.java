package com.waymark.schedule;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CheckInScheduleRepository extends JpaRepository<CheckInSchedule, Long> {

    List<CheckInSchedule> findByActiveTrue();

    List<CheckInSchedule> findByProgrammeIdAndActiveTrue(long programmeId);
}
