package com.waymark.schedule;

import org.springframework.data.jpa.repository.JpaRepository;

interface PreferencesRepository extends JpaRepository<ParticipantPreferences, Long> {
}
