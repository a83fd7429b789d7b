package com.waymark.schedule;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PreferencesRepository extends JpaRepository<ParticipantPreferences, Long> {
}
