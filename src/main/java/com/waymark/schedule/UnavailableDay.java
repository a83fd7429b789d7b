package com.waymark.schedule;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A day on leave or on call: no check-in lands on it. */
@Entity
@Table(name = "unavailable_day")
class UnavailableDay {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "participant_id", nullable = false)
    private Long participantId;

    @Column(name = "away_on", nullable = false)
    private LocalDate day;

    @Column(nullable = false)
    private String reason;

    protected UnavailableDay() {
    }

    long getParticipantId() {
        return participantId;
    }

    UnavailableDay(long participantId, LocalDate day, AwayReason reason) {
        this.participantId = participantId;
        this.day = day;
        this.reason = reason.name();
    }

    public LocalDate getDay() {
        return day;
    }
}
