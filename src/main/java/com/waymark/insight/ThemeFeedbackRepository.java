package com.waymark.insight;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ThemeFeedbackRepository extends JpaRepository<ThemeFeedbackEntry, Long> {

    List<ThemeFeedbackEntry> findByProgrammeIdOrderById(long programmeId);
}
