package com.waymark.cycle;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A commitment made after a session: the action it became (its text is the action plan's) and how it went. */
@Entity
@Table(name = "cycle_commitment")
class Commitment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "session_id", nullable = false)
    private Long sessionId;

    @Column(name = "programme_id", nullable = false)
    private Long programmeId;

    @Column(name = "participant_id", nullable = false)
    private Long participantId;

    @Column(name = "action_id", nullable = false)
    private Long actionId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "progress")
    private Progress progress;

    @Column(name = "progress_at")
    private Instant progressAt;

    protected Commitment() {
    }

    Commitment(long sessionId, long programmeId, long participantId, long actionId, Instant now) {
        this.sessionId = sessionId;
        this.programmeId = programmeId;
        this.participantId = participantId;
        this.actionId = actionId;
        this.createdAt = now;
    }

    void progressed(Progress how, Instant now) {
        this.progress = how;
        this.progressAt = now;
    }

    Long getId() {
        return id;
    }

    Long getSessionId() {
        return sessionId;
    }

    Long getProgrammeId() {
        return programmeId;
    }

    Long getParticipantId() {
        return participantId;
    }

    Long getActionId() {
        return actionId;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Progress getProgress() {
        return progress;
    }

    Instant getProgressAt() {
        return progressAt;
    }
}
